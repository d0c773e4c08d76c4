/**
 * Runs of the diagnostic questionnaire: started once, answered one question at a time (so a closed
 * tab resumes where it was), finished once into a placement. The rules are pure functions in
 * app/domain/diagnostic.ts (answers, progress), app/domain/retake.ts (who may take it) and
 * app/domain/placement.ts (scores and level).
 */
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { diagnosticAnswers, diagnosticRuns, placements, type Locale } from "../../db/schema";
import type { Questionnaire } from "~/content/diagnostic-schema";
import { loadContentLibrary } from "~/content/library.server";
import { checkAnswer, diagnosticProgress, usableAnswers, type AnswerProblem, type DiagnosticProgress } from "~/domain/diagnostic";
import { placeLevel, scoreAnswers, type Answers, type Level } from "~/domain/placement";
import { mayTakeDiagnostic, retakeStatus } from "~/domain/retake";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { replaceCurrentPlacement } from "./placement.server";
import { getSetting } from "./settings.server";

/** The questionnaire from the content library, or null when its file is invalid (see content:check). */
export async function loadQuestionnaire(): Promise<Questionnaire | null> {
  return (await loadContentLibrary()).questionnaire;
}

const hashes = new WeakMap<Questionnaire, string>();

/** A short hash of the questionnaire's content, stored with each run. */
export function questionnaireHash(questionnaire: Questionnaire): string {
  let hash = hashes.get(questionnaire);
  if (!hash) {
    hash = createHash("sha256").update(JSON.stringify(questionnaire)).digest("hex").slice(0, 16);
    hashes.set(questionnaire, hash);
  }
  return hash;
}

/** i18n key of the message for each way an answer can be wrong. */
export const ANSWER_PROBLEM_KEYS: Record<AnswerProblem, string> = {
  unknown_question: "diagnostic.errors.unknownQuestion",
  unknown_option: "diagnostic.errors.unknownOption",
  required: "diagnostic.errors.answerRequired",
  single: "diagnostic.errors.oneOption",
  duplicate: "diagnostic.errors.duplicateOption",
  exclusive: "diagnostic.errors.exclusiveOption",
};

export type OpenRun = {
  id: string;
  startedAt: Date;
  /** Usable answers only: an answer the current questionnaire no longer accepts is left out. */
  answers: Answers;
  progress: DiagnosticProgress;
};

function runAnswers(tx: Pick<Tx, "select">, runId: string): Record<string, string[]> {
  const rows = tx
    .select({ questionId: diagnosticAnswers.questionId, optionIds: diagnosticAnswers.optionIds })
    .from(diagnosticAnswers)
    .where(eq(diagnosticAnswers.runId, runId))
    .all();
  return Object.fromEntries(rows.map((r) => [r.questionId, r.optionIds]));
}

function openRunRow(tx: Pick<Tx, "select">, userId: string) {
  return tx
    .select({ id: diagnosticRuns.id, startedAt: diagnosticRuns.startedAt })
    .from(diagnosticRuns)
    .where(and(eq(diagnosticRuns.userId, userId), eq(diagnosticRuns.status, "in_progress")))
    .orderBy(desc(diagnosticRuns.startedAt))
    .get();
}

/** The person's run in progress with its answers, or null. */
export function getOpenRun(userId: string, questionnaire: Questionnaire): OpenRun | null {
  const db = getDb();
  const run = openRunRow(db, userId);
  if (!run) return null;
  const answers = usableAnswers(questionnaire, runAnswers(db, run.id));
  return { ...run, answers, progress: diagnosticProgress(questionnaire, answers) };
}

function assertMayTake(tx: Pick<Tx, "select">, userId: string, now: Date) {
  const current = tx
    .select({ createdAt: placements.createdAt, retakeAllowed: placements.retakeAllowed })
    .from(placements)
    .where(and(eq(placements.userId, userId), eq(placements.isCurrent, true)))
    .get();
  const status = retakeStatus(current ?? null, getSetting("diagnostic.retakeWaitDays"), now);
  if (!mayTakeDiagnostic(status)) throw new InputError({ form: "diagnostic.errors.retakeTooSoon" }, 409);
}

/**
 * Starts a run, or returns the one already in progress (a double click starts one run). Refused with
 * a 409 while the waiting period after the current placement runs, unless a trainer reset it.
 */
export function startRun(userId: string, questionnaire: Questionnaire, now: Date = new Date()): string {
  return getDb().transaction((tx) => {
    const open = openRunRow(tx, userId);
    if (open) return open.id;
    assertMayTake(tx, userId, now);
    const id = newId();
    tx.insert(diagnosticRuns)
      .values({ id, userId, questionnaireHash: questionnaireHash(questionnaire), status: "in_progress", startedAt: now })
      .run();
    return id;
  });
}

