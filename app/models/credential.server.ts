/**
 * Verifiable credentials: an Open Badges 3.0 OpenBadgeCredential issued, inside the transaction of
 * the change, each time an accreditation is granted or renewed; signed as a VC-JWT with the
 * organisation's Ed25519 key (app/utils/issuer-key.server.ts). Anyone can check one: the page
 * /verify/<id>, its JSON twin, and POST /api/v1/verify. The status a verifier is told is the
 * accreditation's current one (app/domain/open-badge.ts), not only the dates in the credential.
 */
import { createHash, randomBytes, type KeyObject } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { accreditations, credentials, examAttempts, users } from "../../db/schema";
import { reasonFrom, type AccreditationState, type ReasonKind } from "~/domain/accreditation";
import { buildCredential, credentialStatus, issuerProfile, jwtPayload, type CredentialStatus, type OpenBadgeCredential } from "~/domain/open-badge";
import { appUrl } from "~/utils/app-url.server";
import { newId } from "~/utils/ids.server";
import { issuerKey, type PublicJwk } from "~/utils/issuer-key.server";
import { jwsPayload, signJws, verifyJws } from "~/utils/jws.server";
import { channelLabels, offeredChannels } from "./channels.server";
import { getSetting } from "./settings.server";

export const DEFAULT_ORGANISATION_NAME = "Ambassade demo organisation";

export function organisationName(): string {
  return getSetting("organisation.name").trim() || DEFAULT_ORGANISATION_NAME;
}

/** `sha256$<hex>` of the email followed by the salt, as Open Badges' IdentityObject wants it. */
export function hashIdentity(email: string, salt: string): string {
  return `sha256$${createHash("sha256")
    .update(email + salt)
    .digest("hex")}`;
}

// ---------------------------------------------------------------------------------------------
// Issuing
// ---------------------------------------------------------------------------------------------

/**
 * Issues and stores the credential of a granted accreditation, in the caller's transaction (the one
 * that granted or renewed it). Returns its id.
 */
export function issueCredential(tx: Tx, accreditationId: string, now = new Date()): string {
  const row = tx
    .select({
      id: accreditations.id,
      status: accreditations.status,
      channels: accreditations.channels,
      grantedAt: accreditations.grantedAt,
      validUntil: accreditations.validUntil,
      charterVersion: accreditations.charterVersion,
      passMark: examAttempts.passMark,
      email: users.email,
      name: users.name,
    })
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .leftJoin(examAttempts, eq(examAttempts.id, accreditations.examAttemptId))
    .where(eq(accreditations.id, accreditationId))
    .get();
  if (!row || !row.validUntil) throw new Error(`accreditation ${accreditationId} is not granted: no credential to issue`);
  const id = newId();
  const salt = randomBytes(16).toString("hex");
  const offered = offeredChannels();
  const labels = channelLabels(row.channels, offered);
  const credential = buildCredential({
    appUrl: appUrl(),
    credentialId: id,
    organisationName: organisationName(),
    holder: { name: row.name, emailHash: hashIdentity(row.email, salt), salt },
    channels: row.channels.map((channel, i) => ({ id: channel, label: labels[i] ?? channel })),
    offeredChannels: offered,
    validFrom: row.grantedAt ?? now,
    validUntil: row.validUntil,
    charterVersion: row.charterVersion,
    passMark: row.passMark ?? null,
  });
  const key = issuerKey();
  const jwt = signJws({ typ: "JWT", kid: key.kid, jwk: { kty: key.jwk.kty, crv: key.jwk.crv, x: key.jwk.x } }, jwtPayload(credential), key.privateKey);
  tx.insert(credentials).values({ id, accreditationId, jwt, salt, issuedAt: now }).run();
  return id;
}

// ---------------------------------------------------------------------------------------------
// Publishing the issuer
// ---------------------------------------------------------------------------------------------

export function issuerDocument() {
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    ...issuerProfile(appUrl(), organisationName()),
  };
}

export function jwks(): { keys: PublicJwk[] } {
  return { keys: [issuerKey().jwk] };
}

