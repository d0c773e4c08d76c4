/**
 * Personal data (issue 18, docs/privacy.md, ADR 0024): the export covers every table that references
 * a person; an erasure leaves no trace of the person's email, name or free text in ANY text column of
 * ANY table while the organisation's counts stay right; refusals (legal hold, last admin, twice) write
 * nothing; retention removes exactly what is older than its setting; the privacy notice is versioned and
 * its reading recorded.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import {
  auditLog,
  charterSignatures,
  diagnosticAnswers,
  diagnosticRuns,
  examAnswers,
  examAttempts,
  identities,
  legalHolds,
  mailOutbox,
  placements,
  privacyNoticeViews,
  reflections,
  sessions,
  settings,
  userRoles,
  users,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from "../../db/schema";
import { createApiToken } from "../../app/models/api-token.server";
import { PERSONAL_DATA_SOURCES, collectPersonalData } from "../../app/models/personal-data.server";
import { erasePerson } from "../../app/models/erasure.server";
import { applyRetention } from "../../app/models/retention.server";
import { insertUser } from "../../app/models/user.server";
import { DEMO_PASSWORD, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { runCli } from "../support/cli";
import { grantFor, signCharter } from "../support/gate";
import { Client, startServer, type TestServer } from "../support/server";

const DAY = 86_400_000;
let server: TestServer;
let token: string;

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  token = createApiToken(null, "privacy test").token;
});
afterAll(() => server.close());

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = new Client(server.url);
  expect((await client.signIn(email, password)).status).toBe(302);
  return client;
}

/** A person with data in every kind of record, each free text unique so that a scan can find it. */
function richPerson(tag: string) {
  const db = getDb();
  const email = `zoe.${tag}@example.org`;
  const name = `Zoé Kowalczyk${tag}`;
  const texts = {
    reflection: `Ma réflexion très personnelle ${tag} sur LinkedIn`,
    review: `Commentaire du formateur ${tag}`,
    statement: `Je souhaite représenter l'entreprise ${tag} sur les salons`,
    override: `Niveau ajusté après entretien ${tag}`,
  };
  const userId = db.transaction((tx) => insertUser(tx, { email, name, teamId: null, roles: ["employee"] }));
  db.update(users)
    .set({ givenName: `Zoé${tag}`, familyName: `Kowalczyk${tag}`, externalId: `ext-${tag}-42`, userName: `zk.${tag}@corp.example` })
    .where(eq(users.id, userId))
    .run();
  const runId = randomUUID();
  db.insert(diagnosticRuns).values({ id: runId, userId, questionnaireHash: "h", status: "completed", completedAt: new Date() }).run();
  db.insert(diagnosticAnswers)
    .values({ runId, questionId: "q1", optionIds: ["a"] })
    .run();
  db.insert(placements)
    .values({ id: randomUUID(), userId, level: "native", source: "override", facts: [], reason: texts.override, setBy: "demo-manager" })
    .run();
  db.insert(reflections)
    .values({
      userId,
      moduleId: "m1",
      reflectionId: "r1",
      text: texts.reflection,
      reviewStatus: "reviewed",
      reviewComment: texts.review,
      reviewedBy: "demo-trainer",
    })
    .run();
  const attemptId = randomUUID();
  db.insert(examAttempts)
    .values({
      id: attemptId,
      userId,
      seed: 1,
      items: [{ id: "i1", options: ["a", "b"] }],
      status: "graded",
      startedAt: new Date(),
      passMark: 80,
      score: 90,
      passed: true,
    })
    .run();
  db.insert(examAnswers)
    .values({ attemptId, itemId: "i1", optionIds: ["a"], answeredAt: new Date() })
    .run();
  signCharter(userId);
  db.update(charterSignatures).set({ signedName: name }).where(eq(charterSignatures.userId, userId)).run();
  db.insert(identities)
    .values({ id: randomUUID(), provider: "oidc:https://idp.example", subject: `sub-${tag}`, userId, email: `zoe.sso.${tag}@example.org` })
    .run();
  db.insert(sessions)
    .values({ id: randomUUID().replace(/-/g, ""), userId, expiresAt: Math.floor(Date.now() / 1000) + 3600, createdAt: Math.floor(Date.now() / 1000) })
    .run();
  db.insert(mailOutbox)
    .values({ id: randomUUID(), kind: "invitation", refId: userId, to: email, subject: `Bienvenue ${name}`, text: `Bonjour ${name}` })
    .run();
  db.insert(auditLog)
    .values({ actorId: "demo-admin", action: "person.email", subjectType: "user", subjectId: userId, fromState: `old.${tag}@example.org`, toState: email })
    .run();
  const accreditationId = grantFor(userId, ["linkedin"]);
  getDb().$client.prepare("update accreditations set statement = ? where id = ?").run(texts.statement, accreditationId);
  return {
    userId,
    email,
    name,
    texts,
    accreditationId,
    identifiers: [
      email,
      name,
      `Zoé${tag}`,
      `Kowalczyk${tag}`,
      `ext-${tag}-42`,
      `zk.${tag}@corp.example`,
      `old.${tag}@example.org`,
      `zoe.sso.${tag}@example.org`,
      `sub-${tag}`,
    ],
  };
}

