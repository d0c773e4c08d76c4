/**
 * An accreditation's life beyond the request and the decision, attacked as issue 13 found it:
 * - a person who left (deactivated) still had a credential that verified as valid;
 * - a manager could grant until 9999-12-31;
 * - a person revoked "for good" could request again at once;
 * - the only admin could remove their own admin role (and two admins could demote each other at once).
 * Each test creates its own people, so that no test depends on another's order.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/connection";
import { accreditations, auditLog, placements, sessions, userRoles, users, webhookEvents, type Role } from "../../../db/schema";
import { latestValidUntil } from "../../../app/domain/accreditation";
import { reinstateAccreditation, requestAccreditation, revokeAccreditation } from "../../../app/models/accreditation.server";
import { createApiToken } from "../../../app/models/api-token.server";
import { deactivatePerson, reactivatePerson } from "../../../app/models/leaver.server";
import { updateSettings } from "../../../app/models/settings.server";
import { insertUser } from "../../../app/models/user.server";
import { seedDemoOrganisation, snapshotDatabase } from "../../support/fixtures";
import { startServer, type TestServer } from "../../support/server";
import { grantFor, signCharter } from "../../support/gate";
import { postData, signedIn } from "../../support/accreditation";
import { makeEligible } from "../../support/security";

let server: TestServer;
let token: string;

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  token = createApiToken(null, "lifecycle tests").token;
});
afterAll(() => server.close());

const DAY = 24 * 60 * 60 * 1000;
let serial = 0;

/** A new person in team-comms (managed by the demo manager), who can sign in with the demo password. */
function insertNewUser(roles: Role[] = ["employee"], level: "native" | null = null): { id: string; email: string } {
  serial += 1;
  const email = `lifecycle-${serial}-${Date.now()}@ambassade.test`;
  const passwordHash = getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.email, "admin@ambassade.test")).get()!.hash;
  const id = getDb().transaction((tx) => insertUser(tx, { email, name: `Personne ${serial}`, teamId: "team-comms", roles, passwordHash }));
  if (level)
    getDb()
      .insert(placements)
      .values({ id: `placement-${id}`, userId: id, level, source: "questionnaire", facts: [] })
      .run();
  return { id, email };
}

async function verifyApi(credential: string) {
  const response = await fetch(`${server.url}/api/v1/verify`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ credential }),
  });
  return { status: response.status, body: (await response.json()) as { valid: boolean; status: string | null; reason: string | null } };
}

