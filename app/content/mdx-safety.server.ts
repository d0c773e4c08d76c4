/**
 * The safety plugin of the MDX engine (step 1 in mdx.server.ts): a remark plugin that walks the
 * Markdown AST and rejects, with line and column, anything that is not Markdown or an allowlisted
 * component with literal, allowed attributes. It also validates each component, extracts headings,
 * knowledge checks and reflections, and strips the answer keys out of the AST before any code is
 * generated. One method per kind of check; `Rejected` carries every problem found.
 */
import {
  COMPONENT_NAMES,
  COMPONENTS,
  isComponentName,
  Rejected,
  type ComponentName,
  type Extracted,
  type KnowledgeCheckOption,
  type Located,
} from "./mdx-components";
import { linkUrlProblem, mediaUrlProblem } from "./mdx-urls";
import { coded, type ProblemCode, type ProblemParams } from "./problem-codes";
import { KEBAB_CASE } from "./schemas";

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
/** A component's literal attributes: a string value, or `true` for a flag. */
type Values = Map<string, string | true>;

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

const COMPONENT_LIST = COMPONENT_NAMES.join(", ");

/** remark plugin: collects every problem, then throws `Rejected` so nothing is generated or run. */
export function remarkSafety(extracted: Extracted) {
  return (tree: MdNode) => new SafetyWalk(extracted).run(tree);
}

class SafetyWalk {
  private readonly problems: Located[] = [];
  private readonly slugs = new Map<string, number>();
  private readonly checkIds = new Set<string>();
  private readonly reflectionIds = new Set<string>();

  constructor(private readonly extracted: Extracted) {}

  run(tree: MdNode): void {
    this.visit(tree, undefined, []);
    if (this.problems.length > 0) {
      this.problems.sort((a, b) => a.line - b.line || a.col - b.col);
      throw new Rejected(this.problems);
    }
  }

  private report(at: Position | undefined, code: ProblemCode, params?: ProblemParams): void {
    this.problems.push({ line: at?.start.line ?? 1, col: at?.start.column ?? 1, ...coded(code, params) });
  }

  private reportUrl(at: Position | undefined, problem: { code: ProblemCode; params: ProblemParams } | null): void {
    if (problem) this.report(at, problem.code, problem.params);
  }

  private visit(node: MdNode, parent: MdNode | undefined, ancestors: readonly MdNode[]): void {
    switch (node.type) {
      case "mdxjsEsm":
        return this.report(node.position, "esm");
      case "mdxFlowExpression":
      case "mdxTextExpression":
        return this.report(node.position, "expression");
      case "html":
        return this.report(node.position, "rawHtml");
      case "link":
      case "definition":
        this.reportUrl(node.position, linkUrlProblem(node.url ?? ""));
        break;
      case "image":
        this.reportUrl(node.position, mediaUrlProblem(node.url ?? ""));
        break;
      case "heading":
        this.heading(node);
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        if (!this.element(node, parent, ancestors)) return;
        break;
      default:
        if (!MARKDOWN_TYPES.has(node.type)) return this.report(node.position, "unsupported", { type: node.type });
    }
    const next = [...ancestors, node];
    for (const child of node.children ?? []) this.visit(child, node, next);
  }

  /** h2 and h3 get a unique id and make the module's table of contents. */
  private heading(node: MdNode): void {
    const depth = node.depth ?? 1;
    if (depth !== 2 && depth !== 3) return;
    const text = plainText(node).trim();
    const id = uniqueSlug(slugify(text), this.slugs);
    node.data = { ...node.data, hProperties: { id } };
    this.extracted.headings.push({ id, text, depth });
  }

  /** Validates one JSX element; returns false when its children must not be visited again. */
  private element(node: MdNode, parent: MdNode | undefined, ancestors: readonly MdNode[]): boolean {
    this.attributeDangers(node);
    const name = node.name;
    if (!name) {
      this.report(node.position, "fragment");
      return true;
    }
    if (/[.:]/.test(name)) {
      this.report(node.position, "namespacedElement", { name, components: COMPONENT_LIST });
      return true;
    }
    if (!isComponentName(name)) {
      this.report(node.position, /^[a-z]/.test(name) ? "rawHtmlElement" : "unknownComponent", { name, components: COMPONENT_LIST });
      return true;
    }
    const values = this.componentAttributes(node, name);
    this.placement(node, name, parent, ancestors);
    if (COMPONENTS[name].childless && (node.children ?? []).some((child) => !isBlank(child))) {
      this.report(node.position, "childless", { component: name });
      return false;
    }
    return this.component(node, name, values);
  }

