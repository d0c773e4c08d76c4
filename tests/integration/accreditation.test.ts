import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { accreditations, auditLog, placements, teamManagers } from "../../db/schema";
import { addMonths } from "../../app/domain/accreditation";
import { grantAccreditation, requestAccreditation, requestRenewal } from "../../app/models/accreditation.server";
import { runAccreditationJobs } from "../../app/models/accreditation-jobs.server";
import { saveAnswer, startAttempt, submitAttempt } from "../../app/models/exam.server";
import { loadContentLibrary } from "../../app/content/library.server";
import { trackOrder } from "../../app/domain/track";
import { readOutbox, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { startServer, type Client, type TestServer } from "../support/server";
import type { AccreditationStatus, DecisionCase } from "../../app/models/accreditation-views.server";
import { postData, rightAnswer, routeData, signedIn } from "../support/accreditation";
import { makeEligible } from "../support/people";

/** An end date within the longest validity (setting accreditation.maxValidityMonths, 24 months by default). */
// Eighteen months: clear of the demo ambassador's end date, which the expiry tests below walk around.
const IN_18_MONTHS = new Date(Date.now() + 540 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  // The seed leaves Yasmine unplaced for the end-to-end spec; here she starts placed native.
  getDb().insert(placements).values({ id: "test-placement-yasmine", userId: "demo-yasmine.haddad", level: "native", source: "questionnaire", facts: [] }).run();
  server = await startServer();
});
afterAll(() => server.close());

const statement = "Relayer nos offres d'emploi et répondre aux candidats sur LinkedIn.";
const rowsOf = (userId: string) => getDb().select().from(accreditations).where(eq(accreditations.userId, userId)).all();
const rowById = (id: string) => getDb().select().from(accreditations).where(eq(accreditations.id, id)).get()!;
const auditOf = (id: string, action: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, action)))
    .all();

/** The learner's /accreditation page as its loader hands it to the view (state, checklist, `can`, next step). */
async function accreditationPage(client: Client): Promise<{ status: AccreditationStatus; history: Record<string, unknown>[] }> {
  const page = await routeData(client, "/accreditation", "routes/accreditation");
  expect(page.status).toBe(200);
  return page.json as { status: AccreditationStatus; history: Record<string, unknown>[] };
}

/** How many modules the native track has (core and level modules), from the content. */
async function nativeTrackLength(): Promise<number> {
  return trackOrder((await loadContentLibrary()).tracks!, "native").length;
}

/** Completes the person's track, passes the exam and signs the charter, through the models. */
async function passExam(userId: string, now: Date) {
  const id = await startAttempt(userId, now);
  const attempt = getDb().$client.prepare("select items from exam_attempts where id = ?").get(id) as { items: string };
  for (const item of JSON.parse(attempt.items) as { id: string }[]) await saveAnswer(userId, id, item.id, rightAnswer(item.id), now);
  await submitAttempt(userId, id, now);
}

