import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseQuestionnaire, type ContentProblem } from "./diagnostic-schema";

const FILE = "content/diagnostic/questionnaire.yaml";

// A small valid questionnaire; the tests below break one line of it at a time (line numbers on the right).
const BASE = [
  "dimensions: [usage, exposure, knowledge, attitude, ease]", // 1
  "questions:", // 2
  "  - id: frequency", // 3
  "    kind: single", // 4
  '    prompt: { fr: "Fréquence ?", en: "How often?" }', // 5
  "    options:", // 6
  "      - id: never", // 7
  '        label: { fr: "Jamais", en: "Never" }', // 8
  "        weights: {}", // 9
  "      - id: daily", // 10
  '        label: { fr: "Tous les jours", en: "Every day" }', // 11
  "        weights: { usage: 2, knowledge: 1, ease: 1 }", // 12
  "  - id: opinion", // 13
  "    kind: multiple", // 14
  "    prompt:", // 15
  '      fr: "Votre avis ?"', // 16
  '      en: "Your opinion?"', // 17
  "    options:", // 18
  "      - id: for", // 19
  '        label: { fr: "Pour", en: "For" }', // 20
  "        weights: { attitude: 1, exposure: 1 }", // 21
  "      - id: against", // 22
  '        label: { fr: "Contre", en: "Against" }', // 23
  "        weights: { attitude: -1 }", // 24
  "      - id: none", // 25
  '        label: { fr: "Aucun", en: "None" }', // 26
  "        exclusive: true", // 27
  "        weights: {}", // 28
];

/** The base questionnaire with some lines replaced (1-based line number → new text, or null to delete). */
function variant(changes: Record<number, string | null> = {}): string {
  return BASE.map((line, i) => (i + 1 in changes ? changes[i + 1] : line))
    .filter((line): line is string => typeof line === "string")
    .join("\n");
}

function problemsOf(text: string): ContentProblem[] {
  const result = parseQuestionnaire(text, FILE);
  if (result.ok) throw new Error("expected the questionnaire to be rejected");
  return result.problems;
}

/** 1-based column of `needle` on a line of text. */
const colOf = (line: string, needle: string) => line.indexOf(needle) + 1;

