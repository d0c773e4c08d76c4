/**
 * Answer cues in a content library (app/domain/answer-cues.ts), as problems with file:line:col:
 * exam items (single and multiple answers), every module's knowledge checks (each language's file)
 * and every charter version's comprehension check. `content:check` reports them and fails on them;
 * the app itself does not load them as problems, so a cue never makes content unavailable.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { answerCues, describeCue, type CueOption } from "../domain/answer-cues";
import type { ContentLibrary } from "./library.server";
import { yamlPosition, type Problem } from "./schemas";

export function answerCueProblems(library: ContentLibrary): Problem[] {
  const problems: Problem[] = [];
  const report = (file: string, at: { line: number; col: number }, label: string, options: readonly CueOption[]) => {
    const plural = options.filter((o) => o.correct).length > 1;
    for (const cue of answerCues(options)) problems.push({ file, line: at.line, col: at.col, message: `${label}: ${describeCue(cue, plural)}` });
  };

  // Exam bank: true/false and judgement items have fixed options.
  if (library.exam) {
    const file = path.join(library.dir, "exam", "items.yaml");
    const text = readText(file);
    library.exam.items.forEach((item, index) => {
      if (item.type !== "single" && item.type !== "multiple") return;
      report(file, text ? yamlPosition(text, ["items", index, "options"]) : { line: 1, col: 1 }, `exam item "${item.id}"`, item.options.map((o) => ({ text: o.text, correct: o.correct === true })));
    });
  }

  // Knowledge checks, in each language's own file.
  for (const [moduleId, entry] of library.modules) {
    for (const module of [entry.locales.fr, entry.locales.en]) {
      if (!module) continue;
      const source = readText(module.file);
      for (const check of module.checks) {
        const options = check.options.map((o) => ({ text: { [module.locale]: o.text }, correct: o.correct }));
        report(module.file, source ? locateCheck(source, check.id) : { line: 1, col: 1 }, `knowledge check "${check.id}" of module "${moduleId}"`, options);
      }
    }
  }

  // Charter comprehension checks.
  for (const [version, charter] of library.charters) {
    const file = path.join(library.dir, "policy", "charter", version, "check.yaml");
    const text = readText(file);
    charter.check.questions.forEach((question, index) => {
      const at = text ? yamlPosition(text, ["questions", index, "options"]) : { line: 1, col: 1 };
      report(file, at, `charter ${version} question "${question.id}"`, question.options.map((o) => ({ text: o.text, correct: o.correct === true })));
    });
  }
  return problems;
}

/** Where `<KnowledgeCheck … id="checkId"` starts in an MDX source (1:1 if not found). */
export function locateCheck(source: string, checkId: string): { line: number; col: number } {
  const pattern = /<KnowledgeCheck\b[^>]*?\bid="([^"]*)"/g;
  for (const match of source.matchAll(pattern)) {
    if (match[1] !== checkId) continue;
    const before = source.slice(0, match.index);
    const line = before.split("\n").length;
    return { line, col: match.index - before.lastIndexOf("\n") };
  }
  return { line: 1, col: 1 };
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}
