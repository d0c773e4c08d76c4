import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const CLI = path.join(ROOT, "app", "cli", "content-check.ts");
const temps: string[] = [];

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function contentCheck(args: string[], cwd = ROOT) {
  const result = spawnSync(TSX, [CLI, ...args], { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, NODE_ENV: "test" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run content:check", () => {
  it("passes on the real content folder", () => {
    const { code, stdout, stderr } = contentCheck(["content"]);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^content:check: \d+ modules, \d+ exam items, \d+ charter versions?, \d+ diagnostic questions: OK$/m);
    expect(code).toBe(0);
  }, 60_000);

  it("reports file:line:col for each problem in a broken folder and exits 1", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "ambassade-check-"));
    temps.push(root);
    const dir = path.join(root, "content");
    cpSync(path.join(ROOT, "content"), dir, { recursive: true });
    // A hostile module (only French: the English file is missing).
    mkdirSync(path.join(dir, "modules", "evil-module"));
    writeFileSync(
      path.join(dir, "modules", "evil-module", "fr.mdx"),
      [
        "---",
        "id: evil-module",
        'title: "Evil"',
        'summary: "Evil."',
        "duration: 5",
        'objectives: ["a", "b"]',
        "version: 1",
        "---",
        "",
        "Hello {globalThis.__pwned = true}.",
        "",
        "[click](javascript:alert(1))",
        "",
        '<KnowledgeCheck id="k" question="q?">',
        '  <Option correct explanation="e">a</Option>',
        '  <Option correct explanation="e">b</Option>',
        "</KnowledgeCheck>",
        "",
      ].join("\n"),
    );
    // A bad exam item type.
    const exam = path.join(dir, "exam", "items.yaml");
    writeFileSync(exam, readFileSync(exam, "utf8").replace("type: true_false", "type: yes_no"));
    const examLine = readFileSync(exam, "utf8").split("\n").findIndex((l) => l.includes("type: yes_no")) + 1;
    // An empty level track.
    const tracks = path.join(dir, "tracks.yaml");
    writeFileSync(tracks, readFileSync(tracks, "utf8").replace(/ {2}objector:\n( {4}- .*\n)+/, "  objector: []\n"));
    const tracksLine = readFileSync(tracks, "utf8").split("\n").findIndex((l) => l.includes("objector: []")) + 1;

    const { code, stdout } = contentCheck(["content"], root);
    const lines = stdout.trim().split("\n");
    expect(lines).toContain("content/modules/evil-module/fr.mdx:10:7 braces start a JavaScript expression, which is not allowed (comments included): remove them or escape them as \\{ \\}");
    expect(lines).toContain("content/modules/evil-module/fr.mdx:12:1 javascript: URLs are not allowed");
    expect(lines).toContain("content/modules/evil-module/fr.mdx:14:1 a <KnowledgeCheck> has exactly one correct option (found 2)");
    expect(lines).toContain('content/modules/evil-module/en.mdx:1:1 module "evil-module" has no English version (en.mdx)');
    expect(lines.some((l) => l.startsWith(`content/exam/items.yaml:${examLine}:5 `) && l.includes("type is one of"))).toBe(true);
    expect(lines.some((l) => l.startsWith(`content/tracks.yaml:${tracksLine}:`) && l.includes("at least one module"))).toBe(true);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^content\/[^:]+:\d+:\d+ \S/);
    expect(lines.at(-1)).toMatch(/^content:check: \d+ problem\(s\) in \d+ file\(s\)/);
    expect(code).toBe(1);
  }, 60_000);

  it("fails on answer cues in an exam item and a knowledge check, with file:line:col", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "ambassade-cues-"));
    temps.push(root);
    const dir = path.join(root, "content");
    cpSync(path.join(ROOT, "content"), dir, { recursive: true });
    // An exam item whose right option is by far the longest.
    const exam = path.join(dir, "exam", "items.yaml");
    writeFileSync(
      exam,
      readFileSync(exam, "utf8").replace(
        /^items:\n/m,
        [
          "items:",
          "  - id: cued-longest",
          "    category: charter",
          "    type: single",
          '    question: { fr: "Que faire\u00a0?", en: "What do you do?" }',
          "    options:",
          '      - { id: a, text: { fr: "Publier", en: "Post it" } }',
          '      - { id: b, text: { fr: "Demander d’abord à l’équipe communication, puis publier", en: "Ask the communications team first, then post it" }, correct: true }',
          '      - { id: c, text: { fr: "Supprimer", en: "Delete it" } }',
          '    explanation: { fr: "Parce que.", en: "Because." }',
          "",
        ].join("\n"),
      ),
    );
    // A knowledge check whose right option is the only one without an absolute word.
    const mdx = path.join(dir, "modules", "cued-module", "en.mdx");
    mkdirSync(path.dirname(mdx));
    const module = (lang: "fr" | "en") =>
      [
        "---",
        "id: cued-module",
        'title: "Cued"',
        'summary: "Cued."',
        "duration: 5",
        'objectives: ["a", "b"]',
        "version: 1",
        "---",
        "",
        "Some text.",
        "",
        `<KnowledgeCheck id="cued-words" question="${lang === "fr" ? "Quand répondez-vous\u00a0?" : "When do you reply?"}">`,
        `  <Option explanation="e">${lang === "fr" ? "Toujours, tout de suite" : "Always, at once"}</Option>`,
        `  <Option correct explanation="e">${lang === "fr" ? "Quand c’est utile" : "When it helps"}</Option>`,
        `  <Option explanation="e">${lang === "fr" ? "Jamais, par principe" : "Never, as a rule"}</Option>`,
        "</KnowledgeCheck>",
        "",
      ].join("\n");
    writeFileSync(mdx, module("en"));
    writeFileSync(path.join(dir, "modules", "cued-module", "fr.mdx"), module("fr"));

    const { code, stdout } = contentCheck(["content"], root);
    const lines = stdout.trim().split("\n");
    const examLine = readFileSync(exam, "utf8").split("\n").findIndex((l) => l.startsWith("    options:")) + 1;
    expect(lines).toContain(
      `content/exam/items.yaml:${examLine}:5 exam item "cued-longest": answer cue (English): the right option is the longest by 422 % (at most 25 %): shorten it or lengthen the others`,
    );
    expect(lines.some((l) => l.startsWith(`content/exam/items.yaml:${examLine}:5 exam item "cued-longest": answer cue (French)`))).toBe(true);
    expect(lines).toContain(
      'content/modules/cued-module/en.mdx:12:1 knowledge check "cued-words" of module "cued-module": answer cue (English): the right option is the only one without an absolute word ("always", "never" in the others): put one in a right option too, or reword the wrong ones',
    );
    expect(lines.some((l) => l.startsWith('content/modules/cued-module/fr.mdx:12:1 knowledge check "cued-words"') && l.includes("(French)"))).toBe(true);
    expect(lines.at(-1)).toBe("content:check: 4 problem(s) in 3 file(s)");
    expect(code).toBe(1);
  }, 60_000);

  it("fails on French typography in French prose, never in code, URLs, syntax or English", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "ambassade-typography-"));
    temps.push(root);
    const dir = path.join(root, "content");
    cpSync(path.join(ROOT, "content"), dir, { recursive: true });
    mkdirSync(path.join(dir, "modules", "typo-module"));
    const module = (lang: "fr" | "en") =>
      [
        "---",
        "id: typo-module",
        lang === "fr" ? `title: "L'équipe"` : `title: "The team's page"`,
        'summary: "Un résumé."',
        "duration: 5",
        'objectives: ["Un objectif", "Un autre"]',
        "version: 1",
        "---",
        "",
        lang === "fr"
          ? "Un mot sur l'**équipe** : voir [la page](https://exemple.fr/?q=l'x&r=1) et `don't: stop`."
          : "A word about the **team's** page: see [the page](https://example.org/?q=it's) and `don't`.",
        "",
        `<KnowledgeCheck id="k" question="${lang === "fr" ? "Quelle réponse ?" : "Which answer?"}">`,
        `  <Option explanation="${lang === "fr" ? "C'est faux." : "It's wrong."}">Alpha bêta</Option>`,
        `  <Option correct explanation="${lang === "fr" ? "Oui." : "Yes."}">${lang === "fr" ? "Bravo !" : "Well done!"}</Option>`,
        "</KnowledgeCheck>",
        "",
      ].join("\n");
    writeFileSync(path.join(dir, "modules", "typo-module", "fr.mdx"), module("fr"));
    writeFileSync(path.join(dir, "modules", "typo-module", "en.mdx"), module("en"));
    // A straight apostrophe in a French string of the exam bank (the English beside it keeps its own).
    const exam = path.join(dir, "exam", "items.yaml");
    const examLines = readFileSync(exam, "utf8").split("\n");
    const examLine = examLines.findIndex((line) => /^\s+fr: ".*’/.test(line));
    examLines[examLine] = examLines[examLine]!.replace("’", "'");
    writeFileSync(exam, examLines.join("\n"));

    const { code, stdout } = contentCheck(["content"], root);
    const lines = stdout.trim().split("\n");
    const fr = "content/modules/typo-module/fr.mdx";
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^content/exam/items\\.yaml:${examLine + 1}:${examLines[examLine]!.indexOf("fr:") + 1} French typography: a straight apostrophe ' in ".*": write ’ \\(U\\+2019\\)$`)),
      `${fr}:3:10 French typography: a straight apostrophe ' in "L'équipe": write ’ (U+2019)`,
      `${fr}:10:13 French typography: a straight apostrophe ' in "Un mot sur l'équipe : voir la pag…": write ’ (U+2019)`,
      `${fr}:10:25 French typography: no non-breaking space before : ; ! or ? in "Un mot sur l'équipe : voir la page et x.": put U+00A0 (or U+202F) before it`,
      `${fr}:12:49 French typography: no non-breaking space before : ; ! or ? in "Quelle réponse ?": put U+00A0 (or U+202F) before it`,
      `${fr}:13:25 French typography: a straight apostrophe ' in "C'est faux.": write ’ (U+2019)`,
      `${fr}:14:44 French typography: no non-breaking space before : ; ! or ? in "Bravo !": put U+00A0 (or U+202F) before it`,
      "content:check: 7 problem(s) in 2 file(s)",
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it("exits 2 with a clear message on a folder that does not exist", () => {
    const { code, stderr } = contentCheck(["no-such-folder"]);
    expect(stderr).toMatch(/content:check: folder not found: no-such-folder/);
    expect(code).toBe(2);
  }, 60_000);
});
