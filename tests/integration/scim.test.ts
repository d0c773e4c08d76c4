/**
 * SCIM 2.0 provisioning through HTTP on the real build: Entra ID's and Okta's sequences replayed,
 * tokens (missing, wrong, revoked, expired, wrong scope), bad input (a SCIM error, nothing written),
 * parallel creations of one userName, filters and pages, leavers (the gate) and movers (pending
 * requests follow the person to the new team's managers), and the audit rows with their source.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { accreditations, apiTokens, auditLog, credentials, sessions, users, webhookEvents } from "../../db/schema";
import { createApiToken, revokeApiToken } from "../../app/models/api-token.server";
import { listPendingRequests } from "../../app/models/accreditation-views.server";
import { setTeamManagers } from "../../app/models/team.server";
import { seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { expectUnchanged } from "../support/gate";
import { entraSequence } from "../fixtures/scim/entra";
import { oktaSequence } from "../fixtures/scim/okta";
import { replay } from "../fixtures/scim/replay";

let server: TestServer;
let scim: string;
let apiToken: string;
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  scim = createApiToken(null, "Entra ID production", { scope: "scim" }).token;
  apiToken = createApiToken(null, "scheduler").token;
});
afterAll(() => server.close());

function call(method: string, path: string, body?: unknown, init: { token?: string | null; contentType?: string; raw?: string } = {}) {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? scim : init.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined || init.raw !== undefined) headers["Content-Type"] = init.contentType ?? "application/scim+json";
  return fetch(`${server.url}/scim/v2${path}`, { method, headers, body: init.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
}

async function json(response: Response) {
  return (await response.json()) as Record<string, unknown> & { Resources?: Record<string, unknown>[] };
}

const isActive = (id: string) => getDb().select({ active: users.active }).from(users).where(eq(users.id, id)).get()?.active === true;

function newUser(userName: string, over: Record<string, unknown> = {}) {
  return { schemas: [USER], userName, name: { givenName: "Camille", familyName: "Durand" }, emails: [{ value: userName, primary: true }], ...over };
}

describe("identity providers' sequences, replayed", () => {
  it('Microsoft Entra ID: create, get by filter, patch name and email, groups add/remove, disable (also as "False"), delete', async () => {
    const vars = await replay(server.url, scim, entraSequence, isActive);
    const row = getDb().select().from(users).where(eq(users.id, vars.userId!)).get()!;
    expect(row).toMatchObject({
      email: "updatedemail@microsoft.com",
      name: "Ryan Leenay",
      givenName: "Ryan",
      familyName: "updatedFamilyName",
      locale: "fr",
      active: false,
      teamId: null,
    });
    expect(row.scimDeletedAt).not.toBeNull();
  });

  it("Okta: lookup with startIndex/count, create, PUT update, deactivate by replace without a path, group push and membership", async () => {
    const vars = await replay(server.url, scim, oktaSequence, isActive);
    const row = getDb().select().from(users).where(eq(users.id, vars.userId!)).get()!;
    expect(row).toMatchObject({ email: "test.user@okta.local", name: "Another User", locale: "en", active: false, externalId: "00ujl29u0le5T6Aj10h7" });
    // The password Okta sends is never stored.
    expect(row.passwordHash).toBeNull();
  });

  it("a person deleted by the IdP and provisioned again comes back as the same record, active", async () => {
    const created = await json(await call("POST", "/Users", newUser("back.again@corp.test")));
    expect((await call("DELETE", `/Users/${created.id}`)).status).toBe(204);
    expect(isActive(created.id as string)).toBe(false);
    const again = await call("POST", "/Users", newUser("back.again@corp.test"));
    expect(again.status).toBe(201);
    expect((await json(again)).id).toBe(created.id);
    expect(isActive(created.id as string)).toBe(true);
  });
});

describe("tokens", () => {
  it("no token, an unknown one, a revoked one, an expired one: 401 with a SCIM error; an API token: 403; nothing is read", async () => {
    const revoked = createApiToken(null, "old IdP", { scope: "scim" });
    revokeApiToken(null, revoked.id);
    const expired = createApiToken(null, "expired IdP", { scope: "scim", expiresAt: new Date(Date.now() - 1000) });
    const cases: [string | null, number][] = [
      [null, 401],
      [`amb_${"x".repeat(43)}`, 401],
      ["not-even-a-token", 401],
      [revoked.token, 401],
      [expired.token, 401],
      [apiToken, 403],
    ];
    for (const [token, status] of cases) {
      for (const [method, path, body] of [
        ["GET", "/Users"],
        ["POST", "/Users", newUser("intruder@corp.test")],
        ["PATCH", "/Users/demo-learner", { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] }],
        ["DELETE", "/Groups/team-comms"],
      ] as const) {
        const response = await call(method, path, body, { token });
        expect(response.status, `${method} ${path} with ${token?.slice(0, 8)}`).toBe(status);
        expect(await json(response)).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(status) });
      }
    }
    expect(isActive("demo-learner")).toBe(true);
    expect(getDb().select().from(users).where(eq(users.email, "intruder@corp.test")).get()).toBeUndefined();
  });

  it("a SCIM token does not open the posting gate", async () => {
    const response = await fetch(`${server.url}/api/v1/authorizations?email=ambassador%40ambassade.test&channel=linkedin`, {
      headers: { Authorization: `Bearer ${scim}` },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "insufficient_scope" });
  });

  it("discovery endpoints answer without a token", async () => {
    const config = await json(await call("GET", "/ServiceProviderConfig", undefined, { token: null }));
    expect(config).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } });
    const types = await json(await call("GET", "/ResourceTypes", undefined, { token: null }));
    expect(types.Resources!.map((r) => r.id)).toEqual(["User", "Group"]);
    const schemas = await json(await call("GET", "/Schemas", undefined, { token: null }));
    expect(schemas.Resources!.map((r) => r.id)).toEqual([
      USER,
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      "urn:ietf:params:scim:schemas:core:2.0:Group",
    ]);
    expect((await call("GET", `/Schemas/${USER}`, undefined, { token: null })).status).toBe(200);
    expect((await call("GET", "/ResourceTypes/Group", undefined, { token: null })).status).toBe(200);
    const unknown = await call("GET", "/Bulk");
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"] });
  });
});

describe("bad input: a SCIM error with its scimType, nothing written", () => {
  const cases: { name: string; method: string; path: string; body?: unknown; raw?: string; contentType?: string; status: number; scimType?: string }[] = [
    {
      name: "malformed JSON",
      method: "POST",
      path: "/Users",
      raw: '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": ',
      status: 400,
      scimType: "invalidSyntax",
    },
    { name: "a JSON array", method: "POST", path: "/Users", body: [1, 2], status: 400, scimType: "invalidSyntax" },
    { name: "not JSON at all", method: "POST", path: "/Users", raw: "userName=x", contentType: "application/x-www-form-urlencoded", status: 415 },
    {
      name: "an unknown attribute",
      method: "POST",
      path: "/Users",
      body: newUser("unknown.attr@corp.test", { favouriteColour: "blue" }),
      status: 400,
      scimType: "invalidSyntax",
    },
    {
      name: "an unknown attribute inside name",
      method: "POST",
      path: "/Users",
      body: newUser("unknown.name@corp.test", { name: { givenName: "A", nickname: "B" } }),
      status: 400,
      scimType: "invalidSyntax",
    },
    {
      name: "an unknown schema",
      method: "POST",
      path: "/Users",
      body: newUser("unknown.schema@corp.test", { schemas: [USER, "urn:example:custom"] }),
      status: 400,
      scimType: "invalidSyntax",
    },
    {
      name: "no userName",
      method: "POST",
      path: "/Users",
      body: { schemas: [USER], emails: [{ value: "a@corp.test" }] },
      status: 400,
      scimType: "invalidValue",
    },
    { name: "no email anywhere", method: "POST", path: "/Users", body: { schemas: [USER], userName: "jdoe" }, status: 400, scimType: "invalidValue" },
    {
      name: "a bad email",
      method: "POST",
      path: "/Users",
      body: newUser("x@corp.test", { emails: [{ value: "not an email", primary: true }] }),
      status: 400,
      scimType: "invalidValue",
    },
    {
      name: "active as a number",
      method: "POST",
      path: "/Users",
      body: newUser("active.number@corp.test", { active: 0 }),
      status: 400,
      scimType: "invalidValue",
    },
    {
      name: "PATCH without the PatchOp schema",
      method: "PATCH",
      path: "/Users/demo-learner",
      body: { Operations: [{ op: "replace", path: "active", value: false }] },
      status: 400,
      scimType: "invalidSyntax",
    },
    {
      name: "PATCH with an unknown op",
      method: "PATCH",
      path: "/Users/demo-learner",
      body: { schemas: [PATCH_OP], Operations: [{ op: "merge", path: "active", value: false }] },
      status: 400,
      scimType: "invalidSyntax",
    },
    {
      name: "PATCH of an unknown attribute",
      method: "PATCH",
      path: "/Users/demo-learner",
      body: {
        schemas: [PATCH_OP],
        Operations: [
          { op: "replace", path: "active", value: false },
          { op: "replace", path: "shoeSize", value: 42 },
        ],
      },
      status: 400,
      scimType: "invalidPath",
    },
    {
      name: 'PATCH active to "maybe"',
      method: "PATCH",
      path: "/Users/demo-learner",
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: "maybe" }] },
      status: 400,
      scimType: "invalidValue",
    },
    {
      name: "PATCH removing the email",
      method: "PATCH",
      path: "/Users/demo-learner",
      body: { schemas: [PATCH_OP], Operations: [{ op: "remove", path: "emails" }] },
      status: 400,
      scimType: "mutability",
    },
    {
      name: "a group member who does not exist",
      method: "PATCH",
      path: "/Groups/team-ops",
      body: { schemas: [PATCH_OP], Operations: [{ op: "add", path: "members", value: [{ value: "demo-learner" }, { value: "no-such-person" }] }] },
      status: 400,
      scimType: "invalidValue",
    },
    { name: "an unparsable filter", method: "GET", path: `/Users?filter=${encodeURIComponent("userName eq")}`, status: 400, scimType: "invalidFilter" },
    {
      name: "an unsupported filter",
      method: "GET",
      path: `/Users?filter=${encodeURIComponent('name.familyName co "x"')}`,
      status: 400,
      scimType: "invalidFilter",
    },
    { name: "a non-numeric count", method: "GET", path: "/Users?count=lots", status: 400, scimType: "invalidValue" },
    { name: "an unknown user", method: "GET", path: "/Users/no-such-person", status: 404 },
    {
      name: "PATCH of an unknown user",
      method: "PATCH",
      path: "/Users/no-such-person",
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: false }] },
      status: 404,
    },
    { name: "POST to a user", method: "POST", path: "/Users/demo-learner", body: newUser("x@corp.test"), status: 405 },
    {
      name: "a body over 1 MiB",
      method: "POST",
      path: "/Users",
      raw: JSON.stringify(newUser("big@corp.test", { displayName: "x".repeat(1_100_000) })),
      status: 413,
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const before = snapshotDatabase();
      const response = await call(c.method, c.path, c.body, { raw: c.raw, contentType: c.contentType });
      expect(response.status).toBe(c.status);
      expect(response.headers.get("content-type")).toMatch(/^application\/scim\+json/);
      const body = await json(response);
      expect(body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(c.status) });
      expect(typeof body.detail).toBe("string");
      if (c.scimType) expect(body.scimType).toBe(c.scimType);
      expectUnchanged(before, snapshotDatabase());
    });
  }
});

describe("uniqueness", () => {
  it("parallel creations of the same userName: exactly one 201, the others 409 uniqueness", async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => call("POST", "/Users", newUser("same.person@corp.test"))));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of responses.filter((r) => r.status === 409)) expect(await json(r)).toMatchObject({ scimType: "uniqueness" });
    expect(getDb().select().from(users).where(eq(users.email, "same.person@corp.test")).all()).toHaveLength(1);
  });

  it("an email already used by someone invited by hand, or an externalId already linked: 409", async () => {
    expect((await call("POST", "/Users", newUser("learner@ambassade.test"))).status).toBe(409);
    expect((await call("POST", "/Users", newUser("ext.one@corp.test", { externalId: "ext-1" }))).status).toBe(201);
    const clash = await call("POST", "/Users", newUser("ext.two@corp.test", { externalId: "ext-1" }));
    expect(clash.status).toBe(409);
    expect(await json(clash)).toMatchObject({ scimType: "uniqueness" });
  });

  it("a person invited by hand is found by userName (their email), so the IdP links rather than duplicates", async () => {
    const found = await json(await call("GET", `/Users?filter=${encodeURIComponent('userName eq "LEARNER@ambassade.test"')}`));
    expect(found.totalResults).toBe(1);
    expect(found.Resources![0]).toMatchObject({ id: "demo-learner", userName: "learner@ambassade.test" });
  });
});

describe("lists", () => {
  it("pages with startIndex and count; count=0 gives the total only; attributes narrow the answer", async () => {
    for (let i = 0; i < 5; i++) expect((await call("POST", "/Users", newUser(`page.${i}@corp.test`, { externalId: `page-${i}` }))).status).toBe(201);
    const all = await json(await call("GET", "/Users?count=500"));
    const total = all.totalResults as number;
    expect(all.Resources).toHaveLength(total);
    const page = await json(await call("GET", "/Users?startIndex=3&count=2&attributes=userName"));
    expect(page).toMatchObject({ totalResults: total, startIndex: 3, itemsPerPage: 2 });
    expect(page.Resources!.map((r) => r.id)).toEqual(all.Resources!.slice(2, 4).map((r) => r.id));
    expect(Object.keys(page.Resources![0]!).sort()).toEqual(["id", "meta", "schemas", "userName"]);
    const none = await json(await call("GET", "/Users?count=0"));
    expect(none).toMatchObject({ totalResults: total, itemsPerPage: 0, Resources: [] });
    const beyond = await json(await call("GET", `/Users?startIndex=${total + 10}`));
    expect(beyond).toMatchObject({ totalResults: total, Resources: [] });
  });

  it("filters by externalId, emails.value and group members", async () => {
    const byExternal = await json(await call("GET", `/Users?filter=${encodeURIComponent('externalId eq "page-3"')}`));
    expect(byExternal.Resources!.map((r) => r.userName)).toEqual(["page.3@corp.test"]);
    const byEmail = await json(await call("GET", `/Users?filter=${encodeURIComponent('emails.value eq "page.4@corp.test"')}`));
    expect(byEmail.totalResults).toBe(1);
    const member = await json(
      await call("GET", `/Groups?filter=${encodeURIComponent('id eq "team-comms" and members[value eq "demo-lucas.bernard"]')}&excludedAttributes=members`),
    );
    expect(member.totalResults).toBe(1);
    expect(member.Resources![0]).not.toHaveProperty("members");
    const notMember = await json(await call("GET", `/Groups?filter=${encodeURIComponent('id eq "team-ops" and members[value eq "demo-lucas.bernard"]')}`));
    expect(notMember.totalResults).toBe(0);
  });
});

describe("leavers and movers", () => {
  it("a SCIM deactivation ends the person's sessions and the gate answers not allowed", async () => {
    const gate = async () =>
      (await (
        await fetch(`${server.url}/api/v1/authorizations?email=ambassador%40ambassade.test&channel=linkedin`, {
          headers: { Authorization: `Bearer ${apiToken}` },
        })
      ).json()) as { allowed: boolean };
    expect((await gate()).allowed).toBe(true);
    getDb()
      .insert(sessions)
      .values({ id: randomUUID(), userId: "demo-ambassador", expiresAt: Math.floor(Date.now() / 1000) + 3600 })
      .run();
    const found = await json(await call("GET", `/Users?filter=${encodeURIComponent('userName eq "ambassador@ambassade.test"')}`));
    const id = found.Resources![0]!.id as string;
    const response = await call("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "False" }] });
    expect(response.status).toBe(200);
    expect((await gate()).allowed).toBe(false);
    expect(getDb().select().from(sessions).where(eq(sessions.userId, "demo-ambassador")).all()).toEqual([]);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, "demo-ambassador"), eq(auditLog.action, "person.deactivated")))
      .get()!;
    expect(audit.data).toMatchObject({ source: { kind: "scim", label: "Entra ID production" } });
    // The leaver path: each accreditation in force suspended as "left the organisation", with one
    // webhook event each, and the credential no longer verifies.
    const held = getDb().select().from(accreditations).where(eq(accreditations.userId, "demo-ambassador")).all();
    expect(held.length).toBeGreaterThan(0);
    for (const a of held) expect(a).toMatchObject({ status: "suspended", reasonKind: "left_organisation", reason: "scim" });
    const events = getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.type, "accreditation.suspended"))
      .all()
      .map((e) => JSON.parse(e.body) as { data: { accreditation: { id: string } } });
    for (const a of held) expect(events.filter((e) => e.data.accreditation.id === a.id)).toHaveLength(1);
    const credential = getDb().select().from(credentials).where(eq(credentials.accreditationId, held[0]!.id)).get();
    if (credential) {
      const verified = await fetch(`${server.url}/verify/${credential.id}`, { headers: { Accept: "application/json" } });
      expect(((await verified.json()) as { status: string }).status).toBe("suspended");
    }
  });

  it("a move to another team hands pending accreditation requests to the new team's managers", async () => {
    const requestId = randomUUID();
    const now = new Date();
    getDb()
      .insert(accreditations)
      .values({
        id: requestId,
        userId: "demo-lucas.bernard",
        status: "requested",
        requestedChannels: ["linkedin"],
        statement: "Je voudrais parler pour l’entreprise.",
        requestedAt: now,
        updatedAt: now,
      })
      .run();
    const group = await json(
      await call("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Ventes Nord", externalId: "grp-sales-north" }),
    );
    setTeamManagers("demo-admin", group.id as string, ["demo-manager"]);
    expect(listPendingRequests(["team-comms"]).map((r) => r.id)).toContain(requestId);
    expect(listPendingRequests([group.id as string]).map((r) => r.id)).not.toContain(requestId);

    const move = await call("PATCH", `/Groups/${group.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Add", path: "members", value: [{ value: "demo-lucas.bernard" }] }],
    });
    expect(move.status).toBe(204);
    expect(listPendingRequests([group.id as string]).map((r) => r.id)).toContain(requestId);
    expect(listPendingRequests(["team-comms"]).map((r) => r.id)).not.toContain(requestId);
    // The team's managers stay those set in Ambassade.
    expect((await json(await call("GET", `/Groups/${group.id}`))).members).toEqual([expect.objectContaining({ value: "demo-lucas.bernard" })]);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, "demo-lucas.bernard"), eq(auditLog.action, "person.team")))
      .all()
      .at(-1)!;
    expect(audit).toMatchObject({ fromState: "team-comms", toState: group.id, data: { source: { kind: "scim", tokenName: "Entra ID production" } } });
  });

  it("every SCIM change is audited with the token's name", async () => {
    const created = await json(await call("POST", "/Users", newUser("audited@corp.test")));
    await call("PATCH", `/Users/${created.id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "displayName", value: "Camille D." }] });
    const rows = getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, created.id as string))
      .all();
    expect(rows.map((r) => r.action)).toEqual(["person.provisioned", "person.updated"]);
    for (const row of rows) expect(row.data).toMatchObject({ source: { kind: "scim", tokenName: "Entra ID production" } });
    expect(rows[1]).toMatchObject({ fromState: JSON.stringify({ name: "Camille Durand" }), toState: JSON.stringify({ name: "Camille D." }) });
    // The token's last use is recorded.
    expect(getDb().select().from(apiTokens).where(eq(apiTokens.name, "Entra ID production")).get()!.lastUsedAt).not.toBeNull();
  });
});
