import { readFileSync } from "node:fs";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog, diagnosticAnswers, diagnosticRuns, placements, settings, teams, users } from "../../db/schema";
import { parseQuestionnaire, type Questionnaire } from "../../app/content/diagnostic-schema";
import { DAY_MS } from "../../app/domain/retake";
import { Client, startServer, type TestServer } from "../support/server";
import { DEMO_PASSWORD, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";

let server: TestServer;
let questionnaire: Questionnaire;

beforeAll(async () => {
  await seedDemoOrganisation();
  const parsed = parseQuestionnaire(readFileSync("content/diagnostic/questionnaire.yaml", "utf8"), "questionnaire.yaml");
  if (!parsed.ok) throw new Error("questionnaire.yaml is invalid");
  questionnaire = parsed.questionnaire;
  server = await startServer();
});
afterAll(() => server.close());

async function signedIn(email: string) {
  const client = new Client(server.url);
  const response = await client.signIn(email, DEMO_PASSWORD);
  expect(response.status).toBe(302);
  return client;
}

/** A page's text as a person reads it: React's comment separators removed, entities decoded. */
async function pageText(response: Response): Promise<string> {
  const html = await response.text();
  return html
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** Fails with the missing snippet only, not the whole page. */
function expectIn(text: string, ...snippets: string[]) {
  for (const snippet of snippets) expect(text.includes(snippet), `page should contain: ${snippet}`).toBe(true);
}

function expectNotIn(text: string, ...snippets: string[]) {
  for (const snippet of snippets) expect(text.includes(snippet), `page should not contain: ${snippet}`).toBe(false);
}

/** An answer for every question: the first option, or the first non-exclusive one of a multiple question. */
function firstAnswers(): Record<string, string[]> {
  return Object.fromEntries(questionnaire.questions.map((q) => [q.id, [q.options.find((o) => !o.exclusive)!.id]]));
}

function openRunId(userId: string): string {
  const run = getDb()
    .select({ id: diagnosticRuns.id })
    .from(diagnosticRuns)
    .where(and(eq(diagnosticRuns.userId, userId), eq(diagnosticRuns.status, "in_progress")))
    .get();
  if (!run) throw new Error(`no run in progress for ${userId}`);
  return run.id;
}

async function start(client: Client) {
  const response = await client.post("/diagnostic", { intent: "start" });
  expect(response.status).toBe(302);
  return response;
}

/** Answers questions `from`..`to` (1-based) through the pages' form, checking each redirect. */
async function answer(client: Client, userId: string, from: number, to: number, answers = firstAnswers()) {
  const runId = openRunId(userId);
  for (let step = from; step <= to; step++) {
    const question = questionnaire.questions[step - 1]!;
    const response = await client.post(`/diagnostic/${step}`, { runId, questionId: question.id, options: answers[question.id]! });
    expect(response.status, `answering question ${step}`).toBe(302);
    expect(response.headers.get("location")).toBe(step < questionnaire.questions.length ? `/diagnostic/${step + 1}` : "/diagnostic/review");
  }
  return runId;
}

/** Takes the whole questionnaire and returns the new current placement. */
async function takeQuestionnaire(client: Client, userId: string) {
  await start(client);
  const runId = await answer(client, userId, 1, questionnaire.questions.length);
  const finish = await client.post("/diagnostic/review", { runId });
  expect(finish.status).toBe(302);
  expect(finish.headers.get("location")).toBe("/placement");
  return { runId, placement: currentPlacement(userId)! };
}

function currentPlacement(userId: string) {
  return getDb()
    .select()
    .from(placements)
    .where(and(eq(placements.userId, userId), eq(placements.isCurrent, true)))
    .get();
}

function placementsOf(userId: string) {
  return getDb().select().from(placements).where(eq(placements.userId, userId)).orderBy(desc(placements.createdAt)).all();
}

function auditFor(userId: string, action: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, userId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.id))
    .all();
}