async function gate(email: string, channel = "linkedin") {
  const response = await fetch(`${server.url}/api/v1/authorizations?email=${encodeURIComponent(email)}&channel=${channel}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await response.json()) as { allowed: boolean; reasons: string[] };
}

function credentialOf(accreditationId: string): { id: string; jwt: string } {
  return getDb().$client.prepare("select id, jwt from credentials where accreditation_id = ? order by issued_at desc limit 1").get(accreditationId) as {
    id: string;
    jwt: string;
  };
}

const row = (id: string) => getDb().select().from(accreditations).where(eq(accreditations.id, id)).get()!;

describe("a person who leaves the organisation", () => {
  it("no longer holds a valid credential: verify says so with a reason, the gate refuses, sessions end, the scheduler is told", async () => {
    const person = insertNewUser();
    signCharter(person.id);
    const id = grantFor(person.id, ["linkedin"]);
    const credential = credentialOf(id);
    const personClient = await signedIn(server, person.email);
    expect((await verifyApi(credential.jwt)).body).toMatchObject({ valid: true, status: "valid", reason: null });
    expect((await gate(person.email)).allowed).toBe(true);

    const admin = await signedIn(server, "admin@ambassade.test");
    const response = await admin.post(`/people/${person.id}`, { intent: "deactivate" });
    expect(response.status).toBe(302);

    // The credential, by both ways of checking it.
    expect((await verifyApi(credential.jwt)).body).toMatchObject({ valid: false, status: "suspended", reason: "left_organisation" });
    const machine = await fetch(`${server.url}/verify/${credential.id}`, { headers: { Accept: "application/json" } });
    expect(((await machine.json()) as { status: string }).status).toBe("suspended");
    const page = await fetch(`${server.url}/verify/${credential.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-holder-left="true"');
    // The gate, the sessions, the accreditation, the audit trail and the webhook event.
    expect(await gate(person.email)).toMatchObject({ allowed: false, reasons: ["unknown_person"] });
    expect(getDb().select().from(sessions).where(eq(sessions.userId, person.id)).all()).toEqual([]);
    expect((await personClient.get("/accreditation")).status).toBe(302);
    expect(row(id)).toMatchObject({ status: "suspended", reasonKind: "left_organisation", reason: "admin" });
    const audits = getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, id))
      .all()
      .map((a) => a.action);
    expect(audits).toContain("accreditation.suspend");
    const personAudit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, person.id), eq(auditLog.action, "person.deactivated")))
      .get()!;
    expect(personAudit.data).toMatchObject({ source: { kind: "admin", label: "admin@ambassade.test" } });
    const events = getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.type, "accreditation.suspended"))
      .all()
      .map((e) => JSON.parse(e.body) as { data: { accreditation: { id: string; reasonKind: string } } });
    expect(events.some((e) => e.data.accreditation.id === id && e.data.accreditation.reasonKind === "left_organisation")).toBe(true);
  });

  it("coming back does not reinstate silently: their manager reinstates explicitly", async () => {
    const person = insertNewUser();
    signCharter(person.id);
    const id = grantFor(person.id, ["linkedin"]);
    const credential = credentialOf(id);
    deactivatePerson({ userId: person.id, actor: { id: "demo-admin" }, source: { kind: "scim", label: "directory" } });
    reactivatePerson({ userId: person.id, actor: { id: "demo-admin" }, source: { kind: "admin", label: "admin@ambassade.test" } });
    expect(row(id).status).toBe("suspended");
    expect((await verifyApi(credential.jwt)).body).toMatchObject({ valid: false, reason: "left_organisation" });
    expect((await gate(person.email)).reasons).toEqual(["suspended"]);

    // The manager's page offers the reinstatement; it is refused to nobody else.
    const sophie = await signedIn(server, "manager@ambassade.test");
    const page = (await (await sophie.get(`/team/requests/${id}?_data=${encodeURIComponent("routes/team.requests.$accreditationId")}`)).json()) as {
      case: { can: Record<string, boolean> };
    };
    expect(page.case.can).toMatchObject({ reinstate: true, grant: false, revoke: true });
    await reinstateAccreditation({ id: "demo-manager", scope: ["team-comms"] }, id, { expectedVersion: row(id).version });
    expect(row(id)).toMatchObject({ status: "granted", reasonKind: null });
    expect((await verifyApi(credential.jwt)).body).toMatchObject({ valid: true });
    expect((await gate(person.email)).allowed).toBe(true);
  });

  it("a first request still pending is declined, so that the person may start over", () => {
    const person = insertNewUser();
    const now = new Date();
    getDb()
      .insert(accreditations)
      .values({
        id: `pending-${person.id}`,
        userId: person.id,
        status: "requested",
        requestedChannels: ["linkedin"],
        statement: "A request still waiting.",
        requestedAt: now,
        updatedAt: now,
      })
      .run();
    expect(deactivatePerson({ userId: person.id, actor: { id: "demo-admin" }, source: { kind: "csv", label: "leavers.csv" } })).toEqual({
      changed: true,
      suspended: 0,
      declined: 1,
    });
    expect(row(`pending-${person.id}`)).toMatchObject({ status: "declined", reasonKind: "left_organisation", reason: "csv" });
  });
});