describe("requesting", () => {
  it("is refused while not eligible, writing nothing", async () => {
    const lucas = await signedIn(server, "lucas.bernard@ambassade.test");
    const page = await accreditationPage(lucas);
    expect(page.status.eligibility.eligible).toBe(false);
    expect(page.status.can.request).toBe(false);
    const before = snapshotDatabase();
    const response = await postData(lucas, "/accreditation", "routes/accreditation", { intent: "request", channels: ["linkedin"], statement });
    expect(response).toEqual({ status: 400, body: { fieldErrors: { form: "accreditation.errors.notEligible" } } });
    expect(snapshotDatabase()).toBe(before);
  });

  it("shows the checklist with the next step, then accepts a request once every condition holds", async () => {
    const yasmine = await signedIn(server, "yasmine.haddad@ambassade.test");
    const before = (await accreditationPage(yasmine)).status;
    // Yasmine has read every module of the native track but one (db/seed-accreditation.ts).
    const total = await nativeTrackLength();
    expect(before.eligibility.checklist.find((c) => c.item === "track")).toMatchObject({ met: false, completed: total - 1, total });
    expect(before.next).toBe("track");
    expect(before.can.request).toBe(false);
    await makeEligible("demo-yasmine.haddad");
    const ready = (await accreditationPage(yasmine)).status;
    expect(ready.eligibility.eligible).toBe(true);
    expect(ready.next).toBe("request");
    expect(ready.can.request).toBe(true);

    const snapshot = snapshotDatabase();
    const short = await postData(yasmine, "/accreditation", "routes/accreditation", { intent: "request", channels: ["linkedin"], statement: "Trop court" });
    expect(short).toEqual({ status: 400, body: { fieldErrors: { statement: "accreditation.errors.statementLength" } } });
    const noChannel = await postData(yasmine, "/accreditation", "routes/accreditation", { intent: "request", statement });
    expect(noChannel.body.fieldErrors).toEqual({ channels: "accreditation.errors.channelsRequired" });
    const notOffered = await postData(yasmine, "/accreditation", "routes/accreditation", { intent: "request", channels: ["linkedin", "myspace"], statement });
    expect(notOffered).toEqual({ status: 400, body: { fieldErrors: { channels: "accreditation.errors.channelNotOffered" } } });
    expect(snapshotDatabase()).toBe(snapshot);

    const ok = await yasmine.post("/accreditation", { intent: "request", channels: ["linkedin", "x"], statement });
    expect(ok.status).toBe(302);
    const [row] = rowsOf("demo-yasmine.haddad");
    expect(row).toMatchObject({ status: "requested", requestedChannels: ["linkedin", "x"], statement, version: 1 });
    expect(auditOf(row!.id, "accreditation.request")).toHaveLength(1);
    expect((await accreditationPage(yasmine)).status).toMatchObject({ state: "requested", next: "pending", can: { request: false } });
    const twice = await postData(yasmine, "/accreditation", "routes/accreditation", { intent: "request", channels: ["linkedin"], statement });
    expect(twice).toEqual({ status: 409, body: { fieldErrors: { form: "accreditation.errors.alreadyOpen" } } });
  });
});

