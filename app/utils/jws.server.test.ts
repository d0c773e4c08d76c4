import { generateKeyPairSync } from "node:crypto";
import { CompactSign } from "jose";
import { describe, expect, it } from "vitest";
import { decodeJwsHeader, jwsPayload, signJws, verifyJws } from "./jws.server";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const keys = new Map([["k1", publicKey]]);
const payload = { jti: "urn:uuid:1", name: "Emma" };

describe("VC-JWT signatures", () => {
  it("verifies what we sign (alg EdDSA)", async () => {
    const token = signJws({ typ: "JWT", kid: "k1" }, payload, privateKey);
    expect(await verifyJws(token, keys)).toMatchObject({ ok: true, payload, header: { alg: "EdDSA", kid: "k1" } });
    expect(jwsPayload(token)).toEqual(payload);
  });

  it("accepts the fully-specified algorithm name of RFC 9864 (Ed25519)", async () => {
    const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: "Ed25519", kid: "k1" }).sign(privateKey);
    expect(await verifyJws(token, keys)).toMatchObject({ ok: true, payload });
  });

  it("says what is wrong with a forgery, never throwing", async () => {
    const token = signJws({ kid: "k1" }, payload, privateKey);
    const [h, p, s] = token.split(".");
    const other = generateKeyPairSync("ed25519").privateKey;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, name: "Mallory" })).toString("base64url")}.${s}`;
    const hs256 = `${Buffer.from(JSON.stringify({ alg: "HS256", kid: "k1" })).toString("base64url")}.${p}.${s}`;
    const none = `${Buffer.from(JSON.stringify({ alg: "none", kid: "k1" })).toString("base64url")}.${p}.`;
    expect(await verifyJws(tampered, keys)).toEqual({ ok: false, reason: "bad_signature" });
    expect(await verifyJws(signJws({ kid: "k1" }, payload, other), keys)).toEqual({ ok: false, reason: "bad_signature" });
    expect(await verifyJws(signJws({ kid: "k2" }, payload, privateKey), keys)).toEqual({ ok: false, reason: "unknown_key" });
    expect(await verifyJws(hs256, keys)).toEqual({ ok: false, reason: "unsupported_algorithm" });
    expect((await verifyJws(none, keys)).ok).toBe(false);
    for (const garbage of ["", "a.b", "a.b.c", "!!.??.##", `${h}.${p}`, "x".repeat(40_000)]) {
      expect(await verifyJws(garbage, keys)).toEqual({ ok: false, reason: "malformed" });
      expect(await decodeJwsHeader(garbage)).toBeNull();
    }
  });
});