/** Moves a person's current placement back in time, as if it had been made `days` ago. */
function agePlacement(userId: string, days: number) {
  getDb()
    .update(placements)
    .set({ createdAt: new Date(Date.now() - days * DAY_MS) })
    .where(and(eq(placements.userId, userId), eq(placements.isCurrent, true)))
    .run();
}

describe("taking the questionnaire", () => {
  it("resumes after an interruption at the next question, with the answers kept, then places the learner", async () => {
    const laptop = await signedIn("learner@ambassade.test");
    const intro = await laptop.get("/diagnostic");
    expect(intro.status).toBe(200);
    expectIn(await pageText(intro), "Commencer le questionnaire");
    const started = await start(laptop);
    expect(started.headers.get("location")).toBe("/diagnostic/1");
    const answers = firstAnswers();
    answers.networks_used = ["linkedin", "x"];
    await answer(laptop, "demo-learner", 1, 5, answers);

    // A new session (the tab was closed, another device) resumes the same run at question 6.
    const phone = await signedIn("learner@ambassade.test");
    const resume = await phone.get("/diagnostic");
    expect(resume.status).toBe(302);
    expect(resume.headers.get("location")).toBe("/diagnostic/6");
    const sixth = await phone.get("/diagnostic/6");
    expect(sixth.status).toBe(200);
    const sixthHtml = await pageText(sixth);
    expectIn(sixthHtml, `Question 6 sur ${questionnaire.questions.length}`);
    expect(/role="progressbar"[^>]*aria-valuenow="5"/.test(sixthHtml), "role=progressbar[^>]*aria-valuenow=5 should match").toBe(true);
    const networksStep = questionnaire.questions.findIndex((q) => q.id === "networks_used") + 1;
    expect(networksStep).toBeLessThanOrEqual(5);
    const second = await pageText(await phone.get(`/diagnostic/${networksStep}`));
    expect(/id="option-linkedin"[^>]*checked=""/.test(second), "id=option-linkedin[^>]*checked= should match").toBe(true);
    expect(/id="option-x"[^>]*checked=""/.test(second), "id=option-x[^>]*checked= should match").toBe(true);
    expect(/id="option-facebook"[^>]*checked=""/.test(second), "id=option-facebook[^>]*checked= should not match").toBe(false);
    const runs = getDb().select().from(diagnosticRuns).where(eq(diagnosticRuns.userId, "demo-learner")).all();
    expect(runs).toHaveLength(1);
    expect(getDb().select().from(diagnosticAnswers).where(eq(diagnosticAnswers.runId, runs[0]!.id)).all()).toHaveLength(5);

    const runId = await answer(phone, "demo-learner", 6, questionnaire.questions.length, answers);
    const review = await phone.get("/diagnostic/review");
    expect(review.status).toBe(200);
    expectIn(await pageText(review), "LinkedIn, X (ex-Twitter)");
    const finish = await phone.post("/diagnostic/review", { runId });
    expect(finish.status).toBe(302);
    expect(finish.headers.get("location")).toBe("/placement");

    const placement = currentPlacement("demo-learner")!;
    expect(placement).toMatchObject({ source: "questionnaire", runId, isCurrent: true, questionnaireVersion: questionnaire.version });
    expect(questionnaire.version).toBeGreaterThanOrEqual(2);
    expect(placement.facts.length).toBeGreaterThanOrEqual(2);
    expect(getDb().select().from(diagnosticRuns).where(eq(diagnosticRuns.id, runId)).get()?.status).toBe("completed");
    expect(auditFor("demo-learner", "placement.questionnaire")[0]).toMatchObject({ actorId: "demo-learner", fromState: null, toState: placement.level });

    const page = await pageText(await phone.get("/placement"));
    expectIn(page, "Votre niveau");
    expectIn(page, "Pourquoi ce niveau\u00a0?");
    expectIn(page, "Ce que contiendra votre parcours");
    expectIn(page, "Historique des positionnements");
  });

  it("refuses a second finish, answers to a finished run, and bad answers, writing nothing", async () => {
    const client = await signedIn("manon.leroy@ambassade.test");
    await start(client);
    const runId = openRunId("demo-manon.leroy");
    const before = snapshotDatabase();
    const bad: [string, Record<string, string | string[]>, number, string][] = [
      ["unknown question", { runId, questionId: "favourite_colour", options: ["blue"] }, 400, "Cette question ne fait pas partie du questionnaire"],
      ["unknown option", { runId, questionId: "frequency", options: ["hourly"] }, 400, "Cette réponse ne fait pas partie des choix proposés"],
      ["no option", { runId, questionId: "frequency" }, 400, "Choisissez une réponse pour continuer."],
      ["two options for a single question", { runId, questionId: "frequency", options: ["daily", "never"] }, 400, "Choisissez une seule réponse."],
      ["an exclusive option with another", { runId, questionId: "networks_used", options: ["none", "linkedin"] }, 400, "ne peut pas être combinée"],
      ["someone else's run", { runId: "not-a-run", questionId: "frequency", options: ["daily"] }, 404, "Aucun questionnaire en cours"],
    ];
    for (const [label, form, status, message] of bad) {
      const response = await client.post("/diagnostic/1", form);
      expect(response.status, label).toBe(status);
      expectIn(await pageText(response), message);
      expect(snapshotDatabase(), label).toBe(before);
    }
    // Finishing before every question is answered.
    const early = await client.post("/diagnostic/review", { runId });
    expect(early.status).toBe(409);
    expect(snapshotDatabase()).toBe(before);

    await answer(client, "demo-manon.leroy", 1, questionnaire.questions.length);
    expect((await client.post("/diagnostic/review", { runId })).status).toBe(302);
    const done = snapshotDatabase();
    const again = await client.post("/diagnostic/review", { runId });
    expect(again.status).toBe(409);
    expectIn(await pageText(again), "Ce questionnaire est terminé");
    const late = await client.post("/diagnostic/3", { runId, questionId: "since", options: ["no_account"] });
    expect(late.status).toBe(409);
    expect(snapshotDatabase()).toBe(done);
    expect(placementsOf("demo-manon.leroy")).toHaveLength(1);
  });

  it("starts one run when the start button is pressed twice", async () => {
    const client = await signedIn("julie.girard@ambassade.test");
    const [a, b] = await Promise.all([client.post("/diagnostic", { intent: "start" }), client.post("/diagnostic", { intent: "start" })]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(getDb().select().from(diagnosticRuns).where(eq(diagnosticRuns.userId, "demo-julie.girard")).all()).toHaveLength(1);
  });
});

describe("placements made with an earlier questionnaire", () => {
  it("keep their level and facts, with a note on the learner's and the trainer's pages, until the person retakes it", async () => {
    // As the migration leaves a placement made before versions were stored: version 1, facts of the time.
    const facts: { key: string; params: Record<string, number> }[] = [
      { key: "usage_low", params: { usage: 38, threshold: 35 } },
      { key: "knowledge_sufficient", params: { knowledge: 61, threshold: 30 } },
      { key: "attitude_reserved", params: { attitude: -20, threshold: -35 } },
    ];
    getDb()
      .update(placements)
      .set({ questionnaireVersion: 1, facts, level: "reluctant" })
      .where(and(eq(placements.userId, "demo-sarah.lefebvre"), eq(placements.isCurrent, true)))
      .run();
    const sarah = await signedIn("sarah.lefebvre@ambassade.test");
    const page = await pageText(await sarah.get("/placement"));
    expectIn(page, "Votre niveau\u00a0: Réticent", "Pourquoi ce niveau\u00a0?");
    expectIn(page, `version antérieure du questionnaire (version 1\u00a0; la version actuelle est la ${questionnaire.version})`);
    expectIn(page, "Vous utilisez peu les réseaux sociaux", "38\u00a0%");

    const trainer = await signedIn("trainer@ambassade.test");
    const staffPage = await pageText(await trainer.get("/people/demo-sarah.lefebvre/placement"));
    expectIn(staffPage, "Niveau calculé avec une version antérieure du questionnaire (version 1");

    // A placement of the current version has no note.
    const camille = await pageText(await (await signedIn("camille.simon@ambassade.test")).get("/placement"));
    expectIn(camille, "Pourquoi ce niveau\u00a0?");
    expectNotIn(camille, "version antérieure du questionnaire");
  });
});

describe("retaking the questionnaire", () => {
  it("is blocked during the waiting period, with a message, and allowed once it is over", async () => {
    const client = await signedIn("ines.roux@ambassade.test");
    const first = await takeQuestionnaire(client, "demo-ines.roux");
    const before = snapshotDatabase();
    const blocked = await client.post("/diagnostic", { intent: "start" });
    expect(blocked.status).toBe(409);
    const text = await pageText(blocked);
    expectIn(text, "Vous ne pouvez pas encore repasser le questionnaire");
    expectIn(text, "Vous pourrez repasser le questionnaire à partir du");
    expect(snapshotDatabase()).toBe(before);

    agePlacement("demo-ines.roux", 91);
    expect((await client.post("/diagnostic", { intent: "start" })).headers.get("location")).toBe("/diagnostic/1");
    const second = await takeQuestionnaire(client, "demo-ines.roux");
    expect(second.runId).not.toBe(first.runId);
    const history = placementsOf("demo-ines.roux");
    expect(history).toHaveLength(2);
    expect(history.filter((p) => p.isCurrent).map((p) => p.id)).toEqual([second.placement.id]);
    // Each placement keeps its own answers.
    expect(history.map((p) => p.runId).sort()).toEqual([first.runId, second.runId].sort());
    const page = await pageText(await client.get("/placement"));
    expect(page.match(/Voir les réponses/g)).toHaveLength(2);
  });

  it("is allowed at once after a trainer's reset, which is audited", async () => {
    const learner = await signedIn("maxime.fournier@ambassade.test");
    const { placement } = await takeQuestionnaire(learner, "demo-maxime.fournier");
    expect((await learner.post("/diagnostic", { intent: "start" })).status).toBe(409);

    const trainer = await signedIn("trainer@ambassade.test");
    const reset = await trainer.post("/people/demo-maxime.fournier/placement", { intent: "reset" });
    expect(reset.status).toBe(302);
    expect(currentPlacement("demo-maxime.fournier")).toMatchObject({ id: placement.id, retakeAllowed: true });
    expect(auditFor("demo-maxime.fournier", "placement.reset")[0]).toMatchObject({ actorId: "demo-trainer" });
    // Resetting twice is refused and changes nothing.
    const before = snapshotDatabase();
    expect((await trainer.post("/people/demo-maxime.fournier/placement", { intent: "reset" })).status).toBe(409);
    expect(snapshotDatabase()).toBe(before);

    expect((await learner.post("/diagnostic", { intent: "start" })).status).toBe(302);
    await answer(learner, "demo-maxime.fournier", 1, questionnaire.questions.length);
    expect((await learner.post("/diagnostic/review", { runId: openRunId("demo-maxime.fournier") })).status).toBe(302);
    expect(currentPlacement("demo-maxime.fournier")).toMatchObject({ retakeAllowed: false });
    expect(placementsOf("demo-maxime.fournier")).toHaveLength(2);
  });

  it("follows the waiting period set by the admin", async () => {
    const admin = await signedIn("admin@ambassade.test");
    expect((await admin.get("/admin/settings")).status).toBe(200);
    const before = snapshotDatabase();
    for (const value of ["366", "-1", "abc", "12.5", ""]) {
      const response = await admin.post("/admin/settings", { "diagnostic.retakeWaitDays": value });
      expect(response.status, value).toBe(400);
      expectIn(
        await pageText(response),
        value === "abc" || value === "12.5" || value === "" ? "Saisissez un nombre entier." : "Saisissez un nombre entre 0 et 365.",
      );
      expect(snapshotDatabase(), value).toBe(before);
    }
    const saved = await admin.post("/admin/settings", { "diagnostic.retakeWaitDays": "30" });
    expect(saved.status).toBe(302);
    expect(getDb().select().from(settings).where(eq(settings.key, "diagnostic.retakeWaitDays")).get()?.value).toBe(30);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "settings.updated")).orderBy(desc(auditLog.id)).get();
    expect(audit).toMatchObject({ actorId: "demo-admin", subjectId: "diagnostic.retakeWaitDays", fromState: "90", toState: "30" });

    const learner = await signedIn("ambassador@ambassade.test");
    agePlacement("demo-ambassador", 29);
    expect((await learner.post("/diagnostic", { intent: "start" })).status).toBe(409);
    agePlacement("demo-ambassador", 31);
    expect((await learner.post("/diagnostic", { intent: "start" })).status).toBe(302);

    expect((await learner.get("/admin/settings")).status).toBe(403);
    expect((await learner.post("/admin/settings", { "diagnostic.retakeWaitDays": "0" })).status).toBe(403);
    expect((await admin.post("/admin/settings", { "diagnostic.retakeWaitDays": "90" })).status).toBe(302);
  });
});

