/**
 * Double submissions and simultaneous decisions, through HTTP with Promise.all: exactly one result is
 * written, and the other request gets a 4xx that says why (never a 500, never a second row).
 *
 * The posts are sent as a page's forms send them with JavaScript (Remix data requests): a redirect is
 * then a 204 with X-Remix-Redirect, and a refusal is JSON naming the problem. (Without JavaScript the
 * loser's page simply shows the new state: the attempt to resume, the signature, the open request.)
 *
 * Covered elsewhere, not repeated here:
 * - two managers deciding the same request at once (grant vs decline): tests/integration/accreditation.test.ts;
 * - the diagnostic's start button pressed twice: tests/integration/diagnostic.test.ts.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/connection";
import {
  accreditations,
  auditLog,
  charterSignatures,
  checkAnswers,
  credentials,
  diagnosticRuns,
  examAnswers,
  examAttempts,
  invitations,
  placements,
  settings,
  users,
} from "../../../db/schema";
import { loadContentLibrary } from "../../../app/content/library.server";
import { requestAccreditation } from "../../../app/models/accreditation.server";
import { loadQuestionnaire } from "../../../app/models/diagnostic.server";
import { readOutbox, seedDemoOrganisation } from "../../support/fixtures";
import { startServer, type TestServer } from "../../support/server";
import { charterAnswers, rightAnswer } from "../../support/accreditation";
import { Browser, hasMessage, leakIn, makeEligible, routeIdFor, type Body } from "../../support/security";

/** An end date within the longest validity (setting accreditation.maxValidityMonths, 24 months by default). */
const IN_A_YEAR = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

let server: TestServer;

beforeAll(async () => {
  await seedDemoOrganisation();
  // The demo learners have not finished their track; the exam's track gate has its own tests (exam-gate.test.ts).
  getDb().insert(settings).values({ key: "exam.requiresTrackComplete", value: false, updatedAt: new Date() }).run();
  server = await startServer();
});
afterAll(() => server.close());

async function signedIn(email: string): Promise<Browser> {
  const browser = new Browser(server.url);
  await browser.signIn(email);
  return browser;
}

/** A form post as a page with JavaScript sends it (a Remix data request). */
function submit(browser: Browser, url: string, form: Body = {}): Promise<Response> {
  return browser.post(`${url}?_data=${encodeURIComponent(routeIdFor(url))}`, form);
}

/** Both responses, read: the statuses sorted, and the bodies of the refused ones checked for a message and no leak. */
async function settle(...responses: Response[]): Promise<number[]> {
  for (const response of responses) {
    const body = await response.text();
    expect(leakIn(body), `leak in a ${response.status}`).toBeNull();
    if (response.status >= 400) expect(hasMessage(response, body), `no message in a ${response.status}: ${body.slice(0, 200)}`).toBe(true);
  }
  return responses.map((r) => r.status).sort((a, b) => a - b);
}

const audit = (action: string, subjectId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)))
    .all();

