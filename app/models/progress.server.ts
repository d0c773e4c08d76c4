/**
 * A learner's progress: module progress rows, knowledge-check answers (graded here, against the
 * answer key that never leaves the server) and written reflections. Every function acts on the
 * learner's own records; callers have already checked that the module is in the learner's track.
 */
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { checkAnswers, moduleProgress, placements, reflections, type Level } from "../../db/schema";
import { allChecksPassed, gradeAnswer, type ProgressRow } from "~/domain/track";
import { InputError } from "~/utils/errors";
import { recordAudit } from "./audit.server";
import { preparedQuery } from "./prepared.server";

/** Reflections longer than this are refused (the form says so and counts down). */
export const REFLECTION_MAX_CHARS = 2000;
/** Section ids are heading slugs; anything longer is not one of ours. */
const MAX_SECTION_CHARS = 200;

type ProgressStatus = (typeof moduleProgress.$inferSelect)["status"];
type ReviewStatus = (typeof reflections.$inferSelect)["reviewStatus"];

/** Every progress row of a learner: one indexed query (the primary key starts with user_id). */
export function listProgress(userId: string): ProgressRow[] {
  return getDb()
    .select({
      moduleId: moduleProgress.moduleId,
      status: moduleProgress.status,
      lastSection: moduleProgress.lastSection,
      completedVersion: moduleProgress.completedVersion,
    })
    .from(moduleProgress)
    .where(eq(moduleProgress.userId, userId))
    .all();
}

export type LearnerModuleState = {
  /** The learner's current level, or null when they have not been placed. */
  level: Level | null;
  progress: { status: ProgressStatus; lastSection: string | null; completedVersion: number | null; completedAt: Date | null } | null;
};

/**
 * The learner's level and their progress row for one module, in one query (the current placement
 * left-joined with the progress row).
 */
// The reads every module page makes, compiled once (see preparedQuery).
const moduleStateQuery = preparedQuery((db) =>
  db
    .select({
      level: placements.level,
      status: moduleProgress.status,
      lastSection: moduleProgress.lastSection,
      completedVersion: moduleProgress.completedVersion,
      completedAt: moduleProgress.completedAt,
    })
    .from(placements)
    .leftJoin(moduleProgress, and(eq(moduleProgress.userId, placements.userId), eq(moduleProgress.moduleId, sql.placeholder("moduleId"))))
    .where(and(eq(placements.userId, sql.placeholder("userId")), eq(placements.isCurrent, true)))
    .prepare(),
);

const passedChecksQuery = preparedQuery((db) =>
  db
    .select({ checkId: checkAnswers.checkId, optionId: checkAnswers.optionId })
    .from(checkAnswers)
    .where(and(eq(checkAnswers.userId, sql.placeholder("userId")), eq(checkAnswers.moduleId, sql.placeholder("moduleId")), eq(checkAnswers.correct, true)))
    .prepare(),
);

const reflectionsQuery = preparedQuery((db) =>
  db
    .select({
      reflectionId: reflections.reflectionId,
      text: reflections.text,
      reviewStatus: reflections.reviewStatus,
      reviewComment: reflections.reviewComment,
      updatedAt: reflections.updatedAt,
    })
    .from(reflections)
    .where(and(eq(reflections.userId, sql.placeholder("userId")), eq(reflections.moduleId, sql.placeholder("moduleId"))))
    .prepare(),
);

export function getLearnerModuleState(userId: string, moduleId: string): LearnerModuleState {
  const row = moduleStateQuery().get({ userId, moduleId });
  if (!row) return { level: null, progress: null };
  return {
    level: row.level,
    progress: row.status ? { status: row.status, lastSection: row.lastSection, completedVersion: row.completedVersion, completedAt: row.completedAt } : null,
  };
}

/** The checks a learner has passed in a module: check id → the option they chose. */
export function passedChecks(userId: string, moduleId: string): Map<string, string> {
  const rows = passedChecksQuery().all({ userId, moduleId });
  return new Map(rows.map((row) => [row.checkId, row.optionId]));
}

export type SavedReflection = { text: string; reviewStatus: ReviewStatus; reviewComment: string | null; updatedAt: Date };

/** A learner's reflections in a module, by reflection id. */
export function moduleReflections(userId: string, moduleId: string): Map<string, SavedReflection> {
  const rows = reflectionsQuery().all({ userId, moduleId });
  return new Map(rows.map(({ reflectionId, ...saved }) => [reflectionId, saved]));
}

/** Creates the progress row (in progress) if missing; never downgrades a completed module. */
function touchProgress(tx: Tx, userId: string, moduleId: string, lastSection: string | null) {
  const now = new Date();
  tx.insert(moduleProgress)
    .values({ userId, moduleId, status: "in_progress", lastSection, startedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [moduleProgress.userId, moduleProgress.moduleId],
      set: { updatedAt: now, lastSection: sql`coalesce(excluded.last_section, ${moduleProgress.lastSection})` },
    })
    .run();
}

/**
 * The learner opened a module, or read up to a section: marks it in progress and remembers the
 * section to resume from. `sections` are the module's heading ids; any other section is refused.
 */
export function recordVisit(userId: string, moduleId: string, section: string | null, sections: readonly string[]): void {
  if (section !== null && (section.length > MAX_SECTION_CHARS || !sections.includes(section))) {
    throw new InputError({ section: "track.errors.unknownSection" });
  }
  getDb().transaction((tx) => touchProgress(tx, userId, moduleId, section));
}

export type CheckDef = { id: string; options: readonly { id: string; correct: boolean; explanation: string }[] };

export type CheckResult = { correct: boolean; explanation: string; moduleCompleted: boolean };

