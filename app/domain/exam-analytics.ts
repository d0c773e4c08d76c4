/**
 * Item analysis of the exam bank, pure: for each item, the share of right answers (difficulty), how
 * well it separates those who passed from those who failed (discrimination: the difference of the
 * two groups' shares, and the point-biserial correlation with the attempt's score), how often each
 * option is chosen, and flags for a trainer: too easy, too hard, misleading. Fed by grouped counts
 * (app/models/exam-analytics.server.ts), never by individual answers.
 */
import { isAnswerCorrect, type BankItem } from "./exam";

/** Below this many answers an item is not flagged: the figures would say more about chance than about the item. */
export const MIN_ANSWERS_TO_FLAG = 10;
export const TOO_EASY = 0.9;
export const TOO_HARD = 0.3;

/** One group of answers to an item: the same option set (empty: left unanswered), in attempts that passed or failed. */
export type AnswerGroup = { itemId: string; optionIds: readonly string[]; passed: boolean; count: number; scoreSum: number; scoreSquares: number };

export type ItemFlag = "tooEasy" | "tooHard" | "misleading";

export type ItemStats = {
  itemId: string;
  answers: number;
  correct: number;
  /** Share of right answers, 0–1 (null without answers). */
  shareCorrect: number | null;
  /** Share right among attempts that passed minus among attempts that failed (null when either group is empty). */
  discrimination: number | null;
  /** Point-biserial correlation between answering right and the attempt's score (null when undefined). */
  pointBiserial: number | null;
  options: { optionId: string; correct: boolean; chosen: number; share: number | null }[];
  unanswered: number;
  flags: ItemFlag[];
};

export function itemStats(item: BankItem, groups: readonly AnswerGroup[]): ItemStats {
  let answers = 0;
  let correct = 0;
  let unanswered = 0;
  const byPass = { passed: { n: 0, right: 0 }, failed: { n: 0, right: 0 } };
  const score = { right: { n: 0, sum: 0 }, wrong: { n: 0, sum: 0 }, sum: 0, squares: 0 };
  const chosen = new Map(item.options.map((o) => [o.id, 0]));
  for (const g of groups) {
    if (g.itemId !== item.id || g.count === 0) continue;
    const right = g.optionIds.length > 0 && isAnswerCorrect(item, g.optionIds);
    answers += g.count;
    if (right) correct += g.count;
    if (g.optionIds.length === 0) unanswered += g.count;
    for (const id of g.optionIds) if (chosen.has(id)) chosen.set(id, chosen.get(id)! + g.count);
    const side = g.passed ? byPass.passed : byPass.failed;
    side.n += g.count;
    if (right) side.right += g.count;
    const bucket = right ? score.right : score.wrong;
    bucket.n += g.count;
    bucket.sum += g.scoreSum;
    score.sum += g.scoreSum;
    score.squares += g.scoreSquares;
  }
  const shareCorrect = answers === 0 ? null : correct / answers;
  const discrimination = byPass.passed.n === 0 || byPass.failed.n === 0 ? null : byPass.passed.right / byPass.passed.n - byPass.failed.right / byPass.failed.n;
  let pointBiserial: number | null = null;
  if (score.right.n > 0 && score.wrong.n > 0) {
    const mean = score.sum / answers;
    const variance = score.squares / answers - mean * mean;
    if (variance > 1e-9) {
      const p = score.right.n / answers;
      pointBiserial = ((score.right.sum / score.right.n - score.wrong.sum / score.wrong.n) / Math.sqrt(variance)) * Math.sqrt(p * (1 - p));
    }
  }
  const rightIds = new Set(item.options.filter((o) => o.correct === true).map((o) => o.id));
  const options = item.options.map((o) => ({
    optionId: o.id,
    correct: rightIds.has(o.id),
    chosen: chosen.get(o.id)!,
    share: answers === 0 ? null : chosen.get(o.id)! / answers,
  }));
  const flags: ItemFlag[] = [];
  if (answers >= MIN_ANSWERS_TO_FLAG && shareCorrect !== null) {
    if (shareCorrect >= TOO_EASY) flags.push("tooEasy");
    if (shareCorrect <= TOO_HARD) flags.push("tooHard");
    // Misleading: those who passed get it right less often than those who failed, or a wrong option
    // draws more people than every right one.
    const topRight = Math.max(0, ...options.filter((o) => o.correct).map((o) => o.chosen));
    const topWrong = Math.max(0, ...options.filter((o) => !o.correct).map((o) => o.chosen));
    if ((discrimination !== null && discrimination < 0) || topWrong > topRight) flags.push("misleading");
  }
  return { itemId: item.id, answers, correct, shareCorrect, discrimination, pointBiserial, options, unanswered, flags };
}

/**
 * Answer groups for items that were drawn but left unanswered: drawn counts minus answered counts per
 * item and pass/fail (the grader counts them as wrong).
 */
export function unansweredGroups(
  drawn: readonly { itemId: string; passed: boolean; count: number; scoreSum: number; scoreSquares: number }[],
  answered: readonly AnswerGroup[],
): AnswerGroup[] {
  const key = (itemId: string, passed: boolean) => `${itemId}\u0000${passed ? 1 : 0}`;
  const totals = new Map<string, { count: number; scoreSum: number; scoreSquares: number }>();
  for (const g of answered) {
    const t = totals.get(key(g.itemId, g.passed)) ?? { count: 0, scoreSum: 0, scoreSquares: 0 };
    t.count += g.count;
    t.scoreSum += g.scoreSum;
    t.scoreSquares += g.scoreSquares;
    totals.set(key(g.itemId, g.passed), t);
  }
  return drawn.flatMap((d) => {
    const t = totals.get(key(d.itemId, d.passed)) ?? { count: 0, scoreSum: 0, scoreSquares: 0 };
    const count = d.count - t.count;
    return count > 0
      ? [{ itemId: d.itemId, optionIds: [], passed: d.passed, count, scoreSum: d.scoreSum - t.scoreSum, scoreSquares: d.scoreSquares - t.scoreSquares }]
      : [];
  });
}
