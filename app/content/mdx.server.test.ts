import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileModuleSource, compileStats, normaliseUrl, slugify, type MdxNode } from "./mdx.server";

const CONTENT = fileURLToPath(new URL("../../content", import.meta.url));

function contentMdxFiles(): string[] {
  const files: string[] = [];
  for (const slug of readdirSync(path.join(CONTENT, "modules")).sort())
    for (const locale of ["fr", "en"]) files.push(path.join(CONTENT, "modules", slug, `${locale}.mdx`));
  for (const version of readdirSync(path.join(CONTENT, "policy", "charter")).sort())
    for (const locale of ["fr", "en"]) files.push(path.join(CONTENT, "policy", "charter", version, `${locale}.mdx`));
  return files;
}

declare global {
  var __pwned: unknown;
}

describe("compileModuleSource on the real content", () => {
  const files = contentMdxFiles();

  it("finds the content files", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((file) => [path.relative(CONTENT, file), file]))("compiles %s with no problem", async (_name, file) => {
    const result = await compileModuleSource(readFileSync(file, "utf8"), file);
    if (!result.ok) expect.fail(result.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`).join("\n"));
    expect(result.tree.length).toBeGreaterThan(0);
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("never puts an answer key in the tree sent to browsers", async () => {
    let checked = 0;
    for (const file of files.filter((f) => f.includes(`${path.sep}modules${path.sep}`))) {
      const result = await compileModuleSource(readFileSync(file, "utf8"), file);
      if (!result.ok) throw new Error(`${file} did not compile`);
      const json = JSON.stringify(result.tree);
      expect(json).not.toMatch(/"correct"/);
      expect(json).not.toMatch(/"explanation"/);
      for (const check of result.checks) {
        for (const option of check.options) {
          expect(json).not.toContain(JSON.stringify(option.explanation).slice(1, -1));
          checked++;
        }
      }
      // The tree is plain data: it survives a JSON round trip unchanged.
      expect(JSON.parse(json)).toEqual(result.tree);
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe("compileModuleSource output", () => {
  const source = [
    "---",
    "id: sample-module",
    "title: Sample",
    "---",
    "",
    "Intro with a [link](https://example.org) and `code`.",
    "",
    "## Première partie",
    "",
    "| a | b |",
    "|:--|--:|",
    "| 1 | 2 |",
    "",
    "### Détails",
    "",
    '<Callout type="tip" title="Short">',
    "Some **bold** text.",
    "</Callout>",
    "",
    '<Example kind="dont">',
    "Avoid this.",
    "</Example>",
    "",
    "## Première partie",
    "",
    '<KnowledgeCheck id="first-check" question="Which one?">',
    '  <Option explanation="Wrong because.">Alpha</Option>',
    '  <Option correct explanation="Right because.">Beta</Option>',
    '  <Option explanation="Also wrong.">Gamma</Option>',
    "</KnowledgeCheck>",
    "",
    '<Reflection id="think-about-it" prompt="What would you do?" review />',
    "",
    '<PolicyClause ref="2.3" title="Disclosure">',
    "Clause text.",
    "</PolicyClause>",
    "",
    '<Figure src="/media/diagram.png" alt="A diagram" caption="The diagram" />',
    "",
    '<Video src="https://example.org/v.mp4" captions="/media/v.fr.vtt" title="A video" />',
    "",
  ].join("\n");

  it("builds a JSON tree with heading ids, components and extracted data", async () => {
    const result = await compileModuleSource(source, "sample.mdx");
    if (!result.ok) expect.fail(JSON.stringify(result.problems));
    expect(result.frontmatter).toEqual({ id: "sample-module", title: "Sample" });
    expect(result.headings).toEqual([
      { id: "premiere-partie", text: "Première partie", depth: 2 },
      { id: "details", text: "Détails", depth: 3 },
      { id: "premiere-partie-2", text: "Première partie", depth: 2 },
    ]);
    const elements = result.tree.filter((n): n is Exclude<MdxNode, string> => typeof n !== "string");
    expect(elements.find((n) => n.t === "h2")).toEqual({ t: "h2", p: { id: "premiere-partie" }, c: ["Première partie"] });
    expect(elements.find((n) => n.t === "Callout")?.p).toEqual({ type: "tip", title: "Short" });
    expect(elements.find((n) => n.t === "KnowledgeCheck")).toEqual({
      t: "KnowledgeCheck",
      p: { id: "first-check", question: "Which one?" },
      c: [
        { t: "Option", p: { id: "o1" }, c: ["Alpha"] },
        { t: "Option", p: { id: "o2" }, c: ["Beta"] },
        { t: "Option", p: { id: "o3" }, c: ["Gamma"] },
      ],
    });
    expect(elements.find((n) => n.t === "Reflection")).toEqual({ t: "Reflection", p: { id: "think-about-it", prompt: "What would you do?", review: true } });
    expect(elements.find((n) => n.t === "PolicyClause")?.p).toEqual({ ref: "2.3", title: "Disclosure" });
    expect(elements.find((n) => n.t === "Figure")).toEqual({ t: "Figure", p: { src: "/media/diagram.png", alt: "A diagram", caption: "The diagram" } });
    expect(elements.find((n) => n.t === "Video")?.p).toEqual({ src: "https://example.org/v.mp4", captions: "/media/v.fr.vtt", title: "A video" });
    const table = JSON.stringify(elements.find((n) => n.t === "table"));
    expect(table).toContain('{"t":"th","p":{"align":"left"},"c":["a"]}');
    expect(result.checks).toEqual([
      {
        id: "first-check",
        question: "Which one?",
        options: [
          { id: "o1", text: "Alpha", correct: false, explanation: "Wrong because." },
          { id: "o2", text: "Beta", correct: true, explanation: "Right because." },
          { id: "o3", text: "Gamma", correct: false, explanation: "Also wrong." },
        ],
      },
    ]);
    expect(result.reflections).toEqual([{ id: "think-about-it", prompt: "What would you do?", review: true }]);
    const json = JSON.stringify(result.tree);
    expect(json).not.toContain("correct");
    expect(json).not.toContain("Right because");
  });

  it("keeps an option's non-breaking spaces (French: “Bravo\u202f!”) while it joins runs of spaces", async () => {
    const french = [
      "---",
      "id: sample-module",
      "---",
      "",
      '<KnowledgeCheck id="bravo" question="Lequel\u202f?">',
      "  <Option explanation=\"Non.\">Super publication\u202f! 👏</Option>",
      "  <Option correct explanation=\"Oui.\">Félicitations\u202f!   Comment avez-vous fait\u202f?</Option>",
      "</KnowledgeCheck>",
      "",
    ].join("\n");
    const result = await compileModuleSource(french, "sample.mdx");
    if (!result.ok) expect.fail(JSON.stringify(result.problems));
    expect(result.checks[0]?.options.map((o) => o.text)).toEqual(["Super publication\u202f! 👏", "Félicitations\u202f! Comment avez-vous fait\u202f?"]);
  });

  it("reports positions that match the file, frontmatter included", async () => {
    const result = await compileModuleSource("---\nid: x\ntitle: y\n---\n\nText.\n\n{1+1}\n", "f.mdx");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.objectContaining({ file: "f.mdx", line: 8, col: 1 })]);
  });

  it("reports frontmatter YAML errors at their line", async () => {
    const result = await compileModuleSource("---\nid: x\ntitle: [unclosed\n---\n\nText.\n", "f.mdx");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: "f.mdx", line: expect.any(Number), message: expect.stringMatching(/frontmatter YAML/) });
  });

  it("reports an unclosed frontmatter", async () => {
    const result = await compileModuleSource("---\nid: x\n\nText.\n", "f.mdx");
    expect(result).toEqual({ ok: false, problems: [{ file: "f.mdx", line: 1, col: 1, code: "frontmatterUnclosed", params: {}, message: expect.stringMatching(/no closing ---/) }] });
  });
});

// Every source starts with two lines of prose, so the payload is on line 3.
const PREFIX = "Intro paragraph.\n\n";

type Case = { name: string; source: string; line: number; col: number; message: RegExp };

const MALICIOUS: Case[] = [
  { name: "import", source: "import x from 'y'", line: 3, col: 1, message: /import and export/ },
  { name: "export", source: "export const a = (globalThis.__pwned = true)", line: 3, col: 1, message: /import and export/ },
  { name: "flow expression", source: "{globalThis.__pwned = true}", line: 3, col: 1, message: /expression/ },
  { name: "comment expression", source: "{/* comment */}", line: 3, col: 1, message: /expression/ },
  { name: "inline expression", source: "text {globalThis.__pwned = true} text", line: 3, col: 6, message: /expression/ },
  { name: "inline arithmetic", source: "text {1+1} text", line: 3, col: 6, message: /expression/ },
  { name: "attribute expression", source: '<Callout type="info" title={globalThis.__pwned = true}>\nx\n</Callout>', line: 3, col: 22, message: /literal "string"/ },
  { name: "attribute spread", source: '<Callout type="info" {...props}>\nx\n</Callout>', line: 3, col: 22, message: /spreads/ },
  { name: "script", source: "<script>globalThis.__pwned = true</script>", line: 3, col: 1, message: /raw HTML <script>/ },
  { name: "iframe", source: '<iframe src="https://x" />', line: 3, col: 1, message: /raw HTML <iframe>/ },
  { name: "style with braces", source: "<style>body{}</style>", line: 3, col: 1, message: /raw HTML <style>/ },
  { name: "img onerror, unquoted", source: "<img src=x onerror=alert(1)>", line: 3, col: 10, message: /MDX syntax/ },
  { name: "img onerror, quoted", source: '<img src="x" onerror="globalThis.__pwned = true" />', line: 3, col: 1, message: /raw HTML <img>/ },
  { name: "onClick", source: '<Callout type="info" onClick="x">\nx\n</Callout>', line: 3, col: 22, message: /event handler.*onClick/ },
  { name: "ONMOUSEOVER", source: '<Callout type="info" ONMOUSEOVER="x">\nx\n</Callout>', line: 3, col: 22, message: /event handler.*ONMOUSEOVER/ },
  { name: "javascript: link", source: "[x](javascript:alert(1))", line: 3, col: 1, message: /javascript: URLs/ },
  { name: "mixed-case javascript: link", source: "[x](JaVaScRiPt:alert(1))", line: 3, col: 1, message: /javascript: URLs/ },
  { name: "leading space javascript: link", source: "[x]( javascript:alert(1))", line: 3, col: 1, message: /javascript: URLs/ },
  { name: "tab entity inside javascript:", source: "[x](java&#x09;script:alert(1))", line: 3, col: 1, message: /javascript: URLs/ },
  { name: "entity-encoded javascript:", source: "[x](&#106;avascript:alert(1))", line: 3, col: 1, message: /javascript: URLs/ },
  { name: "angle-bracket javascript: link", source: "[x](<javascript:alert(1)>)", line: 3, col: 1, message: /javascript: URLs/ },
  { name: "javascript: link with title", source: '[x](JAVASCRIPT:alert(1) "title")', line: 3, col: 1, message: /javascript: URLs/ },
  { name: "vbscript: link", source: "[x](vbscript:msgbox)", line: 3, col: 1, message: /vbscript: URLs/ },
  { name: "data: link", source: "[x](data:text/html;base64,PHNjcmlwdD4=)", line: 3, col: 1, message: /data: URLs/ },
  { name: "data: image", source: "![x](data:image/svg+xml;base64,PHN2Zz4=)", line: 3, col: 1, message: /data: URLs/ },
  { name: "javascript: definition", source: "See [x][evil].\n\n[evil]: javascript:alert(1)", line: 5, col: 1, message: /javascript: URLs/ },
  { name: "Figure javascript: src", source: '<Figure src="javascript:alert(1)" alt="x" />', line: 3, col: 9, message: /javascript: URLs/ },
  { name: "Figure data: src", source: '<Figure src="data:text/html,<script>alert(1)</script>" alt="x"/>', line: 3, col: 9, message: /data: URLs/ },
  { name: "Figure entity-encoded src", source: '<Figure src="&#106;avascript:alert(1)" alt="x" />', line: 3, col: 9, message: /javascript: URLs/ },
  { name: "Figure http src", source: '<Figure src="http://example.org/a.png" alt="x" />', line: 3, col: 9, message: /https:\/\/ URL or a \/media\// },
  { name: "Video javascript: captions", source: '<Video src="https://example.org/v.mp4" captions="javascript:alert(1)//.vtt" title="t" />', line: 3, col: 40, message: /javascript: URLs/ },
  { name: "member expression", source: "<a.b />", line: 3, col: 1, message: /<a\.b> is not allowed/ },
  { name: "namespaced element", source: "<svg:script />", line: 3, col: 1, message: /<svg:script> is not allowed/ },
  { name: "fragment", source: "<>fragment</>", line: 3, col: 1, message: /fragments/ },
  { name: "unknown component", source: "<Unknown />", line: 3, col: 1, message: /unknown component <Unknown>/ },
  { name: "dangerouslySetInnerHTML", source: '<Callout type="info" dangerouslySetInnerHTML="y">\nx\n</Callout>', line: 3, col: 22, message: /no attribute dangerouslySetInnerHTML/ },
  { name: "script nested in a component", source: '<Callout type="info">\n<script>alert(1)</script>\n</Callout>', line: 4, col: 1, message: /raw HTML <script>/ },
  { name: "HTML comment", source: "<!-- comment -->", line: 3, col: 2, message: /MDX syntax.*comments are not allowed/ },
  { name: "Callout with a bad type", source: '<Callout type="danger">\nx\n</Callout>', line: 3, col: 1, message: /type="danger"/ },
  { name: "Video without captions", source: '<Video src="https://example.org/v.mp4" title="t" />', line: 3, col: 1, message: /needs captions/ },
  { name: "Option outside a KnowledgeCheck", source: '<Option explanation="e">x</Option>', line: 3, col: 1, message: /only appear directly inside a <KnowledgeCheck>/ },
  {
    name: "KnowledgeCheck with two correct options",
    source: '<KnowledgeCheck id="k" question="q?">\n  <Option correct explanation="e">a</Option>\n  <Option correct explanation="e">b</Option>\n</KnowledgeCheck>',
    line: 3,
    col: 1,
    message: /exactly one correct option \(found 2\)/,
  },
  {
    name: "KnowledgeCheck with one option",
    source: '<KnowledgeCheck id="k" question="q?">\n  <Option correct explanation="e">a</Option>\n</KnowledgeCheck>',
    line: 3,
    col: 1,
    message: /2 to 5 options \(found 1\)/,
  },
  {
    name: "Option without explanation",
    source: '<KnowledgeCheck id="k" question="q?">\n  <Option explanation="e">a</Option>\n  <Option correct>b</Option>\n</KnowledgeCheck>',
    line: 5,
    col: 3,
    message: /needs explanation/,
  },
  {
    name: "KnowledgeCheck id not kebab-case",
    source: '<KnowledgeCheck id="Bad_ID" question="q?">\n  <Option explanation="e">a</Option>\n  <Option correct explanation="e">b</Option>\n</KnowledgeCheck>',
    line: 3,
    col: 17,
    message: /kebab-case/,
  },
  { name: "block component inline", source: 'Some text <Callout type="info">x</Callout> inline.', line: 3, col: 11, message: /must start on its own line/ },
  { name: "Figure with empty alt", source: '<Figure src="https://example.org/a.png" alt="" />', line: 3, col: 1, message: /alt on <Figure> is empty/ },
  { name: "Reflection with content", source: '<Reflection id="r" prompt="p">text</Reflection>', line: 3, col: 1, message: /takes no content/ },
];

describe("compileModuleSource rejects hostile sources", () => {
  beforeEach(() => {
    globalThis.__pwned = undefined;
  });
  afterEach(() => {
    expect(globalThis.__pwned).toBeUndefined();
  });

  it("has a large table of cases", () => {
    expect(MALICIOUS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(MALICIOUS.map((c) => [c.name, c] as const))("rejects %s", async (_name, c) => {
    const result = await compileModuleSource(PREFIX + c.source, "hostile.mdx");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ file: "hostile.mdx", line: c.line, col: c.col, message: expect.stringMatching(c.message) }));
    // Every problem has a code, so that the studio can say it in the trainer's language.
    expect(result.problems.filter((p) => !p.code)).toEqual([]);
    expect(globalThis.__pwned).toBeUndefined();
    // The cached answer is the same rejection, and still nothing ran.
    const again = await compileModuleSource(PREFIX + c.source, "again.mdx");
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problems.map((p) => p.file)).toEqual(result.problems.map(() => "again.mdx"));
  });

  it("reports every problem of a file, sorted by position", async () => {
    const result = await compileModuleSource("{a}\n\n[x](javascript:y)\n\n<Unknown />\n", "many.mdx");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.line)).toEqual([1, 3, 5]);
  });

  it("accepts the links the format allows", async () => {
    const result = await compileModuleSource("[a](https://x.org) [b](http://x.org) [c](mailto:a@b.c) [d](/page) [e](#part) ![f](/media/a.png) ![g](https://x.org/g.png)", "ok.mdx");
    expect(result.ok).toBe(true);
  });
});

describe("URL normalisation", () => {
  it.each([
    ["JaVaScRiPt:alert(1)", "javascript:alert(1)"],
    ["  java\tscript:x", "javascript:x"],
    ["&#106;avascript:x", "javascript:x"],
    ["&#x6A;avascript&colon;x", "javascript:x"],
    ["java\u0000script:x", "javascript:x"],
    ["\u200bjavascript:x", "javascript:x"],
  ])("%j → %j", (raw, normalised) => {
    expect(normaliseUrl(raw)).toBe(normalised);
  });

  it("slugifies headings", () => {
    expect(slugify("Ce que l'on dit, et comment ?")).toBe("ce-que-l-on-dit-et-comment");
    expect(slugify("???")).toBe("section");
  });
});

describe("compile cache", () => {
  it("compiles a source once, however often it is asked for", async () => {
    const source = `Cache test ${Math.random()}.\n`;
    const before = compileStats().compiles;
    const first = await compileModuleSource(source, "a.mdx");
    expect(compileStats().compiles).toBe(before + 1);
    const second = await compileModuleSource(source, "b.mdx");
    expect(compileStats().compiles).toBe(before + 1);
    expect(second).toEqual(first);

    await compileModuleSource(`${source}Changed.\n`, "a.mdx");
    expect(compileStats().compiles).toBe(before + 2);
  });

  it("shares one compilation between concurrent requests", async () => {
    const source = `Concurrent ${Math.random()}.\n`;
    const before = compileStats().compiles;
    const [a, b] = await Promise.all([compileModuleSource(source, "a.mdx"), compileModuleSource(source, "b.mdx")]);
    expect(compileStats().compiles).toBe(before + 1);
    expect(a).toEqual(b);
  });
});