/** Every text value of every table that contains one of the needles: [table.column, value]. */
function scan(needles: string[]): string[] {
  const client = getDb().$client;
  const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
  const found: string[] = [];
  for (const { name: table } of tables) {
    const columns = client.prepare(`pragma table_info("${table}")`).all() as { name: string; type: string }[];
    for (const column of columns) {
      if (!/text|blob|^$/i.test(column.type)) continue;
      for (const needle of needles) {
        const rows = client
          .prepare(`select "${column.name}" as v from "${table}" where instr(lower(cast("${column.name}" as text)), lower(?)) > 0`)
          .all(needle) as { v: unknown }[];
        for (const row of rows) found.push(`${table}.${column.name} contains "${needle}": ${String(row.v).slice(0, 120)}`);
      }
    }
  }
  return found;
}

function counts() {
  const client = getDb().$client;
  const n = (sql: string) => (client.prepare(sql).get() as { n: number }).n;
  return {
    people: n("select count(*) as n from users"),
    accreditations: n("select count(*) as n from accreditations"),
    granted: n("select count(*) as n from accreditations where granted_at is not null"),
    placementsByLevel: client.prepare("select level, count(*) as n from placements group by level order by level").all(),
    runs: n("select count(*) as n from diagnostic_runs where status = 'completed'"),
    attempts: n("select count(*) as n from exam_attempts"),
    passes: n("select count(*) as n from exam_attempts where passed = 1"),
    signatures: n("select count(*) as n from charter_signatures"),
    credentials: n("select count(*) as n from credentials"),
  };
}