describe("deciding", () => {
  const yasmineRow = () => rowsOf("demo-yasmine.haddad")[0]!;

  it("manager pages are closed to employees (403)", async () => {
    const employee = await signedIn(server, "lucas.bernard@ambassade.test");
    expect((await employee.get("/team/requests")).status).toBe(403);
    expect((await employee.get(`/team/requests/${yasmineRow().id}`)).status).toBe(403);
    expect(
      (await employee.post(`/team/requests/${yasmineRow().id}`, { intent: "grant", version: "1", channels: ["linkedin"], validUntil: IN_18_MONTHS })).status,
    ).toBe(403);
  });

  it("the manager of another team gets 404 and does not see the request", async () => {
    const olivier = await signedIn(server, "olivier.moreau@ambassade.test");
    expect(await (await olivier.get("/team/requests")).text()).not.toContain("Yasmine Haddad");
    expect((await olivier.get(`/team/requests/${yasmineRow().id}`)).status).toBe(404);
    const before = snapshotDatabase();
    expect(
      (await olivier.post(`/team/requests/${yasmineRow().id}`, { intent: "grant", version: "1", channels: ["linkedin"], validUntil: IN_18_MONTHS })).status,
    ).toBe(404);
    expect(snapshotDatabase()).toBe(before);
  });

  it("shows the evidence to the person's manager", async () => {
    const sophie = await signedIn(server, "manager@ambassade.test");
    const list = await (await sophie.get("/team/requests")).text();
    expect(list).toContain("Yasmine Haddad");
    const page = await routeData(sophie, `/team/requests/${yasmineRow().id}`, "routes/team.requests.$accreditationId");
    expect(page.status).toBe(200);
    const evidence = (page.json as { case: DecisionCase }).case;
    const total = await nativeTrackLength();
    expect(evidence).toMatchObject({
      name: "Yasmine Haddad",
      statement,
      facts: { level: "native", placementSource: "questionnaire", signedVersion: "2026-01" },
    });
    expect(evidence.facts.lastPass).not.toBeNull();
    expect(evidence.facts.modules).toHaveLength(total);
    expect(evidence.facts.eligibility.checklist.find((c) => c.item === "track")).toMatchObject({ met: true, completed: total, total });
  });

  it("refuses channels not requested or not offered, a past end date, and a decline or revocation without reason, writing nothing", async () => {
    const sophie = await signedIn(server, "manager@ambassade.test");
    const url = `/team/requests/${yasmineRow().id}`;
    const route = "routes/team.requests.$accreditationId";
    const before = snapshotDatabase();
    const notRequested = await postData(sophie, url, route, { intent: "grant", version: "1", channels: ["linkedin", "facebook"], validUntil: IN_18_MONTHS });
    expect(notRequested).toEqual({ status: 400, body: { fieldErrors: { channels: "accreditation.errors.channelNotRequested" } } });
    getDb().$client.prepare("insert into settings (key, value) values ('accreditation.channels', '\"LinkedIn, Facebook\"')").run();
    const snapshotWithSetting = snapshotDatabase();
    const notOffered = await postData(sophie, url, route, { intent: "grant", version: "1", channels: ["x"], validUntil: IN_18_MONTHS });
    expect(notOffered).toEqual({ status: 400, body: { fieldErrors: { channels: "accreditation.errors.channelNotOffered" } } });
    expect(snapshotDatabase()).toBe(snapshotWithSetting);
    getDb().$client.prepare("delete from settings where key = 'accreditation.channels'").run();
    const past = await postData(sophie, url, route, { intent: "grant", version: "1", channels: ["linkedin"], validUntil: "2020-01-01" });
    expect(past.body.fieldErrors).toEqual({ validUntil: "accreditation.errors.validUntilPast" });
    const badDate = await postData(sophie, url, route, { intent: "grant", version: "1", channels: ["linkedin"], validUntil: "demain" });
    expect(badDate.body.fieldErrors).toEqual({ validUntil: "accreditation.errors.dateInvalid" });
    const noReason = await postData(sophie, url, route, { intent: "decline", version: "1", reason: "   " });
    expect(noReason).toEqual({ status: 400, body: { fieldErrors: { reason: "accreditation.errors.reasonRequired" } } });
    expect(snapshotDatabase()).toBe(before);
  });

  it("two managers granting the same request at once leave exactly one outcome; the other gets 409", async () => {
    // Olivier co-manages the team for this test.
    getDb().insert(teamManagers).values({ teamId: "team-comms", userId: "demo-olivier.moreau" }).run();
    const sophie = await signedIn(server, "manager@ambassade.test");
    const olivier = await signedIn(server, "olivier.moreau@ambassade.test");
    const url = `/team/requests/${yasmineRow().id}`;
    let a: Response, b: Response;
    try {
      [a, b] = await Promise.all([
        sophie.post(url, { intent: "grant", version: "1", channels: ["linkedin"], validUntil: IN_18_MONTHS }),
        olivier.post(`${url}?_data=routes/team.requests.$accreditationId`, { intent: "decline", version: "1", reason: "Pas maintenant" }),
      ]);
    } finally {
      getDb()
        .delete(teamManagers)
        .where(and(eq(teamManagers.userId, "demo-olivier.moreau"), eq(teamManagers.teamId, "team-comms")))
        .run();
    }
    const statuses = [a.status, b.status].sort();
    expect(statuses[1]).toBe(409);
    expect([200, 204, 302]).toContain(statuses[0]);
    const row = yasmineRow();
    expect(row.version).toBe(2);
    expect(["granted", "declined"]).toContain(row.status);
    expect(auditOf(row.id, "accreditation.grant").length + auditOf(row.id, "accreditation.decline").length).toBe(1);
    const loser = a.status === 409 ? a : b;
    expect(await loser.text()).toMatch(/accreditation\.errors\.conflict|Quelqu’un d’autre a déjà traité cette demande/);
    // Whatever won, the rest of this file needs Yasmine granted: redo it as a fresh request if it was declined.
    if (row.status === "declined") {
      await requestAccreditation("demo-yasmine.haddad", { channels: ["linkedin", "x"], statement });
      const fresh = rowsOf("demo-yasmine.haddad").find((r) => r.status === "requested")!;
      await grantAccreditation({ id: "demo-manager", scope: ["team-comms"] }, fresh.id, {
        expectedVersion: 1,
        channels: ["linkedin"],
        validUntil: new Date(`${IN_18_MONTHS}T23:59:59Z`),
      });
    }
  });

  it("the model refuses a second decision made on the same version (409)", async () => {
    await makeEligible("demo-nathan.durand");
    const id = await requestAccreditation("demo-nathan.durand", { channels: ["linkedin"], statement });
    const decider = { id: "demo-manager", scope: ["team-comms"] };
    const input = { expectedVersion: 1, channels: ["linkedin"], validUntil: new Date(`${IN_18_MONTHS}T23:59:59Z`) };
    await grantAccreditation(decider, id, input);
    await expect(grantAccreditation(decider, id, input)).rejects.toMatchObject({ status: 409, fieldErrors: { form: "accreditation.errors.conflict" } });
    expect(rowsOf("demo-nathan.durand")).toHaveLength(1);
    expect(auditOf(id, "accreditation.grant")).toHaveLength(1);
  });

  it("a manager cannot decide on their own request (403)", async () => {
    getDb()
      .insert(accreditations)
      .values({
        id: "own-request",
        userId: "demo-manager",
        status: "requested",
        requestedChannels: ["linkedin"],
        statement,
        requestedAt: new Date(),
        updatedAt: new Date(),
      })
      .run();
    const sophie = await signedIn(server, "manager@ambassade.test");
    const before = snapshotDatabase();
    const response = await postData(sophie, "/team/requests/own-request", "routes/team.requests.$accreditationId", {
      intent: "grant",
      version: "1",
      channels: ["linkedin"],
      validUntil: IN_18_MONTHS,
    });
    expect(response).toEqual({ status: 403, body: { fieldErrors: { form: "accreditation.errors.ownRequest" } } });
    expect(snapshotDatabase()).toBe(before);
    getDb().delete(accreditations).where(eq(accreditations.id, "own-request")).run();
  });

  it("the learner sees the grant; the manager revokes with a reason and the learner sees why", async () => {
    const granted = rowsOf("demo-yasmine.haddad").find((r) => r.status === "granted")!;
    expect(granted.channels).toEqual(["linkedin"]);
    const yasmine = await signedIn(server, "yasmine.haddad@ambassade.test");
    expect((await accreditationPage(yasmine)).status).toMatchObject({
      state: "granted",
      next: "inForce",
      accreditation: { status: "granted", inForce: true, channels: ["linkedin"] },
    });

    const sophie = await signedIn(server, "manager@ambassade.test");
    const url = `/team/requests/${granted.id}`;
    const before = snapshotDatabase();
    const noReason = await postData(sophie, url, "routes/team.requests.$accreditationId", { intent: "revoke", version: String(granted.version) });
    expect(noReason).toEqual({ status: 400, body: { fieldErrors: { reason: "accreditation.errors.reasonRequired" } } });
    expect(snapshotDatabase()).toBe(before);
    const revoked = await sophie.post(url, { intent: "revoke", version: String(granted.version), reason: "Publication d'un chiffre confidentiel" });
    expect(revoked.status).toBe(302);
    expect(rowById(granted.id)).toMatchObject({ status: "revoked", reason: "Publication d'un chiffre confidentiel", decidedBy: "demo-manager" });
    expect(auditOf(granted.id, "accreditation.revoke")[0]).toMatchObject({
      fromState: "granted",
      toState: "revoked",
      actorId: "demo-manager",
      reason: "Publication d'un chiffre confidentiel",
    });
    const after = await accreditationPage(yasmine);
    expect(after.status).toMatchObject({
      state: "revoked",
      accreditation: { status: "revoked", inForce: false, reason: { kind: "decision", text: "Publication d'un chiffre confidentiel" } },
    });
    expect(after.history[0]).toMatchObject({ action: "accreditation.revoke", fromState: "granted", toState: "revoked", actorName: "Sophie Laurent" });
  });
});

