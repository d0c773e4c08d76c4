/**
 * Exam rules, pure: drawing an attempt's items (stratified by category, shuffled, reproducible from a
 * seed), grading, and whether a person may start an attempt now (cooldown, attempt limit).
 * See docs/exam-settings.md.
 */

export type BankItem = {
  id: string;
  category: string;
  type: "single" | "multiple" | "true_false" | "judgement";
  options: readonly { id: string; correct?: boolean }[];
};

/** One drawn item: its id and its options in display order. */
export type DrawnItem = { id: string; options: string[] };

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same draw. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * How many items each category contributes: `count` spread evenly, the remainder given to categories
 * picked by the seed; a category with too few items passes its shortfall on to the others.
 */
export function categoryQuotas(available: ReadonlyMap<string, number>, count: number, random: () => number): Map<string, number> {
  const categories = [...available.keys()].sort();
  const quotas = new Map(categories.map((c) => [c, 0]));
  const total = [...available.values()].reduce((a, b) => a + b, 0);
  let left = Math.min(count, total);
  // Each round gives one item to as many categories as possible, in an order fixed by the seed.
  while (left > 0) {
    const open = categories.filter((c) => quotas.get(c)! < available.get(c)!);
    const base = Math.floor(left / open.length);
    if (base > 0) {
      for (const c of open) {
        const give = Math.min(base, available.get(c)! - quotas.get(c)!);
        quotas.set(c, quotas.get(c)! + give);
        left -= give;
      }
    } else {
      for (const c of shuffle(open, random).slice(0, left)) {
        quotas.set(c, quotas.get(c)! + 1);
        left -= 1;
      }
    }
  }
  return quotas;
}

/**
 * Draws `count` items stratified by category, in a shuffled order, with shuffled options for
 * single- and multiple-answer items. True/false and judgement items keep their natural order
 * (true, false; post, edit, don't): it is a scale, and shuffling it only confuses.
 */
export function drawExam(items: readonly BankItem[], count: number, seed: number): DrawnItem[] {
  const random = seededRandom(seed);
  const byCategory = new Map<string, BankItem[]>();
  for (const item of items) byCategory.set(item.category, [...(byCategory.get(item.category) ?? []), item]);
  const quotas = categoryQuotas(new Map([...byCategory].map(([c, list]) => [c, list.length])), count, random);
  const chosen: BankItem[] = [];
  for (const category of [...byCategory.keys()].sort()) {
    chosen.push(...shuffle(byCategory.get(category)!, random).slice(0, quotas.get(category) ?? 0));
  }
  return shuffle(chosen, random).map((item) => ({
    id: item.id,
    options:
      item.type === "single" || item.type === "multiple"
        ? shuffle(
            item.options.map((o) => o.id),
            random,
          )
        : item.options.map((o) => o.id),
  }));
}

/** Single, true/false and judgement: the chosen option is the correct one. Multiple: exactly the correct set. */
export function isAnswerCorrect(item: BankItem, chosen: readonly string[]): boolean {
  const correct = item.options.filter((o) => o.correct === true).map((o) => o.id);
  const picked = new Set(chosen);
  if (picked.size !== chosen.length) return false;
  if (item.type !== "multiple" && chosen.length !== 1) return false;
  return picked.size === correct.length && correct.every((id) => picked.has(id));
}

/** Whether a set of option ids is a well-formed answer to an item (known ids; one for single-answer types). */
export function isWellFormedAnswer(item: BankItem, drawnOptions: readonly string[], chosen: readonly string[]): boolean {
  if (chosen.length === 0) return false;
  if (new Set(chosen).size !== chosen.length) return false;
  if (chosen.some((id) => !drawnOptions.includes(id))) return false;
  return item.type === "multiple" || chosen.length === 1;
}

export type ExamResult = {
  correct: number;
  total: number;
  /** Percent, rounded down. */
  score: number;
  passed: boolean;
  categoryScores: Record<string, { correct: number; total: number }>;
  /** Items answered wrongly or left unanswered, in display order. */
  missed: string[];
};

export function gradeExam(
  bank: ReadonlyMap<string, BankItem>,
  drawn: readonly DrawnItem[],
  answers: ReadonlyMap<string, readonly string[]>,
  passMark: number,
): ExamResult {
  const categoryScores: ExamResult["categoryScores"] = {};
  const missed: string[] = [];
  let correct = 0;
  for (const { id } of drawn) {
    const item = bank.get(id);
    const category = item?.category ?? "unknown";
    const entry = (categoryScores[category] ??= { correct: 0, total: 0 });
    entry.total += 1;
    const answer = answers.get(id);
    // An item removed from the bank since the draw counts as correct: the person cannot be blamed.
    const right = item ? (answer ? isAnswerCorrect(item, answer) : false) : true;
    if (right) {
      correct += 1;
      entry.correct += 1;
    } else missed.push(id);
  }
  const total = drawn.length;
  const score = total === 0 ? 0 : Math.floor((correct * 100) / total);
  return { correct, total, score, passed: total > 0 && score >= passMark, categoryScores, missed };
}

export type AttemptRules = {
  /** At most this many attempts started within `windowDays` days (0 = no limit). */
  maxAttempts: number;
  windowDays: number;
  /** Hours to wait after an attempt ends before starting the next one. */
  cooldownHours: number;
  /** The exam opens only once the person's track is complete (setting `exam.requiresTrackComplete`). */
  requiresTrackComplete?: boolean;
};

export type AttemptSummary = { startedAt: Date; endedAt: Date | null };

export type Allowance = { ok: true } | { ok: false; reason: "inProgress" | "trackIncomplete" | "cooldown" | "maxAttempts"; until: Date | null };

const HOUR_MS = 60 * 60 * 1000;

/**
 * Whether a new attempt may start now, and if not, why and until when (null: no date, e.g. finish the
 * track first). An attempt in progress comes first: it can always be resumed.
 */
export function attemptAllowance(attempts: readonly AttemptSummary[], now: Date, rules: AttemptRules, facts: { trackComplete?: boolean } = {}): Allowance {
  if (attempts.some((a) => a.endedAt === null)) return { ok: false, reason: "inProgress", until: null };
  if (rules.requiresTrackComplete && facts.trackComplete === false) return { ok: false, reason: "trackIncomplete", until: null };
  const lastEnd = Math.max(0, ...attempts.map((a) => a.endedAt!.getTime()));
  if (rules.cooldownHours > 0 && lastEnd > 0 && now.getTime() < lastEnd + rules.cooldownHours * HOUR_MS) {
    return { ok: false, reason: "cooldown", until: new Date(lastEnd + rules.cooldownHours * HOUR_MS) };
  }
  if (rules.maxAttempts > 0) {
    const windowMs = rules.windowDays * 24 * HOUR_MS;
    const recent = attempts
      .map((a) => a.startedAt.getTime())
      .filter((t) => t > now.getTime() - windowMs)
      .sort((a, b) => a - b);
    if (recent.length >= rules.maxAttempts) {
      // A slot frees up when the oldest attempts leave the window.
      const freeing = recent[recent.length - rules.maxAttempts]!;
      return { ok: false, reason: "maxAttempts", until: new Date(freeing + windowMs) };
    }
  }
  return { ok: true };
}
