/**
 * The credential people can use (issue 16): a certificate page and PDF with the verification link (from
 * APP_URL, not the Host header) and a QR code, LinkedIn's add-certification link, the VC-JWT still
 * downloadable; the public verify page's own "not found".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { pdfText } from "../support/pdf-text";
import { routeData, signedIn } from "../support/accreditation";

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

type Certificate = {
  certificate: { credentialId: string; verifyUrl: string; linkedInUrl: string; qrSvg: string; status: string } | null;
  road: { next: string } | null;
};

describe("the certificate", () => {
  it("shows the ambassador's certificate with the verify link from APP_URL, a QR code and LinkedIn's link", async () => {
    const karim = await signedIn(server, "ambassador@ambassade.test");
    const data = await routeData(karim, "/accreditation/certificate", "routes/accreditation_.certificate");
    expect(data.status).toBe(200);
    const { certificate } = data.json as Certificate;
    expect(certificate).not.toBeNull();
    const appUrl = process.env.APP_URL?.replace(/\/+$/, "") ?? `http://localhost:${process.env.PORT ?? 3000}`;
    expect(certificate!.verifyUrl).toBe(`${appUrl}/verify/${certificate!.credentialId}`);
    expect(certificate!.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const linkedIn = new URL(certificate!.linkedInUrl);
    expect(linkedIn.origin + linkedIn.pathname).toBe("https://www.linkedin.com/profile/add");
    expect(linkedIn.searchParams.get("startTask")).toBe("CERTIFICATION_NAME");
    expect(linkedIn.searchParams.get("certUrl")).toBe(certificate!.verifyUrl);
    expect(linkedIn.searchParams.get("certId")).toBe(certificate!.credentialId);
    expect(linkedIn.searchParams.get("issueYear")).toMatch(/^\d{4}$/);
    expect(linkedIn.searchParams.get("expirationMonth")).toMatch(/^(1[0-2]|[1-9])$/);
    const html = await (await karim.get("/accreditation/certificate")).text();
    expect(html).toContain('href="/accreditation/certificate.pdf"');
    expect(html).toContain('href="/accreditation/credential"');
    expect(html).toContain("www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME");
  });

  it("builds links from APP_URL even when the request names another host", async () => {
    const karim = await signedIn(server, "ambassador@ambassade.test");
    const response = await karim.get("/accreditation/certificate", { "X-Forwarded-Host": "evil.example", Forwarded: "host=evil.example" });
    const html = await response.text();
    expect(html).not.toContain("evil.example");
  });

  it("downloads as a PDF whose text holds the holder, the validity and the verify URL", async () => {
    const karim = await signedIn(server, "ambassador@ambassade.test");
    const { certificate } = (await routeData(karim, "/accreditation/certificate", "routes/accreditation_.certificate")).json as Certificate;
    const response = await karim.get("/accreditation/certificate.pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="ambassade-certificate-[0-9a-f]{8}\.pdf"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(bytes);
    expect(text).toContain("Karim Benali");
    expect(text).toContain("Certificat d’accréditation".replace("’", "\x92"));
    expect(text).toContain(certificate!.verifyUrl);
    expect(text).toContain(certificate!.credentialId);
    expect(text).toMatch(/Valable du \d{1,2} \S+ \d{4} au \d{1,2} \S+ \d{4}/);
  });

  it("keeps the signed credential (VC-JWT) downloadable", async () => {
    const karim = await signedIn(server, "ambassador@ambassade.test");
    const response = await karim.get("/accreditation/credential");
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("tells a person without a credential that none exists yet, with the next step; no PDF", async () => {
    const emma = await signedIn(server, "learner@ambassade.test");
    const data = await routeData(emma, "/accreditation/certificate", "routes/accreditation_.certificate");
    expect(data.status).toBe(200);
    expect(data.json).toMatchObject({ certificate: null, road: { next: "placed" } });
    expect((await emma.get("/accreditation/certificate.pdf")).status).toBe(404);
  });
});

describe("the public verify page", () => {
  it("has its own message for an unknown credential id (404), not the one about scope", async () => {
    const anyone = await signedIn(server, "learner@ambassade.test");
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      const response = await anyone.get(`/verify/${id}`);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain("Attestation introuvable · Ambassade");
      expect(html).toContain("Aucune attestation ne correspond à cette adresse.");
      expect(html).not.toMatch(/périmètre|scope/i);
    }
  });
});
