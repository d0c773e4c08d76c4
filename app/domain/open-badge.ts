/**
 * An accreditation as an Open Badges 3.0 `OpenBadgeCredential` (W3C Verifiable Credentials 2.0),
 * and the status a verifier is told. Pure: the model (app/models/credential.server.ts) gathers the
 * facts, hashes the email, builds the credential here and signs it as a VC-JWT.
 *
 * Choices (see docs/decisions/0008-api-webhooks-credentials.md):
 * - The achievement is the same for everyone ("Accredited social-media ambassador",
 *   achievementType License); the channels a person may post on are the credential subject's
 *   `result`s, one `Result` per channel whose `value` is the channel id (e.g. "linkedin"), described
 *   by the achievement's `resultDescription` "<issuer>#channels".
 * - The holder is identified by a salted sha256 hash of their email (IdentityObject, hashed) and by
 *   their name (IdentityObject of type "name", not hashed: the credential exists to be shown).
 * - The credential's `id` is its verification page, which also gives its CURRENT status.
 */

import { standingProblems, type AccreditationState } from "./accreditation";

export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const ACHIEVEMENT_NAME = "Accredited social-media ambassador";

export type CredentialFacts = {
  appUrl: string;
  credentialId: string;
  organisationName: string;
  holder: { name: string; emailHash: string; salt: string };
  channels: readonly { id: string; label: string }[];
  offeredChannels: readonly { id: string; label: string }[];
  validFrom: Date;
  validUntil: Date;
  charterVersion: string | null;
  passMark: number | null;
};

export type OpenBadgeCredential = ReturnType<typeof buildCredential>;

export function issuerId(appUrl: string): string {
  return `${appUrl}/issuer`;
}

export function credentialUrl(appUrl: string, id: string): string {
  return `${appUrl}/verify/${id}`;
}

export function issuerProfile(appUrl: string, organisationName: string) {
  return {
    id: issuerId(appUrl),
    type: ["Profile"],
    name: organisationName,
    url: appUrl,
  };
}

export function criteriaNarrative(charterVersion: string | null, passMark: number | null): string {
  const charter = charterVersion
    ? `the organisation's social-media charter in force (version ${charterVersion})`
    : "the organisation's social-media charter in force";
  const exam = passMark !== null ? `passed the final exam with a score of at least ${passMark}%` : "passed the final exam";
  return [
    `The holder completed the training track for their level, signed ${charter} and ${exam}.`,
    "Their manager then granted this accreditation for the channels listed and until the end date shown.",
    "It lapses at that date, is suspended while a new charter version awaits the holder's signature, and can be revoked:",
    "its current status is given at the credential's id.",
  ].join(" ");
}

export function buildCredential(facts: CredentialFacts) {
  const { appUrl } = facts;
  const channelsDescription = `${issuerId(appUrl)}#channels`;
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT],
    id: credentialUrl(appUrl, facts.credentialId),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: ACHIEVEMENT_NAME,
    issuer: issuerProfile(appUrl, facts.organisationName),
    validFrom: facts.validFrom.toISOString(),
    validUntil: facts.validUntil.toISOString(),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        { type: "IdentityObject", identityType: "emailAddress", hashed: true, identityHash: facts.holder.emailHash, salt: facts.holder.salt },
        { type: "IdentityObject", identityType: "name", hashed: false, identityHash: facts.holder.name },
      ],
      achievement: {
        id: `${issuerId(appUrl)}#accredited-ambassador`,
        type: ["Achievement"],
        achievementType: "License",
        name: ACHIEVEMENT_NAME,
        description: `Authorised to speak for ${facts.organisationName} on the social-media channels listed in this credential, between its validFrom and validUntil dates.`,
        criteria: { narrative: criteriaNarrative(facts.charterVersion, facts.passMark) },
        creator: issuerProfile(appUrl, facts.organisationName),
        resultDescription: [
          {
            id: channelsDescription,
            type: ["ResultDescription"],
            name: "Channel the holder may post on for the organisation",
            resultType: "Result",
            allowedValue: facts.offeredChannels.map((c) => c.id),
          },
        ],
      },
      result: facts.channels.map((c) => ({ type: ["Result"], resultDescription: channelsDescription, value: c.id })),
    },
  };
}

/** The VC-JWT claims (Open Badges 3.0 §8.2): the credential itself plus the registered claims. */
export function jwtPayload(credential: OpenBadgeCredential) {
  return {
    ...credential,
    iss: credential.issuer.id,
    jti: credential.id,
    nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
    exp: Math.floor(Date.parse(credential.validUntil) / 1000),
  };
}

export const CREDENTIAL_STATUSES = ["valid", "expired", "suspended", "revoked"] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/**
 * What a verifier is told now: the accreditation's current standing wins over the credential's
 * dates ("in force" is the state machine's one definition, `standingProblems`, without the charter:
 * a charter awaiting signature suspends the accreditation). Revoked first, then suspended, then
 * expired (the credential's own end, or the accreditation's); a holder who left the organisation
 * is suspended whatever the row says.
 */
export function credentialStatus(
  accreditation: { status: AccreditationState; validUntil: Date | null },
  credential: { validUntil: Date },
  now: Date,
  holderActive = true,
): CredentialStatus {
  const problems = standingProblems(accreditation, now);
  if (problems.includes("revoked") || problems.includes("not_accredited")) return "revoked";
  if (problems.includes("suspended") || !holderActive) return "suspended";
  if (problems.includes("expired") || credential.validUntil.getTime() <= now.getTime()) return "expired";
  return "valid";
}
