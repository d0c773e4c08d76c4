/**
 * The diagnostic questionnaire as a flow, pure: is one answer acceptable, how far along is a run, and
 * which page comes next. Scoring and levels are in ./placement.ts; retake rules in ./retake.ts.
 */
import type { Answers, PlacementQuestionnaire } from "./placement";

export type AnswerProblem =
  /** The questionnaire has no such question. */
  | "unknown_question"
  /** The question has no such option. */
  | "unknown_option"
  /** No option chosen. */
  | "required"
  /** More than one option for a single question. */
  | "single"
  /** The same option twice. */
  | "duplicate"
  /** An exclusive option ("none of these") combined with others. */
  | "exclusive";

export type AnswerCheck = { ok: true; optionIds: string[] } | { ok: false; problem: AnswerProblem };

/**
 * Checks one answer against the questionnaire. On success the option ids come back in the
 * questionnaire's order, so that a stored answer does not depend on the order the form sent them in.
 */
export function checkAnswer(questionnaire: PlacementQuestionnaire, questionId: string, optionIds: readonly string[]): AnswerCheck {
  const question = questionnaire.questions.find((q) => q.id === questionId);
  if (!question) return { ok: false, problem: "unknown_question" };
  if (optionIds.some((id) => !question.options.some((o) => o.id === id))) return { ok: false, problem: "unknown_option" };
  if (optionIds.length === 0) return { ok: false, problem: "required" };
  if (new Set(optionIds).size !== optionIds.length) return { ok: false, problem: "duplicate" };
  if (question.kind === "single" && optionIds.length !== 1) return { ok: false, problem: "single" };
  const chosen = question.options.filter((o) => optionIds.includes(o.id));
  if (chosen.length > 1 && chosen.some((o) => o.exclusive)) return { ok: false, problem: "exclusive" };
  return { ok: true, optionIds: chosen.map((o) => o.id) };
}

/**
 * The saved answers that still fit the questionnaire. A stored answer whose question or option has
 * since been removed (the file changed during a run) is dropped: that question counts as unanswered.
 */
export function usableAnswers(questionnaire: PlacementQuestionnaire, saved: Readonly<Record<string, readonly string[]>>): Answers {
  const out: Record<string, string[]> = {};
  for (const question of questionnaire.questions) {
    const optionIds = Object.hasOwn(saved, question.id) ? saved[question.id] : undefined;
    if (!optionIds) continue;
    const check = checkAnswer(questionnaire, question.id, optionIds);
    if (check.ok) out[question.id] = check.optionIds;
  }
  return out;
}

export type DiagnosticProgress = {
  total: number;
  answered: number;
  /** 1-based number of the first question without a usable answer; null when all are answered. */
  firstUnanswered: number | null;
};

export function diagnosticProgress(questionnaire: PlacementQuestionnaire, answers: Answers): DiagnosticProgress {
  const total = questionnaire.questions.length;
  let answered = 0;
  let firstUnanswered: number | null = null;
  questionnaire.questions.forEach((question, index) => {
    if (Object.hasOwn(answers, question.id)) answered++;
    else firstUnanswered ??= index + 1;
  });
  return { total, answered, firstUnanswered };
}

/** Where a person resumes: the first unanswered question, or the review page when all are answered. */
export function resumeStep(progress: DiagnosticProgress): number | "review" {
  return progress.firstUnanswered ?? "review";
}

/**
 * The page after question `step` has been answered. Coming from the review page, back to it once
 * everything is answered; otherwise the next question in order; after the last one, the review
 * page, or the first question still unanswered.
 */
export function stepAfter(progress: DiagnosticProgress, step: number, fromReview: boolean): number | "review" {
  if (fromReview && progress.firstUnanswered === null) return "review";
  if (step < progress.total) return step + 1;
  return resumeStep(progress);
}
