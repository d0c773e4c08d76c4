/**
 * The answer keys of the content files (the charter's comprehension check and the exam bank), as tests
 * know them and the browser never does. No vitest import: the e2e fixtures, run with tsx, use it too.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

type CheckFile = { questions: { id: string; options: { id: string; correct?: boolean; explanation: { fr: string; en: string } }[] }[] };

export function charterCheck(version = "2026-01"): CheckFile {
  const dir = process.env.CONTENT_DIR ?? "content";
  return parse(fs.readFileSync(path.join(dir, "policy", "charter", version, "check.yaml"), "utf8")) as CheckFile;
}

/** Form fields answering the charter check: all right, or with one wrong answer. */
export function charterAnswers(version = "2026-01", wrong = false): Record<string, string> {
  const fields: Record<string, string> = {};
  charterCheck(version).questions.forEach((q, index) => {
    const pick = wrong && index === 0 ? q.options.find((o) => o.correct !== true)! : q.options.find((o) => o.correct === true)!;
    fields[`q:${q.id}`] = pick.id;
  });
  return fields;
}

type BankFile = {
  items: {
    id: string;
    category: string;
    type: string;
    options: { id: string; correct?: boolean; text: { fr: string; en: string } }[];
    explanation: { fr: string; en: string };
  }[];
};

export function examBankFile(): BankFile {
  const dir = process.env.CONTENT_DIR ?? "content";
  return parse(fs.readFileSync(path.join(dir, "exam", "items.yaml"), "utf8")) as BankFile;
}

export function rightAnswer(itemId: string): string[] {
  const item = examBankFile().items.find((i) => i.id === itemId)!;
  return item.options.filter((o) => o.correct === true).map((o) => o.id);
}

export function wrongAnswer(itemId: string): string[] {
  const item = examBankFile().items.find((i) => i.id === itemId)!;
  return [item.options.find((o) => o.correct !== true)!.id];
}