describe("double submissions", () => {
  it("the same invitation posted twice at once creates one person, sends one mail; the other is told the address is taken", async () => {
    const admin = await signedIn("admin@ambassade.test");
    const form = { email: "twice@ambassade.test", name: "Deux Fois", teamId: "team-ops", roles: "employee" };
    const statuses = await settle(...(await Promise.all([submit(admin, "/people/invite", form), submit(admin, "/people/invite", form)])));
    expect(statuses).toEqual([204, 400]);
    const people = getDb().select().from(users).where(eq(users.email, "twice@ambassade.test")).all();
    expect(people).toHaveLength(1);
    expect(getDb().select().from(invitations).where(eq(invitations.userId, people[0]!.id)).all()).toHaveLength(1);
    expect(audit("person.invited", people[0]!.id)).toHaveLength(1);
    expect((await readOutbox()).filter((m) => m.to.includes("twice@ambassade.test"))).toHaveLength(1);
  });

  it("the same knowledge check answered right twice at once is passed once; the other answer is refused (409)", async () => {
    const userId = "demo-lea.richard";
    const lea = await signedIn("lea.richard@ambassade.test");
    const moduleId = "core-charter-editorial-line";
    const check = (await loadContentLibrary()).modules.get(moduleId)!.locales.fr!.checks[0]!;
    const form = { intent: "check", checkId: check.id, optionId: check.options.find((o) => o.correct)!.id, lang: "fr" };
    const statuses = await settle(...(await Promise.all([submit(lea, `/track/${moduleId}`, form), submit(lea, `/track/${moduleId}`, form)])));
    expect(statuses).toEqual([200, 409]);
    const rows = getDb()
      .select()
      .from(checkAnswers)
      .where(and(eq(checkAnswers.userId, userId), eq(checkAnswers.moduleId, moduleId), eq(checkAnswers.checkId, check.id)))
      .all();
    expect(rows.filter((r) => r.correct)).toHaveLength(1);
    expect(rows).toHaveLength(1);
  });

  it("finishing the questionnaire twice at once makes one placement; the other finish is refused (409)", async () => {
    const userId = "demo-learner";
    const emma = await signedIn("learner@ambassade.test");
    const questionnaire = (await loadQuestionnaire())!;
    expect((await emma.post("/diagnostic", { intent: "start" })).status).toBe(302);
    const runId = getDb().select({ id: diagnosticRuns.id }).from(diagnosticRuns).where(eq(diagnosticRuns.userId, userId)).get()!.id;
    for (const [index, question] of questionnaire.questions.entries()) {
      const option = question.options.find((o) => !o.exclusive)!.id;
      expect((await emma.post(`/diagnostic/${index + 1}`, { runId, questionId: question.id, options: [option] })).status).toBe(302);
    }
    const statuses = await settle(...(await Promise.all([submit(emma, "/diagnostic/review", { runId }), submit(emma, "/diagnostic/review", { runId })])));
    expect(statuses).toEqual([204, 409]);
    expect(getDb().select().from(placements).where(eq(placements.userId, userId)).all()).toHaveLength(1);
    expect(getDb().select().from(diagnosticRuns).where(eq(diagnosticRuns.userId, userId)).get()?.status).toBe("completed");
  });

  it("the exam's start button pressed twice starts one attempt; the other is refused (409)", async () => {
    const userId = "demo-thomas.michel";
    const thomas = await signedIn("thomas.michel@ambassade.test");
    const statuses = await settle(...(await Promise.all([submit(thomas, "/exam"), submit(thomas, "/exam")])));
    expect(statuses).toEqual([204, 409]);
    const attempts = getDb().select().from(examAttempts).where(eq(examAttempts.userId, userId)).all();
    expect(attempts).toHaveLength(1);
    expect(audit("exam.started", attempts[0]!.id)).toHaveLength(1);
  });

  it("the same exam answer sent twice at once is stored once; submitting twice at once grades once", async () => {
    const userId = "demo-sarah.lefebvre";
    const sarah = await signedIn("sarah.lefebvre@ambassade.test");
    const started = await sarah.post("/exam");
    expect(started.status).toBe(302);
    const attemptId = started.headers.get("location")!.split("/").pop()!;
    const item = getDb().select({ items: examAttempts.items }).from(examAttempts).where(eq(examAttempts.id, attemptId)).get()!.items[0]!;
    const answer = { intent: "answer", itemId: item.id, option: rightAnswer(item.id), js: "1" };
    const answered = await settle(...(await Promise.all([submit(sarah, `/exam/${attemptId}`, answer), submit(sarah, `/exam/${attemptId}`, answer)])));
    expect(answered).toEqual([200, 200]);
    expect(getDb().select().from(examAnswers).where(eq(examAnswers.attemptId, attemptId)).all()).toHaveLength(1);

    const submitted = await settle(
      ...(await Promise.all([submit(sarah, `/exam/${attemptId}`, { intent: "submit" }), submit(sarah, `/exam/${attemptId}`, { intent: "submit" })])),
    );
    expect(submitted).toEqual([204, 409]);
    expect(getDb().select().from(examAttempts).where(eq(examAttempts.userId, userId)).get()?.status).toBe("graded");
    expect(audit("exam.graded", attemptId)).toHaveLength(1);
  });

  it("the charter signed twice at once records one signature; the other is refused", async () => {
    const userId = "demo-nathan.durand";
    const nathan = await signedIn("nathan.durand@ambassade.test");
    const form = { ...charterAnswers(), fullName: "Nathan Durand", confirm: "on" };
    const statuses = await settle(...(await Promise.all([submit(nathan, "/charter", form), submit(nathan, "/charter", form)])));
    expect(statuses[0]).toBe(204);
    expect(statuses[1]).toBeGreaterThanOrEqual(400);
    expect(statuses[1]).toBeLessThan(500);
    expect(getDb().select().from(charterSignatures).where(eq(charterSignatures.userId, userId)).all()).toHaveLength(1);
  });

  it("an accreditation request sent twice at once opens one request; the other is refused (409)", async () => {
    const userId = "demo-hugo.robert";
    await makeEligible(userId);
    const hugo = await signedIn("hugo.robert@ambassade.test");
    const form = { intent: "request", channels: "linkedin", statement: "Relayer les offres d'emploi de l'équipe sur LinkedIn." };
    const statuses = await settle(...(await Promise.all([submit(hugo, "/accreditation", form), submit(hugo, "/accreditation", form)])));
    expect(statuses).toEqual([204, 409]);
    expect(getDb().select().from(accreditations).where(eq(accreditations.userId, userId)).all()).toHaveLength(1);
  });
});

