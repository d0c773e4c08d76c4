/**
 * Compact JWS for VC-JWT credentials. Verifying what someone presents (untrusted input) is jose's
 * `compactVerify`, with the algorithm allowlisted (`EdDSA`, and `Ed25519`, its fully-specified name
 * from RFC 9864) and the key chosen by `kid` among the keys we publish. Signing stays on node:crypto
 * because it happens inside the grant's synchronous SQLite transaction (jose only signs
 * asynchronously), so a grant and its credential are written together or not at all (ADR 0008).
 * Verification never throws on bad input; it says what is wrong.
 */
import { sign, type KeyObject } from "node:crypto";
import type { ProtectedHeaderParameters } from "jose";

/** Upper bound on a credential we agree to look at. */
export const MAX_JWS_LENGTH = 32 * 1024;
const ALGORITHMS = ["EdDSA", "Ed25519"];

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

export function signJws(header: Record<string, unknown>, payload: unknown, privateKey: KeyObject): string {
  const signingInput = `${b64url(JSON.stringify({ ...header, alg: "EdDSA" }))}.${b64url(JSON.stringify(payload))}`;
  const signature = sign(null, Buffer.from(signingInput), privateKey);
  return `${signingInput}.${b64url(signature)}`;
}

/** jose, loaded by the first credential verified, not by every process at start (ADR 0039). */
function loadJose() {
  return import("jose");
}

/** The decoded protected header of a compact JWS, or null when the token is not one. */
export async function decodeJwsHeader(token: string): Promise<ProtectedHeaderParameters | null> {
  if (token.length > MAX_JWS_LENGTH || token.split(".").length !== 3) return null;
  const { decodeProtectedHeader } = await loadJose();
  try {
    return decodeProtectedHeader(token);
  } catch {
    return null;
  }
}

export type JwsCheck =
  | { ok: true; header: ProtectedHeaderParameters; payload: Record<string, unknown> }
  | { ok: false; reason: "malformed" | "unsupported_algorithm" | "unknown_key" | "bad_signature" };

class UnknownKey extends Error {}

/** Checks a compact JWS against the keys we publish (by `kid`), over the bytes as received. */
export async function verifyJws(token: string, keys: ReadonlyMap<string, KeyObject>): Promise<JwsCheck> {
  if (!(await decodeJwsHeader(token))) return { ok: false, reason: "malformed" };
  const { compactVerify, errors } = await loadJose();
  try {
    const { payload, protectedHeader } = await compactVerify(
      token,
      (header) => {
        const key = typeof header.kid === "string" ? keys.get(header.kid) : undefined;
        if (!key) throw new UnknownKey();
        return key;
      },
      { algorithms: ALGORITHMS },
    );
    const claims = parseObject(Buffer.from(payload).toString("utf8"));
    return claims ? { ok: true, header: protectedHeader, payload: claims } : { ok: false, reason: "malformed" };
  } catch (error) {
    if (error instanceof UnknownKey) return { ok: false, reason: "unknown_key" };
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return { ok: false, reason: "unsupported_algorithm" };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: "bad_signature" };
    return { ok: false, reason: "malformed" };
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The payload of a JWS we signed ourselves (no check): for display of stored credentials. */
export function jwsPayload(token: string): Record<string, unknown> {
  const payload = parseObject(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"));
  if (!payload) throw new Error("stored credential has no readable payload");
  return payload;
}
