/**
 * Verifiable credentials through HTTP on the real build: issued on grant (Open Badges 3.0, VC-JWT
 * EdDSA), published keys, the public page and its JSON twin, verification of genuine, tampered and
 * garbage input, the current status winning over the dates, and the holder's download.
 */
import { createHash, createPublicKey, verify, type JsonWebKey } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { accreditations, credentials } from "../../db/schema";
import { issuerKeyFile } from "../../app/utils/issuer-key.server";
import { DEMO_PASSWORD, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { Client, startServer, type TestServer } from "../support/server";
import { expectUnchanged, grantFor, move, signCharter } from "../support/gate";

let server: TestServer;
const DAY = 86_400_000;

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

function credentialOf(accreditationId: string) {
  return getDb().select().from(credentials).where(eq(credentials.accreditationId, accreditationId)).all().at(-1)!;
}

function decode(jwt: string) {
  const [h, p] = jwt.split(".") as [string, string];
  return {
    header: JSON.parse(Buffer.from(h, "base64url").toString()) as Record<string, unknown>,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    payload: JSON.parse(Buffer.from(p, "base64url").toString()) as Record<string, any>,
  };
}

function verifyApi(body: unknown, raw?: string, contentType = "application/json") {
  return fetch(`${server.url}/api/v1/verify`, { method: "POST", headers: { "Content-Type": contentType }, body: raw ?? JSON.stringify(body) });
}

/** Flips one character in the middle of the JWT's payload. */
function tamper(jwt: string): string {
  const [h, p, s] = jwt.split(".") as [string, string, string];
  const i = Math.floor(p.length / 2);
  const flipped = p[i] === "A" ? "B" : "A";
  return `${h}.${p.slice(0, i)}${flipped}${p.slice(i + 1)}.${s}`;
}

describe("issuing", () => {
  it("issues a signed OpenBadgeCredential on grant, verifiable with the published key", async () => {
    signCharter("demo-lucas.bernard");
    const id = grantFor("demo-lucas.bernard", ["linkedin", "youtube"]);
    const stored = credentialOf(id);
    const { header, payload } = decode(stored.jwt);
    expect(header).toMatchObject({ alg: "EdDSA", typ: "JWT" });

    // The JWKS publishes the key under the same kid, and the signature holds with it.
    const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as { keys: (JsonWebKey & { kid: string })[] };
    const key = jwks.keys.find((k) => k.kid === header.kid)!;
    expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
    const [h, p, s] = stored.jwt.split(".") as [string, string, string];
    expect(verify(null, Buffer.from(`${h}.${p}`), createPublicKey({ key, format: "jwk" }), Buffer.from(s, "base64url"))).toBe(true);

    // Open Badges 3.0 on the VC 2.0 data model.
    const base = "http://localhost:3000";
    expect(payload["@context"]).toEqual(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
    expect(payload.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(payload.id).toBe(`${base}/verify/${stored.id}`);
    expect(payload.issuer).toEqual({ id: `${base}/issuer`, type: ["Profile"], name: "Ambassade demo organisation", url: base });
    expect(payload).toMatchObject({
      iss: `${base}/issuer`,
      jti: payload.id,
      nbf: Math.floor(Date.parse(payload.validFrom) / 1000),
      exp: Math.floor(Date.parse(payload.validUntil) / 1000),
    });
    const row = getDb().select().from(accreditations).where(eq(accreditations.id, id)).get()!;
    expect(payload.validUntil).toBe(row.validUntil!.toISOString());
    expect(payload.validFrom).toBe(row.grantedAt!.toISOString());
    const subject = payload.credentialSubject;
    expect(subject.type).toEqual(["AchievementSubject"]);
    const email = subject.identifier.find((i: { identityType: string }) => i.identityType === "emailAddress");
    expect(email).toMatchObject({ type: "IdentityObject", hashed: true, salt: stored.salt });
    expect(email.identityHash).toBe(`sha256$${createHash("sha256").update(`lucas.bernard@ambassade.test${stored.salt}`).digest("hex")}`);
    expect(JSON.stringify(payload)).not.toContain("lucas.bernard@ambassade.test");
    expect(subject.achievement).toMatchObject({
      type: ["Achievement"],
      name: "Accredited social-media ambassador",
      criteria: { narrative: expect.stringContaining("charter") },
    });
    expect(subject.result.map((r: { value: string }) => r.value)).toEqual(["linkedin", "youtube"]);

    // The issuer profile and the key file.
    expect(await (await fetch(`${server.url}/issuer`)).json()).toMatchObject({ id: `${base}/issuer`, type: ["Profile"], name: "Ambassade demo organisation" });
    const file = issuerKeyFile();
    expect(path.dirname(file)).toBe(path.dirname(process.env.DATABASE_PATH!));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("the demo ambassador has a valid credential from the seed", async () => {
    const accreditation = getDb().select().from(accreditations).where(eq(accreditations.userId, "demo-ambassador")).get()!;
    const stored = credentialOf(accreditation.id);
    expect(stored).toBeTruthy();
    const page = await fetch(`${server.url}/verify/${stored.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Karim Benali");
    expect(html).toContain("Valide");
    expect(html).toContain("LinkedIn");
  });
});

describe("the verification page and its JSON twin", () => {
  it("shows the current status to anyone, in their language; JSON to clients that ask for it", async () => {
    signCharter("demo-chloe.thomas");
    const id = grantFor("demo-chloe.thomas", ["linkedin"]);
    const stored = credentialOf(id);
    const fr = await fetch(`${server.url}/verify/${stored.id}`, { headers: { Accept: "text/html", "Accept-Language": "fr" } });
    expect(fr.status).toBe(200);
    expect(fr.headers.get("vary")).toMatch(/Accept/);
    const frHtml = await fr.text();
    expect(frHtml).toContain("Chloé Thomas");
    expect(frHtml).toContain("Valide");
    expect(frHtml).toContain("Ambassade demo organisation");
    const en = await (await fetch(`${server.url}/verify/${stored.id}`, { headers: { Accept: "text/html", "Accept-Language": "en" } })).text();
    expect(en).toContain("Accreditation check");
    expect(en).toContain("Valid");

    for (const accept of ["application/json", "application/ld+json", "application/ld+json, text/html;q=0.5"]) {
      const response = await fetch(`${server.url}/verify/${stored.id}`, { headers: { Accept: accept } });
      expect(response.status, accept).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const doc = (await response.json()) as { status: string; credential: { id: string }; jwt: string };
      expect(doc.status).toBe("valid");
      expect(doc.credential.id).toMatch(new RegExp(`/verify/${stored.id}$`));
      expect(doc.jwt).toBe(stored.jwt);
    }

    // Revoked now: the page and the JSON say so, whatever the dates in the credential.
    move(id, "revoke", { reason: { kind: "decision", text: "test" } });
    expect(await (await fetch(`${server.url}/verify/${stored.id}`, { headers: { "Accept-Language": "fr" } })).text()).toContain("Retirée");
    expect(await (await fetch(`${server.url}/verify/${stored.id}`, { headers: { Accept: "application/json" } })).json()).toMatchObject({
      status: "revoked",
      accreditationStatus: "revoked",
    });
  });

  it("says suspended and expired from the accreditation's state", async () => {
    signCharter("demo-hugo.robert");
    const id = grantFor("demo-hugo.robert", ["linkedin"]);
    const stored = credentialOf(id);
    const status = async () => ((await (await fetch(`${server.url}/api/v1/credentials/${stored.id}`)).json()) as { status: string }).status;
    expect(await status()).toBe("valid");
    move(id, "suspend", { reason: { kind: "charter", version: "test" } });
    expect(await status()).toBe("suspended");
    move(id, "reinstate", { currentCharterSigned: true });
    expect(await status()).toBe("valid");
    getDb()
      .update(accreditations)
      .set({ validUntil: new Date(Date.now() - DAY) })
      .where(eq(accreditations.id, id))
      .run();
    expect(await status()).toBe("expired");
  });

  it("answers 404 for an unknown credential", async () => {
    expect((await fetch(`${server.url}/verify/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await fetch(`${server.url}/verify/not-a-credential`)).status).toBe(404);
    const json = await fetch(`${server.url}/verify/00000000-0000-4000-8000-000000000000`, { headers: { Accept: "application/json" } });
    expect(json.status).toBe(404);
    expect(await json.json()).toMatchObject({ error: "not_found" });
  });
});

describe("POST /api/v1/verify", () => {
  it("verifies a genuine credential, and fails a tampered one", async () => {
    signCharter("demo-lea.richard");
    const id = grantFor("demo-lea.richard", ["x"]);
    const stored = credentialOf(id);
    const before = snapshotDatabase();

    const genuine = await verifyApi({ credential: stored.jwt });
    expect(genuine.status).toBe(200);
    expect(genuine.headers.get("cache-control")).toBe("no-store");
    expect(await genuine.json()).toMatchObject({
      valid: true,
      signatureValid: true,
      status: "valid",
      reason: null,
      credential: { holder: "Léa Richard", channels: ["x"] },
    });

    const tampered = await verifyApi({ credential: tamper(stored.jwt) });
    expect(tampered.status).toBe(200);
    expect(await tampered.json()).toMatchObject({ valid: false, signatureValid: false, reason: "bad_signature", credential: null });

    // A forged payload (more channels) re-encoded without the key.
    const [h, p, s] = stored.jwt.split(".") as [string, string, string];
    const forgedPayload = JSON.parse(Buffer.from(p, "base64url").toString()) as { credentialSubject: { result: { value: string }[] } };
    forgedPayload.credentialSubject.result.push({ ...forgedPayload.credentialSubject.result[0]!, value: "tiktok" });
    const forged = `${h}.${Buffer.from(JSON.stringify(forgedPayload)).toString("base64url")}.${s}`;
    expect(await (await verifyApi({ credential: forged })).json()).toMatchObject({ valid: false, reason: "bad_signature" });

    // Another key: unknown_key.
    const header = JSON.parse(Buffer.from(h, "base64url").toString()) as Record<string, unknown>;
    const otherKid = `${Buffer.from(JSON.stringify({ ...header, kid: "someone-else" })).toString("base64url")}.${p}.${s}`;
    expect(await (await verifyApi({ credential: otherKid })).json()).toMatchObject({ valid: false, reason: "unknown_key" });
    const none = `${Buffer.from(JSON.stringify({ ...header, alg: "none" })).toString("base64url")}.${p}.${s}`;
    expect(await (await verifyApi({ credential: none })).json()).toMatchObject({ valid: false, reason: "unsupported_algorithm" });

    // The JSON form: exactly what was signed, or content_mismatch.
    const { credential } = (await (await fetch(`${server.url}/api/v1/credentials/${stored.id}`)).json()) as { credential: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(await (await verifyApi({ credential })).json()).toMatchObject({ valid: true, status: "valid" });
    const edited = structuredClone(credential);
    edited.validUntil = "2099-01-01T00:00:00.000Z";
    expect(await (await verifyApi({ credential: edited })).json()).toMatchObject({ valid: false, reason: "content_mismatch" });
    expect(await (await verifyApi({ credential: { ...credential, id: "https://elsewhere.example/verify/1" } })).json()).toMatchObject({
      valid: false,
      reason: "unknown_credential",
    });

    // Genuine but revoked: the signature holds, the credential is not valid.
    move(id, "revoke", { reason: { kind: "decision", text: "test" } });
    const revoked = await (await verifyApi({ credential: stored.jwt })).json();
    expect(revoked).toMatchObject({ valid: false, signatureValid: true, status: "revoked", reason: "revoked" });

    // Verification writes nothing.
    const after = snapshotDatabase();
    expect(before).not.toBe(after); // the revocation did
    const again = snapshotDatabase();
    await verifyApi({ credential: stored.jwt });
    expectUnchanged(again, snapshotDatabase());
  });

  it("refuses garbage with a 400 (never a 500), and writes nothing", async () => {
    const before = snapshotDatabase();
    const cases: [unknown, string | undefined, string | undefined, number][] = [
      [{ credential: "hello" }, undefined, undefined, 400],
      [{ credential: "a.b.c" }, undefined, undefined, 400],
      [{ credential: "eyJhbGciOiJFZERTQSJ9" }, undefined, undefined, 400],
      [{ credential: "" }, undefined, undefined, 400],
      [{ credential: 42 }, undefined, undefined, 400],
      [{ credential: [1, 2] }, undefined, undefined, 400],
      [{ credential: { hello: "world" } }, undefined, undefined, 400],
      [{}, undefined, undefined, 400],
      [{ credential: "x.y.z", extra: 1 }, undefined, undefined, 400],
      [null, "not json at all", undefined, 400],
      [null, "null", undefined, 400],
      [null, "", undefined, 400],
      [null, JSON.stringify({ credential: "x".repeat(70_000) }), undefined, 413],
      [{ credential: "a.b.c" }, undefined, "text/plain", 415],
    ];
    for (const [body, raw, type, status] of cases) {
      const response = await verifyApi(body, raw, type);
      expect(response.status, `${JSON.stringify(body)?.slice(0, 60)} ${raw?.slice(0, 20)}`).toBe(status);
      const json = (await response.json()) as { error: string; message: string };
      expect(json.message).toBeTruthy();
    }
    const get = await fetch(`${server.url}/api/v1/verify`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expectUnchanged(before, snapshotDatabase());
  });
});

describe("the holder's download", () => {
  it("lets a person download their own credential, and nobody else's", async () => {
    signCharter("demo-nathan.durand");
    const id = grantFor("demo-nathan.durand", ["linkedin"]);
    const stored = credentialOf(id);
    const holder = new Client(server.url);
    await holder.signIn("nathan.durand@ambassade.test", DEMO_PASSWORD);
    const response = await holder.get("/accreditation/credential");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="ambassade-credential-.*\.jwt"/);
    expect(await response.text()).toBe(stored.jwt);

    const other = new Client(server.url);
    await other.signIn("learner@ambassade.test", DEMO_PASSWORD);
    expect((await other.get("/accreditation/credential")).status).toBe(404);
    const anonymous = await new Client(server.url).get("/accreditation/credential");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });
});
