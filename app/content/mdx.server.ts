/**
 * The safe MDX engine. Content files are untrusted input (trainers will author in the browser), and
 * MDX is code: `{expr}` runs on the server, `<script>` renders live, `[x](javascript:…)` is a link.
 *
 * 1. A remark plugin (`remarkSafety`) walks the Markdown AST and rejects, with file:line:col, anything
 *    that is not Markdown or an allowlisted component with literal, allowed attributes: ESM,
 *    expressions, attribute expressions and spreads, unknown elements, `on*` attributes, dangerous
 *    URLs, raw HTML. It also validates each component, extracts headings, knowledge checks and
 *    reflections, and strips the answer keys out of the AST before any code is generated.
 * 2. Only then is the code generated and run, with a custom jsx runtime that builds a plain JSON tree
 *    (`MdxNode`) instead of React elements. The browser only ever receives this JSON.
 * 3. Results are cached in memory by the sha256 of the source (see `compileStats`).
 *
 * See docs/decisions/0005-safe-mdx-as-json-tree.md.
 */
import { createHash } from "node:crypto";
import { compile, run } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import { parseDocument, LineCounter } from "yaml";
import {
  COMPONENT_NAMES,
  isComponentName,
  Rejected,
  type CompiledSource,
  type CompileResult,
  type Extracted,
  type KnowledgeCheckDef,
  type Located,
  type MdxElement,
  type MdxNode,
} from "./mdx-components";
import { remarkSafety } from "./mdx-safety.server";
import { coded, type ProblemCode } from "./problem-codes";
import { splitFrontmatter } from "./schemas";

export type { Problem } from "./schemas";
export * from "./mdx-components";
export { slugify } from "./mdx-safety.server";
export { linkUrlProblem, mediaUrlProblem, normaliseUrl } from "./mdx-urls";


/** Elements that Markdown (CommonMark + GFM) itself produces; the runtime refuses anything else. */
const MARKDOWN_ELEMENTS = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "a", "img", "ul", "ol", "li", "blockquote", "code", "pre",
  "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "input", "sup", "section",
]);

// ---------------------------------------------------------------------------------------------
// Cache
// ---------------------------------------------------------------------------------------------

type CachedOutcome = { ok: true; value: Omit<CompiledSource, "ok"> } | { ok: false; problems: Located[] };

const MAX_CACHE_ENTRIES = 1000;
// Process-wide (on globalThis, like the content library): the server entry, the Remix bundle and
// tests that run the production build in-process each hold their own copy of this module, and
// must share one cache and one count.
type CompileCache = { cache: Map<string, Promise<CachedOutcome>>; stats: { compiles: number; hits: number } };
const processWide = globalThis as typeof globalThis & { __ambassadeMdxCache?: CompileCache };
const { cache, stats }: CompileCache = (processWide.__ambassadeMdxCache ??= { cache: new Map(), stats: { compiles: 0, hits: 0 } });

/** How many sources were actually compiled, and how many requests the cache answered. */
export function compileStats(): { compiles: number; hits: number; cached: number } {
  return { compiles: stats.compiles, hits: stats.hits, cached: cache.size };
}

export function sha256(source: string): string {
  return createHash("sha256").update(source, "utf8").digest("hex");
}

/**
 * Compiles one MDX file (frontmatter included) to a JSON tree, or returns its problems.
 * The same source is compiled at most once per process; `file` only labels problems.
 */
export async function compileModuleSource(source: string, file: string): Promise<CompileResult> {
  const hash = sha256(source);
  let pending = cache.get(hash);
  if (pending) {
    stats.hits++;
    // Refresh its place in the (insertion-ordered) map, so eviction drops the least recently used.
    cache.delete(hash);
    cache.set(hash, pending);
  } else {
    stats.compiles++;
    pending = compileUncached(source, hash);
    cache.set(hash, pending);
    while (cache.size > MAX_CACHE_ENTRIES) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  }
  const outcome = await pending;
  if (!outcome.ok) return { ok: false, problems: outcome.problems.map((problem) => ({ file, ...problem })) };
  return { ok: true, ...outcome.value };
}

// ---------------------------------------------------------------------------------------------
// Compilation
// ---------------------------------------------------------------------------------------------

/** Far above any real module (the largest is ~11 kB); keeps a hostile upload from tying up the parser. */
export const MAX_SOURCE_CHARS = 500_000;

async function compileUncached(source: string, hash: string): Promise<CachedOutcome> {
  if (source.length > MAX_SOURCE_CHARS)
    return { ok: false, problems: [{ line: 1, col: 1, ...coded("tooLarge", { length: source.length, max: MAX_SOURCE_CHARS }) }] };
  const split = splitFrontmatter(source, "");
  if (!split.ok) return { ok: false, problems: split.problems.map(({ file: _file, ...located }) => located) };
  const { yaml, yamlLine, body } = split.frontmatter;

  let frontmatter: unknown = null;
  if (yaml !== null) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return {
        ok: false,
        problems: doc.errors.map((error) => {
          const { line, col } = lineCounter.linePos(error.pos[0]);
          return { line: line + yamlLine - 1, col, ...coded("frontmatterYaml", { reason: error.message.split("\n")[0] ?? "" }) };
        }),
      };
    }
    frontmatter = doc.toJS();
  }

  const extracted: Extracted = { headings: [], checks: [], reflections: [] };
  let code: string;
  try {
    const output = await compile(
      { value: body },
      {
        format: "mdx",
        outputFormat: "function-body",
        development: false,
        remarkPlugins: [remarkGfm, [remarkSafety, extracted]],
        tableCellAlignToStyle: false,
      },
    );
    code = String(output);
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, problems: error.problems };
    return { ok: false, problems: [parseErrorToProblem(error)] };
  }

  let tree: MdxNode[];
  try {
    // Safe to run: the safety plugin rejected every construct that could carry JavaScript, so the
    // generated code only calls the runtime below with literal strings.
    const mod = await run(code, { Fragment: FRAGMENT, jsx: jsx as never, jsxs: jsx as never, baseUrl: undefined });
    const components = Object.fromEntries(COMPONENT_NAMES.map((name) => [name, name]));
    const content = mod.default as unknown as (props: { components: Record<string, string> }) => unknown;
    tree = asChildren(content({ components }));
  } catch (error) {
    return { ok: false, problems: [{ line: 1, col: 1, ...coded("render", { reason: error instanceof Error ? error.message : String(error) }) }] };
  }
  fillKnowledgeChecks(tree, extracted.checks);
  return { ok: true, value: { tree, headings: extracted.headings, checks: extracted.checks, reflections: extracted.reflections, hash, frontmatter } };
}