/** The run a form refers to must be the person's, and still in progress. */
function assertOpenRun(tx: Pick<Tx, "select">, userId: string, runId: string) {
  const run = tx
    .select({ status: diagnosticRuns.status })
    .from(diagnosticRuns)
    .where(and(eq(diagnosticRuns.id, runId), eq(diagnosticRuns.userId, userId)))
    .get();
  if (!run) throw new InputError({ form: "diagnostic.errors.noRun" }, 404);
  if (run.status !== "in_progress") throw new InputError({ form: "diagnostic.errors.finished" }, 409);
}

/** Saves (or replaces) the answer to one question of the person's run in progress. */
export function saveAnswer(
  userId: string,
  runId: string,
  questionnaire: Questionnaire,
  questionId: string,
  optionIds: readonly string[],
  now: Date = new Date(),
): OpenRun {
  return getDb().transaction((tx) => {
    assertOpenRun(tx, userId, runId);
    const check = checkAnswer(questionnaire, questionId, optionIds);
    if (!check.ok) {
      const field = check.problem === "unknown_question" ? "form" : "options";
      throw new InputError({ [field]: ANSWER_PROBLEM_KEYS[check.problem] });
    }
    tx.insert(diagnosticAnswers)
      .values({ runId, questionId, optionIds: check.optionIds, answeredAt: now })
      .onConflictDoUpdate({ target: [diagnosticAnswers.runId, diagnosticAnswers.questionId], set: { optionIds: check.optionIds, answeredAt: now } })
      .run();
    const answers = usableAnswers(questionnaire, runAnswers(tx, runId));
    const run = openRunRow(tx, userId)!;
    return { ...run, answers, progress: diagnosticProgress(questionnaire, answers) };
  });
}

/**
 * Finishes the run: scores the answers, places the person and keeps the previous placement in the
 * history, all in one transaction with its audit row. A second finish of the same run (double
 * submit) is refused with a 409 and creates nothing.
 */
export function finishRun(userId: string, runId: string, questionnaire: Questionnaire, now: Date = new Date()): { placementId: string; level: Level } {
  return getDb().transaction((tx) => {
    assertOpenRun(tx, userId, runId);
    const answers = usableAnswers(questionnaire, runAnswers(tx, runId));
    if (diagnosticProgress(questionnaire, answers).firstUnanswered !== null) throw new InputError({ form: "diagnostic.errors.incomplete" }, 409);
    // A placement made while the run was open (an override) restarts the waiting period.
    assertMayTake(tx, userId, now);
    const scores = scoreAnswers(questionnaire, answers);
    const placement = placeLevel(scores);
    tx.update(diagnosticRuns).set({ status: "completed", completedAt: now }).where(eq(diagnosticRuns.id, runId)).run();
    const { id } = replaceCurrentPlacement(
      tx,
      userId,
      { userId, level: placement.level, source: "questionnaire", runId, scores, facts: placement.facts, questionnaireVersion: questionnaire.version },
      now,
    );
    return { placementId: id, level: placement.level };
  });
}

// ---------------------------------------------------------------------------------------------
// For the pages
// ---------------------------------------------------------------------------------------------

/** The questionnaire, or a 503 page when its content file is invalid (content:check says why). */
export async function requireQuestionnaire(): Promise<Questionnaire> {
  const questionnaire = await loadQuestionnaire();
  if (!questionnaire) throw new Response("The diagnostic questionnaire is unavailable.", { status: 503 });
  return questionnaire;
}

export function diagnosticPath(step: number | "review"): string {
  return `/diagnostic/${step}`;
}

export type LocalizedQuestion = {
  id: string;
  kind: "single" | "multiple";
  prompt: string;
  help: string | null;
  options: { id: string; label: string; exclusive: boolean }[];
};

export function localizeQuestion(question: Questionnaire["questions"][number], locale: Locale): LocalizedQuestion {
  return {
    id: question.id,
    kind: question.kind,
    prompt: question.prompt[locale],
    help: question.help?.[locale] ?? null,
    options: question.options.map((o) => ({ id: o.id, label: o.label[locale], exclusive: o.exclusive ?? false })),
  };
}

/** Prompts and option labels in one language, to show stored answers. */
export function questionLabels(questionnaire: Questionnaire, locale: Locale): { id: string; prompt: string; options: Record<string, string> }[] {
  return questionnaire.questions.map((q) => ({
    id: q.id,
    prompt: q.prompt[locale],
    options: Object.fromEntries(q.options.map((o) => [o.id, o.label[locale]])),
  }));
}