describe("export", () => {
  it("covers every column of the schema that references a person (a new table must be added to the registry)", () => {
    const client = getDb().$client;
    const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as {
      name: string;
    }[];
    const references: string[] = [];
    for (const { name } of tables) {
      const fks = client.prepare(`pragma foreign_key_list("${name}")`).all() as { table: string; from: string }[];
      for (const fk of fks) if (fk.table === "users") references.push(`${name}.${fk.from}`);
      const columns = client.prepare(`pragma table_info("${name}")`).all() as { name: string }[];
      for (const c of columns) if (/(^|_)(user_id|actor_id)$/.test(c.name) && !references.includes(`${name}.${c.name}`)) references.push(`${name}.${c.name}`);
    }
    expect(references.length).toBeGreaterThan(20);
    const covered = new Set(PERSONAL_DATA_SOURCES.flatMap((s) => s.covers.map((c) => `${s.table}.${c}`)));
    const missing = references.filter((r) => !covered.has(r));
    expect(missing, `tables referencing users that the export (app/models/personal-data.server.ts) does not cover`).toEqual([]);
  });

  it("runs every source, and finds the person's rows in each kind they have", () => {
    const person = richPerson("exp");
    const data = collectPersonalData(person.userId);
    const kinds = Object.fromEntries(data.kinds.map((k) => [k.kind, k.rows.length]));
    for (const kind of [
      "account",
      "roles",
      "sessions",
      "identities",
      "questionnaire_runs",
      "questionnaire_answers",
      "placements",
      "reflections",
      "charter_signatures",
      "exam_attempts",
      "exam_answers",
      "accreditations",
      "credentials",
      "webhook_events",
      "mails",
      "audit_log",
    ]) {
      expect(kinds[kind], kind).toBeGreaterThan(0);
    }
    const account = data.kinds.find((k) => k.kind === "account")!.rows[0]!;
    expect(account).not.toHaveProperty("password_hash");
    expect(JSON.stringify(data)).toContain(person.texts.reflection);
  });

  it("lets a learner download their data as a ZIP with a readable summary, their credential included", async () => {
    const client = await signedIn("ambassador@ambassade.test");
    const response = await client.post("/account/export", { intent: "export" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="ambassade-data-demo-ambassador-.*\.zip"/);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(["summary.html", "person.json", "account.json", "accreditations.json", "credentials.json", "questionnaire_answers.json"]),
    );
    const summary = strFromU8(files["summary.html"]!);
    expect(summary).toContain('<html lang="fr">');
    expect(summary).toContain("Karim Benali");
    expect(Object.keys(files).some((f) => /^credentials\/[0-9a-f-]{36}\.jwt$/.test(f))).toBe(true);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "person.data_exported")).all();
    expect(audit.some((a) => a.subjectId === "demo-ambassador" && a.actorId === "demo-ambassador")).toBe(true);
  });

  it("lets an admin export a deactivated person (audit-logged), and no one else", async () => {
    const person = richPerson("deact");
    const admin = await signedIn("admin@ambassade.test");
    expect((await admin.post(`/people/${person.userId}`, { intent: "deactivate" })).status).toBe(302);
    const response = await admin.post(`/people/${person.userId}/export`, { intent: "export" });
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(strFromU8(files["summary.html"]!)).toContain(person.name);
    const row = getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "person.data_exported"))
      .all()
      .find((a) => a.subjectId === person.userId);
    expect(row?.actorId).toBe("demo-admin");
    const manager = await signedIn("manager@ambassade.test");
    expect((await manager.post(`/people/${person.userId}/export`, { intent: "export" })).status).toBe(403);
    expect((await admin.post(`/people/nobody/export`, { intent: "export" })).status).toBe(404);
  });
});

