import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { examBankSchema, parseYamlWith, splitFrontmatter, tracksSchema, charterCheckSchema, moduleFrontmatterSchema, type ExamBank } from "./schemas";

const CONTENT = fileURLToPath(new URL("../../content", import.meta.url));
const realExam = () => parse(readFileSync(`${CONTENT}/exam/items.yaml`, "utf8")) as ExamBank;
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("module frontmatter", () => {
  const valid = { id: "core-x", title: "T", summary: "S", duration: 12, objectives: ["a", "b"], version: 1 };
  it("accepts a valid frontmatter", () => {
    expect(moduleFrontmatterSchema.safeParse(valid).success).toBe(true);
  });
  it.each([
    [{ ...valid, id: "Core_X" }, /kebab-case/],
    [{ ...valid, duration: 2 }, /between 3 and 40/],
    [{ ...valid, duration: 12.5 }, /whole number/],
    [{ ...valid, objectives: ["one"] }, /2 to 6 objectives/],
    [{ ...valid, objectives: ["1", "2", "3", "4", "5", "6", "7"] }, /2 to 6 objectives/],
    [{ ...valid, version: 0 }, /positive/],
    [{ ...valid, title: "  " }, /title is empty/],
    [{ ...valid, extra: 1 }, /.+/],
  ])("rejects %j", (value, message) => {
    const result = moduleFrontmatterSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(messages(result).join("\n")).toMatch(message);
  });
});

describe("tracks", () => {
  const levels = { native: ["n"], late_adopter: ["l"], reluctant: ["r"], objector: ["o"], beginner: ["b"] };
  it("needs the five levels, each non-empty", () => {
    expect(tracksSchema.safeParse({ core: ["c"], levels }).success).toBe(true);
    expect(tracksSchema.safeParse({ core: ["c"], levels: { ...levels, beginner: [] } }).success).toBe(false);
    const { objector: _objector, ...four } = levels;
    expect(tracksSchema.safeParse({ core: ["c"], levels: four }).success).toBe(false);
    expect(tracksSchema.safeParse({ core: ["c"], levels: { ...levels, expert: ["e"] } }).success).toBe(false);
  });
  it("rejects duplicates and level modules already in the core", () => {
    expect(messages(tracksSchema.safeParse({ core: ["c", "c"], levels }))).toContain('module "c" is listed twice');
    expect(messages(tracksSchema.safeParse({ core: ["c"], levels: { ...levels, native: ["c"] } }))).toContain('module "c" is already in the common core');
  });
});

describe("exam bank", () => {
  it("accepts the real bank", () => {
    const result = examBankSchema.safeParse(realExam());
    expect(messages(result)).toEqual([]);
  });

  const mutate = (index: number, change: (item: ExamBank["items"][number]) => void) => {
    const bank = realExam();
    const item = bank.items[index];
    if (!item) throw new Error("no such item");
    change(item);
    return messages(examBankSchema.safeParse(bank)).join("\n");
  };
  const indexOf = (type: string) => realExam().items.findIndex((item) => item.type === type);

  it("checks the rules of each type", () => {
    expect(mutate(indexOf("single"), (item) => item.options.forEach((o) => (o.correct = true)))).toMatch(/exactly one correct option/);
    expect(mutate(indexOf("single"), (item) => (item.options = item.options.slice(0, 2)))).toMatch(/3 to 6 options/);
    expect(mutate(indexOf("multiple"), (item) => item.options.forEach((o, i) => (o.correct = i === 0)))).toMatch(/at least two correct/);
    expect(mutate(indexOf("true_false"), (item) => item.options[0] && (item.options[0].id = "yes"))).toMatch(/"true" and "false"/);
    expect(mutate(indexOf("judgement"), (item) => delete item.post)).toMatch(/needs the post/);
    expect(mutate(indexOf("judgement"), (item) => item.options[2] && (item.options[2].id = "maybe"))).toMatch(/"post", "edit" and "dont"/);
  });

  it("checks ids, categories, bilingual texts and size", () => {
    const bank = realExam();
    const first = bank.items[0];
    const second = bank.items[1];
    if (!first || !second) throw new Error("bank too small");
    second.id = first.id;
    expect(messages(examBankSchema.safeParse(bank)).join("\n")).toMatch(/duplicate item id/);
    expect(mutate(0, (item) => ((item as { category: string }).category = "gossip"))).toMatch(/category is one of/);
    expect(mutate(0, (item) => ((item.question as { en?: string }).en = undefined))).toMatch(/English text/);
    const small = realExam();
    small.items = small.items.slice(0, 39);
    expect(messages(examBankSchema.safeParse(small)).join("\n")).toMatch(/at least 40 items/);
  });

  it("locates problems in the YAML text", () => {
    const text = readFileSync(`${CONTENT}/exam/items.yaml`, "utf8").replace(/category: charter/, "category: gossip");
    const result = parseYamlWith(text, "items.yaml", examBankSchema);
    expect(result.ok).toBe(false);
    const line = text.split("\n").findIndex((l) => l.includes("category: gossip")) + 1;
    if (!result.ok) expect(result.problems).toEqual([{ file: "items.yaml", line, col: 5, message: expect.stringMatching(/^items\[0\]\.category: category is one of/) }]);
  });
});

describe("charter check", () => {
  it("accepts the real check and needs exactly one correct option per question", () => {
    const check = parse(readFileSync(`${CONTENT}/policy/charter/2026-01/check.yaml`, "utf8")) as { questions: { options: { correct?: boolean }[] }[] };
    expect(messages(charterCheckSchema.safeParse(check))).toEqual([]);
    check.questions[0]?.options.forEach((o) => (o.correct = true));
    expect(messages(charterCheckSchema.safeParse(check)).join("\n")).toMatch(/exactly one option must be correct/);
    check.questions = check.questions.slice(0, 2);
    expect(messages(charterCheckSchema.safeParse(check)).join("\n")).toMatch(/3 to 5 questions/);
  });
});

describe("splitFrontmatter", () => {
  it("keeps line numbers", () => {
    const result = splitFrontmatter("---\na: 1\n---\nbody\n", "f");
    expect(result).toEqual({ ok: true, frontmatter: { yaml: "a: 1", yamlLine: 2, body: "\n\n\nbody\n" } });
  });
  it("handles files without frontmatter", () => {
    expect(splitFrontmatter("body", "f")).toEqual({ ok: true, frontmatter: { yaml: null, yamlLine: 1, body: "body" } });
  });
});
