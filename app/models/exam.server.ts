/**
 * Exam attempts: starting one (draw fixed at start), saving each answer as it is given, grading on
 * submission or once the time limit has passed, and the views the pages need. The answer key and the
 * explanations stay here until an attempt is graded.
 */
import { randomInt } from "node:crypto";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { examAnswers, examAttempts, type Locale } from "../../db/schema";
import { loadContentLibrary } from "~/content/library.server";
import type { ExamBank, ExamItem } from "~/content/schemas";
import { isTrackComplete } from "~/domain/eligibility";
import { attemptAllowance, drawExam, gradeExam, isWellFormedAnswer, type AttemptRules, type DrawnItem } from "~/domain/exam";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { recordAudit } from "./audit.server";
import { preparedQuery } from "./prepared.server";
import { getSettings, type SettingValue } from "./settings.server";
import { loadLearnerTrack } from "./track.server";

export type ExamFeedback = SettingValue<"exam.feedback">;

export type ExamSettings = AttemptRules & { itemsPerAttempt: number; passMark: number; timeLimitMinutes: number; validityMonths: number };

export function examSettings(): ExamSettings {
  const s = getSettings();
  return {
    itemsPerAttempt: s["exam.itemsPerAttempt"],
    passMark: s["exam.passMark"],
    maxAttempts: s["exam.maxAttempts"],
    windowDays: s["exam.attemptWindowDays"],
    cooldownHours: s["exam.cooldownHours"],
    timeLimitMinutes: s["exam.timeLimitMinutes"],
    validityMonths: s["exam.validityMonths"],
    requiresTrackComplete: s["exam.requiresTrackComplete"],
  };
}

/**
 * Whether the person's track is complete (the eligibility's definition), asked only when the
 * setting `exam.requiresTrackComplete` makes it matter.
 */
async function trackFacts(userId: string, settings: ExamSettings): Promise<{ trackComplete?: boolean }> {
  if (!settings.requiresTrackComplete) return {};
  const state = await loadLearnerTrack(userId, "fr");
  const totals = state.placed ? state.learner?.track.totals : undefined;
  return { trackComplete: isTrackComplete(state.placed, totals ? { total: totals.available, completed: totals.completed } : null) };
}

/**
 * The bank as the exam pages use it, built once per bank (a new library has a new bank): items by id,
 * and each item's texts per language, so that a page's items are looked up rather than rebuilt.
 */
type CompiledBank = { bank: ExamBank; byId: Map<string, ExamItem>; texts: Record<Locale, Map<string, ItemTexts>> };
type ItemTexts = Omit<ItemView, "options"> & { options: Map<string, string> };
const compiledBanks = new WeakMap<ExamBank, CompiledBank>();

function compileBank(bank: ExamBank): CompiledBank {
  let compiled = compiledBanks.get(bank);
  if (!compiled) {
    const texts = (locale: Locale) =>
      new Map(
        bank.items.map((item): [string, ItemTexts] => [
          item.id,
          {
            id: item.id,
            type: item.type,
            category: item.category,
            scenario: item.scenario?.[locale] ?? null,
            post: item.post?.[locale] ?? null,
            question: item.question[locale],
            options: new Map(item.options.map((o) => [o.id, o.text[locale]])),
          },
        ]),
      );
    compiled = { bank, byId: new Map(bank.items.map((item) => [item.id, item])), texts: { fr: texts("fr"), en: texts("en") } };
    compiledBanks.set(bank, compiled);
  }
  return compiled;
}

async function examBank(): Promise<CompiledBank> {
  const bank = (await loadContentLibrary()).exam;
  if (!bank) throw new InputError({ form: "accreditation.exam.unavailable" }, 503);
  return compileBank(bank);
}

type AttemptRow = typeof examAttempts.$inferSelect;

