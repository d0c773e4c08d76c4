import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { checkAnswers, moduleProgress, reflections, users } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { answerCheck, getLearnerModuleState, listProgress, recordVisit, saveReflection } from "./progress.server";

const checks = [
  {
    id: "k1",
    options: [
      { id: "o1", correct: false, explanation: "Not this one." },
      { id: "o2", correct: true, explanation: "This one." },
    ],
  },
  {
    id: "k2",
    options: [
      { id: "o1", correct: true, explanation: "Yes." },
      { id: "o2", correct: false, explanation: "No." },
    ],
  },
];

let n = 0;
function newLearner(): string {
  const id = `learner-${++n}`;
  getDb()
    .insert(users)
    .values({ id, email: `${id}@example.test`, name: id })
    .run();
  return id;
}

const answer = (userId: string, checkId: string, optionId: string, moduleId = "m1") => answerCheck({ userId, moduleId, version: 3, checks, checkId, optionId });

function rejection(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

const answersOf = (userId: string) => getDb().select().from(checkAnswers).where(eq(checkAnswers.userId, userId)).all();
const progressOf = (userId: string, moduleId = "m1") =>
  getDb()
    .select()
    .from(moduleProgress)
    .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, moduleId)))
    .get();

describe("answerCheck", () => {
  it("stores every answer, and completes the module with its version once all checks are passed", () => {
    const userId = newLearner();
    expect(answer(userId, "k1", "o1")).toEqual({ correct: false, explanation: "Not this one.", moduleCompleted: false });
    expect(progressOf(userId)?.status).toBe("in_progress");
    expect(answer(userId, "k1", "o2")).toEqual({ correct: true, explanation: "This one.", moduleCompleted: false });
    expect(answer(userId, "k2", "o2").correct).toBe(false);
    expect(answer(userId, "k2", "o1")).toEqual({ correct: true, explanation: "Yes.", moduleCompleted: true });
    expect(progressOf(userId)).toMatchObject({ status: "completed", completedVersion: 3 });
    expect(answersOf(userId).map((a) => [a.checkId, a.optionId, a.correct])).toEqual([
      ["k1", "o1", false],
      ["k1", "o2", true],
      ["k2", "o2", false],
      ["k2", "o1", true],
    ]);
  });

  it("refuses unknown checks, unknown or missing options, and any answer to a passed check, writing nothing", () => {
    const userId = newLearner();
    expect(rejection(() => answer(userId, "nope", "o1")).fieldErrors).toEqual({ checkId: "track.errors.unknownCheck" });
    expect(rejection(() => answer(userId, "k1", "o7")).fieldErrors).toEqual({ optionId: "track.errors.unknownOption" });
    expect(rejection(() => answer(userId, "k1", "")).fieldErrors).toEqual({ optionId: "track.errors.chooseOption" });
    expect(answersOf(userId)).toHaveLength(0);
    expect(progressOf(userId)).toBeUndefined();
    answer(userId, "k1", "o2");
    for (const optionId of ["o1", "o2"]) {
      const error = rejection(() => answer(userId, "k1", optionId));
      expect(error.status).toBe(409);
      expect(error.fieldErrors).toEqual({ checkId: "track.errors.alreadyPassed" });
    }
    expect(answersOf(userId)).toHaveLength(1);
  });

  it("loses a race cleanly: when another request passed the check first, 409 and nothing of ours is written", () => {
    const userId = newLearner();
    const db = getDb().$client;
    // Stands for a concurrent request that commits its correct answer between our read and our insert.
    db.exec(`
      create temp trigger concurrent_pass before insert on check_answers
      when new.correct = 1 and new.user_id = '${userId}'
        and not exists (select 1 from check_answers where user_id = new.user_id and module_id = new.module_id and check_id = new.check_id and correct = 1)
      begin
        insert into check_answers (user_id, module_id, check_id, option_id, correct) values (new.user_id, new.module_id, new.check_id, new.option_id, 1);
      end;
    `);
    try {
      const error = rejection(() => answer(userId, "k1", "o2"));
      expect(error.status).toBe(409);
      expect(error.fieldErrors).toEqual({ checkId: "track.errors.alreadyPassed" });
      // Our transaction rolled back entirely: no answer, no progress row.
      expect(answersOf(userId)).toHaveLength(0);
      expect(progressOf(userId)).toBeUndefined();
    } finally {
      db.exec("drop trigger concurrent_pass");
    }
  });

  it("keeps a completed module completed when the learner comes back", () => {
    const userId = newLearner();
    answer(userId, "k1", "o2");
    answer(userId, "k2", "o1");
    recordVisit(userId, "m1", "intro", ["intro"]);
    expect(progressOf(userId)).toMatchObject({ status: "completed", lastSection: "intro" });
  });
});

