import { describe, expect, it } from "vitest";
import { buildCredential, credentialStatus, jwtPayload } from "./open-badge";

const now = new Date("2026-06-01T00:00:00Z");
const future = new Date("2027-01-01T00:00:00Z");
const past = new Date("2026-05-01T00:00:00Z");

describe("credentialStatus", () => {
  it("is valid while the accreditation is granted (or being renewed) and both end dates are ahead", () => {
    expect(credentialStatus({ status: "granted", validUntil: future }, { validUntil: future }, now)).toBe("valid");
    expect(credentialStatus({ status: "renewal_requested", validUntil: future }, { validUntil: future }, now)).toBe("valid");
  });

  it("says revoked and suspended from the accreditation, whatever the dates", () => {
    expect(credentialStatus({ status: "revoked", validUntil: future }, { validUntil: future }, now)).toBe("revoked");
    expect(credentialStatus({ status: "suspended", validUntil: future }, { validUntil: future }, now)).toBe("suspended");
    expect(credentialStatus({ status: "revoked", validUntil: past }, { validUntil: past }, now)).toBe("revoked");
  });

  it("says expired when the credential's end, the accreditation's end or its status says so", () => {
    expect(credentialStatus({ status: "expired", validUntil: future }, { validUntil: future }, now)).toBe("expired");
    expect(credentialStatus({ status: "granted", validUntil: past }, { validUntil: future }, now)).toBe("expired");
    // An older credential of a renewed accreditation ends on its own date.
    expect(credentialStatus({ status: "granted", validUntil: future }, { validUntil: past }, now)).toBe("expired");
  });
});

describe("buildCredential", () => {
  const credential = buildCredential({
    appUrl: "https://ambassade.example",
    credentialId: "abc",
    organisationName: "Acme",
    holder: { name: "Karim Benali", emailHash: "sha256$00", salt: "s" },
    channels: [{ id: "linkedin", label: "LinkedIn" }],
    offeredChannels: [
      { id: "linkedin", label: "LinkedIn" },
      { id: "x", label: "X" },
    ],
    validFrom: past,
    validUntil: future,
    charterVersion: "2026-01",
    passMark: 80,
  });

  it("is an OpenBadgeCredential whose id is its verification page and whose channels are results", () => {
    expect(credential.id).toBe("https://ambassade.example/verify/abc");
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(credential.issuer.id).toBe("https://ambassade.example/issuer");
    expect(credential.credentialSubject.result).toEqual([
      { type: ["Result"], resultDescription: "https://ambassade.example/issuer#channels", value: "linkedin" },
    ]);
    expect(credential.credentialSubject.achievement.resultDescription[0]!.allowedValue).toEqual(["linkedin", "x"]);
    expect(credential.credentialSubject.achievement.criteria.narrative).toContain("version 2026-01");
    expect(credential.credentialSubject.achievement.criteria.narrative).toContain("at least 80%");
  });

  it("adds the registered JWT claims from the credential", () => {
    expect(jwtPayload(credential)).toMatchObject({ iss: credential.issuer.id, jti: credential.id, nbf: past.getTime() / 1000, exp: future.getTime() / 1000 });
  });
});