// The reads every exam request makes, compiled once per connection (see preparedQuery). They run on the
// one connection, so inside a transaction too.
const attemptsQuery = preparedQuery((db) =>
  db
    .select({
      id: examAttempts.id,
      status: examAttempts.status,
      startedAt: examAttempts.startedAt,
      gradedAt: examAttempts.gradedAt,
      deadline: examAttempts.deadline,
      score: examAttempts.score,
      passed: examAttempts.passed,
      passMark: examAttempts.passMark,
    })
    .from(examAttempts)
    .where(eq(examAttempts.userId, sql.placeholder("userId")))
    .orderBy(desc(examAttempts.startedAt))
    .prepare(),
);
const attemptQuery = preparedQuery((db) =>
  db
    .select()
    .from(examAttempts)
    .where(eq(examAttempts.id, sql.placeholder("id")))
    .prepare(),
);
const answersQuery = preparedQuery((db) =>
  db
    .select({ itemId: examAnswers.itemId, optionIds: examAnswers.optionIds })
    .from(examAnswers)
    .where(eq(examAnswers.attemptId, sql.placeholder("attemptId")))
    .prepare(),
);
/** Attempts in progress past their deadline (placeholder `now` in milliseconds, the column's unit). */
const overdueQuery = preparedQuery((db) =>
  db
    .select()
    .from(examAttempts)
    .where(and(eq(examAttempts.userId, sql.placeholder("userId")), eq(examAttempts.status, "in_progress"), lt(examAttempts.deadline, sql.placeholder("now"))))
    .prepare(),
);

/** One answer written, or replaced (the last choice wins). */
const upsertAnswerQuery = preparedQuery((db) =>
  db
    .insert(examAnswers)
    .values({
      attemptId: sql.placeholder("attemptId"),
      itemId: sql.placeholder("itemId"),
      optionIds: sql.placeholder("optionIds"),
      answeredAt: sql.placeholder("answeredAt"),
    })
    .onConflictDoUpdate({
      target: [examAnswers.attemptId, examAnswers.itemId],
      set: { optionIds: sql`excluded.option_ids`, answeredAt: sql`excluded.answered_at` },
    })
    .prepare(),
);

function attemptsOf(userId: string) {
  return attemptsQuery().all({ userId });
}

export type GradedAttempt = { id: string; startedAt: Date; gradedAt: Date | null; score: number | null; passed: boolean | null; passMark: number };

function graded(attempts: ReturnType<typeof attemptsOf>): GradedAttempt[] {
  return attempts
    .filter((a) => a.status === "graded")
    .map(({ id, startedAt, gradedAt, score, passed, passMark }) => ({ id, startedAt, gradedAt, score, passed, passMark }));
}

/** A person's finished attempts, newest first, read only (staff views: the score and the result, never the answers). */
export function gradedAttempts(userId: string): GradedAttempt[] {
  return graded(attemptsOf(userId));
}

// ---------------------------------------------------------------------------------------------
// Grading
// ---------------------------------------------------------------------------------------------

function gradeInTx(tx: Tx, attempt: AttemptRow, { byId }: CompiledBank, now: Date, actorId: string | null) {
  const answers = answersQuery().all({ attemptId: attempt.id });
  const result = gradeExam(byId, attempt.items, new Map(answers.map((a) => [a.itemId, a.optionIds])), attempt.passMark);
  // Graded at the deadline when it passed: an attempt closed late still counts from when it ended.
  const gradedAt = attempt.deadline && attempt.deadline.getTime() < now.getTime() ? attempt.deadline : now;
  const updated = tx
    .update(examAttempts)
    .set({ status: "graded", gradedAt, score: result.score, passed: result.passed, categoryScores: result.categoryScores })
    .where(and(eq(examAttempts.id, attempt.id), eq(examAttempts.status, "in_progress")))
    .run();
  if (updated.changes !== 1) return;
  recordAudit(tx, {
    actorId,
    action: "exam.graded",
    subjectType: "exam_attempt",
    subjectId: attempt.id,
    fromState: "in_progress",
    toState: result.passed ? "passed" : "failed",
    data: { userId: attempt.userId, score: result.score, passMark: attempt.passMark },
  });
}

/** Closes and grades a person's attempts whose time limit has passed. Called on every access. */
export async function closeOverdueAttempts(userId: string, now = new Date()): Promise<number> {
  const overdue = overdueQuery().all({ userId, now: now.getTime() });
  if (overdue.length === 0) return 0;
  const bank = await examBank();
  getDb().transaction((tx) => {
    for (const attempt of overdue) gradeInTx(tx, attempt, bank, now, null);
  });
  return overdue.length;
}