  /** Attribute-level dangers, reported whatever the element: spreads, event handlers, expressions. */
  private attributeDangers(node: MdNode): void {
    for (const attribute of node.attributes ?? []) {
      const at = attribute.position ?? node.position;
      if (attribute.type === "mdxJsxExpressionAttribute") this.report(at, "attributeSpread");
      else if (attribute.name && /^on/i.test(attribute.name)) this.report(at, "eventHandler", { attribute: attribute.name });
      else if (attribute.value && typeof attribute.value === "object") this.report(at, "attributeExpression", { attribute: attribute.name ?? "" });
    }
  }

  /** A component's attributes against its spec: known, once each, flags without value, required, enums. */
  private componentAttributes(node: MdNode, name: ComponentName): Values {
    const spec = COMPONENTS[name];
    const attributes = node.attributes ?? [];
    const values: Values = new Map();
    for (const attribute of attributes) {
      if (attribute.type !== "mdxJsxAttribute" || !attribute.name) continue;
      const attrName = attribute.name;
      const at = attribute.position ?? node.position;
      if (/^on/i.test(attrName) || (attribute.value && typeof attribute.value === "object")) continue; // already reported
      if (values.has(attrName)) {
        this.report(at, "attributeTwice", { component: name, attribute: attrName });
      } else if ((spec.flags as readonly string[]).includes(attrName)) {
        if (attribute.value !== null && attribute.value !== undefined) this.report(at, "flagWithValue", { component: name, attribute: attrName });
        values.set(attrName, true);
      } else if ((spec.strings as readonly string[]).includes(attrName)) {
        if (typeof attribute.value !== "string") this.report(at, "attributeNeedsValue", { component: name, attribute: attrName });
        else values.set(attrName, attribute.value);
      } else {
        const allowed = [...spec.strings, ...spec.flags];
        this.report(at, "unknownAttribute", { component: name, attribute: attrName, allowed: allowed.join(", ") });
      }
    }
    for (const attr of spec.required) {
      const value = values.get(attr);
      if (value === undefined) {
        if (!attributes.some((a) => a.name === attr)) this.report(node.position, "attributeRequired", { component: name, attribute: attr });
      } else if (typeof value === "string" && value.trim() === "") this.report(node.position, "attributeEmpty", { component: name, attribute: attr });
    }
    for (const [attr, value] of values) {
      const allowed = ENUMS[`${name}.${attr}`];
      if (allowed && typeof value === "string" && !allowed.includes(value))
        this.report(node.position, "attributeValue", { component: name, attribute: attr, value, allowed: allowed.map((v) => `"${v}"`).join(", ") });
    }
    return values;
  }

  /** Where a component may stand: options inside a check, blocks on their own line, nothing else in a check. */
  private placement(node: MdNode, name: ComponentName, parent: MdNode | undefined, ancestors: readonly MdNode[]): void {
    if (name === "Option") {
      const owner = parent?.type === "paragraph" ? ancestors[ancestors.length - 2] : parent;
      if (owner?.name !== "KnowledgeCheck") this.report(node.position, "optionOutsideCheck");
    } else if (COMPONENTS[name].block && node.type === "mdxJsxTextElement") {
      this.report(node.position, "blockOnOwnLine", { component: name });
    } else if (ancestors.some((a) => a.name === "KnowledgeCheck" || a.name === "Option")) {
      this.report(node.position, "insideCheck", { component: name });
    }
  }

