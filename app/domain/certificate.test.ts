import { describe, expect, it } from "vitest";
import { linkedInAddCertificationUrl } from "./certificate";

describe("the LinkedIn add-certification link", () => {
  it("carries the name, the issuer, the dates, the verify URL and the credential id", () => {
    const url = new URL(
      linkedInAddCertificationUrl({
        name: "Ambassadeur accrédité des réseaux sociaux",
        organisationName: "Acme & Fils",
        issuedAt: new Date("2026-12-07T10:00:00Z"),
        validUntil: new Date("2027-12-31T23:59:59.999Z"),
        verifyUrl: "https://ambassade.example.com/verify/0b7e8a4e-0000-4000-8000-000000000001",
        credentialId: "0b7e8a4e-0000-4000-8000-000000000001",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://www.linkedin.com/profile/add");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: "CERTIFICATION_NAME",
      name: "Ambassadeur accrédité des réseaux sociaux",
      organizationName: "Acme & Fils",
      issueYear: "2026",
      issueMonth: "12",
      expirationYear: "2027",
      expirationMonth: "12",
      certUrl: "https://ambassade.example.com/verify/0b7e8a4e-0000-4000-8000-000000000001",
      certId: "0b7e8a4e-0000-4000-8000-000000000001",
    });
  });
});
