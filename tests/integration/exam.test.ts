import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { examAnswers, examAttempts, settings } from "../../db/schema";
import { startAttempt } from "../../app/models/exam.server";
import { seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { allKeys, examBankFile, postData, rightAnswer, routeData, signedIn, wrongAnswer } from "../support/accreditation";

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

type Item = { id: string; category: string; type: string; options: { id: string; text: string }[] };
type InProgress = { attempt: { status: "in_progress"; id: string; deadline: string | null; items: Item[]; answers: Record<string, string[]> } };
type Graded = {
  attempt: {
    status: "graded";
    score: number;
    passed: boolean;
    categoryScores: Record<string, { correct: number; total: number }>;
    missed: { id: string; explanation: string }[];
  };
};

const attemptsOf = (userId: string) => getDb().select().from(examAttempts).where(eq(examAttempts.userId, userId)).all();
const explanations = () => examBankFile().items.flatMap((item) => [item.explanation.fr, item.explanation.en]);

function expectNoKey(data: { text: string; json: unknown }) {
  const keys = allKeys(data.json);
  expect(keys.has("correct")).toBe(false);
  expect(keys.has("explanation")).toBe(false);
  expect(keys.has("correctOptions")).toBe(false);
  for (const text of explanations()) expect(data.text).not.toContain(text);
}

async function start(client: Awaited<ReturnType<typeof signedIn>>): Promise<string> {
  const response = await client.post("/exam", {});
  expect(response.status).toBe(302);
  const location = response.headers.get("location")!;
  expect(location).toMatch(/^\/exam\/[0-9a-f-]+$/);
  return location.split("/").pop()!;
}

beforeEach(() => {
  // Defaults for every test; some tests change a setting. These people have not finished their track:
  // the exam's track gate (on by default) has its own tests in exam-gate.test.ts.
  getDb().delete(settings).run();
  getDb().insert(settings).values({ key: "exam.requiresTrackComplete", value: false, updatedAt: new Date() }).run();
});

describe("an attempt", () => {
  it("draws 16 items stratified over the 5 categories, and no page ever sends the key", async () => {
    const learner = await signedIn(server, "chloe.thomas@ambassade.test");
    const overview = await routeData(learner, "/exam", "routes/exam._index");
    expect(overview.status).toBe(200);
    expectNoKey(overview);
    const id = await start(learner);
    const data = await routeData(learner, `/exam/${id}`, "routes/exam.$attemptId");
    expect(data.status).toBe(200);
    expectNoKey(data);
    const { attempt } = data.json as InProgress;
    expect(attempt.status).toBe("in_progress");
    expect(attempt.items).toHaveLength(16);
    const counts = ["charter", "disclosure", "voice", "crisis", "channels"].map((c) => attempt.items.filter((i) => i.category === c).length).sort();
    expect(counts).toEqual([3, 3, 3, 3, 4]);
    expect(new Set(attempt.items.map((i) => i.id)).size).toBe(16);
    // The HTML page carries the same data: no key there either.
    const html = await (await learner.get(`/exam/${id}`)).text();
    for (const text of explanations()) expect(html).not.toContain(text);
    expect(html).not.toMatch(/"correct"/);
    // The overview and accreditation pages neither.
    expectNoKey(await routeData(learner, "/exam", "routes/exam._index"));
    expectNoKey(await routeData(learner, "/accreditation", "routes/accreditation"));
    // Only the person sees their attempt.
    const other = await signedIn(server, "hugo.robert@ambassade.test");
    expect((await other.get(`/exam/${id}`)).status).toBe(404);
  });

  it("saves each answer as it is given and resumes the same attempt, in the same order, after a disconnect", async () => {
    const laptop = await signedIn(server, "lea.richard@ambassade.test");
    const id = await start(laptop);
    const first = ((await routeData(laptop, `/exam/${id}`, "routes/exam.$attemptId")).json as InProgress).attempt;
    const [a, b, c] = first.items;
    // Without JavaScript: the form posts and the browser comes back to the item, on its page.
    const plain = await laptop.post(`/exam/${id}`, { intent: "answer", itemId: a!.id, option: rightAnswer(a!.id) });
    expect(plain.status).toBe(302);
    expect(plain.headers.get("location")).toBe(`/exam/${id}?item=${a!.id}#item-${a!.id}`);
    // With JavaScript (fetcher): a small JSON answer, the page stays.
    const js = await postData(laptop, `/exam/${id}`, "routes/exam.$attemptId", { intent: "answer", itemId: b!.id, option: wrongAnswer(b!.id), js: "1" });
    expect(js).toEqual({ status: 200, body: { saved: b!.id } });
    // An answer can be changed while the attempt is open.
    await postData(laptop, `/exam/${id}`, "routes/exam.$attemptId", { intent: "answer", itemId: b!.id, option: rightAnswer(b!.id), js: "1" });
    await laptop.post(`/exam/${id}`, { intent: "answer", itemId: c!.id, option: rightAnswer(c!.id) });

    // The connection drops; the person comes back on another device.
    const phone = await signedIn(server, "lea.richard@ambassade.test");
    const overview = await phone.get("/exam");
    expect(await overview.text()).toContain(`/exam/${id}`);
    expect((await phone.post("/exam", {})).status).toBe(409);
    const resumed = ((await routeData(phone, `/exam/${id}`, "routes/exam.$attemptId")).json as InProgress).attempt;
    expect(resumed.items).toEqual(first.items);
    expect(resumed.answers).toEqual({ [a!.id]: rightAnswer(a!.id), [b!.id]: rightAnswer(b!.id), [c!.id]: rightAnswer(c!.id) });
    expect(attemptsOf("demo-lea.richard")).toHaveLength(1);
  });

  it("refuses answers to items not in one's attempt, unknown options and malformed answers, writing nothing", async () => {
    const learner = await signedIn(server, "nathan.durand@ambassade.test");
    const id = await start(learner);
    const { items } = ((await routeData(learner, `/exam/${id}`, "routes/exam.$attemptId")).json as InProgress).attempt;
    const drawn = new Set(items.map((i) => i.id));
    const outsider = examBankFile().items.find((i) => !drawn.has(i.id))!;
    const single = items.find((i) => i.type === "single")!;
    const other = await signedIn(server, "hugo.robert@ambassade.test");
    const before = snapshotDatabase();
    const notMine = await postData(learner, `/exam/${id}`, "routes/exam.$attemptId", {
      intent: "answer",
      itemId: outsider.id,
      option: rightAnswer(outsider.id),
      js: "1",
    });
    expect(notMine).toEqual({ status: 400, body: { fieldErrors: { itemId: "accreditation.exam.notInAttempt" } } });
    const unknown = await postData(learner, `/exam/${id}`, "routes/exam.$attemptId", { intent: "answer", itemId: single.id, option: "zz", js: "1" });
    expect(unknown.status).toBe(400);
    const two = await postData(learner, `/exam/${id}`, "routes/exam.$attemptId", {
      intent: "answer",
      itemId: single.id,
      option: single.options.slice(0, 2).map((o) => o.id),
      js: "1",
    });
    expect(two.status).toBe(400);
    const none = await postData(learner, `/exam/${id}`, "routes/exam.$attemptId", { intent: "answer", itemId: single.id, js: "1" });
    expect(none.body.fieldErrors).toEqual({ [`item:${single.id}`]: "accreditation.exam.answerRequired" });
    // Someone else's attempt.
    expect(
      (await postData(other, `/exam/${id}`, "routes/exam.$attemptId", { intent: "answer", itemId: single.id, option: single.options[0]!.id })).status,
    ).toBe(404);
    expect(snapshotDatabase()).toBe(before);
  });

  it("grades on submission: score, pass or fail, per category, and the explanations of missed items in the learner's language", async () => {
    getDb().insert(settings).values({ key: "exam.feedback", value: "missed" }).run();
    const learner = await signedIn(server, "nathan.durand@ambassade.test");
    const attempt = attemptsOf("demo-nathan.durand").find((a) => a.status === "in_progress")!;
    const items = attempt.items;
    // 13 right of 16 = 81 %: passed.
    for (const [index, item] of items.entries()) {
      await learner.post(`/exam/${attempt.id}`, { intent: "answer", itemId: item.id, option: index < 13 ? rightAnswer(item.id) : wrongAnswer(item.id) });
    }
    expect((await learner.post(`/exam/${attempt.id}`, { intent: "submit" })).status).toBe(302);
    const result = ((await routeData(learner, `/exam/${attempt.id}`, "routes/exam.$attemptId")).json as Graded).attempt;
    expect(result).toMatchObject({ status: "graded", score: 81, passed: true });
    expect(Object.values(result.categoryScores).reduce((sum, c) => sum + c.total, 0)).toBe(16);
    expect(Object.values(result.categoryScores).reduce((sum, c) => sum + c.correct, 0)).toBe(13);
    const bank = examBankFile().items;
    expect(result.missed.map((m) => m.id)).toEqual(items.slice(13).map((i) => i.id));
    expect(result.missed[0]!.explanation).toBe(bank.find((i) => i.id === items[13]!.id)!.explanation.fr);
    // A closed attempt takes no more answers.
    const late = await postData(learner, `/exam/${attempt.id}`, "routes/exam.$attemptId", {
      intent: "answer",
      itemId: items[0]!.id,
      option: rightAnswer(items[0]!.id),
    });
    expect(late).toEqual({ status: 409, body: { fieldErrors: { form: "accreditation.exam.closed" } } });
    // In English for a person whose language is English.
    getDb().$client.prepare("update users set locale = 'en' where id = 'demo-nathan.durand'").run();
    const english = ((await routeData(learner, `/exam/${attempt.id}`, "routes/exam.$attemptId")).json as Graded).attempt;
    expect(english.missed[0]!.explanation).toBe(bank.find((i) => i.id === items[13]!.id)!.explanation.en);
    getDb().$client.prepare("update users set locale = null where id = 'demo-nathan.durand'").run();
  });
});

describe("pages of items", () => {
  it("shows four items a page and a review page listing the unanswered ones; a page's buttons save its answers without JavaScript", async () => {
    const learner = await signedIn(server, "olivier.moreau@ambassade.test");
    const id = await start(learner);
    const { attempt } = (await routeData(learner, `/exam/${id}`, "routes/exam.$attemptId")).json as InProgress;
    const page1 = await (await learner.get(`/exam/${id}`)).text();
    const shown = attempt.items.filter((item) => page1.includes(`name="a:${item.id}"`));
    expect(shown.map((i) => i.id)).toEqual(attempt.items.slice(0, 4).map((i) => i.id));
    // No save button per item any more: choices are saved as they are made, or with the page.
    expect(page1).not.toContain("Enregistrer la réponse");

    // The page's "Next" button posts the page's answers (fields a:<item>) and goes to page 2.
    const [a, b] = attempt.items;
    const next = await learner.post(`/exam/${id}`, { intent: "page", goto: "2", [`a:${a!.id}`]: rightAnswer(a!.id), [`a:${b!.id}`]: wrongAnswer(b!.id) });
    expect(next.status).toBe(302);
    expect(next.headers.get("location")).toBe(`/exam/${id}?page=2`);
    const page2 = await (await learner.get(`/exam/${id}?page=2`)).text();
    expect(page2).toContain(`name="a:${attempt.items[4]!.id}"`);
    expect(page2).not.toContain(`name="a:${a!.id}"`);

    // With JavaScript, unticking every box removes the answer.
    expect((await postData(learner, `/exam/${id}`, "routes/exam.$attemptId", { intent: "clear", itemId: b!.id, js: "1" })).status).toBe(200);
    const after = ((await routeData(learner, `/exam/${id}`, "routes/exam.$attemptId")).json as InProgress).attempt;
    expect(after.answers).toEqual({ [a!.id]: rightAnswer(a!.id) });

    // The review page says how many are left, and links to each.
    const review = await (await learner.get(`/exam/${id}?page=review`)).text();
    expect(review).toContain("15 questions sans réponse");
    expect(review).toContain(`?item=${b!.id}`);
    expect(review).toContain('value="submit"');

    // A bad page answer is refused and nothing of it is written.
    const c = attempt.items[2]!;
    const bad = await learner.post(`/exam/${id}`, { intent: "page", goto: "3", [`a:${c.id}`]: rightAnswer(c.id), [`a:${b!.id}`]: "no-such-option" });
    expect(bad.status).toBe(400);
    expect(((await routeData(learner, `/exam/${id}`, "routes/exam.$attemptId")).json as InProgress).attempt.answers).toEqual({ [a!.id]: rightAnswer(a!.id) });
  });
});

describe("time limit", () => {
  it("refuses answers after the deadline, then closes and grades the attempt on next access", async () => {
    const learner = await signedIn(server, "camille.simon@ambassade.test");
    const id = await startAttempt("demo-camille.simon", new Date(Date.now() - 31 * 60 * 1000));
    const attempt = attemptsOf("demo-camille.simon")[0]!;
    const item = attempt.items[0]!;
    const before = snapshotDatabase();
    const late = await postData(learner, `/exam/${id}`, "routes/exam.$attemptId", { intent: "answer", itemId: item.id, option: rightAnswer(item.id), js: "1" });
    expect(late).toEqual({ status: 409, body: { fieldErrors: { form: "accreditation.exam.timeUp" } } });
    expect(snapshotDatabase()).toBe(before);
    const result = ((await routeData(learner, `/exam/${id}`, "routes/exam.$attemptId")).json as Graded).attempt;
    expect(result).toMatchObject({ status: "graded", score: 0, passed: false });
    const row = attemptsOf("demo-camille.simon")[0]!;
    expect(row.gradedAt!.getTime()).toBe(row.deadline!.getTime());
  });

  it("has no deadline when the time limit is 0", async () => {
    getDb().insert(settings).values({ key: "exam.timeLimitMinutes", value: 0 }).run();
    const learner = await signedIn(server, "thomas.michel@ambassade.test");
    const id = await start(learner);
    expect(((await routeData(learner, `/exam/${id}`, "routes/exam.$attemptId")).json as InProgress).attempt.deadline).toBeNull();
  });
});

describe("attempt limits", () => {
  it("refuses a new attempt during the cooldown, writing nothing", async () => {
    const learner = await signedIn(server, "sarah.lefebvre@ambassade.test");
    const id = await start(learner);
    await learner.post(`/exam/${id}`, { intent: "submit" });
    const before = snapshotDatabase();
    const again = await postData(learner, "/exam", "routes/exam._index", {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ refused: { reason: "cooldown" } });
    const until = new Date((again.body.refused as { until: string }).until).getTime();
    expect(Math.abs(until - (Date.now() + 24 * 3600_000))).toBeLessThan(60_000);
    expect(snapshotDatabase()).toBe(before);
    const page = await (await learner.get("/exam")).text();
    expect(page).toContain("Vous pourrez repasser l’examen à partir du");
  });

  it("refuses a fourth attempt within 30 days, writing nothing", async () => {
    getDb().insert(settings).values({ key: "exam.cooldownHours", value: 0 }).run();
    const learner = await signedIn(server, "antoine.garcia@ambassade.test");
    for (let i = 0; i < 3; i++) {
      const id = await start(learner);
      expect((await learner.post(`/exam/${id}`, { intent: "submit" })).status).toBe(302);
    }
    const before = snapshotDatabase();
    const fourth = await postData(learner, "/exam", "routes/exam._index", {});
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({ refused: { reason: "maxAttempts" } });
    expect(snapshotDatabase()).toBe(before);
    expect(attemptsOf("demo-antoine.garcia")).toHaveLength(3);
    // An attempt that left the 30-day window frees a slot.
    const oldest = attemptsOf("demo-antoine.garcia").sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime())[0]!;
    getDb()
      .update(examAttempts)
      .set({ startedAt: new Date(Date.now() - 31 * 24 * 3600_000) })
      .where(eq(examAttempts.id, oldest.id))
      .run();
    expect((await learner.post("/exam", {})).status).toBe(302);
  });

  it("is for learners: an admin gets 403", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    expect((await admin.get("/exam")).status).toBe(403);
    expect((await admin.post("/exam", {})).status).toBe(403);
  });
});

describe("answers table", () => {
  it("holds one row per answered item", () => {
    const attempt = attemptsOf("demo-lea.richard")[0]!;
    expect(
      getDb()
        .select()
        .from(examAnswers)
        .where(and(eq(examAnswers.attemptId, attempt.id)))
        .all(),
    ).toHaveLength(3);
  });
});
