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
import { coded, type ProblemCode, type ProblemParams } from "./problem-codes";
import { KEBAB_CASE, splitFrontmatter, type Problem } from "./schemas";

export type { Problem } from "./schemas";

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** A serialisable render tree: text, or an element with string/boolean props and children. */
export type MdxNode = string | MdxElement;
export type MdxElement = { t: string; p?: Record<string, string | boolean>; c?: MdxNode[] };

export type Heading = { id: string; text: string; depth: 2 | 3 };
export type KnowledgeCheckOption = { id: string; text: string; correct: boolean; explanation: string };
export type KnowledgeCheckDef = { id: string; question: string; options: KnowledgeCheckOption[] };
export type ReflectionDef = { id: string; prompt: string; review: boolean };

export type CompiledSource = {
  ok: true;
  tree: MdxNode[];
  headings: Heading[];
  checks: KnowledgeCheckDef[];
  reflections: ReflectionDef[];
  hash: string;
  /** The parsed frontmatter (not validated here: see schemas.ts), or null when the file has none. */
  frontmatter: unknown;
};
export type CompileFailure = { ok: false; problems: Problem[] };
export type CompileResult = CompiledSource | CompileFailure;

/** Components an author may use, and the attributes each accepts. */
export const COMPONENTS = {
  Callout: { strings: ["type", "title"], flags: [], required: ["type"], block: true, childless: false },
  Example: { strings: ["kind", "title"], flags: [], required: ["kind"], block: true, childless: false },
  KnowledgeCheck: { strings: ["id", "question"], flags: [], required: ["id", "question"], block: true, childless: false },
  Option: { strings: ["explanation"], flags: ["correct"], required: ["explanation"], block: false, childless: false },
  Reflection: { strings: ["id", "prompt"], flags: ["review"], required: ["id", "prompt"], block: true, childless: true },
  PolicyClause: { strings: ["ref", "title"], flags: [], required: ["ref", "title"], block: true, childless: false },
  Figure: { strings: ["src", "alt", "caption"], flags: [], required: ["src", "alt"], block: true, childless: true },
  Video: { strings: ["src", "captions", "title"], flags: [], required: ["src", "captions", "title"], block: true, childless: true },
} as const satisfies Record<string, { strings: readonly string[]; flags: readonly string[]; required: readonly string[]; block: boolean; childless: boolean }>;
export type ComponentName = keyof typeof COMPONENTS;
export const COMPONENT_NAMES = Object.keys(COMPONENTS) as ComponentName[];

const isComponentName = (name: string): name is ComponentName => Object.prototype.hasOwnProperty.call(COMPONENTS, name);

/** Elements that Markdown (CommonMark + GFM) itself produces; the runtime refuses anything else. */
const MARKDOWN_ELEMENTS = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "a", "img", "ul", "ol", "li", "blockquote", "code", "pre",
  "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "input", "sup", "section",
]);

// ---------------------------------------------------------------------------------------------
// Cache
// ---------------------------------------------------------------------------------------------

type Located = Omit<Problem, "file">;
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

class Rejected extends Error {
  constructor(readonly problems: Located[]) {
    super("the MDX source was rejected");
  }
}

type Extracted = { headings: Heading[]; checks: KnowledgeCheckDef[]; reflections: ReflectionDef[] };

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

type Point = { line: number; column: number };
type Position = { start: Point; end?: Point };
type AttributeValueExpression = { type: "mdxJsxAttributeValueExpression"; value: string };
type Attribute = {
  type: "mdxJsxAttribute" | "mdxJsxExpressionAttribute";
  name?: string;
  value?: string | null | AttributeValueExpression;
  position?: Position;
};
type MdNode = {
  type: string;
  position?: Position;
  children?: MdNode[];
  value?: string;
  url?: string;
  depth?: number;
  name?: string | null;
  attributes?: Attribute[];
  data?: Record<string, unknown>;
};

/** mdast node types allowed through (MDX-specific ones are examined one by one). */
const MARKDOWN_TYPES = new Set([
  "root", "paragraph", "heading", "thematicBreak", "blockquote", "list", "listItem", "table", "tableRow", "tableCell", "code",
  "definition", "footnoteDefinition", "text", "emphasis", "strong", "delete", "inlineCode", "break", "link", "image",
  "linkReference", "imageReference", "footnoteReference",
]);

const ENUMS: Partial<Record<`${ComponentName}.${string}`, readonly string[]>> = {
  "Callout.type": ["info", "tip", "warning"],
  "Example.kind": ["do", "dont"],
};

