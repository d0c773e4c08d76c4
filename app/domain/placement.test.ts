import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseQuestionnaire, type Questionnaire } from "../content/diagnostic-schema";
import { describePlacement, placementStrings } from "../i18n/placement";
import { DEFINITIONS, PERSONAS as personas, type Persona } from "./placement-personas";
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

describe("placement of typical employees (the persona table, app/domain/placement-personas.ts)", () => {
  it.each(personas.map((p) => [`${p.name}, ${p.who}`, p] as const))("%s", (_who, persona: Persona) => {
    const scores = scoreAnswers(questionnaire, answers(persona.form));
    const placement = placeLevel(scores);
    expect({ level: placement.level, facts: placement.facts.map((f) => f.key) }).toEqual({ level: persona.level, facts: persona.facts });
    expect(placement.facts.length).toBeGreaterThanOrEqual(2);
    expect(placement.facts.length).toBeLessThanOrEqual(3);
  });

  it("has at least 30 personas, four or more per level, each answering every question", () => {
    expect(personas.length).toBeGreaterThanOrEqual(30);
    for (const level of LEVELS) expect(personas.filter((p) => p.level === level).length, level).toBeGreaterThanOrEqual(4);
    for (const level of LEVELS) expect(DEFINITIONS[level].length).toBeGreaterThan(20);
    for (const p of personas) expect(Object.keys(p.form).sort(), p.name).toEqual(questionnaire.questions.map((q) => q.id).sort());
    expect(new Set(personas.map((p) => p.name)).size).toBe(personas.length);
  });

  // The three cases of issue #17, by name.
  it("an old LinkedIn profile opened a few times a year, only to read, is reluctant, whatever its age", () => {
    const bernard = personas.find((p) => p.name === "Bernard")!;
    expect(placeLevel(scoreAnswers(questionnaire, answers(bernard.form))).level).toBe("reluctant");
    // The account's age and an honest extra tick do not move him: usage stays low.
    for (const since of ["under_two_years", "two_to_five_years", "over_five_years", "grew_up_with_them"]) {
      for (const frequency of ["never", "rarely"]) {
        const form = { ...bernard.form, since, frequency, networks_used: ["linkedin", "facebook"] };
        expect(placeLevel(scoreAnswers(questionnaire, answers(form))).level, `${since} ${frequency}`).toBe("reluctant");
      }
    }
  });

  it("no account and little practice is beginner, even with every knowledge question right", () => {
    const sylvie = personas.find((p) => p.name === "Sylvie")!;
    const bestGuesses = {
      ...sylvie.form,
      networks_known: ["linkedin", "facebook", "instagram", "threads", "x", "youtube", "tiktok"],
      recruiting_network: "linkedin",
      hashtag: "group_topics",
      feed: "algorithm",
      visibility: "can_spread",
      criticism: "answer_calmly",
    };
    for (const passive_viewing of ["never", "sometimes", "often"]) {
      const scores = scoreAnswers(questionnaire, answers({ ...bestGuesses, passive_viewing }));
      expect(scores.knowledge).toBeGreaterThan(0.5);
      expect(placeLevel(scores).level, passive_viewing).toBe("beginner");
    }
  });

  it("ordinary worries and shyness never make an objector: they are about ease, not attitude", () => {
    const martine = personas.find((p) => p.name === "Martine")!;
    const worried = {
      ...martine.form,
      concerns: ["personal_data", "time", "misinformation", "harassment", "blurred_lines"],
      speaking_comfort: "uncomfortable",
    };
    const calm = { ...martine.form, concerns: ["nothing"], speaking_comfort: "not_sure" };
    const a = scoreAnswers(questionnaire, answers(worried));
    const b = scoreAnswers(questionnaire, answers(calm));
    expect(a.attitude).toBe(b.attitude);
    expect(placeLevel(a).level).toBe("reluctant");
    // No option of the worry and comfort questions other than a refusal on principle moves attitude.
    for (const id of ["concerns", "speaking_comfort"]) {
      const question = questionnaire.questions.find((q) => q.id === id)!;
      for (const option of question.options)
        if (option.id !== "would_refuse" && option.id !== "glad") expect(option.weights.attitude ?? 0, `${id}.${option.id}`).toBe(0);
    }
  });

  it("Threads is among the networks used and known", () => {
    for (const id of ["networks_used", "networks_known"])
      expect(questionnaire.questions.find((q) => q.id === id)?.options.map((o) => o.id)).toContain("threads");
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
        {
          id: "use",
          kind: "single",
          options: [
            { id: "no", weights: {} },
            { id: "yes", weights: { usage: 1, ease: 1 } },
          ],
        },
        {
          id: "know",
          kind: "multiple",
          options: [
            { id: "a", weights: { knowledge: 1 } },
            { id: "b", weights: { knowledge: 1, ease: 1 } },
            { id: "none", exclusive: true, weights: {} },
          ],
        },
        {
          id: "like",
          kind: "single",
          options: [
            { id: "meh", weights: {} },
            { id: "yes", weights: { attitude: 1 } },
          ],
        },
        {
          id: "account",
          kind: "single",
          options: [
            { id: "none", weights: {} },
            { id: "yes", weights: { exposure: 1 } },
          ],
        },
      ],
    };
    const reach = reachableLevels(tiny);
    expect(reach.method).toBe("exhaustive");
    expect(reach.examined).toBe(2 * 4 * 2 * 2);
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

  it("reachableLevels finds a level through its second rule (beginner by lack of practice)", () => {
    // With no knowledge threshold, only "no account and little practice" makes a beginner.
    const thresholds = { ...PLACEMENT_THRESHOLDS, beginnerKnowledgeBelow: 0 };
    const reach = reachableLevels(questionnaire, { thresholds, seed: 3 });
    const beginner = reach.levels.beginner;
    expect(beginner).toBeDefined();
    if (beginner) {
      expect(placeLevel(scoreAnswers(questionnaire, beginner.answers), thresholds).facts[0]?.key).toBe("practice_low");
    }
  });

  it("scores stay within bounds for random answer sets", () => {
    const rand = seeded(42);
    const seen = { low: { usage: 1, exposure: 1, knowledge: 1, ease: 1, attitude: 1 }, high: { usage: 0, exposure: 0, knowledge: 0, ease: 0, attitude: -1 } };
    for (let i = 0; i < 2000; i++) {
      const scores = scoreAnswers(questionnaire, randomAnswers(rand));
      for (const d of ["usage", "exposure", "knowledge", "ease"] as const) {
        expect(scores[d]).toBeGreaterThanOrEqual(0);
        expect(scores[d]).toBeLessThanOrEqual(1);
      }
      expect(scores.attitude).toBeGreaterThanOrEqual(-1);
      expect(scores.attitude).toBeLessThanOrEqual(1);
      for (const d of ["usage", "exposure", "knowledge", "ease", "attitude"] as const) {
        seen.low[d] = Math.min(seen.low[d], scores[d]);
        seen.high[d] = Math.max(seen.high[d], scores[d]);
      }
    }
    // The random answers do spread over the range, so the bounds above were really exercised.
    expect(seen.high.attitude - seen.low.attitude).toBeGreaterThan(1);
    expect(seen.high.usage - seen.low.usage).toBeGreaterThan(0.5);
  });

  it("the extreme answers reach exactly 0 and 1 (and -1 for attitude)", () => {
    const extreme = (dimension: "usage" | "exposure" | "knowledge" | "ease" | "attitude", sign: 1 | -1): Answers =>
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
    expect(scoreAnswers(questionnaire, extreme("exposure", 1)).exposure).toBe(1);
    expect(scoreAnswers(questionnaire, extreme("knowledge", 1)).knowledge).toBe(1);
    expect(scoreAnswers(questionnaire, extreme("ease", 1)).ease).toBe(1);
    expect(scoreAnswers(questionnaire, extreme("attitude", 1)).attitude).toBe(1);
    expect(scoreAnswers(questionnaire, extreme("attitude", -1)).attitude).toBe(-1);
    expect(scoreAnswers(questionnaire, extreme("usage", -1)).usage).toBe(0);
  });
});

