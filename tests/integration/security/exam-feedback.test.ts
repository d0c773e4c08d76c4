/**
 * Finding (issue #13): submitting an empty attempt showed the right option of every missed item, so with
 * `exam.itemsPerAttempt` at the bank's size one blank attempt revealed the whole key. A finished attempt
 * now shows what the admin's `exam.feedback` setting allows, and never the right option of an item.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../../db/connection";
import { settings } from "../../../db/schema";
import { seedDemoOrganisation } from "../../support/fixtures";
import { startServer, type TestServer } from "../../support/server";
import { allKeys, examBankFile, routeData, signedIn } from "../../support/accreditation";

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  getDb().delete(settings).run();
  // These learners have not finished their track; the exam's track gate has its own tests (exam-gate.test.ts).
  getDb().insert(settings).values({ key: "exam.requiresTrackComplete", value: false, updatedAt: new Date() }).run();
});

type Graded = {
  attempt: { status: "graded"; feedback: string; categoryScores: Record<string, unknown>; missed: { id: string; options: { id: string; text: string }[] }[] };
};

/** A blank attempt, submitted at once, by a person who may take the exam again. */
async function blankAttempt(email: string): Promise<{ text: string; attempt: Graded["attempt"] }> {
  const learner = await signedIn(server, email);
  const started = await learner.post("/exam", {});
  expect(started.status).toBe(302);
  const id = started.headers.get("location")!.split("/").pop()!;
  expect((await learner.post(`/exam/${id}`, { intent: "submit" })).status).toBe(302);
  const data = await routeData(learner, `/exam/${id}`, "routes/exam.$attemptId");
  expect(data.status).toBe(200);
  const page = await learner.get(`/exam/${id}`);
  return { text: data.text + (await page.text()), attempt: (data.json as Graded).attempt };
}

function rightOptionTexts(): string[] {
  return examBankFile().items.flatMap((item) =>
    item.options
      .filter((o) => o.correct === true)
      // An option text that also stands among the wrong options of the same item says nothing.
      .filter((o) => !item.options.some((other) => other.correct !== true && (other.text.fr === o.text.fr || other.text.en === o.text.en)))
      .flatMap((o) => [o.text.fr, o.text.en]),
  );
}

describe("exam feedback", () => {
  it("defaults to the score and the result per topic, with no question shown", async () => {
    const { attempt } = await blankAttempt("chloe.thomas@ambassade.test");
    expect(attempt.feedback).toBe("categories");
    expect(Object.keys(attempt.categoryScores).length).toBeGreaterThan(0);
    expect(attempt.missed).toEqual([]);
  });

  it("shows the score only when the admin says so", async () => {
    getDb().insert(settings).values({ key: "exam.feedback", value: "score" }).run();
    const { attempt } = await blankAttempt("thomas.michel@ambassade.test");
    expect(attempt).toMatchObject({ feedback: "score", categoryScores: {}, missed: [] });
  });

  it("never reveals the key, even with missed items shown and every item of the bank drawn", async () => {
    const bankSize = examBankFile().items.length;
    getDb()
      .insert(settings)
      .values([
        { key: "exam.feedback", value: "missed" },
        { key: "exam.itemsPerAttempt", value: Math.min(bankSize, 100) },
      ])
      .run();
    const { text, attempt } = await blankAttempt("camille.simon@ambassade.test");
    expect(attempt.missed.length).toBe(Math.min(bankSize, 100));
    const keys = allKeys(attempt.missed);
    expect(keys.has("correct")).toBe(false);
    expect(keys.has("correctOptions")).toBe(false);
    // The options are listed (the person's own answer refers to them) but nothing marks the right one.
    for (const right of rightOptionTexts()) {
      const marked = new RegExp(`(right answer|bonne réponse)[^<]{0,40}${right.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").slice(0, 40)}`, "i");
      expect(text).not.toMatch(marked);
    }
  });
});