/** Options per KnowledgeCheck. */
const MIN_OPTIONS = 2;
const MAX_OPTIONS = 5;

/** remark plugin: collects every problem, then throws `Rejected` so nothing is generated or run. */
function remarkSafety(extracted: Extracted) {
  return (tree: MdNode) => {
    const problems: Located[] = [];
    const report = (at: Position | undefined, code: ProblemCode, params?: ProblemParams) =>
      problems.push({ line: at?.start.line ?? 1, col: at?.start.column ?? 1, ...coded(code, params) });
    const components = COMPONENT_NAMES.join(", ");
    const slugs = new Map<string, number>();
    const checkIds = new Set<string>();
    const reflectionIds = new Set<string>();

    const visit = (node: MdNode, parent: MdNode | undefined, ancestors: readonly MdNode[]) => {
      switch (node.type) {
        case "mdxjsEsm":
          report(node.position, "esm");
          return;
        case "mdxFlowExpression":
        case "mdxTextExpression":
          report(node.position, "expression");
          return;
        case "html":
          report(node.position, "rawHtml");
          return;
        case "link":
        case "definition": {
          const problem = linkUrlProblem(node.url ?? "");
          if (problem) report(node.position, problem.code, problem.params);
          break;
        }
        case "image": {
          const problem = mediaUrlProblem(node.url ?? "");
          if (problem) report(node.position, problem.code, problem.params);
          break;
        }
        case "heading": {
          const depth = node.depth ?? 1;
          if (depth === 2 || depth === 3) {
            const text = plainText(node).trim();
            const id = uniqueSlug(slugify(text), slugs);
            node.data = { ...node.data, hProperties: { id } };
            extracted.headings.push({ id, text, depth });
          }
          break;
        }
        case "mdxJsxFlowElement":
        case "mdxJsxTextElement": {
          const keepGoing = checkElement(node, parent, ancestors);
          if (!keepGoing) return;
          break;
        }
        default:
          if (!MARKDOWN_TYPES.has(node.type)) {
            report(node.position, "unsupported", { type: node.type });
            return;
          }
      }
      const next = [...ancestors, node];
      for (const child of node.children ?? []) visit(child, node, next);
    };

    /** Validates one JSX element; returns false when its children must not be visited again. */
    const checkElement = (node: MdNode, parent: MdNode | undefined, ancestors: readonly MdNode[]): boolean => {
      const name = node.name;
      const attributes = node.attributes ?? [];
      // Attribute-level dangers are reported whatever the element.
      for (const attribute of attributes) {
        const at = attribute.position ?? node.position;
        if (attribute.type === "mdxJsxExpressionAttribute") report(at, "attributeSpread");
        else if (attribute.name && /^on/i.test(attribute.name)) report(at, "eventHandler", { attribute: attribute.name });
        else if (attribute.value && typeof attribute.value === "object") report(at, "attributeExpression", { attribute: attribute.name ?? "" });
      }
      if (!name) {
        report(node.position, "fragment");
        return true;
      }
      if (/[.:]/.test(name)) {
        report(node.position, "namespacedElement", { name, components });
        return true;
      }
      if (!isComponentName(name)) {
        if (/^[a-z]/.test(name)) report(node.position, "rawHtmlElement", { name, components });
        else report(node.position, "unknownComponent", { name, components });
        return true;
      }

      const spec = COMPONENTS[name];
      const values = new Map<string, string | true>();
      for (const attribute of attributes) {
        if (attribute.type !== "mdxJsxAttribute" || !attribute.name) continue;
        const attrName = attribute.name;
        const at = attribute.position ?? node.position;
        if (/^on/i.test(attrName) || (attribute.value && typeof attribute.value === "object")) continue; // already reported
        if (values.has(attrName)) {
          report(at, "attributeTwice", { component: name, attribute: attrName });
          continue;
        }
        if ((spec.flags as readonly string[]).includes(attrName)) {
          if (attribute.value !== null && attribute.value !== undefined) report(at, "flagWithValue", { component: name, attribute: attrName });
          values.set(attrName, true);
        } else if ((spec.strings as readonly string[]).includes(attrName)) {
          if (typeof attribute.value !== "string") report(at, "attributeNeedsValue", { component: name, attribute: attrName });
          else values.set(attrName, attribute.value);
        } else {
          const allowed = [...spec.strings, ...spec.flags];
          report(at, "unknownAttribute", { component: name, attribute: attrName, allowed: allowed.join(", ") });
        }
      }
      const str = (attr: string): string | undefined => {
        const value = values.get(attr);
        return typeof value === "string" ? value : undefined;
      };
      for (const attr of spec.required) {
        const value = values.get(attr);
        if (value === undefined) {
          if (!attributes.some((a) => a.name === attr)) report(node.position, "attributeRequired", { component: name, attribute: attr });
        } else if (typeof value === "string" && value.trim() === "") report(node.position, "attributeEmpty", { component: name, attribute: attr });
      }
      for (const [attr, value] of values) {
        const allowed = ENUMS[`${name}.${attr}`];
        if (allowed && typeof value === "string" && !allowed.includes(value))
          report(node.position, "attributeValue", { component: name, attribute: attr, value, allowed: allowed.map((v) => `"${v}"`).join(", ") });
      }

      // Placement.
      const inOption = ancestors.some((a) => a.name === "Option");
      if (name === "Option") {
        const owner = parent?.type === "paragraph" ? ancestors[ancestors.length - 2] : parent;
        if (owner?.name !== "KnowledgeCheck") report(node.position, "optionOutsideCheck");
      } else if (spec.block && node.type === "mdxJsxTextElement") {
        report(node.position, "blockOnOwnLine", { component: name });
      } else if (ancestors.some((a) => a.name === "KnowledgeCheck") || inOption) {
        report(node.position, "insideCheck", { component: name });
      }
      if (spec.childless && (node.children ?? []).some((child) => !isBlank(child))) {
        report(node.position, "childless", { component: name });
        return false;
      }

      switch (name) {
        case "Figure": {
          const src = str("src");
          if (src !== undefined) {
            const problem = mediaUrlProblem(src, { component: name, attribute: "src" });
            if (problem) report(attributeAt(node, "src"), problem.code, problem.params);
          }
          break;
        }
        case "Video": {
          const src = str("src");
          const captions = str("captions");
          if (src !== undefined) {
            const problem = mediaUrlProblem(src, { component: name, attribute: "src" });
            if (problem) report(attributeAt(node, "src"), problem.code, problem.params);
          }
          if (captions !== undefined) {
            const problem = mediaUrlProblem(captions, { component: name, attribute: "captions" });
            if (problem) report(attributeAt(node, "captions"), problem.code, problem.params);
            else if (!/\.vtt$/i.test(captions.split(/[?#]/)[0] ?? "")) report(attributeAt(node, "captions"), "captionsFormat");
          }
          break;
        }
        case "Reflection": {
          const id = str("id");
          if (id !== undefined) {
            if (!KEBAB_CASE.test(id)) report(attributeAt(node, "id"), "idFormat", { component: name, id });
            else if (reflectionIds.has(id)) report(attributeAt(node, "id"), "idTwice", { component: name, id });
            reflectionIds.add(id);
            extracted.reflections.push({ id, prompt: str("prompt") ?? "", review: values.get("review") === true });
          }
          break;
        }
        case "KnowledgeCheck":
          checkKnowledgeCheck(node, str);
          return false;
      }
      return true;
    };

    const checkKnowledgeCheck = (node: MdNode, str: (attr: string) => string | undefined) => {
      const id = str("id");
      const question = str("question") ?? "";
      if (id !== undefined) {
        if (!KEBAB_CASE.test(id)) report(attributeAt(node, "id"), "idFormat", { component: "KnowledgeCheck", id });
        else if (checkIds.has(id)) report(attributeAt(node, "id"), "idTwice", { component: "KnowledgeCheck", id });
        checkIds.add(id);
      }
      const options: MdNode[] = [];
      const take = (child: MdNode, owner: MdNode, ancestors: MdNode[]) => {
        if (isBlank(child)) return;
        if ((child.type === "mdxJsxFlowElement" || child.type === "mdxJsxTextElement") && child.name === "Option") {
          options.push(child);
          visit(child, owner, ancestors);
          return;
        }
        report(child.position, "checkOnlyOptions");
        visit(child, owner, ancestors);
      };
      for (const child of node.children ?? []) {
        if (child.type === "paragraph") for (const grandchild of child.children ?? []) take(grandchild, child, [node, child]);
        else take(child, node, [node]);
      }
      if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS)
        report(node.position, "optionCount", { min: MIN_OPTIONS, max: MAX_OPTIONS, found: options.length });
      const defs: KnowledgeCheckOption[] = options.map((option, index) => {
        for (const child of option.children ?? []) {
          if (child.type !== "text") report(child.position ?? option.position, "optionPlainText");
        }
        const text = plainText(option).replace(/\s+/g, " ").trim();
        if (!text) report(option.position, "optionNoText");
        const attributes = option.attributes ?? [];
        const explanation = attributes.find((a) => a.name === "explanation")?.value;
        return {
          id: `o${index + 1}`,
          text,
          correct: attributes.some((a) => a.name === "correct"),
          explanation: typeof explanation === "string" ? explanation : "",
        };
      });
      const correct = defs.filter((option) => option.correct).length;
      if (options.length > 0 && correct !== 1) report(node.position, "oneCorrect", { found: correct });
      if (id !== undefined) extracted.checks.push({ id, question, options: defs });

      // The answer key never reaches generated code: keep only id and question, drop the options
      // (the JSON tree gets them back, without correct/explanation, in fillKnowledgeChecks).
      node.attributes = (node.attributes ?? []).filter((a) => a.type === "mdxJsxAttribute" && (a.name === "id" || a.name === "question"));
      node.children = [];
    };

    visit(tree, undefined, []);
    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line || a.col - b.col);
      throw new Rejected(problems);
    }
  };
}

function attributeAt(node: MdNode, name: string): Position | undefined {
  return node.attributes?.find((a) => a.name === name)?.position ?? node.position;
}

function isBlank(node: MdNode): boolean {
  return node.type === "text" && (node.value ?? "").trim() === "";
}

function plainText(node: MdNode): string {
  if (typeof node.value === "string" && (node.type === "text" || node.type === "inlineCode")) return node.value;
  return (node.children ?? []).map(plainText).join("");
}

/** Heading ids: lowercase ASCII words joined by dashes (accents dropped), unique in the document. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

function uniqueSlug(slug: string, seen: Map<string, number>): string {
  const count = seen.get(slug) ?? 0;
  seen.set(slug, count + 1);
  if (count === 0) return slug;
  let candidate = `${slug}-${count + 1}`;
  while (seen.has(candidate)) candidate = `${candidate}-1`;
  seen.set(candidate, 1);
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// URLs
// ---------------------------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = {
  colon: ":", tab: "\t", newline: "\n", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", sol: "/", bsol: "\\", period: ".",
  lpar: "(", rpar: ")", nbsp: "\u00a0", excl: "!", num: "#", percnt: "%", semi: ";", equals: "=", quest: "?", commat: "@",
  plus: "+", comma: ",", hyphen: "-", dash: "-", lowbar: "_", grave: "`", verbar: "|", vert: "|",
};

function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (match, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? parseInt(dec, 10) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    return (named && NAMED_ENTITIES[named.toLowerCase()]) ?? match;
  });
}

// C0 controls, space, DEL, C1 controls, soft hyphen and the invisible/space characters browsers may ignore.
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- matching these exact characters is the point
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/** What a browser would see as the URL's scheme: entities decoded, invisible characters removed, lowercase. */
export function normaliseUrl(raw: string): string {
  let value = raw;
  for (let i = 0; i < 3; i++) {
    const decoded = decodeEntities(value);
    if (decoded === value) break;
    value = decoded;
  }
  return value.replace(INVISIBLE, "").toLowerCase();
}

function schemeOf(normalised: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):/.exec(normalised);
  return match?.[1] ?? null;
}