describe("the longest validity", () => {
  it("a grant until 9999-12-31 is refused with a clear message and changes nothing; within the limit it passes", async () => {
    const person = insertNewUser(["employee"], "native");
    await makeEligible(person.id);
    const id = await requestAccreditation(person.id, { channels: ["linkedin"], statement: "Relayer nos offres d'emploi sur LinkedIn." });
    const sophie = await signedIn(server, "manager@ambassade.test");
    const url = `/team/requests/${id}`;
    const route = "routes/team.requests.$accreditationId";
    const before = snapshotDatabase();
    const far = await postData(sophie, url, route, { intent: "grant", version: "1", channels: ["linkedin"], validUntil: "9999-12-31" });
    expect(far).toEqual({ status: 400, body: { fieldErrors: { validUntil: "lifecycle.errors.validUntilTooFar" } } });
    const justOver = new Date(latestValidUntil(new Date(), 24).getTime() + DAY).toISOString().slice(0, 10);
    expect((await postData(sophie, url, route, { intent: "grant", version: "1", channels: ["linkedin"], validUntil: justOver })).status).toBe(400);
    expect(snapshotDatabase()).toBe(before);
    // The form says how far it may go.
    const page = await (await sophie.get(url)).text();
    expect(page).toContain(`max="${latestValidUntil(new Date(), 24).toISOString().slice(0, 10)}"`);
    // The admin's setting moves the limit.
    updateSettings("demo-admin", { "accreditation.maxValidityMonths": 6 });
    const inEightMonths = new Date(Date.now() + 240 * DAY).toISOString().slice(0, 10);
    expect((await postData(sophie, url, route, { intent: "grant", version: "1", channels: ["linkedin"], validUntil: inEightMonths })).body.fieldErrors).toEqual(
      { validUntil: "lifecycle.errors.validUntilTooFar" },
    );
    updateSettings("demo-admin", { "accreditation.maxValidityMonths": 24 });
    const ok = await sophie.post(url, { intent: "grant", version: "1", channels: ["linkedin"], validUntil: inEightMonths });
    expect(ok.status).toBe(302);
    expect(row(id).status).toBe("granted");
  });
});

describe("the waiting period after a revocation", () => {
  it("refuses a new request until it is over, unless a manager reopens the case (audited); parallel requests then open one", async () => {
    const person = insertNewUser(["employee"], "native");
    await makeEligible(person.id);
    const id = grantFor(person.id, ["linkedin"]);
    revokeAccreditation({ id: "demo-manager", scope: ["team-comms"] }, id, { expectedVersion: row(id).version, reason: "Posted confidential figures." });
    const input = { channels: ["linkedin"], statement: "Relayer nos offres d'emploi sur LinkedIn." };

    const client = await signedIn(server, person.email);
    const before = snapshotDatabase();
    const refused = await postData(client, "/accreditation", "routes/accreditation", { intent: "request", ...input });
    expect(refused).toEqual({ status: 400, body: { fieldErrors: { form: "lifecycle.errors.revokedWaiting" } } });
    expect(snapshotDatabase()).toBe(before);
    // 89 days later: still refused; 90 days later: the period is over (the model, with a clock).
    await expect(requestAccreditation(person.id, input, new Date(Date.now() + 89 * DAY))).rejects.toMatchObject({
      fieldErrors: { form: "lifecycle.errors.revokedWaiting" },
    });
    const status = (await (await client.get(`/accreditation?_data=routes%2Faccreditation`)).json()) as {
      status: { next: string; can: { request: boolean }; requestAgainFrom: string };
    };
    expect(status.status).toMatchObject({ next: "waiting", can: { request: false } });
    expect(new Date(status.status.requestAgainFrom).getTime()).toBeGreaterThan(Date.now() + 89 * DAY);

    // The manager reopens the case.
    const sophie = await signedIn(server, "manager@ambassade.test");
    const reopened = await sophie.post(`/team/requests/${id}`, { intent: "reopen", version: String(row(id).version) });
    expect(reopened.status).toBe(302);
    expect(row(id)).toMatchObject({ status: "revoked" });
    expect(row(id).reopenedAt).not.toBeNull();
    expect(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, "accreditation.reopen")))
        .all(),
    ).toHaveLength(1);
    const again = await sophie.post(`/team/requests/${id}?_data=${encodeURIComponent("routes/team.requests.$accreditationId")}`, {
      intent: "reopen",
      version: String(row(id).version),
    });
    expect(again.status).toBe(400);

    // Now the person may request, once: two requests at once open one row.
    const results = await Promise.all([0, 1].map(() => postData(client, "/accreditation", "routes/accreditation", { intent: "request", ...input })));
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    expect(
      getDb()
        .select()
        .from(accreditations)
        .where(and(eq(accreditations.userId, person.id), eq(accreditations.status, "requested")))
        .all(),
    ).toHaveLength(1);
  });
});

