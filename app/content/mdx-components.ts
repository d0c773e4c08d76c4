/**
 * What the safe MDX engine produces and accepts: the JSON render tree's types, and the components an
 * author may use with their attributes. Shared by the compiler (mdx.server.ts), its safety plugin
 * (mdx-safety.server.ts) and the browser renderer; no I/O.
 */
import type { Problem } from "./schemas";

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

export const isComponentName = (name: string): name is ComponentName => Object.prototype.hasOwnProperty.call(COMPONENTS, name);

/** A problem without its file: the compiler adds the file name. */
export type Located = Omit<Problem, "file">;

/** What the safety plugin extracts while it walks the tree. */
export type Extracted = { headings: Heading[]; checks: KnowledgeCheckDef[]; reflections: ReflectionDef[] };

/** Thrown by the safety plugin with every problem found, so nothing is generated or run. */
export class Rejected extends Error {
  constructor(readonly problems: Located[]) {
    super("the MDX source was rejected");
  }
}