// ---------------------------------------------------------------------------------------------
// Overview and starting
// ---------------------------------------------------------------------------------------------

export type ExamOverview = {
  settings: ExamSettings;
  allowance: ReturnType<typeof attemptAllowance>;
  inProgress: { id: string; deadline: Date | null } | null;
  history: GradedAttempt[];
  available: boolean;
};

export async function examOverview(userId: string, now = new Date()): Promise<ExamOverview> {
  await closeOverdueAttempts(userId, now);
  const settings = examSettings();
  const attempts = attemptsOf(userId);
  const open = attempts.find((a) => a.status === "in_progress");
  return {
    settings,
    allowance: attemptAllowance(
      attempts.map((a) => ({ startedAt: a.startedAt, endedAt: a.gradedAt })),
      now,
      settings,
      await trackFacts(userId, settings),
    ),
    inProgress: open ? { id: open.id, deadline: open.deadline } : null,
    history: graded(attempts),
    available: (await loadContentLibrary()).exam !== null,
  };
}

/**
 * When the exam is closed for a while after an attempt (the cooldown, the attempt limit): until when.
 * Null when it is open, in progress, or closed for another reason (the track). For the road's next step.
 */
export function examLockedUntil(userId: string, now = new Date()): Date | null {
  const allowance = attemptAllowance(
    attemptsOf(userId).map((a) => ({ startedAt: a.startedAt, endedAt: a.gradedAt })),
    now,
    examSettings(),
  );
  return !allowance.ok && (allowance.reason === "cooldown" || allowance.reason === "maxAttempts") ? allowance.until : null;
}

/**
 * Starts an attempt: refused during the cooldown, beyond the attempt limit, or while one is in
 * progress (409 with the date from which it is possible). The draw is stored with the attempt.
 *
 * `id` is the attempt's id when the page chose it (the Start form posts to `/exam/<id>`, ADR 0032): the
 * start is then idempotent. The same person starting the same id again (a double click, a resent form)
 * gets that attempt back and nothing is written; an id that is another person's attempt is a 404. The check
 * and the insert are in one write transaction, so two requests with one id make one attempt.
 */
export async function startAttempt(userId: string, now = new Date(), seed = randomInt(0, 2 ** 31 - 1), id: string = newId()): Promise<string> {
  await closeOverdueAttempts(userId, now);
  const { bank } = await examBank();
  const settings = examSettings();
  const drawn = drawExam(bank.items, settings.itemsPerAttempt, seed);
  const track = await trackFacts(userId, settings);
  getDb().transaction((tx) => {
    const existing = attemptQuery().get({ id });
    if (existing) {
      if (existing.userId !== userId) throw new InputError({ form: "accreditation.exam.notFound" }, 404);
      return;
    }
    const attempts = attemptsOf(userId);
    const allowance = attemptAllowance(
      attempts.map((a) => ({ startedAt: a.startedAt, endedAt: a.gradedAt })),
      now,
      settings,
      track,
    );
    if (!allowance.ok) throw new AttemptRefused(allowance.reason, allowance.until, attempts.find((a) => a.status === "in_progress")?.id ?? null);
    tx.insert(examAttempts)
      .values({
        id,
        userId,
        seed,
        items: drawn,
        startedAt: now,
        deadline: settings.timeLimitMinutes > 0 ? new Date(now.getTime() + settings.timeLimitMinutes * 60_000) : null,
        passMark: settings.passMark,
      })
      .run();
    recordAudit(tx, {
      actorId: userId,
      action: "exam.started",
      subjectType: "exam_attempt",
      subjectId: id,
      toState: "in_progress",
      data: { userId, items: drawn.length },
    });
  });
  return id;
}

/** Why an attempt cannot start; `until` is when it can (null: finish the one in progress). */
export class AttemptRefused extends InputError {
  constructor(
    public readonly reason: "inProgress" | "trackIncomplete" | "cooldown" | "maxAttempts",
    public readonly until: Date | null,
    /** The attempt in progress, when that is the reason. */
    public readonly inProgressId: string | null = null,
  ) {
    super({ form: `accreditation.exam.refused.${reason}` }, 409);
  }
}