describe("the audit trail", () => {
  it("an admin filters it by action kind and by person, and reads sentences, not codes", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const html = await (await admin.get("/admin/audit?action=accreditation.*&person=yasmine.haddad%40ambassade.test")).text();
    expect(html).toContain("Sophie Laurent a retiré l’accréditation de Yasmine Haddad.");
    expect(html).toMatch(/Yasmine Haddad a demandé une accréditation pour [^<]+\./);
    expect(html).not.toContain("a signé la charte");
    expect(html).not.toMatch(/>accreditation\.[a-z_]+</);
    expect(html).not.toContain("demo-accreditation-ambassador");
    const nobody = await (await admin.get("/admin/audit?person=nobody%40ambassade.test")).text();
    expect(nobody).toContain("Aucune entrée ne correspond à ces filtres.");
  });
});

describe("time", () => {
  const ambassadorRow = () => rowsOf("demo-ambassador")[0]!;

  it("sends the 30-day expiry notice once, to the person and their manager, then expires at the end date", async () => {
    const end = ambassadorRow().validUntil!;
    const day = 24 * 3600_000;
    const mailsBefore = (await readOutbox()).length;
    expect(await runAccreditationJobs(new Date(end.getTime() - 40 * day))).toEqual({ notices: 0, expired: 0 });
    expect(await runAccreditationJobs(new Date(end.getTime() - 29 * day))).toEqual({ notices: 1, expired: 0 });
    const mails = (await readOutbox()).slice(mailsBefore);
    expect(mails.map((m) => m.to).sort()).toEqual(["ambassador@ambassade.test", "manager@ambassade.test"]);
    expect(mails.find((m) => m.to === "ambassador@ambassade.test")!.body).toContain("/accreditation");
    expect(await runAccreditationJobs(new Date(end.getTime() - 10 * day))).toEqual({ notices: 0, expired: 0 });
    expect(await readOutbox()).toHaveLength(mailsBefore + 2);
    expect(ambassadorRow().status).toBe("granted");

    expect(await runAccreditationJobs(new Date(end.getTime() + 60_000))).toEqual({ notices: 0, expired: 1 });
    expect(ambassadorRow().status).toBe("expired");
    expect(auditOf(ambassadorRow().id, "accreditation.expire")[0]).toMatchObject({ fromState: "granted", toState: "expired", actorId: null });
    expect(await runAccreditationJobs(new Date(end.getTime() + 120_000))).toEqual({ notices: 0, expired: 0 });
  });

  it("recertification (exam passed again, charter signed) then a manager's renewal gives a new end date", async () => {
    const row = ambassadorRow();
    const later = new Date(row.validUntil!.getTime() + 24 * 3600_000);
    const input = { channels: ["linkedin"], statement };
    // Not recertified yet: the last pass predates the grant.
    await expect(requestRenewal("demo-ambassador", input, later)).rejects.toMatchObject({ fieldErrors: { form: "accreditation.errors.notRecertified" } });
    await passExam("demo-ambassador", new Date());
    await requestRenewal("demo-ambassador", input, later);
    expect(ambassadorRow().status).toBe("renewal_requested");
    const newEnd = addMonths(later, 12);
    const state = await grantAccreditation(
      { id: "demo-manager", scope: ["team-comms"] },
      row.id,
      { expectedVersion: ambassadorRow().version, channels: ["linkedin"], validUntil: newEnd },
      later,
    );
    expect(state).toBe("granted");
    expect(ambassadorRow()).toMatchObject({ status: "granted", validUntil: newEnd, expiryNoticeSentAt: null });
    expect(auditOf(row.id, "accreditation.renew")[0]).toMatchObject({ fromState: "renewal_requested", toState: "granted" });
  });
});
