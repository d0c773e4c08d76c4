import { describe, expect, it } from "vitest";
import { checkAnswer, diagnosticProgress, resumeStep, stepAfter, usableAnswers } from "./diagnostic";
import type { PlacementQuestionnaire } from "./placement";

const questionnaire: PlacementQuestionnaire = {
  questions: [
    {
      id: "frequency",
      kind: "single",
      options: [
        { id: "never", weights: {} },
        { id: "daily", weights: { usage: 2 } },
      ],
    },
    {
      id: "networks",
      kind: "multiple",
      options: [
        { id: "linkedin", weights: { usage: 1 } },
        { id: "facebook", weights: { usage: 1 } },
        { id: "none", exclusive: true, weights: {} },
      ],
    },
    {
      id: "attitude",
      kind: "single",
      options: [
        { id: "for", weights: { attitude: 1 } },
        { id: "against", weights: { attitude: -1 } },
      ],
    },
  ],
};

describe("checkAnswer", () => {
  it("accepts a single option and returns multiple options in the questionnaire's order", () => {
    expect(checkAnswer(questionnaire, "frequency", ["daily"])).toEqual({ ok: true, optionIds: ["daily"] });
    expect(checkAnswer(questionnaire, "networks", ["facebook", "linkedin"])).toEqual({ ok: true, optionIds: ["linkedin", "facebook"] });
    expect(checkAnswer(questionnaire, "networks", ["none"])).toEqual({ ok: true, optionIds: ["none"] });
  });

  it.each([
    ["an unknown question", "nope", ["daily"], "unknown_question"],
    ["an unknown option", "frequency", ["hourly"], "unknown_option"],
    ["no option at all", "networks", [], "required"],
    ["two options for a single question", "frequency", ["never", "daily"], "single"],
    ["the same option twice", "networks", ["linkedin", "linkedin"], "duplicate"],
    ["an exclusive option with another", "networks", ["none", "facebook"], "exclusive"],
  ] as const)("rejects %s", (_label, questionId, options, problem) => {
    expect(checkAnswer(questionnaire, questionId, options)).toEqual({ ok: false, problem });
  });
});

describe("progress and navigation", () => {
  it("drops stored answers the questionnaire no longer accepts", () => {
    const saved = { frequency: ["daily"], networks: ["myspace"], removed_question: ["x"] };
    expect(usableAnswers(questionnaire, saved)).toEqual({ frequency: ["daily"] });
  });

  it("resumes at the first unanswered question, or the review when all are answered", () => {
    const partial = diagnosticProgress(questionnaire, { frequency: ["daily"], attitude: ["for"] });
    expect(partial).toEqual({ total: 3, answered: 2, firstUnanswered: 2 });
    expect(resumeStep(partial)).toBe(2);
    const done = diagnosticProgress(questionnaire, { frequency: ["daily"], networks: ["none"], attitude: ["for"] });
    expect(done.firstUnanswered).toBeNull();
    expect(resumeStep(done)).toBe("review");
  });

  it("goes to the next question, back to the review when editing from it, and to a gap after the last", () => {
    const done = diagnosticProgress(questionnaire, { frequency: ["daily"], networks: ["none"], attitude: ["for"] });
    expect(stepAfter(done, 1, false)).toBe(2);
    expect(stepAfter(done, 1, true)).toBe("review");
    expect(stepAfter(done, 3, false)).toBe("review");
    const gap = diagnosticProgress(questionnaire, { frequency: ["daily"], attitude: ["for"] });
    expect(stepAfter(gap, 3, false)).toBe(2);
    expect(stepAfter(gap, 3, true)).toBe(2);
  });
});