// ---------------------------------------------------------------------------------------------
// Taking
// ---------------------------------------------------------------------------------------------

function ownAttempt(userId: string, attemptId: string): AttemptRow | null {
  const attempt = attemptQuery().get({ id: attemptId });
  return attempt && attempt.userId === userId ? attempt : null;
}

export type ItemView = {
  id: string;
  type: ExamItem["type"];
  category: ExamItem["category"];
  scenario: string | null;
  post: string | null;
  question: string;
  options: { id: string; text: string }[];
};

/** An item as the learner sees it: one language, the drawn option order, no key, no explanation. */
function itemView(item: ItemTexts, drawn: DrawnItem): ItemView {
  const { options, ...rest } = item;
  return { ...rest, options: drawn.options.filter((id) => options.has(id)).map((id) => ({ id, text: options.get(id)! })) };
}

export type AttemptView =
  | { status: "in_progress"; id: string; startedAt: Date; deadline: Date | null; items: ItemView[]; answers: Record<string, string[]> }
  | {
      status: "graded";
      id: string;
      startedAt: Date;
      gradedAt: Date;
      score: number;
      passed: boolean;
      passMark: number;
      /** What the admin lets a finished attempt show (setting `exam.feedback`). */
      feedback: ExamFeedback;
      /** Empty unless the feedback includes the result per topic. */
      categoryScores: Record<string, { correct: number; total: number }>;
      /**
       * Empty unless the feedback includes the missed questions. Never the right option: the person may
       * take the exam again, and one blank attempt would otherwise reveal the key of every item drawn.
       */
      missed: (ItemView & { chosen: string[]; explanation: string })[];
      total: number;
    };

/** The attempt for its owner: to take (no key) or, once graded, its result. Null when not theirs. */
export async function getAttempt(userId: string, attemptId: string, locale: Locale, now = new Date()): Promise<AttemptView | null> {
  await closeOverdueAttempts(userId, now);
  const attempt = ownAttempt(userId, attemptId);
  if (!attempt) return null;
  const { byId, texts } = await examBank();
  const answers = answersQuery().all({ attemptId: attempt.id });
  const answerMap = Object.fromEntries(answers.map((a) => [a.itemId, a.optionIds]));
  const present = attempt.items.filter((d) => byId.has(d.id));
  if (attempt.status === "in_progress") {
    return {
      status: "in_progress",
      id: attempt.id,
      startedAt: attempt.startedAt,
      deadline: attempt.deadline,
      items: present.map((d) => itemView(texts[locale].get(d.id)!, d)),
      answers: answerMap,
    };
  }
  const result = gradeExam(byId, attempt.items, new Map(Object.entries(answerMap)), attempt.passMark);
  const feedback = getSettings()["exam.feedback"];
  return {
    status: "graded",
    feedback,
    id: attempt.id,
    startedAt: attempt.startedAt,
    gradedAt: attempt.gradedAt ?? attempt.startedAt,
    score: attempt.score ?? result.score,
    passed: attempt.passed ?? result.passed,
    passMark: attempt.passMark,
    categoryScores: feedback === "score" ? {} : (attempt.categoryScores ?? result.categoryScores),
    total: attempt.items.length,
    missed: (feedback === "missed" ? result.missed : [])
      .map((id) => ({ id, item: byId.get(id), drawn: attempt.items.find((d) => d.id === id)! }))
      .filter((m): m is { id: string; item: ExamItem; drawn: DrawnItem } => m.item !== undefined)
      .map(({ id, item, drawn }) => ({
        ...itemView(texts[locale].get(id)!, drawn),
        chosen: answerMap[id] ?? [],
        explanation: item.explanation[locale],
      })),
  };
}

/**
 * Saves (or replaces) one answer. Refused, with nothing written: an attempt that is not the person's
 * (404), an item not drawn in this attempt or an unknown option (400), a graded attempt or an answer
 * after the time limit (409).
 */