describe("simultaneous decisions", () => {
  it("a manager's grant sent twice at once (a double click) grants once and issues one credential; the other is a 409", async () => {
    const userId = "demo-chloe.thomas";
    await makeEligible(userId);
    const id = await requestAccreditation(userId, { channels: ["linkedin"], statement: "Relayer les actualités de l'équipe sur LinkedIn." });
    const sophie = await signedIn("manager@ambassade.test");
    const form = { intent: "grant", version: "1", channels: "linkedin", validUntil: IN_A_YEAR };
    const statuses = await settle(...(await Promise.all([submit(sophie, `/team/requests/${id}`, form), submit(sophie, `/team/requests/${id}`, form)])));
    expect(statuses).toEqual([204, 409]);
    const row = getDb().select().from(accreditations).where(eq(accreditations.id, id)).get()!;
    expect(row).toMatchObject({ status: "granted", version: 2 });
    expect(audit("accreditation.grant", id)).toHaveLength(1);
    expect(getDb().select().from(credentials).where(eq(credentials.accreditationId, id)).all()).toHaveLength(1);
  });

  it("a trainer and the team's manager overriding the same person's level at once leave one current placement, every accepted override kept in the history", async () => {
    const userId = "demo-manon.leroy";
    const trainer = await signedIn("trainer@ambassade.test");
    const sophie = await signedIn("manager@ambassade.test");
    const url = `/people/${userId}/placement`;
    const statuses = await settle(
      ...(await Promise.all([
        submit(trainer, url, { intent: "override", level: "beginner", reason: "Découvre les réseaux." }),
        submit(sophie, url, { intent: "override", level: "native", reason: "Anime la page de l'équipe." }),
      ])),
    );
    // Both may win in turn (each override replaces the current level), but never two current placements.
    for (const status of statuses) expect([204, 409]).toContain(status);
    const rows = getDb().select().from(placements).where(eq(placements.userId, userId)).all();
    expect(rows.filter((p) => p.isCurrent)).toHaveLength(1);
    expect(rows.filter((p) => p.source === "override")).toHaveLength(statuses.filter((s) => s === 204).length);
  });
});