function verificationKeys(): Map<string, KeyObject> {
  const key = issuerKey();
  return new Map([[key.kid, key.publicKey]]);
}

// ---------------------------------------------------------------------------------------------
// Reading and verifying
// ---------------------------------------------------------------------------------------------

/** The credential as signed: the JWT payload without the registered JWT claims. */
function credentialOf(payload: Record<string, unknown>): OpenBadgeCredential {
  const { iss: _iss, jti: _jti, nbf: _nbf, exp: _exp, ...credential } = payload;
  return credential as unknown as OpenBadgeCredential;
}

export type CredentialView = {
  id: string;
  url: string;
  status: CredentialStatus;
  accreditationStatus: AccreditationState;
  /** The holder left the organisation (deactivated, or suspended for leaving): the credential is not valid. */
  holderLeft: boolean;
  holderName: string;
  channels: string[];
  channelLabels: string[];
  validFrom: string;
  validUntil: string;
  issuedAt: Date;
  issuerName: string;
  issuerId: string;
  credential: OpenBadgeCredential;
  jwt: string;
};

type StoredCredential = {
  id: string;
  jwt: string;
  issuedAt: Date;
  accreditationStatus: AccreditationState;
  accreditationValidUntil: Date | null;
  reasonKind: ReasonKind | null;
  reason: string | null;
  userId: string;
  holderName: string;
  holderActive: boolean;
  /** Set when the holder was erased: the signed JWT is gone, the credential is "no longer available". */
  holderErasedAt: Date | null;
};

function storedCredential(id: string): StoredCredential | null {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  return (
    getDb()
      .select({
        id: credentials.id,
        jwt: credentials.jwt,
        issuedAt: credentials.issuedAt,
        accreditationStatus: accreditations.status,
        accreditationValidUntil: accreditations.validUntil,
        reasonKind: accreditations.reasonKind,
        reason: accreditations.reason,
        userId: accreditations.userId,
        holderName: users.name,
        holderActive: users.active,
        holderErasedAt: users.erasedAt,
      })
      .from(credentials)
      .innerJoin(accreditations, eq(accreditations.id, credentials.accreditationId))
      .innerJoin(users, eq(users.id, accreditations.userId))
      .where(eq(credentials.id, id))
      .get() ?? null
  );
}

function toView(stored: StoredCredential, now: Date): CredentialView {
  const credential = credentialOf(jwsPayload(stored.jwt));
  const channels = credential.credentialSubject.result.map((r) => r.value);
  const status = credentialStatus(
    { status: stored.accreditationStatus, validUntil: stored.accreditationValidUntil },
    { validUntil: new Date(credential.validUntil) },
    now,
    stored.holderActive,
  );
  const holderLeft = !stored.holderActive || reasonFrom(stored)?.kind === "left_organisation";
  const named = credential.credentialSubject.identifier.find((i) => i.identityType === "name");
  return {
    id: stored.id,
    url: credential.id,
    status,
    accreditationStatus: stored.accreditationStatus,
    holderLeft: holderLeft && status === "suspended",
    holderName: named?.identityHash ?? stored.holderName,
    channels,
    channelLabels: channelLabels(channels),
    validFrom: credential.validFrom,
    validUntil: credential.validUntil,
    issuedAt: stored.issuedAt,
    issuerName: credential.issuer.name,
    issuerId: credential.issuer.id,
    credential,
    jwt: stored.jwt,
  };
}

/**
 * A credential and its current status, for /verify/<id>; null when there is no such credential, and
 * "erased" when its holder's data was erased (app/models/erasure.server.ts): it is no longer available.
 */
export function getCredentialView(id: string, now = new Date()): CredentialView | "erased" | null {
  const stored = storedCredential(id);
  if (!stored) return null;
  return stored.holderErasedAt || !stored.jwt ? "erased" : toView(stored, now);
}

/** The JSON a machine gets at a credential's id: the credential as signed, its JWT and its status now. */
export function credentialDocument(view: CredentialView, now = new Date()) {
  return {
    status: view.status,
    accreditationStatus: view.accreditationStatus,
    checkedAt: now.toISOString(),
    credential: view.credential,
    jwt: view.jwt,
  };
}

