/**
 * The certificate a person can show (ADR 0022): what it says, and the "Add to LinkedIn profile" link.
 * Pure; app/models/certificate.server.ts gathers the credential and draws the PDF.
 */

export type CertificateFacts = {
  /** The certification's name, in the holder's language. */
  name: string;
  organisationName: string;
  issuedAt: Date;
  /** End of validity (a calendar day, stored as a moment of that UTC day). */
  validUntil: Date;
  /** The public verification page (from APP_URL, never from a request's Host). */
  verifyUrl: string;
  credentialId: string;
};

/**
 * LinkedIn's "add a licence or certification" link, pre-filled
 * (https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=…). Months are 1–12, in UTC
 * like the stored dates.
 */
export function linkedInAddCertificationUrl(facts: CertificateFacts): string {
  const params = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: facts.name,
    organizationName: facts.organisationName,
    issueYear: String(facts.issuedAt.getUTCFullYear()),
    issueMonth: String(facts.issuedAt.getUTCMonth() + 1),
    expirationYear: String(facts.validUntil.getUTCFullYear()),
    expirationMonth: String(facts.validUntil.getUTCMonth() + 1),
    certUrl: facts.verifyUrl,
    certId: facts.credentialId,
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}