describe("the last admin", () => {
  const roleOf = (userId: string) =>
    getDb()
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(eq(userRoles.userId, userId))
      .all()
      .map((r) => r.role)
      .sort();

  it("cannot remove their own admin role, nor be deactivated, while they are the only active admin", async () => {
    // The demo organisation has one admin.
    const admin = await signedIn(server, "admin@ambassade.test");
    const before = snapshotDatabase();
    const demote = await postData(admin, "/people/demo-admin", "routes/people.$userId", { intent: "update", name: "Admin", teamId: "", roles: ["employee"] });
    expect(demote).toEqual({ status: 409, body: { fieldErrors: { roles: "lifecycle.errors.lastAdmin" } } });
    expect(() => deactivatePerson({ userId: "demo-admin", actor: { id: null }, source: { kind: "scim", label: "directory" } })).toThrow(
      expect.objectContaining({ fieldErrors: { form: "lifecycle.errors.lastAdmin" } }),
    );
    expect(snapshotDatabase()).toBe(before);
  });

  it("two admins demoting each other at once: exactly one succeeds, one admin remains", async () => {
    const second = insertNewUser(["employee", "admin"]);
    const [a, b] = [await signedIn(server, "admin@ambassade.test"), await signedIn(server, second.email)];
    const data = `?_data=${encodeURIComponent("routes/people.$userId")}`;
    const results = await Promise.all([
      a.post(`/people/${second.id}${data}`, { intent: "update", name: "Second", teamId: "team-comms", roles: ["employee"] }),
      b.post(`/people/demo-admin${data}`, { intent: "update", name: "Admin", teamId: "", roles: ["employee"] }),
    ]);
    // The loser is refused: 409 (the last admin) or, when the winner's change reached it first, 403 (no longer an admin).
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(204);
    expect([403, 409]).toContain(statuses[1]);
    const admins = [roleOf("demo-admin").includes("admin"), roleOf(second.id).includes("admin")];
    expect(admins.filter(Boolean)).toHaveLength(1);
    // Restore the demo admin for the other tests.
    if (!admins[0]) getDb().insert(userRoles).values({ userId: "demo-admin", role: "admin" }).run();
  });

  it("two admins deactivating each other at once: exactly one succeeds", async () => {
    const second = insertNewUser(["employee", "admin"]);
    const third = insertNewUser(["employee", "admin"]);
    // The demo admin steps aside for this test: second and third are the only active admins.
    getDb().update(users).set({ active: false }).where(eq(users.id, "demo-admin")).run();
    try {
      const [b, c] = [await signedIn(server, second.email), await signedIn(server, third.email)];
      const results = await Promise.all([
        postData(b, `/people/${third.id}`, "routes/people.$userId", { intent: "deactivate" }),
        postData(c, `/people/${second.id}`, "routes/people.$userId", { intent: "deactivate" }),
      ]);
      // The loser is refused: 409 (the last admin), or sent to sign in when its own session had just ended.
      for (const r of results) expect(r.status).toBeLessThan(500);
      expect(results.filter((r) => r.status === 409 || r.body.fieldErrors?.form === "lifecycle.errors.lastAdmin").length).toBeLessThanOrEqual(1);
      const active = getDb()
        .select({ id: users.id })
        .from(users)
        .where(eq(users.active, true))
        .all()
        .map((u) => u.id);
      expect([active.includes(second.id), active.includes(third.id)].filter(Boolean)).toHaveLength(1);
    } finally {
      getDb().update(users).set({ active: true }).where(eq(users.id, "demo-admin")).run();
    }
  });
});