describe("overriding a placement", () => {
  it("a trainer may set anyone's level with a reason; the person sees who and why; it is audited", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    const from = currentPlacement("demo-camille.simon")!.level;
    const response = await trainer.post("/people/demo-camille.simon/placement", {
      intent: "override",
      level: "beginner",
      reason: "Has never used the networks the company chose.",
    });
    expect(response.status).toBe(302);
    expect(currentPlacement("demo-camille.simon")).toMatchObject({ level: "beginner", source: "override", setBy: "demo-trainer" });
    expect(placementsOf("demo-camille.simon")).toHaveLength(2);
    expect(auditFor("demo-camille.simon", "placement.overridden")[0]).toMatchObject({
      actorId: "demo-trainer",
      fromState: from,
      toState: "beginner",
      reason: "Has never used the networks the company chose.",
    });
    const camille = await signedIn("camille.simon@ambassade.test");
    const page = await pageText(await camille.get("/placement"));
    expectIn(page, "Niveau fixé par Julien Mercier");
    expectIn(page, "Has never used the networks the company chose.");
  });

  it("a manager may set the level of their own team only", async () => {
    const manager = await signedIn("manager@ambassade.test");
    expect((await manager.get("/people/demo-chloe.thomas/placement")).status).toBe(200);
    const own = await manager.post("/people/demo-chloe.thomas/placement", { intent: "override", level: "late_adopter", reason: "Posts for the team weekly." });
    expect(own.status).toBe(302);
    expect(auditFor("demo-chloe.thomas", "placement.overridden")[0]).toMatchObject({
      actorId: "demo-manager",
      toState: "late_adopter",
      reason: "Posts for the team weekly.",
    });

    const before = snapshotDatabase();
    expect((await manager.get("/people/demo-thomas.michel/placement")).status).toBe(404);
    const other = await manager.post("/people/demo-thomas.michel/placement", { intent: "override", level: "native", reason: "Not my team." });
    expect(other.status).toBe(404);
    // Nor their own level.
    const self = await manager.post("/people/demo-manager/placement", { intent: "override", level: "native", reason: "I know best." });
    expect(self.status).toBe(403);
    expectIn(await pageText(self), "Vous ne pouvez pas fixer votre propre niveau");
    // Managers may not reset a person for a retake: that is for trainers.
    expect((await manager.post("/people/demo-chloe.thomas/placement", { intent: "reset" })).status).toBe(403);
    expect(snapshotDatabase()).toBe(before);
  });

  it("refuses an employee (403), a missing reason and an unknown level (400), writing nothing", async () => {
    const employee = await signedIn("ambassador@ambassade.test");
    const trainer = await signedIn("trainer@ambassade.test");
    const before = snapshotDatabase();
    expect((await employee.get("/people/demo-lea.richard/placement")).status).toBe(403);
    expect((await employee.post("/people/demo-lea.richard/placement", { intent: "override", level: "native", reason: "I say so." })).status).toBe(403);
    const noReason = await trainer.post("/people/demo-lea.richard/placement", { intent: "override", level: "native", reason: "   " });
    expect(noReason.status).toBe(400);
    expectIn(await pageText(noReason), "Ce champ est obligatoire.");
    const badLevel = await trainer.post("/people/demo-lea.richard/placement", { intent: "override", level: "expert", reason: "Because." });
    expect(badLevel.status).toBe(400);
    expectIn(await pageText(badLevel), "Choisissez l’un des cinq niveaux.");
    expect((await trainer.post("/people/nobody/placement", { intent: "override", level: "native", reason: "Because." })).status).toBe(404);
    expect(snapshotDatabase()).toBe(before);
  });

  it("an admin may reset but not override", async () => {
    const admin = await signedIn("admin@ambassade.test");
    const page = await admin.get("/people/demo-sarah.lefebvre/placement");
    expect(page.status).toBe(200);
    const html = await pageText(page);
    expectIn(html, "Autoriser maintenant");
    expectNotIn(html, "Enregistrer ce niveau");
    const before = snapshotDatabase();
    expect((await admin.post("/people/demo-sarah.lefebvre/placement", { intent: "override", level: "native", reason: "Because." })).status).toBe(403);
    expect(snapshotDatabase()).toBe(before);
  });
});