describe("erasure", () => {
  it("leaves no trace of the person's email, name or free text in any text column, keeps the counts, and says so everywhere", async () => {
    const db = getDb();
    db.insert(webhookEndpoints).values({ id: randomUUID(), url: "https://hooks.example.org/ambassade", secret: "a-long-enough-secret-value" }).run();
    const person = richPerson("erase");
    const credentialRow = getDb().$client.prepare("select id, jwt from credentials where accreditation_id = ?").get(person.accreditationId) as {
      id: string;
      jwt: string;
    };
    const needles = [...person.identifiers, ...Object.values(person.texts)];
    expect(scan(needles).length).toBeGreaterThan(10);
    // The gate knows the person before.
    const gate = async () =>
      (await (
        await fetch(`${server.url}/api/v1/authorizations?email=${encodeURIComponent(person.email)}&channel=linkedin`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).json()) as { allowed: boolean; reasons: string[] };
    expect((await gate()).allowed).toBe(true);
    const before = counts();

    const admin = await signedIn("admin@ambassade.test");
    const wrong = await admin.post(`/people/${person.userId}/privacy`, { intent: "erase", confirmEmail: "someone.else@example.org" });
    expect(wrong.status).toBe(400);
    const response = await admin.post(`/people/${person.userId}/privacy`, { intent: "erase", confirmEmail: person.email });
    expect(response.status).toBe(302);

    expect(scan(needles)).toEqual([]);
    const after = counts();
    expect(after).toEqual(before);
    // The person is inactive, pseudonymised, with no way in.
    const row = db.select().from(users).where(eq(users.id, person.userId)).get()!;
    expect(row.active).toBe(false);
    expect(row.erasedAt).not.toBeNull();
    expect(row.passwordHash).toBeNull();
    expect(row.email).toMatch(/^erased-[0-9a-f]+@erased\.invalid$/);
    expect(db.select().from(sessions).where(eq(sessions.userId, person.userId)).all()).toEqual([]);
    expect(db.select().from(reflections).where(eq(reflections.userId, person.userId)).all()).toEqual([]);
    // The accreditation went through the leaver path; the audit trail is kept, with the erasure in it.
    expect(getDb().$client.prepare("select status from accreditations where id = ?").get(person.accreditationId)).toEqual({ status: "suspended" });
    const actions = db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(eq(auditLog.subjectId, person.userId))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["person.deactivated", "person.erased"]));
    // The credential: its own message on the page, in the JSON and in the verify API.
    const page = await fetch(`${server.url}/verify/${credentialRow.id}`);
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain("Plus disponible");
    expect(html).not.toContain(person.name);
    const document = await fetch(`${server.url}/api/v1/credentials/${credentialRow.id}`);
    expect(document.status).toBe(410);
    expect(((await document.json()) as { status: string }).status).toBe("no_longer_available");
    const verified = (await (
      await fetch(`${server.url}/api/v1/verify`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ credential: credentialRow.jwt }),
      })
    ).json()) as { valid: boolean; reason: string };
    expect(verified).toMatchObject({ valid: false, reason: "no_longer_available" });
    // The gate no longer knows them.
    expect(await gate()).toMatchObject({ allowed: false, reasons: ["unknown_person"] });
    // Webhooks: the suspension and the erasure, announced in the same transaction, without the identity.
    const events = db
      .select()
      .from(webhookEvents)
      .all()
      .map((e) => JSON.parse(e.body) as { type: string; data: Record<string, unknown> });
    const erased = events.find((e) => e.type === "person.erased");
    expect(erased?.data).toMatchObject({ person: { id: person.userId }, accreditations: [person.accreditationId] });
    expect(events.some((e) => e.type === "accreditation.suspended" && (e.data.accreditation as { id: string }).id === person.accreditationId)).toBe(true);
    expect(db.select().from(webhookDeliveries).all().length).toBeGreaterThan(0);

    // Exporting what is left works; erasing twice, or reactivating, is a clear 409 that changes nothing.
    expect((await admin.post(`/people/${person.userId}/export`, { intent: "export" })).status).toBe(200);
    const snapshot = snapshotDatabase();
    expect((await admin.post(`/people/${person.userId}`, { intent: "reactivate" })).status).toBe(409);
    const twice = await admin.post(`/people/${person.userId}/privacy`, { intent: "erase", confirmEmail: row.email });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("déjà été effacées");
    expect(() => erasePerson({ userId: person.userId, actorId: "demo-admin", actorEmail: "admin@ambassade.test" })).toThrow(/alreadyErased/);
    expect(snapshotDatabase()).toBe(snapshot);
  });

  it("is refused with the reason under a legal hold, and works once the hold is lifted", async () => {
    const person = richPerson("hold");
    const admin = await signedIn("admin@ambassade.test");
    expect((await admin.post(`/people/${person.userId}/privacy`, { intent: "hold", reason: "Contentieux prud'homal en cours" })).status).toBe(302);
    const snapshot = snapshotDatabase();
    const refused = await admin.post(`/people/${person.userId}/privacy`, { intent: "erase", confirmEmail: person.email });
    expect(refused.status).toBe(409);
    const text = await refused.text();
    expect(text).toContain("gel légal");
    expect(text).toContain("Contentieux prud");
    expect(snapshotDatabase()).toBe(snapshot);
    expect((await admin.post(`/people/${person.userId}/privacy`, { intent: "release" })).status).toBe(302);
    expect(getDb().select().from(legalHolds).all()).toEqual([]);
    expect((await admin.post(`/people/${person.userId}/privacy`, { intent: "erase", confirmEmail: person.email })).status).toBe(302);
  });

  it("two erasures of the same person at once: one erases, the other is a 409", async () => {
    const person = richPerson("race");
    const admin = await signedIn("admin@ambassade.test");
    const answers = await Promise.all([0, 1, 2].map(() => admin.post(`/people/${person.userId}/privacy`, { intent: "erase", confirmEmail: person.email })));
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409, 409]);
    const erasures = getDb().$client.prepare("select count(*) as n from audit_log where action = 'person.erased' and subject_id = ?").get(person.userId) as {
      n: number;
    };
    expect(erasures.n).toBe(1);
  });

  it("refuses to erase the last admin, or oneself, and writes nothing", async () => {
    const db = getDb();
    const admin = await signedIn("admin@ambassade.test");
    const snapshot = snapshotDatabase();
    const self = await admin.post(`/people/demo-admin/privacy`, { intent: "erase", confirmEmail: "admin@ambassade.test" });
    expect(self.status).toBe(409);
    expect(snapshotDatabase()).toBe(snapshot);
    // A second admin tries to erase the first, who is then the only other active admin: allowed only while another admin remains.
    const otherId = db.transaction((tx) => insertUser(tx, { email: "second.admin@example.org", name: "Second Admin", teamId: null, roles: ["admin"] }));
    db.update(users).set({ active: false }).where(eq(users.id, otherId)).run();
    const withOther = snapshotDatabase();
    expect(() => erasePerson({ userId: "demo-admin", actorId: otherId, actorEmail: "second.admin@example.org" })).toThrow(/lastAdmin/);
    expect(snapshotDatabase()).toBe(withOther);
    expect(db.select().from(users).where(eq(users.id, "demo-admin")).get()?.erasedAt).toBeNull();
    expect(db.select().from(userRoles).where(eq(userRoles.userId, "demo-admin")).all().length).toBeGreaterThan(0);
  });
});