describe("parseQuestionnaire", () => {
  it("accepts a valid questionnaire and fills in defaults", () => {
    const result = parseQuestionnaire(variant({ 9: null }), FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.questionnaire.questions.map((q) => q.id)).toEqual(["frequency", "opinion"]);
    expect(result.questionnaire.questions[0]?.options[0]?.weights).toEqual({});
  });

  it("rejects a weight on an undeclared dimension, at that weight", () => {
    const line = "        weights: { usage: 2, knowledge: 1, humour: 1, ease: 1 }";
    const problems = problemsOf(variant({ 12: line }));
    expect(problems).toEqual([
      {
        file: FILE,
        line: 12,
        col: colOf(line, "humour"),
        message: expect.stringMatching(/undeclared dimension "humour" \(declared: usage, exposure, knowledge, attitude, ease\)/),
      },
    ]);
    expect(problems[0]?.message).toMatch(/^questions\[0\]\.options\[1\]\.weights\.humour: /);
  });

  it("rejects a missing language, at the text that lacks it", () => {
    const problems = problemsOf(variant({ 17: null }));
    expect(problems).toEqual([{ file: FILE, line: 15, col: 5, message: expect.stringMatching(/English text \(en\) is missing/) }]);
  });

  it("rejects an empty language, at that language", () => {
    const line = '        label: { fr: "  ", en: "Against" }';
    const problems = problemsOf(variant({ 23: line }));
    expect(problems).toEqual([{ file: FILE, line: 23, col: colOf(line, "fr:"), message: expect.stringMatching(/French text \(fr\) is empty/) }]);
  });

  it("rejects a duplicate question id, at the second one", () => {
    const problems = problemsOf(variant({ 13: "  - id: frequency" }));
    expect(problems).toEqual([{ file: FILE, line: 13, col: 5, message: expect.stringMatching(/duplicate question id "frequency"/) }]);
  });

  it("rejects a duplicate option id, at the second one", () => {
    const problems = problemsOf(variant({ 22: "      - id: for" }));
    expect(problems).toEqual([{ file: FILE, line: 22, col: 9, message: expect.stringMatching(/duplicate option id "for" in question "opinion"/) }]);
  });

  it("rejects an exclusive option in a single question", () => {
    const problems = problemsOf(variant({ 9: "        exclusive: true" }));
    expect(problems).toEqual([{ file: FILE, line: 9, col: 9, message: expect.stringMatching(/exclusive only makes sense in a multiple question/) }]);
  });

  it("rejects a negative weight outside attitude", () => {
    const line = "        weights: { usage: -2, knowledge: 1, ease: 1 }";
    const problems = problemsOf(variant({ 9: "        weights: { usage: 1 }", 12: line }));
    expect(problems).toEqual([{ file: FILE, line: 12, col: colOf(line, "usage"), message: expect.stringMatching(/negative weight on "usage"/) }]);
  });

  it("rejects a misspelt key, at that key", () => {
    const problems = problemsOf(variant({ 27: "        exclusiv: true" }));
    expect(problems).toEqual([{ file: FILE, line: 27, col: 9, message: expect.stringMatching(/Unrecognized key: "exclusiv"/) }]);
  });

  it("rejects a wrong kind and an id that is not snake_case", () => {
    const problems = problemsOf(variant({ 4: "    kind: several", 7: "      - id: Never" }));
    expect(problems.map((p) => [p.line, p.col])).toEqual([
      [4, 5],
      [7, 9],
    ]);
    expect(problems[0]?.message).toMatch(/kind is single or multiple/);
    expect(problems[1]?.message).toMatch(/snake_case/);
  });

  it("rejects a questionnaire that does not declare a dimension the model needs", () => {
    const problems = problemsOf(variant({ 1: "dimensions: [usage, exposure, knowledge, attitude]", 12: "        weights: { usage: 2, knowledge: 1 }" }));
    expect(problems).toEqual([{ file: FILE, line: 1, col: 1, message: expect.stringMatching(/dimension "ease" must be declared/) }]);
  });

  it("reports YAML syntax errors with their position", () => {
    const problems = problemsOf(variant({ 16: '      fr: "Votre avis ?' }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(/^YAML: /);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(16);
  });

  it("reports a key given twice as a YAML error at the second one", () => {
    const problems = problemsOf(variant({ 4: "    kind: single\n    kind: multiple" }));
    expect(problems[0]).toMatchObject({ line: 5, col: 5, message: expect.stringMatching(/^YAML: .*unique/) });
  });

  it("locates at line 1, column 1 when the whole file is wrong", () => {
    expect(problemsOf("")).toEqual([{ file: FILE, line: 1, col: 1, message: expect.stringMatching(/^questionnaire: /) }]);
  });
});

describe("content/diagnostic/questionnaire.yaml", () => {
  const text = readFileSync(fileURLToPath(new URL("../../content/diagnostic/questionnaire.yaml", import.meta.url)), "utf8");
  const result = parseQuestionnaire(text, FILE);

  it("is valid", () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("has 14 to 18 questions, each with at least two options and bilingual texts", () => {
    if (!result.ok) return;
    const { questions } = result.questionnaire;
    expect(questions.length).toBeGreaterThanOrEqual(14);
    expect(questions.length).toBeLessThanOrEqual(18);
    for (const q of questions) {
      expect(q.prompt.fr).not.toBe(q.prompt.en);
      for (const o of q.options) expect(o.label.fr.length * o.label.en.length).toBeGreaterThan(0);
    }
  });

  it("asks about frequency, networks used, seniority, skills, networks known, attitude and comfort", () => {
    if (!result.ok) return;
    const ids = result.questionnaire.questions.map((q) => q.id);
    for (const id of ["frequency", "networks_used", "since", "skills", "networks_known", "company_presence", "employees_speaking", "speaking_comfort"])
      expect(ids).toContain(id);
    const multiple = result.questionnaire.questions.filter((q) => q.kind === "multiple").map((q) => q.id);
    expect(multiple).toEqual(expect.arrayContaining(["networks_used", "skills", "networks_known"]));
  });
});
