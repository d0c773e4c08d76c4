import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseQuestionnaire, type Questionnaire } from "../content/diagnostic-schema";
import { describePlacement, placementStrings } from "../i18n/placement";
import {
  FACT_KEYS,
  InvalidAnswerError,
  LEVELS,
  PLACEMENT_THRESHOLDS,
  UnknownAnswerError,
  placeLevel,
  reachableLevels,
  scoreAnswers,
  type Answers,
  type FactKey,
  type Level,
  type PlacementQuestion,
  type PlacementQuestionnaire,
} from "./placement";

const QUESTIONNAIRE_FILE = fileURLToPath(new URL("../../content/diagnostic/questionnaire.yaml", import.meta.url));

function loadQuestionnaire(): Questionnaire {
  const parsed = parseQuestionnaire(readFileSync(QUESTIONNAIRE_FILE, "utf8"), "content/diagnostic/questionnaire.yaml");
  if (!parsed.ok) throw new Error(`questionnaire.yaml is invalid:\n${parsed.problems.map((p) => `${p.line}:${p.col} ${p.message}`).join("\n")}`);
  return parsed.questionnaire;
}

const questionnaire = loadQuestionnaire();

/** Answers written as in a form: one option id for single questions, a list for multiple ones. */
function answers(form: Record<string, string | string[]>): Answers {
  return Object.fromEntries(Object.entries(form).map(([q, a]) => [q, typeof a === "string" ? [a] : a]));
}

type Persona = { who: string; level: Level; facts: FactKey[]; form: Record<string, string | string[]> };

