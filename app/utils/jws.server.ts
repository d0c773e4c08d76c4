/**
 * Compact JWS with EdDSA (Ed25519), built by hand on node:crypto: enough for VC-JWT credentials,
 * with no dependency. Verification never throws on bad input; it says what is wrong.
 */
import { sign, verify, type KeyObject } from "node:crypto";

const SEGMENT = /^[A-Za-z0-9_-]+$/;
/** Upper bound on a credential we agree to look at. */
export const MAX_JWS_LENGTH = 32 * 1024;

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

export function signJws(header: Record<string, unknown>, payload: unknown, privateKey: KeyObject): string {
  const signingInput = `${b64url(JSON.stringify({ ...header, alg: "EdDSA" }))}.${b64url(JSON.stringify(payload))}`;
  const signature = sign(null, Buffer.from(signingInput), privateKey);
  return `${signingInput}.${b64url(signature)}`;
}

/** Whether a string has the shape of a compact JWS (three base64url segments). */
export function looksLikeJws(token: string): boolean {
  if (token.length > MAX_JWS_LENGTH) return false;
  const parts = token.split(".");
  return parts.length === 3 && parts.every((p) => SEGMENT.test(p));
}

function decodeJson(segment: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The decoded header of a compact JWS, or null when the token is not one. */
export function decodeJwsHeader(token: string): Record<string, unknown> | null {
  return looksLikeJws(token) ? decodeJson(token.split(".")[0]!) : null;
}

export type JwsCheck =
  | { ok: true; header: Record<string, unknown>; payload: Record<string, unknown> }
  | { ok: false; reason: "malformed" | "unsupported_algorithm" | "unknown_key" | "bad_signature" };

/**
 * Checks a compact JWS against the keys we publish (by `kid`). The header must decode; the signature
 * is checked over the bytes as received, before the payload is even parsed.
 */
export function verifyJws(token: string, keys: ReadonlyMap<string, KeyObject>): JwsCheck {
  if (!looksLikeJws(token)) return { ok: false, reason: "malformed" };
  const [h, p, s] = token.split(".") as [string, string, string];
  const header = decodeJson(h);
  if (!header) return { ok: false, reason: "malformed" };
  if (header.alg !== "EdDSA") return { ok: false, reason: "unsupported_algorithm" };
  const key = typeof header.kid === "string" ? keys.get(header.kid) : undefined;
  if (!key) return { ok: false, reason: "unknown_key" };
  const signature = Buffer.from(s, "base64url");
  let valid = false;
  try {
    valid = signature.length === 64 && verify(null, Buffer.from(`${h}.${p}`), key, signature);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: "bad_signature" };
  const payload = decodeJson(p);
  if (!payload) return { ok: false, reason: "malformed" };
  return { ok: true, header, payload };
}

/** The payload of a JWS we signed ourselves (no check): for display of stored credentials. */
export function jwsPayload(token: string): Record<string, unknown> {
  const payload = decodeJson(token.split(".")[1] ?? "");
  if (!payload) throw new Error("stored credential has no readable payload");
  return payload;
}