function parseErrorToProblem(error: unknown): Located {
  if (error && typeof error === "object") {
    const e = error as { line?: unknown; column?: unknown; reason?: unknown; message?: unknown; place?: unknown };
    let line = typeof e.line === "number" ? e.line : undefined;
    let col = typeof e.column === "number" ? e.column : undefined;
    if ((line === undefined || col === undefined) && e.place && typeof e.place === "object") {
      const place = e.place as { line?: unknown; column?: unknown; start?: { line?: unknown; column?: unknown } };
      const point = place.start ?? place;
      if (typeof point.line === "number") line = point.line;
      if (typeof point.column === "number") col = point.column;
    }
    const reason = typeof e.reason === "string" ? e.reason : typeof e.message === "string" ? e.message : String(error);
    // MDX's own notes suggest {/* comments */} and imports, which content files may not use.
    const bare = reason.replace(/\s*\(note: [^)]*\)\s*$/, "");
    return { line: line ?? 1, col: col ?? 1, ...coded(syntaxCode(reason), { reason: bare }) };
  }
  return { line: 1, col: 1, ...coded("syntax", { reason: String(error) }) };
}

/** The syntax problem's code: with a hint on what to write instead, when the parser's reason tells. */
function syntaxCode(reason: string): ProblemCode {
  if (/to create a comment/i.test(reason)) return "syntaxComment";
  if (/to create a link/i.test(reason)) return "syntaxLink";
  if (/before name|before attribute|attribute value/i.test(reason)) return "syntaxAttribute";
  if (/acorn|expression/i.test(reason)) return "syntaxExpression";
  return "syntax";
}

// ---------------------------------------------------------------------------------------------
// JSON runtime
// ---------------------------------------------------------------------------------------------

const FRAGMENT = "#fragment";
type FragmentNode = { t: typeof FRAGMENT; c: MdxNode[] };

// `ref` stays: it is PolicyClause's clause number (the browser renderer must pass it under another prop name).
const FORBIDDEN_PROP = /^(?:on|dangerouslysetinnerhtml$|key$|style$|children$)/i;

/** The jsx runtime: `jsx(type, props)` → a JSON node. Types are strings (components are passed by name). */
function jsx(type: unknown, props: Record<string, unknown> | null | undefined): MdxElement | FragmentNode {
  const children = asChildren(props?.children);
  if (type === FRAGMENT) return { t: FRAGMENT, c: children };
  if (typeof type !== "string" || !(MARKDOWN_ELEMENTS.has(type) || isComponentName(type))) {
    throw new Error(`unexpected element ${typeof type === "string" ? `<${type}>` : typeof type}`);
  }
  const node: MdxElement = { t: type };
  const p: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(props ?? {})) {
    if (FORBIDDEN_PROP.test(name)) continue;
    if (typeof value === "string" || typeof value === "boolean") p[name] = value;
    else if (typeof value === "number" && Number.isFinite(value)) p[name] = String(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) p[name] = value.join(" ");
  }
  if (Object.keys(p).length > 0) node.p = p;
  if (children.length > 0) node.c = children;
  return node;
}

function asChildren(value: unknown): MdxNode[] {
  const out: MdxNode[] = [];
  const add = (child: unknown) => {
    if (child === null || child === undefined || typeof child === "boolean") return;
    if (typeof child === "string") out.push(child);
    else if (typeof child === "number") out.push(String(child));
    else if (Array.isArray(child)) child.forEach(add);
    else if (typeof child === "object" && "t" in child) {
      const node = child as MdxElement | FragmentNode;
      if (node.t === FRAGMENT) (node.c ?? []).forEach(add);
      else out.push(node);
    } else throw new Error("unexpected child in the content tree");
  };
  add(value);
  return out;
}

/** KnowledgeCheck nodes leave the AST childless; give them their options, without the answer key. */
function fillKnowledgeChecks(nodes: MdxNode[], checks: KnowledgeCheckDef[]): void {
  const byId = new Map(checks.map((check) => [check.id, check]));
  const visit = (list: MdxNode[]) => {
    for (const node of list) {
      if (typeof node === "string") continue;
      if (node.t === "KnowledgeCheck") {
        const id = node.p?.id;
        const check = typeof id === "string" ? byId.get(id) : undefined;
        node.p = { id: check?.id ?? "", question: check?.question ?? "" };
        node.c = (check?.options ?? []).map((option) => ({ t: "Option", p: { id: option.id }, c: [option.text] }));
      } else if (node.c) visit(node.c);
    }
  };
  visit(nodes);
}

// ---------------------------------------------------------------------------------------------
// The safety plugin
// ---------------------------------------------------------------------------------------------