describe("placement rules at their thresholds", () => {
  const t = PLACEMENT_THRESHOLDS;
  const at = (scores: Partial<Record<"usage" | "exposure" | "knowledge" | "attitude" | "ease", number>>) =>
    placeLevel({ usage: 0.5, exposure: 0.5, knowledge: 0.5, attitude: 0.2, ease: 0.5, ...scores }).level;

  it("applies each threshold on the documented side", () => {
    expect(at({ attitude: t.objectorAttitudeAtMost })).toBe("objector");
    expect(at({ attitude: t.objectorAttitudeAtMost + 0.0001 })).toBe("late_adopter");
    expect(at({ knowledge: t.beginnerKnowledgeBelow - 0.0001 })).toBe("beginner");
    expect(at({ knowledge: t.beginnerKnowledgeBelow })).toBe("late_adopter");
    expect(at({ usage: t.reluctantUsageBelow - 0.0001 })).toBe("reluctant");
    expect(at({ usage: t.reluctantUsageBelow })).toBe("late_adopter");
    expect(at({ usage: 0.1, exposure: t.beginnerExposureBelow - 0.0001 })).toBe("beginner");
    expect(at({ usage: 0.1, exposure: t.beginnerExposureBelow })).toBe("reluctant");
    expect(at({ usage: t.reluctantUsageBelow, exposure: 0 })).toBe("late_adopter");
    expect(at({ usage: t.nativeUsageAtLeast, ease: t.nativeEaseAtLeast })).toBe("native");
    expect(at({ usage: t.nativeUsageAtLeast, ease: t.nativeEaseAtLeast - 0.0001 })).toBe("late_adopter");
  });

  it("tries the rules in order: objector before beginner before reluctant", () => {
    expect(at({ attitude: -0.9, knowledge: 0, usage: 0 })).toBe("objector");
    expect(at({ knowledge: 0.1, usage: 0.1 })).toBe("beginner");
    expect(at({ knowledge: 0.1, usage: 1, ease: 1 })).toBe("beginner");
    expect(at({ knowledge: 0.9, usage: 0, exposure: 0 })).toBe("beginner");
    expect(at({ attitude: -0.5, usage: 0, exposure: 0 })).toBe("objector");
  });

  it("accepts tuned thresholds", () => {
    const scores = { usage: 0.6, exposure: 0.5, knowledge: 0.5, attitude: 0.2, ease: 0.8 };
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
