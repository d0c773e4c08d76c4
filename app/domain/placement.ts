/**
 * Placement: turns a person's answers to the diagnostic questionnaire into four scores, then the
 * scores into one of the five levels, with the facts that decided it. Pure: no I/O.
 * The model is explained for trainers in docs/placement-model.md.
 */

export const LEVELS = ["native", "late_adopter", "reluctant", "objector", "beginner"] as const;
export type Level = (typeof LEVELS)[number];

export const DIMENSIONS = ["usage", "exposure", "knowledge", "attitude", "ease"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** Dimensions whose weights may be negative and whose score runs from -1 to 1 (the others: 0 to 1). */
export const SIGNED_DIMENSIONS: readonly Dimension[] = ["attitude"];

/**
 * Normalised scores: usage, exposure, knowledge, ease in 0..1 of the best achievable; attitude in -1..1.
 * usage is active personal use now (how often, what they do, how many networks), never account age
 * nor passive viewing; exposure is first-hand contact (an account, used or not, since when, looking at
 * what is published); attitude is for or against the company's presence and employees speaking for it.
 */
export type Scores = Record<Dimension, number>;

/** Answers: question id → the chosen option ids (exactly one for a single question). */
export type Answers = Record<string, readonly string[]>;

/** What placement needs of a questionnaire; the parsed content file fits this shape. */
export type PlacementOption = { id: string; exclusive?: boolean | undefined; weights: Readonly<Record<string, number>> };
export type PlacementQuestion = {
  id: string;
  kind: "single" | "multiple";
  cap?: Readonly<Record<string, number>> | undefined;
  options: readonly PlacementOption[];
};
export type PlacementQuestionnaire = { questions: readonly PlacementQuestion[] };

// ---------------------------------------------------------------------------------------------
// Rules and thresholds
// ---------------------------------------------------------------------------------------------

/** Every threshold of the model, in one place. Scores are compared after rounding to 4 decimals. */
export const PLACEMENT_THRESHOLDS = {
  /** Attitude at or below this → objector, whatever the other scores. */
  objectorAttitudeAtMost: -0.35,
  /** Knowledge below this → beginner. */
  beginnerKnowledgeBelow: 0.3,
  /** Exposure below this, with usage below reluctantUsageBelow → beginner: no account and little practice, whatever they guess right. */
  beginnerExposureBelow: 0.35,
  /** Usage below this (knowledge and exposure being sufficient) → reluctant: knows the networks, hardly uses them. */
  reluctantUsageBelow: 0.35,
  /** Usage at least this… */
  nativeUsageAtLeast: 0.75,
  /** …and ease at least this → native. */
  nativeEaseAtLeast: 0.7,
  /** Wording only: below this, ease is described as low rather than moderate. */
  lowEaseBelow: 0.35,
  /** Wording only: attitude below this (but above the objector threshold) is described as reserved. */
  reservedAttitudeBelow: 0,
} as const;

export type ThresholdName = keyof typeof PLACEMENT_THRESHOLDS;
export type Thresholds = Record<ThresholdName, number>;

export type Comparison = "<" | "<=" | ">=" | ">";
export type Condition = { dimension: Dimension; op: Comparison; threshold: ThresholdName };
/** `id` names the rule (a level may have several), so the explanation can say which one decided. */
export type PlacementRule = { id: RuleId; level: Level; when: readonly Condition[] };
export type RuleId = "objector" | "beginner_knowledge" | "beginner_practice" | "reluctant" | "native" | "late_adopter";

/** Tried in order; the first rule whose conditions all hold gives the level. The last always holds. */
export const PLACEMENT_RULES: readonly PlacementRule[] = [
  { id: "objector", level: "objector", when: [{ dimension: "attitude", op: "<=", threshold: "objectorAttitudeAtMost" }] },
  { id: "beginner_knowledge", level: "beginner", when: [{ dimension: "knowledge", op: "<", threshold: "beginnerKnowledgeBelow" }] },
  {
    id: "beginner_practice",
    level: "beginner",
    when: [
      { dimension: "usage", op: "<", threshold: "reluctantUsageBelow" },
      { dimension: "exposure", op: "<", threshold: "beginnerExposureBelow" },
    ],
  },
  { id: "reluctant", level: "reluctant", when: [{ dimension: "usage", op: "<", threshold: "reluctantUsageBelow" }] },
  {
    id: "native",
    level: "native",
    when: [
      { dimension: "usage", op: ">=", threshold: "nativeUsageAtLeast" },
      { dimension: "ease", op: ">=", threshold: "nativeEaseAtLeast" },
    ],
  },
  { id: "late_adopter", level: "late_adopter", when: [] },
];

export const FACT_KEYS = [
  "attitude_negative",
  "attitude_comes_first",
  "attitude_reserved",
  "attitude_open",
  "knowledge_low",
  "knowledge_sufficient",
  "usage_low",
  "usage_moderate",
  "usage_high",
  "ease_low",
  "ease_moderate",
  "ease_high",
  "practice_low",
  "practice_sufficient",
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

/** One reason for a placement. Params are whole percentages (attitude: -100..100). */
export type PlacementFact = { key: FactKey; params?: Record<string, string | number> };
export type Placement = { level: Level; facts: PlacementFact[] };

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** An answer set that cannot be scored. The message says which question and why. */
export class AnswerError extends Error {
  override readonly name: string = "AnswerError";
  constructor(
    message: string,
    readonly questionId: string,
  ) {
    super(message);
  }
}

/** The answers name a question, or an option of a question, that the questionnaire does not have. */
export class UnknownAnswerError extends AnswerError {
  override readonly name = "UnknownAnswerError";
  constructor(
    questionId: string,
    readonly optionId?: string,
  ) {
    super(optionId === undefined ? `Unknown question "${questionId}"` : `Unknown option "${optionId}" for question "${questionId}"`, questionId);
  }
}

/** The answers are well named but not acceptable: missing, several for a single question, etc. */
export class InvalidAnswerError extends AnswerError {
  override readonly name = "InvalidAnswerError";
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

type Raw = Record<Dimension, number>;
/** Lowest and highest total each dimension can reach over the whole questionnaire. */
export type DimensionRanges = Record<Dimension, { min: number; max: number }>;

const zeroRaw = (): Raw => ({ usage: 0, exposure: 0, knowledge: 0, attitude: 0, ease: 0 });
const round4 = (x: number) => Math.round(x * 10_000) / 10_000 + 0; // + 0 turns -0 into 0

function clampToCap(question: PlacementQuestion, dimension: Dimension, total: number): number {
  const cap = question.cap?.[dimension];
  return cap === undefined ? total : Math.max(-cap, Math.min(cap, total));
}

/** What a set of options brings to each dimension, `cap` applied. Options are assumed valid. */
function contribution(question: PlacementQuestion, chosen: readonly PlacementOption[]): Raw {
  const raw = zeroRaw();
  for (const option of chosen) for (const d of DIMENSIONS) raw[d] += option.weights[d] ?? 0;
  for (const d of DIMENSIONS) raw[d] = clampToCap(question, d, raw[d]);
  return raw;
}

/** Per question and dimension, the lowest and highest contribution a valid answer can make. */
function questionRange(question: PlacementQuestion, dimension: Dimension): { min: number; max: number } {
  const weightOf = (o: PlacementOption) => o.weights[dimension] ?? 0;
  if (question.kind === "single") {
    const weights = question.options.map(weightOf);
    return { min: Math.min(...weights), max: Math.max(...weights) };
  }
  // A multiple answer is either one exclusive option or any non-empty set of the others.
  const free = question.options.filter((o) => !o.exclusive).map(weightOf);
  const exclusive = question.options.filter((o) => o.exclusive).map(weightOf);
  const positives = free.filter((w) => w > 0);
  const negatives = free.filter((w) => w < 0);
  const freeMax = positives.length > 0 ? positives.reduce((a, b) => a + b, 0) : Math.max(...free);
  const freeMin = negatives.length > 0 ? negatives.reduce((a, b) => a + b, 0) : Math.min(...free);
  return {
    min: clampToCap(question, dimension, Math.min(freeMin, ...exclusive)),
    max: clampToCap(question, dimension, Math.max(freeMax, ...exclusive)),
  };
}

export function dimensionRanges(questionnaire: PlacementQuestionnaire): DimensionRanges {
  const ranges = {} as DimensionRanges;
  for (const d of DIMENSIONS) {
    let min = 0;
    let max = 0;
    for (const question of questionnaire.questions) {
      const range = questionRange(question, d);
      min += range.min;
      max += range.max;
    }
    ranges[d] = { min, max };
  }
  return ranges;
}

function normalise(raw: Raw, ranges: DimensionRanges): Scores {
  const scores = zeroRaw();
  for (const d of DIMENSIONS) {
    const { min, max } = ranges[d];
    const value = raw[d];
    let score: number;
    if (SIGNED_DIMENSIONS.includes(d)) {
      // Zero stays neutral; each side is scaled by its own extreme, so -1 and 1 are both reachable.
      score = value > 0 ? (max > 0 ? value / max : 0) : value < 0 ? (min < 0 ? value / -min : 0) : 0;
      score = Math.max(-1, Math.min(1, score));
    } else {
      score = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
    }
    scores[d] = round4(score);
  }
  return scores;
}

/** Checks the answers against the questionnaire and returns the chosen options per question. */
function resolveAnswers(questionnaire: PlacementQuestionnaire, answers: Answers): Map<PlacementQuestion, PlacementOption[]> {
  const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
  for (const [questionId, optionIds] of Object.entries(answers)) {
    const question = byId.get(questionId);
    if (!question) throw new UnknownAnswerError(questionId);
    for (const optionId of optionIds) {
      if (!question.options.some((o) => o.id === optionId)) throw new UnknownAnswerError(questionId, optionId);
    }
  }
  const resolved = new Map<PlacementQuestion, PlacementOption[]>();
  for (const question of questionnaire.questions) {
    const optionIds = (Object.hasOwn(answers, question.id) ? answers[question.id] : undefined) ?? [];
    if (optionIds.length === 0) throw new InvalidAnswerError(`Question "${question.id}" has no answer`, question.id);
    if (new Set(optionIds).size !== optionIds.length) throw new InvalidAnswerError(`Question "${question.id}" names the same option twice`, question.id);
    if (question.kind === "single" && optionIds.length !== 1)
      throw new InvalidAnswerError(`Question "${question.id}" takes exactly one option, got ${optionIds.length}`, question.id);
    const chosen = question.options.filter((o) => optionIds.includes(o.id));
    const exclusive = chosen.find((o) => o.exclusive);
    if (exclusive && chosen.length > 1)
      throw new InvalidAnswerError(`Option "${exclusive.id}" of question "${question.id}" cannot be combined with others`, question.id);
    resolved.set(question, chosen);
  }
  return resolved;
}

/**
 * Scores an answer set. Every question must be answered. Throws UnknownAnswerError for a question or
 * option the questionnaire does not have, InvalidAnswerError for an answer of the wrong shape.
 */
export function scoreAnswers(questionnaire: PlacementQuestionnaire, answers: Answers): Scores {
  const raw = zeroRaw();
  for (const [question, chosen] of resolveAnswers(questionnaire, answers)) {
    const part = contribution(question, chosen);
    for (const d of DIMENSIONS) raw[d] += part[d];
  }
  return normalise(raw, dimensionRanges(questionnaire));
}

// ---------------------------------------------------------------------------------------------
// Placement
// ---------------------------------------------------------------------------------------------

function holds(condition: Condition, scores: Scores, thresholds: Thresholds): boolean {
  const value = scores[condition.dimension];
  const limit = thresholds[condition.threshold];
  switch (condition.op) {
    case "<":
      return value < limit;
    case "<=":
      return value <= limit;
    case ">=":
      return value >= limit;
    case ">":
      return value > limit;
  }
}

const pct = (x: number) => Math.round(x * 100);

/** The level given by the first rule that holds, with 2–3 facts, most decisive first. */
export function placeLevel(scores: Scores, thresholds: Thresholds = PLACEMENT_THRESHOLDS): Placement {
  const rule = PLACEMENT_RULES.find((r) => r.when.every((c) => holds(c, scores, thresholds)));
  const id: RuleId = rule?.id ?? "late_adopter";
  return { level: rule?.level ?? "late_adopter", facts: explain(id, scores, thresholds) };
}

function explain(rule: RuleId, s: Scores, t: Thresholds): PlacementFact[] {
  const usage: PlacementFact =
    s.usage >= t.nativeUsageAtLeast
      ? { key: "usage_high", params: { usage: pct(s.usage), threshold: pct(t.nativeUsageAtLeast) } }
      : s.usage < t.reluctantUsageBelow
        ? { key: "usage_low", params: { usage: pct(s.usage), threshold: pct(t.reluctantUsageBelow) } }
        : { key: "usage_moderate", params: { usage: pct(s.usage), threshold: pct(t.nativeUsageAtLeast) } };
  const ease: PlacementFact =
    s.ease >= t.nativeEaseAtLeast
      ? { key: "ease_high", params: { ease: pct(s.ease), threshold: pct(t.nativeEaseAtLeast) } }
      : s.ease < t.lowEaseBelow
        ? { key: "ease_low", params: { ease: pct(s.ease), threshold: pct(t.nativeEaseAtLeast) } }
        : { key: "ease_moderate", params: { ease: pct(s.ease), threshold: pct(t.nativeEaseAtLeast) } };
  const knowledge: PlacementFact =
    s.knowledge < t.beginnerKnowledgeBelow
      ? { key: "knowledge_low", params: { knowledge: pct(s.knowledge), threshold: pct(t.beginnerKnowledgeBelow) } }
      : { key: "knowledge_sufficient", params: { knowledge: pct(s.knowledge), threshold: pct(t.beginnerKnowledgeBelow) } };
  const attitude: PlacementFact =
    s.attitude <= t.objectorAttitudeAtMost
      ? { key: "attitude_negative", params: { attitude: pct(s.attitude), threshold: pct(t.objectorAttitudeAtMost) } }
      : s.attitude < t.reservedAttitudeBelow
        ? { key: "attitude_reserved", params: { attitude: pct(s.attitude), threshold: pct(t.objectorAttitudeAtMost) } }
        : { key: "attitude_open", params: { attitude: pct(s.attitude) } };
  const practice: PlacementFact =
    s.exposure < t.beginnerExposureBelow
      ? { key: "practice_low", params: { exposure: pct(s.exposure), threshold: pct(t.beginnerExposureBelow), knowledge: pct(s.knowledge) } }
      : { key: "practice_sufficient", params: { exposure: pct(s.exposure), threshold: pct(t.beginnerExposureBelow) } };

  switch (rule) {
    case "objector":
      return [attitude, { key: "attitude_comes_first", params: { usage: pct(s.usage), knowledge: pct(s.knowledge) } }];
    case "beginner_knowledge":
      return [knowledge, usage, attitude];
    case "beginner_practice":
      // No account and little practice: good guesses on the knowledge questions do not change that.
      return [practice, usage, attitude];
    case "reluctant":
      return [usage, practice, knowledge];
    case "native":
      return [usage, ease, knowledge];
    case "late_adopter":
      // What kept them from native comes first.
      return s.usage < t.nativeUsageAtLeast ? [usage, ease, knowledge] : [ease, usage, knowledge];
  }
}

// ---------------------------------------------------------------------------------------------
// Reachability
// ---------------------------------------------------------------------------------------------

export type LevelExample = { answers: Record<string, string[]>; scores: Scores };
export type ReachableLevels = {
  /** exhaustive: every distinct answer combination was scored, so an absent level is truly unreachable. */
  method: "exhaustive" | "search";
  /** Answer combinations scored. */
  examined: number;
  /** An example answer set for each level found, checked through scoreAnswers and placeLevel. */
  levels: Partial<Record<Level, LevelExample>>;
  /** Levels no answer set was found for. After a search, this is "not found", not a proof. */
  missing: Level[];
};
export type ReachabilityOptions = {
  /** Enumerate everything when the number of distinct combinations is at most this. */
  exhaustiveLimit?: number;
  /** Random starting points per level for the search. */
  restarts?: number;
  seed?: number;
  thresholds?: Thresholds;
};

type Candidate = { optionIds: string[]; raw: Raw };

/** Valid answers to a question, one per distinct contribution (answers that score alike are merged). */
function candidatesOf(question: PlacementQuestion): Candidate[] {
  const sets: PlacementOption[][] = [];
  if (question.kind === "single") {
    for (const option of question.options) sets.push([option]);
  } else {
    const free = question.options.filter((o) => !o.exclusive);
    for (const option of question.options) if (option.exclusive) sets.push([option]);
    if (free.length <= 12) {
      for (let mask = 1; mask < 1 << free.length; mask++) sets.push(free.filter((_, i) => mask & (1 << i)));
    } else {
      // Too many subsets: every single option, every pair, and everything at once.
      free.forEach((a, i) => {
        sets.push([a]);
        for (const b of free.slice(i + 1)) sets.push([a, b]);
      });
      sets.push(free);
    }
  }
  const seen = new Map<string, Candidate>();
  for (const set of sets) {
    const raw = contribution(question, set);
    const key = DIMENSIONS.map((d) => round4(raw[d])).join("|");
    if (!seen.has(key)) seen.set(key, { optionIds: set.map((o) => o.id), raw });
  }
  return [...seen.values()];
}

const violation = (value: number, op: Comparison, limit: number): number => {
  const step = 1e-4; // scores are rounded to 4 decimals, so "strictly below" means one step below
  switch (op) {
    case "<":
      return Math.max(0, value - limit + step);
    case "<=":
      return Math.max(0, value - limit);
    case ">=":
      return Math.max(0, limit - value);
    case ">":
      return Math.max(0, limit - value + step);
  }
};
const NEGATION: Record<Comparison, Comparison> = { "<": ">=", "<=": ">", ">=": "<", ">": "<=" };

/**
 * How far scores are from being placed at `level`: 0 exactly when they are. One of the level's rules
 * must hold (all its conditions) and every earlier rule must fail (at least one condition false); a
 * level with several rules (beginner) is as close as its closest rule.
 */
function distanceTo(level: Level, scores: Scores, thresholds: Thresholds): number {
  let earlier = 0;
  let best = Number.POSITIVE_INFINITY;
  for (const rule of PLACEMENT_RULES) {
    if (rule.level === level) {
      let distance = earlier;
      for (const c of rule.when) distance += violation(scores[c.dimension], c.op, thresholds[c.threshold]);
      best = Math.min(best, distance);
    }
    if (rule.when.length === 0) break;
    earlier += Math.min(...rule.when.map((c) => violation(scores[c.dimension], NEGATION[c.op], thresholds[c.threshold])));
  }
  return best;
}

/** Small deterministic generator (mulberry32), so the search gives the same answers every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Which levels some answer set reaches, with an example for each. Enumerates every distinct
 * combination when there are few enough; otherwise runs, per missing level, a seeded local search
 * (coordinate descent on the distance to that level's region, from several starting points).
 * Either way each example is re-checked with scoreAnswers and placeLevel before it is returned.
 */
export function reachableLevels(questionnaire: PlacementQuestionnaire, options: ReachabilityOptions = {}): ReachableLevels {
  const { exhaustiveLimit = 200_000, restarts = 40, seed = 1, thresholds = PLACEMENT_THRESHOLDS } = options;
  const questions = questionnaire.questions;
  const ranges = dimensionRanges(questionnaire);
  const candidates = questions.map(candidatesOf);
  const levels: Partial<Record<Level, LevelExample>> = {};
  let examined = 0;

  const levelOf = (choice: readonly number[]): { level: Level; scores: Scores } => {
    const raw = zeroRaw();
    choice.forEach((c, q) => {
      const part = candidates[q]?.[c]?.raw;
      if (part) for (const d of DIMENSIONS) raw[d] += part[d];
    });
    examined++;
    const scores = normalise(raw, ranges);
    return { level: placeLevel(scores, thresholds).level, scores };
  };
  const record = (choice: readonly number[], level: Level) => {
    if (levels[level]) return;
    const answers: Record<string, string[]> = {};
    choice.forEach((c, q) => {
      const question = questions[q];
      const candidate = candidates[q]?.[c];
      if (question && candidate) answers[question.id] = [...candidate.optionIds];
    });
    const scores = scoreAnswers(questionnaire, answers);
    if (placeLevel(scores, thresholds).level === level) levels[level] = { answers, scores };
  };

  const combinations = candidates.reduce((n, c) => n * c.length, 1);
  if (combinations <= exhaustiveLimit) {
    const choice = questions.map(() => 0);
    for (let n = 0; n < combinations; n++) {
      const { level } = levelOf(choice);
      record(choice, level);
      // Next combination, odometer style.
      for (let q = 0; q < choice.length; q++) {
        const next = (choice[q] ?? 0) + 1;
        if (next < (candidates[q]?.length ?? 1)) {
          choice[q] = next;
          break;
        }
        choice[q] = 0;
      }
    }
    return { method: "exhaustive", examined, levels, missing: LEVELS.filter((l) => !levels[l]) };
  }

  const rand = random(seed);
  for (const target of LEVELS) {
    for (let attempt = 0; attempt < restarts && !levels[target]; attempt++) {
      const choice = candidates.map((c) => Math.floor(rand() * c.length));
      let current = levelOf(choice);
      record(choice, current.level);
      let distance = distanceTo(target, current.scores, thresholds);
      // Coordinate descent: change one answer at a time while that brings the scores closer.
      for (let pass = 0; pass < 50 && distance > 0; pass++) {
        let improved = false;
        for (let q = 0; q < choice.length && distance > 0; q++) {
          const keep = choice[q] ?? 0;
          let best = keep;
          for (let c = 0; c < (candidates[q]?.length ?? 0); c++) {
            if (c === keep) continue;
            choice[q] = c;
            const tried = levelOf(choice);
            record(choice, tried.level);
            const d = distanceTo(target, tried.scores, thresholds);
            if (d < distance) {
              distance = d;
              best = c;
              current = tried;
            }
          }
          choice[q] = best;
          if (best !== keep) improved = true;
        }
        if (!improved) break;
      }
      if (distance === 0) record(choice, current.level);
    }
  }
  return { method: "search", examined, levels, missing: LEVELS.filter((l) => !levels[l]) };
}