describe("recordVisit and module state", () => {
  it("creates the row in progress, remembers the last section and keeps it on a visit without one", () => {
    const userId = newLearner();
    recordVisit(userId, "m2", null, ["a", "b"]);
    expect(progressOf(userId, "m2")).toMatchObject({ status: "in_progress", lastSection: null });
    recordVisit(userId, "m2", "b", ["a", "b"]);
    recordVisit(userId, "m2", null, ["a", "b"]);
    expect(progressOf(userId, "m2")?.lastSection).toBe("b");
    expect(listProgress(userId)).toEqual([{ moduleId: "m2", status: "in_progress", lastSection: "b", completedVersion: null }]);
  });

  it("refuses a section that is not a heading of the module", () => {
    const userId = newLearner();
    expect(rejection(() => recordVisit(userId, "m2", "elsewhere", ["a"])).fieldErrors).toEqual({ section: "track.errors.unknownSection" });
    expect(progressOf(userId, "m2")).toBeUndefined();
  });

  it("an unplaced person has no level and no progress", () => {
    const userId = newLearner();
    expect(getLearnerModuleState(userId, "m1")).toEqual({ level: null, progress: null });
  });
});

describe("saveReflection", () => {
  const defs = [
    { id: "private-one", review: false },
    { id: "reviewed-one", review: true },
  ];
  const rowsOf = (userId: string) => getDb().select().from(reflections).where(eq(reflections.userId, userId)).all();

  it("saves a private reflection as is, and one a trainer reviews as pending, back to pending after an edit", () => {
    const userId = newLearner();
    expect(saveReflection({ userId, moduleId: "m1", reflections: defs, reflectionId: "private-one", text: "  Mine.  " })).toEqual({ reviewStatus: "none" });
    expect(saveReflection({ userId, moduleId: "m1", reflections: defs, reflectionId: "reviewed-one", text: "For review." })).toEqual({
      reviewStatus: "pending",
    });
    getDb()
      .update(reflections)
      .set({ reviewStatus: "reviewed", reviewComment: "Good start." })
      .where(and(eq(reflections.userId, userId), eq(reflections.reflectionId, "reviewed-one")))
      .run();
    saveReflection({ userId, moduleId: "m1", reflections: defs, reflectionId: "reviewed-one", text: "Improved." });
    expect(rowsOf(userId).map((r) => [r.reflectionId, r.text, r.reviewStatus, r.reviewComment])).toEqual([
      ["private-one", "Mine.", "none", null],
      ["reviewed-one", "Improved.", "pending", "Good start."],
    ]);
  });

  it("refuses an unknown reflection, an empty text and a text over 2,000 characters", () => {
    const userId = newLearner();
    const save = (reflectionId: string, text: string) => () => saveReflection({ userId, moduleId: "m1", reflections: defs, reflectionId, text });
    expect(rejection(save("nope", "Hi")).fieldErrors).toEqual({ reflectionId: "track.errors.unknownReflection" });
    expect(rejection(save("private-one", " \n ")).fieldErrors).toEqual({ text: "errors.required" });
    expect(rejection(save("private-one", "x".repeat(2001))).fieldErrors).toEqual({ text: "track.errors.reflectionTooLong" });
    expect(rowsOf(userId)).toHaveLength(0);
    expect(saveReflection({ userId, moduleId: "m1", reflections: defs, reflectionId: "private-one", text: "a\r\n".repeat(999) + "b" }).reviewStatus).toBe(
      "none",
    );
  });
});
