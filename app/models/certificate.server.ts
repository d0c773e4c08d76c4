/**
 * The certificate a person can show (ADR 0022): their latest credential in words, its PDF (pdf-lib)
 * with the verification link and a QR code (qrcode), and LinkedIn's add-certification link. Drawn on
 * the server: nothing of it reaches the learner's JavaScript. Links come from APP_URL
 * (app/utils/app-url.server.ts), never from a request's Host.
 */
import type { PDFFont, PDFPage, RGB } from "pdf-lib";
import type { Locale } from "../../db/schema";
import { linkedInAddCertificationUrl } from "~/domain/certificate";
import { credentialUrl } from "~/domain/open-badge";
import { getT } from "~/i18n/i18n.server";
import { appUrl } from "~/utils/app-url.server";
import { formatDate } from "~/utils/dates";
import { getCredentialView, latestCredentialOf, type CredentialView } from "./credential.server";

// pdf-lib and qrcode are loaded by the first certificate shown, not by every process at start (ADR 0039).
async function loadQrCode() {
  return (await import("qrcode")).default;
}

export type Certificate = {
  credentialId: string;
  status: CredentialView["status"];
  holderName: string;
  organisationName: string;
  channelLabels: string[];
  validFrom: Date;
  validUntil: Date;
  issuedAt: Date;
  verifyUrl: string;
  linkedInUrl: string;
  /** The QR code of the verification link, as SVG markup made by the qrcode library from our own URL. */
  qrSvg: string;
};

/** The person's latest credential as a certificate; null when they were never granted one. */
export async function certificateFor(userId: string, locale: Locale, now = new Date()): Promise<Certificate | null> {
  const latest = latestCredentialOf(userId);
  const view = latest ? getCredentialView(latest.id, now) : null;
  // No certificate for an erased holder (their credential says "no longer available").
  if (!view || view === "erased") return null;
  const verifyUrl = credentialUrl(appUrl(), view.id);
  const validFrom = new Date(view.validFrom);
  const validUntil = new Date(view.validUntil);
  return {
    credentialId: view.id,
    status: view.status,
    holderName: view.holderName,
    organisationName: view.issuerName,
    channelLabels: view.channelLabels,
    validFrom,
    validUntil,
    issuedAt: view.issuedAt,
    verifyUrl,
    linkedInUrl: linkedInAddCertificationUrl({
      name: getT(locale)("certificate.name"),
      organisationName: view.issuerName,
      issuedAt: validFrom,
      validUntil,
      verifyUrl,
      credentialId: view.id,
    }),
    qrSvg: await (await loadQrCode()).toString(verifyUrl, { type: "svg", errorCorrectionLevel: "M", margin: 1 }),
  };
}

const charsets = new WeakMap<PDFFont, Set<number>>();
/** The standard PDF fonts encode WinAnsi only: any other character (an emoji in a name) becomes "?". */
function encodable(font: PDFFont, text: string): string {
  let set = charsets.get(font);
  if (!set) charsets.set(font, (set = new Set(font.getCharacterSet())));
  return [...text.normalize("NFC")].map((c) => (set.has(c.codePointAt(0)!) ? c : c === "\u202f" ? "\u00a0" : "?")).join("");
}

function write(page: PDFPage, text: string, options: { x: number; y: number; size: number; font: PDFFont; color: RGB }) {
  page.drawText(encodable(options.font, text), options);
}

function centred(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color: RGB) {
  const safe = encodable(font, text);
  const width = font.widthOfTextAtSize(safe, size);
  page.drawText(safe, { x: Math.max(36, (page.getWidth() - width) / 2), y, size, font, color });
}

/** Draws the QR code's modules as squares (vector, sharp at any size). */
function drawQr(QRCode: Awaited<ReturnType<typeof loadQrCode>>, page: PDFPage, text: string, x: number, y: number, size: number, color: RGB) {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const cell = size / count;
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) page.drawRectangle({ x: x + col * cell, y: y + size - (row + 1) * cell, width: cell, height: cell, color });
    }
  }
}

/**
 * The certificate as a one-page A4 landscape PDF in the holder's language: who, for what, until when,
 * and where anyone can check it now (the verification link and its QR code). Dates are calendar days.
 */
export async function certificatePdf(certificate: Certificate, locale: Locale, now = new Date()): Promise<Uint8Array> {
  const t = getT(locale);
  const day = (value: Date) => formatDate(value, "date", { language: locale, timeZone: "UTC" });
  const [{ PDFDocument, StandardFonts, rgb }, QRCode] = await Promise.all([import("pdf-lib"), loadQrCode()]);
  const INK = rgb(0.06, 0.09, 0.16);
  const MUTED = rgb(0.28, 0.33, 0.41);
  const BRAND = rgb(0.11, 0.3, 0.55);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t("certificate.name")} · ${certificate.holderName}`);
  pdf.setAuthor(certificate.organisationName);
  pdf.setSubject(certificate.verifyUrl);
  pdf.setCreator("Ambassade");
  pdf.setLanguage(locale === "en" ? "en-GB" : "fr-FR");
  const page = pdf.addPage([842, 595]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: BRAND, borderWidth: 3 });
  centred(page, certificate.organisationName, 505, regular, 16, MUTED);
  centred(page, t("certificate.heading"), 460, bold, 30, BRAND);
  centred(page, t("certificate.certifies"), 420, regular, 14, MUTED);
  centred(page, certificate.holderName, 385, bold, 26, INK);
  centred(page, t("certificate.name"), 350, regular, 16, INK);
  centred(page, t("certificate.channels", { channels: certificate.channelLabels.join(", ") }), 322, regular, 13, INK);
  centred(page, t("certificate.validity", { from: day(certificate.validFrom), until: day(certificate.validUntil) }), 298, regular, 13, INK);
  // Where to check it: the link as text, and as a QR code.
  drawQr(QRCode, page, certificate.verifyUrl, 84, 70, 130, INK);
  const left = 240;
  write(page, t("certificate.verifyHere"), { x: left, y: 180, size: 12, font: bold, color: INK });
  write(page, certificate.verifyUrl, { x: left, y: 160, size: 10, font: regular, color: BRAND });
  write(page, t("certificate.credentialId", { id: certificate.credentialId }), { x: left, y: 136, size: 10, font: regular, color: MUTED });
  write(page, t("certificate.statusOn", { date: day(now), status: t(`certificate.status.${certificate.status}`) }), {
    x: left,
    y: 116,
    size: 10,
    font: regular,
    color: MUTED,
  });
  write(page, t("certificate.openBadge"), { x: left, y: 96, size: 9, font: regular, color: MUTED });
  return pdf.save({ useObjectStreams: false });
}