const personas: Persona[] = [
  {
    who: "Léa, 26, designer who grew up with Instagram and TikTok, posts every day and reads her statistics",
    level: "native",
    facts: ["usage_high", "ease_high", "knowledge_sufficient"],
    form: {
      frequency: "daily",
      networks_used: ["instagram", "tiktok", "linkedin", "youtube", "snapchat"],
      since: "grew_up_with_them",
      activity: "post",
      skills: ["post", "privacy", "mention", "statistics", "comment", "video"],
      writing_ease: "very_easy",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube", "tiktok", "snapchat"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "algorithm",
      visibility: "can_spread",
      criticism: "answer_calmly",
      company_presence: "essential",
      employees_speaking: "good_thing",
      concerns: ["harassment"],
      speaking_comfort: "glad",
    },
  },
  {
    who: "Inès, 29, marketing assistant at ease on Instagram and LinkedIn, with many worries and doubts about employees speaking, but not opposed",
    level: "native",
    facts: ["usage_high", "ease_high", "knowledge_sufficient"],
    form: {
      frequency: "daily",
      networks_used: ["instagram", "linkedin", "tiktok"],
      since: "grew_up_with_them",
      activity: "post",
      skills: ["post", "privacy", "mention", "statistics", "comment", "report", "video"],
      writing_ease: "very_easy",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube", "tiktok", "pinterest"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "algorithm",
      visibility: "can_spread",
      criticism: "answer_calmly",
      company_presence: "useful",
      employees_speaking: "risky",
      concerns: ["personal_data", "time", "misinformation", "harassment", "blurred_lines"],
      speaking_comfort: "uncomfortable",
    },
  },
  {
    who: "Marc, 52, sales manager who joined LinkedIn and Facebook as an adult, reacts a few times a week, posts with some effort",
    level: "late_adopter",
    facts: ["usage_moderate", "ease_moderate", "knowledge_sufficient"],
    form: {
      frequency: "weekly",
      networks_used: ["linkedin", "facebook"],
      since: "over_five_years",
      activity: "react",
      skills: ["post", "privacy", "mention"],
      writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "follows_only",
      visibility: "can_spread",
      criticism: "answer_calmly",
      company_presence: "useful",
      employees_speaking: "with_rules",
      concerns: ["personal_data", "time"],
      speaking_comfort: "with_training",
    },
  },
  {
    who: "Sophie, 35, posts family photos on Facebook and Instagram every day but has never read statistics nor handled criticism",
    level: "late_adopter",
    facts: ["ease_moderate", "usage_high", "knowledge_sufficient"],
    form: {
      frequency: "daily",
      networks_used: ["facebook", "instagram"],
      since: "over_five_years",
      activity: "post",
      skills: ["post", "privacy", "video"],
      writing_ease: "fairly_easy",
      networks_known: ["facebook", "instagram", "youtube", "tiktok"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "follows_only",
      visibility: "stays_private",
      criticism: "delete",
      company_presence: "no_opinion",
      employees_speaking: "with_rules",
      concerns: ["personal_data"],
      speaking_comfort: "not_sure",
    },
  },
  {
    who: "Paul, 24, intern who grew up with Snapchat and TikTok and scrolls daily, but only watches and finds writing for the public hard",
    level: "late_adopter",
    facts: ["ease_low", "usage_high", "knowledge_sufficient"],
    form: {
      frequency: "daily",
      networks_used: ["snapchat", "tiktok", "youtube"],
      since: "grew_up_with_them",
      activity: "read_only",
      skills: ["post", "video"],
      writing_ease: "hard",
      networks_known: ["snapchat", "tiktok", "youtube", "instagram", "facebook"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "algorithm",
      visibility: "stays_private",
      criticism: "ignore",
      company_presence: "no_opinion",
      employees_speaking: "unsure",
      concerns: ["nothing"],
      speaking_comfort: "not_sure",
    },
  },
  {
    who: "Isabelle, 42, HR officer who likes and shares on LinkedIn and Facebook a few times a month, supportive of employee advocacy",
    level: "late_adopter",
    facts: ["usage_moderate", "ease_moderate", "knowledge_sufficient"],
    form: {
      frequency: "monthly",
      networks_used: ["linkedin", "facebook"],
      since: "two_to_five_years",
      activity: "react",
      skills: ["post", "mention", "privacy"],
      writing_ease: "fairly_easy",
      networks_known: ["linkedin", "facebook", "instagram", "youtube"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "algorithm",
      visibility: "can_spread",
      criticism: "answer_calmly",
      company_presence: "essential",
      employees_speaking: "good_thing",
      concerns: ["harassment"],
      speaking_comfort: "with_training",
    },
  },
  {
    who: "Jean, 58, accountant who knows the big networks, has a dormant LinkedIn account, reads it a few times a year and has doubts",
    level: "reluctant",
    facts: ["usage_low", "knowledge_sufficient", "attitude_reserved"],
    form: {
      frequency: "rarely",
      networks_used: ["none"],
      since: "under_two_years",
      activity: "read_only",
      skills: ["privacy"],
      writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "x", "youtube", "instagram"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "dont_know",
      visibility: "can_spread",
      criticism: "ignore",
      company_presence: "useful",
      employees_speaking: "risky",
      concerns: ["personal_data", "time", "misinformation"],
      speaking_comfort: "not_sure",
    },
  },
  {
    who: "Nadia, 44, legal counsel with no account who follows social media closely through her work on personal data",
    level: "reluctant",
    facts: ["usage_low", "knowledge_sufficient", "attitude_reserved"],
    form: {
      frequency: "never",
      networks_used: ["none"],
      since: "no_account",
      activity: "not_applicable",
      skills: ["privacy", "report"],
      writing_ease: "fairly_easy",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube", "tiktok", "reddit", "bluesky_mastodon"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "algorithm",
      visibility: "can_spread",
      criticism: "answer_calmly",
      company_presence: "useful",
      employees_speaking: "with_rules",
      concerns: ["personal_data", "misinformation", "blurred_lines"],
      speaking_comfort: "uncomfortable",
    },
  },
  {
    who: "Monique, 57, can name the big networks, opens an old Facebook account a few times a year and misses the how-it-works questions",
    level: "reluctant",
    facts: ["usage_low", "knowledge_sufficient", "attitude_open"],
    form: {
      frequency: "rarely",
      networks_used: ["none"],
      since: "over_five_years",
      activity: "read_only",
      skills: ["none"],
      writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube", "tiktok"],
      recruiting_network: "dont_know",
      hashtag: "dont_know",
      feed: "random",
      visibility: "stays_private",
      criticism: "dont_know",
      company_presence: "useful",
      employees_speaking: "with_rules",
      concerns: ["time"],
      speaking_comfort: "not_sure",
    },
  },
  {
    who: "Gérard, 61, workshop foreman who has never used social media and cannot say what they are for",
    level: "beginner",
    facts: ["knowledge_low", "usage_low", "attitude_reserved"],
    form: {
      frequency: "never",
      networks_used: ["none"],
      since: "no_account",
      activity: "not_applicable",
      skills: ["none"],
      writing_ease: "hard",
      networks_known: ["facebook"],
      recruiting_network: "dont_know",
      hashtag: "dont_know",
      feed: "dont_know",
      visibility: "dont_know",
      criticism: "dont_know",
      company_presence: "no_opinion",
      employees_speaking: "unsure",
      concerns: ["personal_data"],
      speaking_comfort: "not_sure",
    },
  },
  {
    who: "Chantal, 49, follows her family on Facebook every day but knows nothing of other networks or of how feeds work",
    level: "beginner",
    facts: ["knowledge_low", "usage_moderate", "attitude_open"],
    form: {
      frequency: "daily",
      networks_used: ["facebook"],
      since: "two_to_five_years",
      activity: "react",
      skills: ["post"],
      writing_ease: "takes_effort",
      networks_known: ["facebook"],
      recruiting_network: "instagram",
      hashtag: "dont_know",
      feed: "follows_only",
      visibility: "stays_private",
      criticism: "delete",
      company_presence: "useful",
      employees_speaking: "with_rules",
      concerns: ["personal_data"],
      speaking_comfort: "not_sure",
    },
  },
  {
    who: "Bruno, 47, enthusiastic about the company on social media and ready to learn, but has never used any network",
    level: "beginner",
    facts: ["knowledge_low", "usage_low", "attitude_open"],
    form: {
      frequency: "never",
      networks_used: ["none"],
      since: "no_account",
      activity: "not_applicable",
      skills: ["none"],
      writing_ease: "takes_effort",
      networks_known: ["facebook", "linkedin"],
      recruiting_network: "dont_know",
      hashtag: "dont_know",
      feed: "dont_know",
      visibility: "dont_know",
      criticism: "answer_calmly",
      company_presence: "essential",
      employees_speaking: "good_thing",
      concerns: ["nothing"],
      speaking_comfort: "with_training",
    },
  },
  {
    who: "Thomas, 38, engineer, heavy Reddit and X user, who thinks companies have no business there and would refuse to post",
    level: "objector",
    facts: ["attitude_negative", "attitude_comes_first"],
    form: {
      frequency: "daily",
      networks_used: ["reddit", "x", "youtube", "bluesky_mastodon"],
      since: "over_five_years",
      activity: "post",
      skills: ["post", "privacy", "mention", "statistics", "report"],
      writing_ease: "very_easy",
      networks_known: ["linkedin", "facebook", "instagram", "x", "youtube", "reddit", "bluesky_mastodon"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "algorithm",
      visibility: "can_spread",
      criticism: "argue",
      company_presence: "waste",
      employees_speaking: "not_their_job",
      concerns: ["misinformation", "blurred_lines"],
      speaking_comfort: "would_refuse",
    },
  },
  {
    who: "Hélène, 55, archivist with no account who distrusts social media and wants the company to stay away (objector, not beginner)",
    level: "objector",
    facts: ["attitude_negative", "attitude_comes_first"],
    form: {
      frequency: "never",
      networks_used: ["none"],
      since: "no_account",
      activity: "not_applicable",
      skills: ["none"],
      writing_ease: "fairly_easy",
      networks_known: ["facebook", "x"],
      recruiting_network: "dont_know",
      hashtag: "group_topics",
      feed: "dont_know",
      visibility: "dont_know",
      criticism: "dont_know",
      company_presence: "stay_away",
      employees_speaking: "risky",
      concerns: ["personal_data", "time", "misinformation", "harassment"],
      speaking_comfort: "uncomfortable",
    },
  },
  {
    who: "Karim, 30, weekly LinkedIn reader who calls it a waste of money, finds employees speaking risky and would rather not",
    level: "objector",
    facts: ["attitude_negative", "attitude_comes_first"],
    form: {
      frequency: "weekly",
      networks_used: ["linkedin", "youtube"],
      since: "over_five_years",
      activity: "read_only",
      skills: ["post", "privacy"],
      writing_ease: "takes_effort",
      networks_known: ["linkedin", "facebook", "youtube", "x"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "follows_only",
      visibility: "can_spread",
      criticism: "ignore",
      company_presence: "waste",
      employees_speaking: "risky",
      concerns: ["personal_data", "time"],
      speaking_comfort: "uncomfortable",
    },
  },
];

describe("placement of typical employees", () => {
  it.each(personas.map((p) => [p.who, p] as const))("%s", (_who, persona) => {
    const scores = scoreAnswers(questionnaire, answers(persona.form));
    const placement = placeLevel(scores);
    expect({ level: placement.level, facts: placement.facts.map((f) => f.key) }).toEqual({ level: persona.level, facts: persona.facts });
    expect(placement.facts.length).toBeGreaterThanOrEqual(2);
    expect(placement.facts.length).toBeLessThanOrEqual(3);
  });

  it("covers every level and every question with the personas", () => {
    expect(new Set(personas.map((p) => p.level))).toEqual(new Set(LEVELS));
    for (const p of personas) expect(Object.keys(p.form).sort()).toEqual(questionnaire.questions.map((q) => q.id).sort());
  });

  it("explains every persona in both languages with no placeholder left", () => {
    for (const p of personas) {
      const placement = placeLevel(scoreAnswers(questionnaire, answers(p.form)));
      for (const lang of ["fr", "en"] as const) {
        const described = describePlacement(placement, lang);
        expect(described.reasons).toHaveLength(placement.facts.length);
        for (const text of [described.title, ...described.reasons]) expect(text).not.toMatch(/\{\{|\}\}/);
      }
    }
  });
});

describe("placement strings", () => {
  it("have a non-empty sentence for every fact key and a name and description for every level, in both languages", () => {
    for (const lang of ["fr", "en"] as const) {
      const strings = placementStrings[lang];
      for (const key of FACT_KEYS) expect(strings.facts[key].trim().length).toBeGreaterThan(20);
      for (const level of LEVELS) {
        expect(strings.levels[level].name.trim()).not.toBe("");
        expect(strings.levels[level].description.length).toBeGreaterThan(100);
      }
    }
  });

  it("use the same placeholders in French and English", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of FACT_KEYS) expect(placeholders(placementStrings.fr.facts[key])).toEqual(placeholders(placementStrings.en.facts[key]));
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so failures can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
};

/** Every valid answer to a question: one option, or for a multiple question any non-empty set of the others. */
function validAnswers(question: PlacementQuestion): string[][] {
  if (question.kind === "single") return question.options.map((o) => [o.id]);
  const free = question.options.filter((o) => !o.exclusive);
  const all: string[][] = question.options.filter((o) => o.exclusive).map((o) => [o.id]);
  for (let mask = 1; mask < 1 << free.length; mask++) all.push(free.filter((_, i) => mask & (1 << i)).map((o) => o.id));
  return all;
}

const answerSpace = new Map(questionnaire.questions.map((q) => [q.id, validAnswers(q)]));

function randomAnswers(rand: () => number): Answers {
  return Object.fromEntries(questionnaire.questions.map((q) => [q.id, pick(rand, answerSpace.get(q.id) ?? [])]));
}

/** What an answer brings to attitude, as the header of questionnaire.yaml defines it (sum, then cap). */
function attitudeOf(question: PlacementQuestion, optionIds: readonly string[]): number {
  const sum = question.options.filter((o) => optionIds.includes(o.id)).reduce((total, o) => total + (o.weights.attitude ?? 0), 0);
  const cap = question.cap?.attitude;
  return cap === undefined ? sum : Math.max(-cap, Math.min(cap, sum));
}

const attitudeQuestions = questionnaire.questions.filter((q) => q.options.some((o) => (o.weights.attitude ?? 0) !== 0));

describe("placement properties", () => {
  it("making every attitude answer more negative never moves a person out of objector", () => {
    const rand = seeded(20260101);
    const starts: Answers[] = personas.filter((p) => p.level === "objector").map((p) => answers(p.form));
    while (starts.length < 150) {
      const candidate = randomAnswers(rand);
      if (placeLevel(scoreAnswers(questionnaire, candidate)).level === "objector") starts.push(candidate);
    }
    let steps = 0;
    for (const start of starts) {
      const current: Record<string, readonly string[]> = { ...start };
      let attitude = scoreAnswers(questionnaire, current).attitude;
      // Walk every attitude question, in a random order, each to an answer at least as negative.
      for (const question of [...attitudeQuestions].sort(() => rand() - 0.5)) {
        const now = attitudeOf(question, current[question.id] ?? []);
        const harsher = (answerSpace.get(question.id) ?? []).filter((a) => attitudeOf(question, a) <= now);
        current[question.id] = pick(rand, harsher);
        const scores = scoreAnswers(questionnaire, current);
        expect(scores.attitude).toBeLessThanOrEqual(attitude);
        attitude = scores.attitude;
        expect(placeLevel(scores).level).toBe("objector");
        steps++;
      }
    }
    expect(steps).toBeGreaterThanOrEqual(150 * attitudeQuestions.length);
  });

  it("every level is reachable, each with an example answer set that places there", () => {
    const reach = reachableLevels(questionnaire);
    expect(reach.missing).toEqual([]);
    for (const level of LEVELS) {
      const example = reach.levels[level];
      expect(example, `no example for ${level}`).toBeDefined();
      if (!example) continue;
      expect(placeLevel(scoreAnswers(questionnaire, example.answers)).level).toBe(level);
    }
  });

  it("reachableLevels enumerates small questionnaires exhaustively and reports what cannot be reached", () => {
    // No negative attitude anywhere: nobody can be an objector, and the search must find that out.
    const tiny: PlacementQuestionnaire = {
      questions: [
        { id: "use", kind: "single", options: [{ id: "no", weights: {} }, { id: "yes", weights: { usage: 1, ease: 1 } }] },
        {
          id: "know",
          kind: "multiple",
          options: [
            { id: "a", weights: { knowledge: 1 } },
            { id: "b", weights: { knowledge: 1, ease: 1 } },
            { id: "none", exclusive: true, weights: {} },
          ],
        },
        { id: "like", kind: "single", options: [{ id: "meh", weights: {} }, { id: "yes", weights: { attitude: 1 } }] },
      ],
    };
    const reach = reachableLevels(tiny);
    expect(reach.method).toBe("exhaustive");
    expect(reach.examined).toBe(2 * 4 * 2);
    expect(reach.missing).toEqual(["objector"]);
    expect(Object.keys(reach.levels).sort()).toEqual(["beginner", "late_adopter", "native", "reluctant"]);

    // The bounded search, forced on the same questionnaire, finds the same levels and no more.
    const searched = reachableLevels(tiny, { exhaustiveLimit: 0 });
    expect(searched.method).toBe("search");
    expect(searched.missing).toEqual(["objector"]);
    for (const [level, example] of Object.entries(searched.levels)) expect(placeLevel(scoreAnswers(tiny, example.answers)).level).toBe(level);
  });

  it("reachableLevels finds a level that only a narrow band of answers reaches", () => {
    // Native needs high usage and ease; with these thresholds almost nothing qualifies.
    const thresholds = { ...PLACEMENT_THRESHOLDS, nativeUsageAtLeast: 0.99, nativeEaseAtLeast: 0.95 };
    const reach = reachableLevels(questionnaire, { thresholds, seed: 7 });
    expect(reach.method).toBe("search");
    const native = reach.levels.native;
    expect(native).toBeDefined();
    if (native) expect(placeLevel(scoreAnswers(questionnaire, native.answers), thresholds).level).toBe("native");
  });

  it("scores stay within bounds for random answer sets", () => {
    const rand = seeded(42);
    const seen = { low: { usage: 1, knowledge: 1, ease: 1, attitude: 1 }, high: { usage: 0, knowledge: 0, ease: 0, attitude: -1 } };
    for (let i = 0; i < 2000; i++) {
      const scores = scoreAnswers(questionnaire, randomAnswers(rand));
      for (const d of ["usage", "knowledge", "ease"] as const) {
        expect(scores[d]).toBeGreaterThanOrEqual(0);
        expect(scores[d]).toBeLessThanOrEqual(1);
      }
      expect(scores.attitude).toBeGreaterThanOrEqual(-1);
      expect(scores.attitude).toBeLessThanOrEqual(1);
      for (const d of ["usage", "knowledge", "ease", "attitude"] as const) {
        seen.low[d] = Math.min(seen.low[d], scores[d]);
        seen.high[d] = Math.max(seen.high[d], scores[d]);
      }
    }
    // The random answers do spread over the range, so the bounds above were really exercised.
    expect(seen.high.attitude - seen.low.attitude).toBeGreaterThan(1);
    expect(seen.high.usage - seen.low.usage).toBeGreaterThan(0.5);
  });

  it("the extreme answers reach exactly 0 and 1 (and -1 for attitude)", () => {
    const extreme = (dimension: "usage" | "knowledge" | "ease" | "attitude", sign: 1 | -1): Answers =>
      Object.fromEntries(
        questionnaire.questions.map((q) => {
          const space = answerSpace.get(q.id) ?? [];
          const value = (a: string[]) => sign * q.options.filter((o) => a.includes(o.id)).reduce((t, o) => t + (o.weights[dimension] ?? 0), 0);
          const capped = (a: string[]) => {
            const cap = q.cap?.[dimension];
            const v = value(a);
            return cap === undefined ? v : Math.min(cap, v);
          };
          return [q.id, space.reduce((best, a) => (capped(a) > capped(best) ? a : best))];
        }),
      );
    expect(scoreAnswers(questionnaire, extreme("usage", 1)).usage).toBe(1);
    expect(scoreAnswers(questionnaire, extreme("knowledge", 1)).knowledge).toBe(1);
    expect(scoreAnswers(questionnaire, extreme("ease", 1)).ease).toBe(1);
    expect(scoreAnswers(questionnaire, extreme("attitude", 1)).attitude).toBe(1);
    expect(scoreAnswers(questionnaire, extreme("attitude", -1)).attitude).toBe(-1);
    expect(scoreAnswers(questionnaire, extreme("usage", -1)).usage).toBe(0);
  });
});

describe("placement rules at their thresholds", () => {
  const t = PLACEMENT_THRESHOLDS;
  const at = (scores: Partial<Record<"usage" | "knowledge" | "attitude" | "ease", number>>) =>
    placeLevel({ usage: 0.5, knowledge: 0.5, attitude: 0.2, ease: 0.5, ...scores }).level;

  it("applies each threshold on the documented side", () => {
    expect(at({ attitude: t.objectorAttitudeAtMost })).toBe("objector");
    expect(at({ attitude: t.objectorAttitudeAtMost + 0.0001 })).toBe("late_adopter");
    expect(at({ knowledge: t.beginnerKnowledgeBelow - 0.0001 })).toBe("beginner");
    expect(at({ knowledge: t.beginnerKnowledgeBelow })).toBe("late_adopter");
    expect(at({ usage: t.reluctantUsageBelow - 0.0001 })).toBe("reluctant");
    expect(at({ usage: t.reluctantUsageBelow })).toBe("late_adopter");
    expect(at({ usage: t.nativeUsageAtLeast, ease: t.nativeEaseAtLeast })).toBe("native");
    expect(at({ usage: t.nativeUsageAtLeast, ease: t.nativeEaseAtLeast - 0.0001 })).toBe("late_adopter");
  });

  it("tries the rules in order: objector before beginner before reluctant", () => {
    expect(at({ attitude: -0.9, knowledge: 0, usage: 0 })).toBe("objector");
    expect(at({ knowledge: 0.1, usage: 0.1 })).toBe("beginner");
    expect(at({ knowledge: 0.1, usage: 1, ease: 1 })).toBe("beginner");
  });

  it("accepts tuned thresholds", () => {
    const scores = { usage: 0.6, knowledge: 0.5, attitude: 0.2, ease: 0.8 };
    expect(placeLevel(scores).level).toBe("late_adopter");
    expect(placeLevel(scores, { ...PLACEMENT_THRESHOLDS, nativeUsageAtLeast: 0.6 }).level).toBe("native");
  });
});

describe("invalid answers", () => {
  const valid = answers(personas[0]?.form ?? {});

  it("rejects an unknown question with UnknownAnswerError", () => {
    const run = () => scoreAnswers(questionnaire, { ...valid, favourite_colour: ["blue"] });
    expect(run).toThrow(UnknownAnswerError);
    expect(run).toThrow(/Unknown question "favourite_colour"/);
  });

  it("rejects an unknown option with UnknownAnswerError naming both ids", () => {
    try {
      scoreAnswers(questionnaire, { ...valid, frequency: ["hourly"] });
      expect.unreachable("should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownAnswerError);
      expect(error).toMatchObject({ questionId: "frequency", optionId: "hourly", name: "UnknownAnswerError" });
      expect((error as Error).message).toBe('Unknown option "hourly" for question "frequency"');
    }
  });

  it("rejects an option of another question", () => {
    expect(() => scoreAnswers(questionnaire, { ...valid, frequency: ["linkedin"] })).toThrow(UnknownAnswerError);
  });

  it("rejects missing answers, two options for a single question, an exclusive option combined with others", () => {
    const missing = Object.fromEntries(Object.entries(valid).filter(([questionId]) => questionId !== "frequency"));
    expect(() => scoreAnswers(questionnaire, missing)).toThrow(InvalidAnswerError);
    expect(() => scoreAnswers(questionnaire, { ...valid, frequency: ["daily", "weekly"] })).toThrow(/exactly one/);
    expect(() => scoreAnswers(questionnaire, { ...valid, networks_used: ["none", "linkedin"] })).toThrow(/cannot be combined/);
    expect(() => scoreAnswers(questionnaire, { ...valid, networks_used: ["x", "x"] })).toThrow(InvalidAnswerError);
    expect(() => scoreAnswers(questionnaire, { ...valid, skills: [] })).toThrow(InvalidAnswerError);
  });
});