/** The newest credential of a person's latest accreditation, for them to download; null when none. */
export function latestCredentialOf(userId: string): { id: string; jwt: string } | null {
  return (
    getDb()
      .select({ id: credentials.id, jwt: credentials.jwt })
      .from(credentials)
      .innerJoin(accreditations, eq(accreditations.id, credentials.accreditationId))
      .where(eq(accreditations.userId, userId))
      .orderBy(desc(credentials.issuedAt))
      .limit(1)
      .get() ?? null
  );
}

export const VERIFY_FAILURES = [
  "unsupported_algorithm",
  "unknown_key",
  "bad_signature",
  "unknown_credential",
  "content_mismatch",
  "expired",
  "suspended",
  "revoked",
  "left_organisation",
  "no_longer_available",
] as const;
export type VerifyFailure = (typeof VERIFY_FAILURES)[number];

export type VerifyResult = {
  valid: boolean;
  signatureValid: boolean;
  status: CredentialStatus | null;
  reason: VerifyFailure | null;
  credential: {
    id: string;
    holder: string;
    channels: string[];
    validFrom: string;
    validUntil: string;
    issuer: { id: string; name: string };
  } | null;
  checkedAt: string;
};

function idFromUrl(url: unknown): string | null {
  if (typeof url !== "string") return null;
  const match = /\/verify\/([0-9a-f-]{36})$/.exec(url);
  return match ? match[1]! : null;
}

function result(now: Date, partial: Partial<VerifyResult> & Pick<VerifyResult, "signatureValid">): VerifyResult {
  return { valid: false, status: null, reason: null, credential: null, checkedAt: now.toISOString(), ...partial };
}

function judged(view: CredentialView, now: Date): VerifyResult {
  const valid = view.status === "valid";
  return result(now, {
    valid,
    signatureValid: true,
    status: view.status,
    reason: valid ? null : view.holderLeft ? "left_organisation" : (view.status as Exclude<CredentialStatus, "valid">),
    credential: {
      id: view.url,
      holder: view.holderName,
      channels: view.channels,
      validFrom: view.validFrom,
      validUntil: view.validUntil,
      issuer: { id: view.issuerId, name: view.issuerName },
    },
  });
}

/** Canonical JSON (keys sorted at every level), to compare two credentials' content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Checks a credential someone holds: a VC-JWT string (its signature is checked against our published
 * keys), or the credential's JSON form (it must be exactly the content we signed under that id).
 * Then gives its current status.
 */
export async function verifyPresentedCredential(input: { jwt: string } | { json: Record<string, unknown> }, now = new Date()): Promise<VerifyResult> {
  if ("jwt" in input) {
    const checked = await verifyJws(input.jwt, verificationKeys());
    // The route refuses what is not shaped like a VC-JWT; anything else that fails is not genuine.
    if (!checked.ok) return result(now, { signatureValid: false, reason: checked.reason === "malformed" ? "bad_signature" : checked.reason });
    const id = idFromUrl(checked.payload.jti ?? checked.payload.id);
    const stored = id ? storedCredential(id) : null;
    if (!stored) return result(now, { signatureValid: true, reason: "unknown_credential" });
    if (stored.holderErasedAt || !stored.jwt) return result(now, { signatureValid: true, reason: "no_longer_available" });
    return judged(toView(stored, now), now);
  }
  const id = idFromUrl(input.json.id);
  const stored = id ? storedCredential(id) : null;
  if (!stored) return result(now, { signatureValid: false, reason: "unknown_credential" });
  if (stored.holderErasedAt || !stored.jwt) return result(now, { signatureValid: false, reason: "no_longer_available" });
  const signed = await verifyJws(stored.jwt, verificationKeys());
  if (!signed.ok) return result(now, { signatureValid: false, reason: signed.reason === "malformed" ? "bad_signature" : signed.reason });
  if (canonical(credentialOf(input.json)) !== canonical(credentialOf(signed.payload))) {
    return result(now, { signatureValid: false, reason: "content_mismatch" });
  }
  return judged(toView(stored, now), now);
}
