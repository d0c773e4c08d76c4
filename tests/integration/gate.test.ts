/**
 * The posting gate through HTTP on the real build: every reason code, tokens from creation to
 * revocation, batches and their limits, bad input (4xx, nothing written), the CLI, the OpenAPI document.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { accreditations, apiTokens, users } from "../../db/schema";
import { GATE_REASONS } from "../../app/domain/gate";
import { createApiToken } from "../../app/models/api-token.server";
import { DEMO_PASSWORD, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { Client, startServer, type TestServer } from "../support/server";
import { expectUnchanged, grantFor, move, signCharter } from "../support/gate";

let server: TestServer;
let token: string;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  token = createApiToken(null, "gate tests").token;
});
afterAll(() => server.close());

function gate(email: string, channel: string, bearer = token, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({ email, channel, ...extra });
  return fetch(`${server.url}/api/v1/authorizations?${params}`, { headers: { Authorization: `Bearer ${bearer}` } });
}

async function answer(email: string, channel: string) {
  const response = await gate(email, channel);
  expect(response.status).toBe(200);
  return (await response.json()) as {
    allowed: boolean;
    channel: string;
    reasons: string[];
    accreditation: { id: string; status: string; channels: string[]; validFrom: string | null; validUntil: string | null } | null;
  };
}

function batch(body: unknown, init: { raw?: string; contentType?: string; bearer?: string } = {}) {
  return fetch(`${server.url}/api/v1/authorizations`, {
    method: "POST",
    headers: { Authorization: `Bearer ${init.bearer ?? token}`, "Content-Type": init.contentType ?? "application/json" },
    body: init.raw ?? JSON.stringify(body),
  });
}

describe("the demo organisation", () => {
  it("lets the demo ambassador post on LinkedIn, not on X; the learner is not accredited", async () => {
    const linkedin = await answer("ambassador@ambassade.test", "linkedin");
    expect(linkedin).toMatchObject({ allowed: true, channel: "linkedin", reasons: [] });
    expect(linkedin.accreditation).toMatchObject({ status: "granted", channels: ["linkedin"] });
    expect(Date.parse(linkedin.accreditation!.validUntil!)).toBeGreaterThan(Date.now());
    expect(await answer("ambassador@ambassade.test", "x")).toMatchObject({ allowed: false, channel: "x", reasons: ["channel_not_granted"] });
    expect(await answer("learner@ambassade.test", "linkedin")).toEqual({
      allowed: false,
      channel: "linkedin",
      reasons: ["not_accredited"],
      accreditation: null,
    });
  });
});

describe("reason codes", () => {
  it("allowed, with the accreditation; channel_not_granted on another channel", async () => {
    const id = grantFor("demo-lucas.bernard", ["linkedin", "youtube"]);
    signCharter("demo-lucas.bernard");
    const ok = await answer("lucas.bernard@ambassade.test", "youtube");
    expect(ok).toMatchObject({ allowed: true, channel: "youtube", reasons: [], accreditation: { id, status: "granted", channels: ["linkedin", "youtube"] } });
    expect(await answer("lucas.bernard@ambassade.test", "tiktok")).toMatchObject({ allowed: false, reasons: ["channel_not_granted"], accreditation: { id } });
  });

  it("accepts email and channel in any case and answers the channel id", async () => {
    const response = await gate("  Lucas.Bernard@Ambassade.TEST ", "LinkedIn");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ allowed: true, channel: "linkedin" });
  });

  it("unknown_person: nobody has this email, or the account is deactivated", async () => {
    expect(await answer("nobody@ambassade.test", "linkedin")).toEqual({
      allowed: false,
      channel: "linkedin",
      reasons: ["unknown_person"],
      accreditation: null,
    });
    grantFor("demo-camille.simon", ["linkedin"]);
    signCharter("demo-camille.simon");
    expect((await answer("camille.simon@ambassade.test", "linkedin")).allowed).toBe(true);
    getDb().update(users).set({ active: false }).where(eq(users.id, "demo-camille.simon")).run();
    expect((await answer("camille.simon@ambassade.test", "linkedin")).reasons).toEqual(["unknown_person"]);
  });

  it("not_accredited: a request still pending is not an accreditation", async () => {
    const id = grantFor("demo-chloe.thomas", ["linkedin"]);
    move(id, "revoke", { reason: { kind: "decision", text: "test" } });
    // After a revocation, a new request that is still pending: the revoked one is the most relevant.
    getDb()
      .insert(accreditations)
      .values({
        id: "pending-chloe",
        userId: "demo-chloe.thomas",
        status: "requested",
        requestedChannels: ["linkedin"],
        statement: "Once more, please.",
        requestedAt: new Date(),
        updatedAt: new Date(),
      })
      .run();
    expect((await answer("chloe.thomas@ambassade.test", "linkedin")).reasons).toEqual(["revoked"]);
    expect((await answer("thomas.michel@ambassade.test", "linkedin")).reasons).toEqual(["not_accredited"]);
  });

  it("expired: by date before the job runs, and by status after", async () => {
    const id = grantFor("demo-hugo.robert", ["linkedin"], { now: new Date(Date.now() - 40 * DAY), validUntil: new Date(Date.now() - DAY) });
    signCharter("demo-hugo.robert");
    expect(await answer("hugo.robert@ambassade.test", "linkedin")).toMatchObject({
      allowed: false,
      reasons: ["expired"],
      accreditation: { status: "granted" },
    });
    move(id, "expire");
    expect(await answer("hugo.robert@ambassade.test", "linkedin")).toMatchObject({
      allowed: false,
      reasons: ["expired"],
      accreditation: { status: "expired" },
    });
    expect((await answer("hugo.robert@ambassade.test", "x")).reasons).toEqual(["expired", "channel_not_granted"]);
  });

  it("revoked: alone, final", async () => {
    const id = grantFor("demo-lea.richard", ["linkedin"]);
    signCharter("demo-lea.richard");
    move(id, "revoke", { reason: { kind: "decision", text: "Posted confidential figures." } });
    expect(await answer("lea.richard@ambassade.test", "linkedin")).toMatchObject({
      allowed: false,
      reasons: ["revoked"],
      accreditation: { id, status: "revoked" },
    });
  });

  it("suspended, and charter_not_signed", async () => {
    const id = grantFor("demo-nathan.durand", ["linkedin"]);
    signCharter("demo-nathan.durand");
    move(id, "suspend", { reason: { kind: "charter", version: "test" } });
    expect(await answer("nathan.durand@ambassade.test", "linkedin")).toMatchObject({
      allowed: false,
      reasons: ["suspended"],
      accreditation: { status: "suspended" },
    });

    grantFor("demo-manon.leroy", ["linkedin"]);
    expect(await answer("manon.leroy@ambassade.test", "linkedin")).toMatchObject({
      allowed: false,
      reasons: ["charter_not_signed"],
      accreditation: { status: "granted" },
    });
    signCharter("demo-manon.leroy");
    expect((await answer("manon.leroy@ambassade.test", "linkedin")).allowed).toBe(true);
  });

  it("covers every documented reason code", async () => {
    // The tests above produced each code at least once; this one guards the list itself.
    expect([...GATE_REASONS].sort()).toEqual([
      "channel_not_granted",
      "charter_not_signed",
      "expired",
      "not_accredited",
      "revoked",
      "suspended",
      "unknown_person",
    ]);
  });

  it("answers JSON that is never cached", async () => {
    const response = await gate("ambassador@ambassade.test", "linkedin");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("bad requests: 4xx with a message, nothing written", () => {
  it("refuses missing, malformed, repeated and unknown parameters, and unknown channels", async () => {
    await gate("ambassador@ambassade.test", "linkedin"); // records the token's use first
    const before = snapshotDatabase();
    const cases: [string, number, string][] = [
      ["channel=linkedin", 400, "invalid_request"],
      ["email=ambassador%40ambassade.test", 400, "invalid_request"],
      ["email=not-an-email&channel=linkedin", 400, "invalid_request"],
      ["email=ambassador%40ambassade.test&channel=", 400, "invalid_request"],
      ["email=ambassador%40ambassade.test&channel=linkedin&extra=1", 400, "invalid_request"],
      ["email=ambassador%40ambassade.test&email=learner%40ambassade.test&channel=linkedin", 400, "invalid_request"],
      ["email=ambassador%40ambassade.test&channel=myspace", 400, "unknown_channel"],
      [`email=${"a".repeat(300)}%40x.fr&channel=linkedin`, 400, "invalid_request"],
    ];
    for (const [query, status, code] of cases) {
      const response = await fetch(`${server.url}/api/v1/authorizations?${query}`, { headers: { Authorization: `Bearer ${token}`, "Accept-Language": "fr" } });
      expect(response.status, query).toBe(status);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error, query).toBe(code);
      expect(body.message.length, query).toBeGreaterThan(10);
    }
    const unknown = (await (await gate("ambassador@ambassade.test", "myspace")).json()) as { message: string };
    expect(unknown.message).toContain("myspace");
    expect(unknown.message).toContain("linkedin");
    expectUnchanged(before, snapshotDatabase());
  });

  it("refuses missing, malformed, unknown and revoked tokens with 401 and WWW-Authenticate", async () => {
    const before = snapshotDatabase();
    const url = `${server.url}/api/v1/authorizations?email=ambassador%40ambassade.test&channel=linkedin`;
    const attempts: [Record<string, string>, string][] = [
      [{}, "missing_token"],
      [{ Authorization: "Basic dXNlcjpwYXNz" }, "missing_token"],
      [{ Authorization: "Bearer " }, "missing_token"],
      [{ Authorization: "Bearer not-a-token" }, "invalid_token"],
      [{ Authorization: `Bearer amb_${"A".repeat(43)}` }, "invalid_token"],
    ];
    for (const [headers, code] of attempts) {
      const response = await fetch(url, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe(code);
      expect(body.message).toBeTruthy();
    }
    expectUnchanged(before, snapshotDatabase());
  });

  it("gives error messages in the client's language, English by default", async () => {
    const url = `${server.url}/api/v1/authorizations?email=a%40b.fr&channel=linkedin`;
    expect(((await (await fetch(url)).json()) as { message: string }).message).toMatch(/Authentication required/);
    expect(((await (await fetch(url, { headers: { "Accept-Language": "fr-FR,fr;q=0.9" } })).json()) as { message: string }).message).toMatch(
      /Authentification requise/,
    );
  });
});

describe("batch", () => {
  it("answers every check in order, duplicates included", async () => {
    const response = await batch({
      checks: [
        { email: "ambassador@ambassade.test", channel: "linkedin" },
        { email: "learner@ambassade.test", channel: "linkedin" },
        { email: "AMBASSADOR@ambassade.test", channel: "X" },
        { email: "nobody@ambassade.test", channel: "tiktok" },
        { email: "ambassador@ambassade.test", channel: "linkedin" },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { results } = (await response.json()) as { results: { email: string; allowed: boolean; channel: string; reasons: string[] }[] };
    expect(results.map((r) => [r.email, r.channel, r.allowed, r.reasons])).toEqual([
      ["ambassador@ambassade.test", "linkedin", true, []],
      ["learner@ambassade.test", "linkedin", false, ["not_accredited"]],
      ["ambassador@ambassade.test", "x", false, ["channel_not_granted"]],
      ["nobody@ambassade.test", "tiktok", false, ["unknown_person"]],
      ["ambassador@ambassade.test", "linkedin", true, []],
    ]);
  });

  it("takes up to 100 checks; more is a 413", async () => {
    const checks = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ email: i % 2 ? "ambassador@ambassade.test" : `person${i}@ambassade.test`, channel: "linkedin" }));
    const full = await batch({ checks: checks(100) });
    expect(full.status).toBe(200);
    expect(((await full.json()) as { results: unknown[] }).results).toHaveLength(100);
    const before = snapshotDatabase();
    const over = await batch({ checks: checks(101) });
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ error: "batch_too_large" });
    expectUnchanged(before, snapshotDatabase());
  });

  it("refuses bodies that are too big, malformed, not JSON, with unknown fields or bad checks", async () => {
    const before = snapshotDatabase();
    const cases: [Parameters<typeof batch>, number, string][] = [
      [[null, { raw: JSON.stringify({ checks: [{ email: "a@b.fr", channel: "linkedin", pad: "x".repeat(70_000) }] }) }], 413, "payload_too_large"],
      [[null, { raw: "{ not json" }], 400, "invalid_request"],
      [[null, { raw: "" }], 400, "invalid_request"],
      [[null, { raw: "[]" }], 400, "invalid_request"],
      [[{ checks: [] }], 400, "invalid_request"],
      [[{ checks: "ambassador@ambassade.test" }], 400, "invalid_request"],
      [[{ checks: [{ email: "ambassador@ambassade.test", channel: "linkedin" }], dryRun: true }], 400, "invalid_request"],
      [[{ checks: [{ email: "ambassador@ambassade.test", channel: "linkedin", name: "Karim" }] }], 400, "invalid_request"],
      [[{ checks: [{ email: "nope", channel: "linkedin" }] }], 400, "invalid_request"],
      [[{ checks: [{ email: "ambassador@ambassade.test" }] }], 400, "invalid_request"],
      [
        [
          {
            checks: [
              { email: "ambassador@ambassade.test", channel: "linkedin" },
              { email: "ambassador@ambassade.test", channel: "myspace" },
            ],
          },
        ],
        400,
        "unknown_channel",
      ],
      [[{ checks: [] }, { contentType: "text/plain" }], 415, "unsupported_media_type"],
      [[{ checks: [{ email: "ambassador@ambassade.test", channel: "linkedin" }] }, { bearer: "nope" }], 401, "invalid_token"],
    ];
    for (const [args, status, code] of cases) {
      const response = await batch(...args);
      const body = (await response.json()) as { error: string; message: string };
      expect([response.status, body.error], JSON.stringify(args).slice(0, 120)).toEqual([status, code]);
      expect(body.message).toBeTruthy();
    }
    const nested = (await (await batch({ checks: [{ email: "ambassador@ambassade.test", channel: "linkedin", name: "Karim" }] })).json()) as {
      message: string;
    };
    expect(nested.message).toContain("checks[0]");
    expectUnchanged(before, snapshotDatabase());
  });
});

describe("tokens", () => {
  it("an admin creates a token in the UI, sees it once, it works, revoking it stops it at once", async () => {
    const admin = new Client(server.url);
    expect((await admin.signIn("admin@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
    const created = await admin.post("/admin/api", { intent: "create", name: "Scheduler" });
    expect(created.status).toBe(200);
    const html = await created.text();
    const shown = /amb_[A-Za-z0-9_-]{43}/.exec(html)?.[0];
    expect(shown).toBeTruthy();
    const row = getDb().select().from(apiTokens).where(eq(apiTokens.name, "Scheduler")).get()!;
    expect(row.tokenHash).not.toContain(shown!);
    expect(row.lastUsedAt).toBeNull();

    // Listed afterwards by its prefix only.
    const list = await (await admin.get("/admin/api")).text();
    expect(list).toContain("Scheduler");
    expect(list).toContain(row.prefix);
    expect(list).not.toContain(shown!);

    expect((await gate("ambassador@ambassade.test", "linkedin", shown!)).status).toBe(200);
    const used = getDb().select().from(apiTokens).where(eq(apiTokens.id, row.id)).get()!;
    expect(used.lastUsedAt).toBeInstanceOf(Date);
    // Written at most once a minute: a second use does not write again.
    expect((await gate("ambassador@ambassade.test", "linkedin", shown!)).status).toBe(200);
    expect(getDb().select().from(apiTokens).where(eq(apiTokens.id, row.id)).get()!.lastUsedAt).toEqual(used.lastUsedAt);

    const revoked = await admin.post("/admin/api", { intent: "revoke", tokenId: row.id });
    expect(revoked.status).toBe(302);
    const after = await gate("ambassador@ambassade.test", "linkedin", shown!);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error: "invalid_token" });
    expect(getDb().select().from(apiTokens).where(eq(apiTokens.id, row.id)).get()!.revokedAt).toBeInstanceOf(Date);
  });

  it("refuses an empty token name, and non-admins", async () => {
    const admin = new Client(server.url);
    await admin.signIn("admin@ambassade.test", DEMO_PASSWORD);
    const manager = new Client(server.url);
    await manager.signIn("manager@ambassade.test", DEMO_PASSWORD);
    const before = snapshotDatabase();
    const empty = await admin.post("/admin/api", { intent: "create", name: "   " });
    expect(empty.status).toBe(400);
    expectUnchanged(before, snapshotDatabase());
    expect((await manager.get("/admin/api")).status).toBe(403);
    expect((await manager.post("/admin/api", { intent: "create", name: "Mine" })).status).toBe(403);
    expectUnchanged(before, snapshotDatabase());
  });

  it("`token create --name x` prints the token on its last line, and it works", async () => {
    const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["app/cli/main.ts", "token", "create", "--name", "x"], {
      env: { ...process.env },
      timeout: 30_000,
    });
    const lines = stdout.trim().split("\n");
    const printed = lines[lines.length - 1]!.trim();
    expect(printed).toMatch(/^amb_[A-Za-z0-9_-]{43}$/);
    const response = await gate("ambassador@ambassade.test", "linkedin", printed);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ allowed: true });
  }, 40_000);
});

describe("other API paths", () => {
  it("answer a JSON 404", async () => {
    const response = await fetch(`${server.url}/api/v1/nothing-here`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
    const post = await fetch(`${server.url}/api/v2/authorizations`, { method: "POST" });
    expect(post.status).toBe(404);
  });

  it("refuse other methods on the gate", async () => {
    const response = await fetch(`${server.url}/api/v1/authorizations`, { method: "DELETE", headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
  });
});

describe("OpenAPI", () => {
  it("describes the gate, the batch, verify, auth, every reason code and the limits", async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: {
        securitySchemes: Record<string, { scheme: string }>;
        schemas: { Authorization: { properties: { reasons: { items: { enum: string[] } } } } };
      };
      info: { description: string };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths["/api/v1/authorizations"]!)).toEqual(["get", "post"]);
    expect(doc.paths["/api/v1/verify"]!.post).toBeTruthy();
    expect(doc.components.securitySchemes.bearerAuth!.scheme).toBe("bearer");
    expect(doc.components.schemas.Authorization.properties.reasons.items.enum).toEqual([...GATE_REASONS]);
    for (const reason of GATE_REASONS) expect(doc.info.description).toContain(reason);
    expect(JSON.stringify(doc)).toContain('"maxItems":100');
  });
});
