/**
 * French typography in a content library (app/domain/french-typography.ts), as problems with
 * file:line:col, read through the parsers the library already uses, so that only French prose is read:
 *
 * - modules and charter versions: the French file's frontmatter (title, summary, objectives) and its
 *   compiled tree: the text of each block (its inline elements joined, inline code left out as a
 *   placeholder, code blocks skipped) and the components' prose attributes (title, question,
 *   explanation, prompt, alt, caption); never ids, URLs, import lines or attribute syntax;
 * - YAML files (exam bank, questionnaire, tracks, charter checks): the strings under a `fr` key.
 *
 * `content:check` reports them and fails on them; the app does not load them as problems, so a fault
 * never makes content unavailable (like answer cues: ./answer-cues.server.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { describeTypographyFault, frenchTypographyFaults } from "../domain/french-typography";
import type { ContentLibrary } from "./library.server";
import type { MdxNode } from "./mdx-components";
import { yamlPosition, type Problem } from "./schemas";

/** Elements that sit inside a line of text; any other element starts a block of its own. */
const INLINE = new Set(["strong", "em", "del", "a", "code", "sup", "br", "img", "input"]);
/** Elements whose text is code, not French. */
const CODE = new Set(["pre"]);
/** Components' attributes that hold prose. */
const PROSE_ATTRIBUTES = ["title", "question", "explanation", "prompt", "alt", "caption"];

export function typographyProblems(library: ContentLibrary): Problem[] {
  const problems: Problem[] = [];

  // Modules and charter versions: the French file of each.
  const mdxFiles: { file: string; fields: (string | undefined)[]; tree: MdxNode[] }[] = [];
  for (const entry of library.modules.values()) {
    const fr = entry.locales.fr;
    // Knowledge checks are read from what the compiler extracted: their explanations never reach the tree.
    const checks = fr?.checks.flatMap((check) => [check.question, ...check.options.flatMap((option) => [option.text, option.explanation])]) ?? [];
    if (fr) mdxFiles.push({ file: fr.file, fields: [fr.title, fr.summary, ...fr.objectives, ...checks], tree: fr.tree });
  }
  for (const charter of library.charters.values()) {
    const fr = charter.locales.fr;
    mdxFiles.push({ file: fr.file, fields: [fr.title, fr.summary], tree: fr.tree });
  }
  for (const { file, fields, tree } of mdxFiles) {
    const source = readText(file) ?? "";
    for (const text of [...fields.filter((field): field is string => typeof field === "string"), ...proseOf(tree)]) {
      for (const fault of frenchTypographyFaults(text)) {
        problems.push({ file, ...locateInSource(source, text, fault.index), message: describeTypographyFault(fault) });
      }
    }
  }

  // YAML: strings under a `fr` key.
  const yamlFiles = [
    path.join(library.dir, "exam", "items.yaml"),
    path.join(library.dir, "diagnostic", "questionnaire.yaml"),
    path.join(library.dir, "tracks.yaml"),
    ...[...library.charters.keys()].map((version) => path.join(library.dir, "policy", "charter", version, "check.yaml")),
  ];
  for (const file of yamlFiles) {
    const text = readText(file);
    if (text === null) continue;
    let data: unknown;
    try {
      data = parseDocument(text).toJS();
    } catch {
      continue; // A YAML error is the library's to report.
    }
    for (const { at, value } of frenchStrings(data)) {
      for (const fault of frenchTypographyFaults(value)) problems.push({ file, ...yamlPosition(text, at), message: describeTypographyFault(fault) });
    }
  }
  return problems;
}

/**
 * The prose of a compiled tree: the text of each block, then each component's prose attributes.
 * Knowledge checks are left out: the library's `checks` hold all their words, explanations included.
 */
export function proseOf(tree: readonly MdxNode[]): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly MdxNode[]) => {
    let line = "";
    const flush = () => {
      if (line.trim()) out.push(line);
      line = "";
    };
    for (const node of nodes) {
      if (typeof node === "string") line += node;
      else if (node.t === "code") line += "x"; // inline code: a word in the sentence, not French
      else if (INLINE.has(node.t)) {
        line += inlineText(node.c ?? []);
        if (node.t === "img" && typeof node.p?.alt === "string") out.push(node.p.alt);
      } else {
        flush();
        if (node.t === "KnowledgeCheck") continue;
        for (const name of PROSE_ATTRIBUTES) {
          const value = node.p?.[name];
          if (typeof value === "string" && value.trim()) out.push(value);
        }
        if (!CODE.has(node.t)) walk(node.c ?? []);
      }
    }
    flush();
  };
  walk(tree);
  return out;
}

function inlineText(nodes: readonly MdxNode[]): string {
  return nodes.map((node) => (typeof node === "string" ? node : node.t === "code" ? "x" : inlineText(node.c ?? []))).join("");
}

/** Every string under a `fr` key, with its path in the document. */
function frenchStrings(data: unknown, at: (string | number)[] = [], french = false): { at: (string | number)[]; value: string }[] {
  if (typeof data === "string") return french ? [{ at, value: data }] : [];
  if (Array.isArray(data)) return data.flatMap((item, index) => frenchStrings(item, [...at, index], french));
  if (data && typeof data === "object") {
    return Object.entries(data).flatMap(([key, value]) => frenchStrings(value, [...at, key], french || key === "fr"));
  }
  return [];
}

/**
 * Where a fault found in `text` (prose taken out of the source: Markdown and entities resolved) is in
 * the source: the longest run of characters of `text` that ends with the fault (or, failing that, starts
 * with it) and that the source holds, first occurrence; 1:1 when none is found.
 */
export function locateInSource(source: string, text: string, index: number): { line: number; col: number } {
  const at = (offset: number) => {
    const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
    return { line: source.slice(0, offset).split("\n").length, col: offset - lineStart + 1 };
  };
  const shortest = Math.min(4, text.length);
  for (let before = Math.min(index, 24); before + 1 >= shortest; before--) {
    const found = source.indexOf(text.slice(index - before, index + 1));
    if (found >= 0) return at(found + before);
  }
  for (let length = Math.min(text.length - index, 24); length >= shortest; length--) {
    const found = source.indexOf(text.slice(index, index + length));
    if (found >= 0) return at(found);
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