describe("the team page", () => {
  it("shows the distribution of levels and each member's level and source", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    const response = await trainer.get("/teams/team-ops");
    expect(response.status).toBe(200);
    const html = await pageText(response);
    const active = getDb()
      .select()
      .from(users)
      .where(and(eq(users.teamId, "team-ops"), eq(users.active, true)))
      .all().length;
    expectIn(html, `Répartition des ${active} membres actifs par niveau`);
    expectIn(html, "Fixé par Julien Mercier"); // Camille, overridden above
    expectIn(html, 'href="/people/demo-camille.simon/placement"');
    expect(/style="/.test(html), "style= should not match").toBe(false);
    const manager = await signedIn("manager@ambassade.test");
    expect((await manager.get("/teams/team-ops")).status).toBe(404);
  });

  it("pages a team of 1,000 and counts every level in one pass", async () => {
    const db = getDb();
    db.transaction((tx) => {
      tx.insert(teams).values({ id: "team-big", name: "Big team" }).run();
      const levels = ["native", "late_adopter", "reluctant", "objector", "beginner"] as const;
      for (let i = 0; i < 1000; i++) {
        const id = `big-${String(i).padStart(4, "0")}`;
        tx.insert(users)
          .values({ id, email: `${id}@ambassade.test`, name: `Person ${String(i).padStart(4, "0")}`, teamId: "team-big" })
          .run();
        if (i % 10 !== 0)
          tx.insert(placements)
            .values({ id: `p-${id}`, userId: id, level: levels[i % 5]!, source: "questionnaire", facts: [] })
            .run();
      }
    });
    const trainer = await signedIn("trainer@ambassade.test");
    const html = await pageText(await trainer.get("/teams/team-big?page=3"));
    expectIn(html, "Membres de l’équipe (1000)");
    expectIn(html, "Page 3 sur 20");
    expectIn(html, "Person 0100");
    expectNotIn(html, "Person 0099");
    expectIn(html, "Répartition des 1000 membres actifs par niveau");
    // 100 unplaced (every tenth), 900 spread over the five levels; native gets i % 5 = 0 minus the tenths.
    expect(/Pas encore positionné<\/th><td[^>]*>100<\/td>/.test(html), "Pas encore positionné</th><td[^>]*>100</td> should match").toBe(true);
    expect(/Natif<\/th><td[^>]*>100<\/td>/.test(html), "Natif</th><td[^>]*>100</td> should match").toBe(true);
    expect(/Adepte tardif<\/th><td[^>]*>200<\/td>/.test(html), "Adepte tardif</th><td[^>]*>200</td> should match").toBe(true);
  });
});