const DANGEROUS_SCHEMES = new Set(["javascript", "vbscript", "data", "file", "blob", "filesystem"]);

type UrlProblem = { code: ProblemCode; params: ProblemParams };

/** Links go to https://, http://, mailto: or relative paths. */
export function linkUrlProblem(raw: string): UrlProblem | null {
  const scheme = schemeOf(normaliseUrl(raw));
  if (scheme === null || scheme === "https" || scheme === "http" || scheme === "mailto") return null;
  if (DANGEROUS_SCHEMES.has(scheme)) return { code: "dangerousUrl", params: { scheme } };
  return { code: "linkScheme", params: { scheme } };
}

/** Images, figures and videos come from https:// or /media/…; `attribute` names where (an image when absent). */
export function mediaUrlProblem(raw: string, attribute?: { component: string; attribute: string }): UrlProblem | null {
  const normalised = normaliseUrl(raw);
  const scheme = schemeOf(normalised);
  if (scheme !== null && DANGEROUS_SCHEMES.has(scheme)) return { code: "dangerousUrl", params: { scheme } };
  if (scheme === "https" && normalised.startsWith("https://") && raw.trim() === raw) return null;
  if (scheme === null && raw.startsWith("/media/") && !/(^|\/)\.\.?(\/|$)/.test(raw.slice(1)) && normalised === raw.toLowerCase()) return null;
  return attribute ? { code: "attributeUrl", params: attribute } : { code: "imageUrl", params: {} };
}