describe("retention", () => {
  it("removes exactly what is older than each setting, reports it, and a dry run only counts", () => {
    const db = getDb();
    // "Now" is the real time: everything the other tests and the demo wrote is younger than the settings.
    const now = new Date(Date.now() + 1000);
    const ago = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY + extraMs);
    db.insert(settings)
      .values([
        { key: "retention.questionnaireAnswersDays", value: 100 },
        { key: "retention.examAnswersDays", value: 100 },
        { key: "retention.reflectionsDays", value: 100 },
        { key: "retention.sessionsDays", value: 10 },
        { key: "retention.mailDays", value: 10 },
        { key: "retention.webhookDeliveriesDays", value: 10 },
        { key: "retention.leaverAuditDetailsDays", value: 100 },
      ])
      .onConflictDoNothing()
      .run();
    const userId = db.transaction((tx) => insertUser(tx, { email: "retention@example.org", name: "Rita Retention", teamId: null, roles: ["employee"] }));
    const leaverId = db.transaction((tx) => insertUser(tx, { email: "leaver@example.org", name: "Léo Leaver", teamId: null, roles: ["employee"] }));
    const heldId = db.transaction((tx) => insertUser(tx, { email: "held@example.org", name: "Hélène Held", teamId: null, roles: ["employee"] }));
    db.insert(legalHolds).values({ userId: heldId, reason: "hold", setAt: now }).run();
    // Questionnaire runs: one just older than 100 days, one just younger, one old but held.
    const runs = { old: randomUUID(), young: randomUUID(), held: randomUUID() };
    db.insert(diagnosticRuns)
      .values([
        { id: runs.old, userId, questionnaireHash: "h", startedAt: ago(100, -1) },
        { id: runs.young, userId, questionnaireHash: "h", startedAt: ago(100, +1) },
        { id: runs.held, userId: heldId, questionnaireHash: "h", startedAt: ago(300) },
      ])
      .run();
    db.insert(diagnosticAnswers)
      .values([
        { runId: runs.old, questionId: "q1", optionIds: ["a"] },
        { runId: runs.old, questionId: "q2", optionIds: ["a"] },
        { runId: runs.young, questionId: "q1", optionIds: ["a"] },
        { runId: runs.held, questionId: "q1", optionIds: ["a"] },
      ])
      .run();
    const attempts = { old: randomUUID(), young: randomUUID() };
    db.insert(examAttempts)
      .values([
        { id: attempts.old, userId, seed: 1, items: [], status: "graded", startedAt: ago(101), passMark: 80, score: 50, passed: false },
        { id: attempts.young, userId: leaverId, seed: 1, items: [], status: "graded", startedAt: ago(99), passMark: 80, score: 90, passed: true },
      ])
      .run();
    db.insert(examAnswers)
      .values([
        { attemptId: attempts.old, itemId: "i1", optionIds: ["a"], answeredAt: ago(101) },
        { attemptId: attempts.young, itemId: "i1", optionIds: ["a"], answeredAt: ago(99) },
      ])
      .run();
    db.insert(reflections)
      .values([
        { userId, moduleId: "m", reflectionId: "old", text: "old", updatedAt: ago(101) },
        { userId, moduleId: "m", reflectionId: "pending", text: "pending", reviewStatus: "pending", updatedAt: ago(300) },
        { userId, moduleId: "m", reflectionId: "young", text: "young", updatedAt: ago(99) },
      ])
      .run();
    const nowS = Math.floor(now.getTime() / 1000);
    db.insert(sessions)
      .values([
        { id: "ret-old", userId, expiresAt: nowS + 3600, createdAt: nowS - 11 * 86400 },
        { id: "ret-young", userId, expiresAt: nowS + 3600, createdAt: nowS - 9 * 86400 },
      ])
      .run();
    db.insert(mailOutbox)
      .values([
        { id: "mail-old", kind: "x", to: "a@example.org", subject: "s", text: "t", status: "sent", createdAt: ago(11) },
        { id: "mail-old-pending", kind: "x", to: "a@example.org", subject: "s", text: "t", status: "pending", createdAt: ago(11) },
        { id: "mail-young", kind: "x", to: "a@example.org", subject: "s", text: "t", status: "sent", createdAt: ago(9) },
      ])
      .run();
    const endpoint = randomUUID();
    db.insert(webhookEndpoints).values({ id: endpoint, url: "https://r.example.org/h", secret: "a-long-enough-secret-value" }).run();
    db.insert(webhookEvents)
      .values([
        { id: "evt_ret_old", type: "accreditation.granted", body: "{}", createdAt: ago(11) },
        { id: "evt_ret_young", type: "accreditation.granted", body: "{}", createdAt: ago(9) },
      ])
      .run();
    db.insert(webhookDeliveries)
      .values([
        { id: "del-old", endpointId: endpoint, eventId: "evt_ret_old", status: "succeeded", createdAt: ago(11) },
        { id: "del-old-pending", endpointId: endpoint, eventId: "evt_ret_young", status: "pending", createdAt: ago(11) },
        { id: "del-young", endpointId: endpoint, eventId: "evt_ret_young", status: "failed", createdAt: ago(9) },
      ])
      .run();
    db.update(users)
      .set({ active: false, deactivatedAt: ago(101) })
      .where(eq(users.id, leaverId))
      .run();
    db.insert(auditLog)
      .values([
        {
          actorId: null,
          action: "person.deactivated",
          subjectType: "user",
          subjectId: leaverId,
          reason: "parti",
          data: { source: { kind: "admin", label: "admin@x" } },
          at: ago(101),
        },
        {
          actorId: null,
          action: "accreditation.revoke",
          subjectType: "accreditation",
          subjectId: "acc-x",
          reason: "raison",
          data: { userId: leaverId, reason: { kind: "decision", text: "raison" } },
          at: ago(101),
        },
        { actorId: null, action: "person.deactivated", subjectType: "user", subjectId: userId, reason: "still here", data: { source: "x" }, at: ago(300) },
      ])
      .run();

    const expected = {
      questionnaire_answers: 2,
      exam_answers: 1,
      reflections: 1,
      sessions: 1,
      mail: 1,
      webhook_deliveries: 1,
      webhook_events: 1,
      leaver_audit_details: 2,
    };
    const snapshot = snapshotDatabase();
    const dry = applyRetention({ now, dryRun: true });
    expect(snapshotDatabase()).toBe(snapshot);
    expect(dry.removed).toMatchObject(expected);
    const report = applyRetention({ now });
    expect(report.removed).toMatchObject(expected);
    // What stays.
    expect(
      db
        .select()
        .from(diagnosticAnswers)
        .all()
        .map((a) => a.runId)
        .sort(),
    ).toEqual(expect.arrayContaining([runs.young, runs.held]));
    expect(db.select().from(diagnosticAnswers).where(eq(diagnosticAnswers.runId, runs.old)).all()).toEqual([]);
    expect(db.select().from(examAnswers).where(eq(examAnswers.attemptId, attempts.young)).all().length).toBe(1);
    expect(
      db
        .select()
        .from(reflections)
        .where(eq(reflections.userId, userId))
        .all()
        .map((r) => r.reflectionId)
        .sort(),
    ).toEqual(["pending", "young"]);
    expect(
      db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .all()
        .map((s) => s.id),
    ).toEqual(["ret-young"]);
    expect(
      db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .all()
        .map((m) => m.id),
    ).toEqual(expect.arrayContaining(["mail-old-pending", "mail-young"]));
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.id, "mail-old")).all()).toEqual([]);
    expect(
      db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .all()
        .map((d) => d.id),
    ).toEqual(expect.arrayContaining(["del-old-pending", "del-young"]));
    expect(db.select().from(webhookEvents).where(eq(webhookEvents.id, "evt_ret_old")).all()).toEqual([]);
    const leaverRows = db
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.subjectId === leaverId || (a.data as { userId?: string } | null)?.userId === leaverId);
    expect(leaverRows.map((a) => [a.action, a.reason, a.data])).toEqual([
      ["person.deactivated", null, null],
      ["accreditation.revoke", null, { userId: leaverId }],
    ]);
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .find((a) => a.subjectId === userId && a.action === "person.deactivated")?.reason,
    ).toBe("still here");
    // The run is reported; a second run removes nothing and writes no report.
    const reports = db.select().from(auditLog).where(eq(auditLog.action, "retention.applied")).all();
    expect(reports.length).toBe(1);
    expect((reports[0]!.data as { removed: Record<string, number> }).removed).toMatchObject(expected);
    expect(Object.values(applyRetention({ now }).removed).every((n) => n === 0)).toBe(true);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "retention.applied")).all().length).toBe(1);
  });
});

