/**
 * GET /accreditation/certificate.pdf: the signed-in person's certificate as a PDF (with the verification
 * link and its QR code), in their language. 404 when they have no credential.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/i18n/config";
import { certificateFor, certificatePdf } from "~/models/certificate.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const locale = resolveLocale(request, viewer.locale);
  const certificate = await certificateFor(viewer.id, locale);
  if (!certificate) throw notFound();
  const pdf = await certificatePdf(certificate, locale);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="ambassade-certificate-${certificate.credentialId.slice(0, 8)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