  /** Checks of one component's meaning; returns false when its children must not be visited again. */
  private component(node: MdNode, name: ComponentName, values: Values): boolean {
    const str = (attr: string): string | undefined => {
      const value = values.get(attr);
      return typeof value === "string" ? value : undefined;
    };
    switch (name) {
      case "Figure":
        this.media(node, name, "src", str("src"));
        return true;
      case "Video": {
        this.media(node, name, "src", str("src"));
        const captions = str("captions");
        if (captions !== undefined && this.media(node, name, "captions", captions) && !/\.vtt$/i.test(captions.split(/[?#]/)[0] ?? ""))
          this.report(attributeAt(node, "captions"), "captionsFormat");
        return true;
      }
      case "Reflection": {
        const id = str("id");
        if (id !== undefined && this.uniqueId(node, name, id, this.reflectionIds))
          this.extracted.reflections.push({ id, prompt: str("prompt") ?? "", review: values.get("review") === true });
        return true;
      }
      case "KnowledgeCheck":
        this.knowledgeCheck(node, str("id"), str("question") ?? "");
        return false;
      default:
        return true;
    }
  }

  /** A media attribute's URL; true when it is acceptable (or absent). */
  private media(node: MdNode, component: ComponentName, attribute: string, src: string | undefined): boolean {
    if (src === undefined) return true;
    const problem = mediaUrlProblem(src, { component, attribute });
    this.reportUrl(attributeAt(node, attribute), problem);
    return problem === null;
  }

  /** Ids are kebab-case and unique per kind in a module; always recorded (returns true to extract it). */
  private uniqueId(node: MdNode, component: ComponentName, id: string, seen: Set<string>): true {
    if (!KEBAB_CASE.test(id)) this.report(attributeAt(node, "id"), "idFormat", { component, id });
    else if (seen.has(id)) this.report(attributeAt(node, "id"), "idTwice", { component, id });
    seen.add(id);
    return true;
  }

  private knowledgeCheck(node: MdNode, id: string | undefined, question: string): void {
    if (id !== undefined) this.uniqueId(node, "KnowledgeCheck", id, this.checkIds);
    const options = this.checkOptions(node);
    if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS)
      this.report(node.position, "optionCount", { min: MIN_OPTIONS, max: MAX_OPTIONS, found: options.length });
    const defs = options.map((option, index) => this.option(option, index));
    const correct = defs.filter((option) => option.correct).length;
    if (options.length > 0 && correct !== 1) this.report(node.position, "oneCorrect", { found: correct });
    if (id !== undefined) this.extracted.checks.push({ id, question, options: defs });

    // The answer key never reaches generated code: keep only id and question, drop the options
    // (the JSON tree gets them back, without correct/explanation, in fillKnowledgeChecks).
    node.attributes = (node.attributes ?? []).filter((a) => a.type === "mdxJsxAttribute" && (a.name === "id" || a.name === "question"));
    node.children = [];
  }

  /** A check's children: only Option elements (each visited for its own checks). */
  private checkOptions(node: MdNode): MdNode[] {
    const options: MdNode[] = [];
    const take = (child: MdNode, owner: MdNode, ancestors: MdNode[]) => {
      if (isBlank(child)) return;
      if ((child.type === "mdxJsxFlowElement" || child.type === "mdxJsxTextElement") && child.name === "Option") options.push(child);
      else this.report(child.position, "checkOnlyOptions");
      this.visit(child, owner, ancestors);
    };
    for (const child of node.children ?? []) {
      if (child.type === "paragraph") for (const grandchild of child.children ?? []) take(grandchild, child, [node, child]);
      else take(child, node, [node]);
    }
    return options;
  }

  private option(option: MdNode, index: number): KnowledgeCheckOption {
    for (const child of option.children ?? []) {
      if (child.type !== "text") this.report(child.position ?? option.position, "optionPlainText");
    }
    // Line breaks and runs of spaces become one space; a non-breaking space (French: "Bravo\u202f!") stays.
    const text = plainText(option)
      .replace(/[ \t\r\n]+/g, " ")
      .replace(/^ | $/g, "");
    if (!text.trim()) this.report(option.position, "optionNoText");
    const attributes = option.attributes ?? [];
    const explanation = attributes.find((a) => a.name === "explanation")?.value;
    return {
      id: `o${index + 1}`,
      text,
      correct: attributes.some((a) => a.name === "correct"),
      explanation: typeof explanation === "string" ? explanation : "",
    };
  }
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