describe("retention from the command line", () => {
  it("counts with --dry-run (writing nothing), refuses an unknown option with the usage", async () => {
    getDb()
      .insert(mailOutbox)
      .values({ id: "mail-cli-old", kind: "x", to: "a@example.org", subject: "s", text: "t", status: "sent", createdAt: new Date(Date.now() - 400 * DAY) })
      .run();
    const snapshot = snapshotDatabase();
    const dry = await runCli(["retention", "--dry-run"]);
    expect(dry.code).toBe(0);
    // (Rows of the retention test above may have aged past their limit meanwhile: only the mail is asserted.)
    expect(dry.stdout).toMatch(/Retention: would remove .*\b1 mail\b/);
    expect(snapshotDatabase()).toBe(snapshot);
    const bad = await runCli(["retention", "--everything"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("retention [--dry-run]");
    const real = await runCli(["retention"]);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/Retention: removed .*\b1 mail\b/);
    expect(getDb().select().from(mailOutbox).where(eq(mailOutbox.id, "mail-cli-old")).all()).toEqual([]);
  });
});

describe("privacy notice", () => {
  it("is shown before the questionnaire, its reading recorded per version; an admin publishes a new one", async () => {
    const learner = await signedIn("learner@ambassade.test");
    const start = await learner.get("/diagnostic");
    const page = await start.text();
    expect(page).toContain("Avant de commencer");
    expect(page).toContain('name="privacyVersion" value="1"');
    expect(getDb().select().from(privacyNoticeViews).where(eq(privacyNoticeViews.userId, "demo-learner")).all()).toEqual([]);
    expect((await learner.post("/diagnostic", { intent: "start", privacyVersion: "1" })).status).toBe(302);
    const seen = getDb().select().from(privacyNoticeViews).where(eq(privacyNoticeViews.userId, "demo-learner")).all();
    expect(seen.map((s) => s.version)).toEqual([1]);

    const admin = await signedIn("admin@ambassade.test");
    expect((await admin.get("/admin/privacy")).status).toBe(200);
    expect((await admin.post("/admin/privacy", { basedOn: "1", fr: "", en: "x" })).status).toBe(400);
    expect(
      (await admin.post("/admin/privacy", { basedOn: "1", fr: "Nouvelle notice\n\nContact : dpo@example.org", en: "New notice\n\nContact: dpo@example.org" }))
        .status,
    ).toBe(302);
    const stale = await admin.post("/admin/privacy", { basedOn: "1", fr: "Encore", en: "Again" });
    expect(stale.status).toBe(409);

    const notice = await (await learner.get("/privacy")).text();
    expect(notice).toContain("Nouvelle notice");
    expect(notice).toContain("la notice a changé depuis");
    expect((await learner.post("/privacy", { intent: "acknowledge", version: "1" })).status).toBe(409);
    expect((await learner.post("/privacy", { intent: "acknowledge", version: "2" })).status).toBe(302);
    expect(
      getDb()
        .select()
        .from(privacyNoticeViews)
        .where(eq(privacyNoticeViews.userId, "demo-learner"))
        .all()
        .map((s) => s.version)
        .sort(),
    ).toEqual([1, 2]);
    expect(await (await learner.get("/account")).text()).toContain("version 2");
  });
});