/**
 * Grades one answer, stores it, and completes the module when it was the last check to pass.
 * Refused (nothing written): an unknown check or option, and any answer to a check already passed,
 * including two correct answers racing each other (the unique index on passed answers decides).
 */
export function answerCheck(input: {
  userId: string;
  moduleId: string;
  version: number;
  checks: readonly CheckDef[];
  checkId: string;
  optionId: string;
}): CheckResult {
  const { userId, moduleId, checkId, optionId } = input;
  if (!optionId) throw new InputError({ optionId: "track.errors.chooseOption" });
  const grade = gradeAnswer(input.checks, checkId, optionId);
  if (!grade.ok) {
    throw grade.problem === "unknown_check"
      ? new InputError({ checkId: "track.errors.unknownCheck" })
      : new InputError({ optionId: "track.errors.unknownOption" });
  }
  try {
    return getDb().transaction((tx) => {
      const passed = new Set(
        tx
          .select({ checkId: checkAnswers.checkId })
          .from(checkAnswers)
          .where(and(eq(checkAnswers.userId, userId), eq(checkAnswers.moduleId, moduleId), eq(checkAnswers.correct, true)))
          .all()
          .map((row) => row.checkId),
      );
      if (passed.has(checkId)) throw new InputError({ checkId: "track.errors.alreadyPassed" }, 409);
      tx.insert(checkAnswers).values({ userId, moduleId, checkId, optionId, correct: grade.correct }).run();
      touchProgress(tx, userId, moduleId, null);
      let moduleCompleted = false;
      if (grade.correct) {
        passed.add(checkId);
        const progress = tx
          .select({ status: moduleProgress.status })
          .from(moduleProgress)
          .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, moduleId)))
          .get();
        if (allChecksPassed(input.checks, passed) && progress?.status !== "completed") {
          const now = new Date();
          tx.update(moduleProgress)
            .set({ status: "completed", completedVersion: input.version, completedAt: now, updatedAt: now })
            .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, moduleId)))
            .run();
          recordAudit(tx, {
            actorId: userId,
            action: "module.completed",
            subjectType: "module",
            subjectId: moduleId,
            fromState: "in_progress",
            toState: "completed",
            data: { userId, version: input.version },
          });
          moduleCompleted = true;
        } else moduleCompleted = progress?.status === "completed";
      }
      return { correct: grade.correct, explanation: grade.explanation, moduleCompleted };
    });
  } catch (error) {
    // Another request passed the same check between our read and our insert.
    if (isUniqueViolation(error)) throw new InputError({ checkId: "track.errors.alreadyPassed" }, 409);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

export type ReflectionDef = { id: string; review: boolean };

/**
 * Saves (or replaces) a learner's reflection. One that a trainer reviews goes (back) to pending;
 * an earlier comment stays visible until the trainer reviews the new text.
 */
export function saveReflection(input: { userId: string; moduleId: string; reflections: readonly ReflectionDef[]; reflectionId: string; text: string }): {
  reviewStatus: ReviewStatus;
} {
  const def = input.reflections.find((r) => r.id === input.reflectionId);
  if (!def) throw new InputError({ reflectionId: "track.errors.unknownReflection" });
  // Browsers send line breaks as CRLF; count them as the textarea does, one character each.
  const text = input.text.replace(/\r\n?/g, "\n").trim();
  if (!text) throw new InputError({ text: "errors.required" });
  if (text.length > REFLECTION_MAX_CHARS) throw new InputError({ text: "track.errors.reflectionTooLong" });
  const reviewStatus: ReviewStatus = def.review ? "pending" : "none";
  const now = new Date();
  getDb().transaction((tx) => {
    tx.insert(reflections)
      .values({ userId: input.userId, moduleId: input.moduleId, reflectionId: def.id, text, reviewStatus, updatedAt: now })
      .onConflictDoUpdate({ target: [reflections.userId, reflections.moduleId, reflections.reflectionId], set: { text, reviewStatus, updatedAt: now } })
      .run();
    touchProgress(tx, input.userId, input.moduleId, null);
  });
  return { reviewStatus };
}

/**
 * The learner reviewed a module that changed significantly after they completed it (app/domain/track.ts
 * `needsReview`). They complete it again: every current check must be passed (a check the change added
 * included), and their completion moves to the current version, which clears the marker. The
 * completion itself was never lost.
 */
export function completeReview(input: { userId: string; moduleId: string; version: number; checks: readonly { id: string }[] }): void {
  const { userId, moduleId } = input;
  getDb().transaction((tx) => {
    const progress = tx
      .select({ status: moduleProgress.status, completedVersion: moduleProgress.completedVersion })
      .from(moduleProgress)
      .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, moduleId)))
      .get();
    if (progress?.status !== "completed") throw new InputError({ form: "studio.learner.errors.notCompleted" }, 409);
    const passed = new Set(
      tx
        .select({ checkId: checkAnswers.checkId })
        .from(checkAnswers)
        .where(and(eq(checkAnswers.userId, userId), eq(checkAnswers.moduleId, moduleId), eq(checkAnswers.correct, true)))
        .all()
        .map((row) => row.checkId),
    );
    if (!allChecksPassed(input.checks, passed)) throw new InputError({ form: "studio.learner.errors.checksFirst" });
    if ((progress.completedVersion ?? 0) >= input.version) return;
    tx.update(moduleProgress)
      .set({ completedVersion: input.version, updatedAt: new Date() })
      .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, moduleId)))
      .run();
    recordAudit(tx, {
      actorId: userId,
      action: "module.reviewed",
      subjectType: "module",
      subjectId: moduleId,
      fromState: `v${progress.completedVersion ?? 0}`,
      toState: `v${input.version}`,
      data: { userId, version: input.version },
    });
  });
}