export async function saveAnswer(userId: string, attemptId: string, itemId: string, optionIds: readonly string[], now = new Date()): Promise<void> {
  await saveAnswers(userId, attemptId, { [itemId]: optionIds }, now);
}

/** Saves several answers (a page of items) in one transaction: all of them, or none when one is refused. */
export async function saveAnswers(userId: string, attemptId: string, answers: Readonly<Record<string, readonly string[]>>, now = new Date()): Promise<void> {
  const { byId } = await examBank();
  getDb().transaction(() => {
    const attempt = ownAttempt(userId, attemptId);
    if (!attempt) throw new InputError({ form: "accreditation.exam.notFound" }, 404);
    if (attempt.status !== "in_progress") throw new InputError({ form: "accreditation.exam.closed" }, 409);
    if (attempt.deadline && attempt.deadline.getTime() <= now.getTime()) throw new InputError({ form: "accreditation.exam.timeUp" }, 409);
    for (const [itemId, optionIds] of Object.entries(answers)) {
      const drawn = attempt.items.find((d) => d.id === itemId);
      const item = byId.get(itemId);
      if (!drawn || !item) throw new InputError({ itemId: "accreditation.exam.notInAttempt" });
      if (!isWellFormedAnswer(item, drawn.options, optionIds))
        throw new InputError({ [`item:${itemId}`]: optionIds.length === 0 ? "accreditation.exam.answerRequired" : "accreditation.exam.badAnswer" });
      upsertAnswerQuery().run({ attemptId, itemId, optionIds: [...optionIds], answeredAt: now });
    }
  });
}

/** Removes one answer (every box of a multiple-answer item unticked), under the same refusals as `saveAnswer`. */
export async function clearAnswer(userId: string, attemptId: string, itemId: string, now = new Date()): Promise<void> {
  getDb().transaction((tx) => {
    const attempt = ownAttempt(userId, attemptId);
    if (!attempt) throw new InputError({ form: "accreditation.exam.notFound" }, 404);
    if (attempt.status !== "in_progress") throw new InputError({ form: "accreditation.exam.closed" }, 409);
    if (attempt.deadline && attempt.deadline.getTime() <= now.getTime()) throw new InputError({ form: "accreditation.exam.timeUp" }, 409);
    if (!attempt.items.some((d) => d.id === itemId)) throw new InputError({ itemId: "accreditation.exam.notInAttempt" });
    tx.delete(examAnswers)
      .where(and(eq(examAnswers.attemptId, attemptId), eq(examAnswers.itemId, itemId)))
      .run();
  });
}

/** Ends the attempt and grades it. Unanswered items count as wrong. */
export async function submitAttempt(userId: string, attemptId: string, now = new Date()): Promise<void> {
  const bank = await examBank();
  getDb().transaction((tx) => {
    const attempt = ownAttempt(userId, attemptId);
    if (!attempt) throw new InputError({ form: "accreditation.exam.notFound" }, 404);
    if (attempt.status !== "in_progress") throw new InputError({ form: "accreditation.exam.closed" }, 409);
    gradeInTx(tx, attempt, bank, now, userId);
  });
}

// ---------------------------------------------------------------------------------------------
// For eligibility and evidence
// ---------------------------------------------------------------------------------------------

export type PassedAttempt = { id: string; gradedAt: Date; score: number };

/** Each person's most recent passed attempt (one query). */
export function latestPasses(userIds: readonly string[]): Map<string, PassedAttempt> {
  if (userIds.length === 0) return new Map();
  const rows = getDb()
    .select({ userId: examAttempts.userId, id: examAttempts.id, gradedAt: examAttempts.gradedAt, score: examAttempts.score })
    .from(examAttempts)
    .where(and(inArray(examAttempts.userId, [...userIds]), eq(examAttempts.passed, true)))
    .orderBy(asc(examAttempts.gradedAt))
    .all();
  const out = new Map<string, PassedAttempt>();
  for (const r of rows) if (r.gradedAt && r.score !== null) out.set(r.userId, { id: r.id, gradedAt: r.gradedAt, score: r.score });
  return out;
}
