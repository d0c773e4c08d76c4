/**
 * zod schemas for the content files under `content/` (see docs/content-format.md), and a small pure
 * helper that parses YAML and validates it with a schema, reporting problems with a line and column.
 * No file-system access here: callers read files and pass their text.
 */
import { LineCounter, parseDocument } from "yaml";
import { coded } from "./problem-codes";
import { describePath, locateYaml } from "./yaml-location";
import { z } from "zod";

/**
 * A problem found in a content file, located where an author can fix it (1-based line and column).
 * `message` is English (the command line); `code` and `params`, when set, let the studio say it in the
 * reader's language (app/content/problem-codes.ts).
 */
export type Problem = { file: string; line: number; col: number; message: string; code?: string; params?: Record<string, string | number> };

export const LEVEL_IDS = ["native", "late_adopter", "reluctant", "objector", "beginner"] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const EXAM_CATEGORIES = ["charter", "disclosure", "voice", "crisis", "channels"] as const;
export type ExamCategory = (typeof EXAM_CATEGORIES)[number];

export const EXAM_TYPES = ["single", "multiple", "true_false", "judgement"] as const;
export type ExamType = (typeof EXAM_TYPES)[number];

export const MIN_EXAM_ITEMS = 40;

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .trim()
    .min(1, `${what} is empty`);

/** zod's type error: "<what> is missing" when absent, `otherwise` when present but of the wrong type. */
const typeError = (what: string, otherwise: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `${what} is missing` : otherwise),
});

const kebabId = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is missing` : `${what} must be text`) })
    .regex(KEBAB_CASE, `${what} must be kebab-case (lowercase letters, digits and single dashes)`);

/** `{ fr, en }`, both non-empty. */
export const bilingualSchema = z.strictObject(
  { fr: text("the French text (fr)"), en: text("the English text (en)") },
  { error: (issue) => (issue.input === undefined ? "text is missing (needs fr and en)" : "expected { fr: …, en: … }") },
);
export type Bilingual = z.infer<typeof bilingualSchema>;

// ---------------------------------------------------------------------------------------------
// Modules
// ---------------------------------------------------------------------------------------------

export const moduleFrontmatterSchema = z.strictObject(
  {
    id: kebabId("id"),
    title: text("title"),
    summary: text("summary"),
    duration: z
      .number(typeError("duration", "duration is a whole number of minutes"))
      .int("duration is a whole number of minutes")
      .min(3, "duration is between 3 and 40 minutes")
      .max(40, "duration is between 3 and 40 minutes"),
    objectives: z
      .array(text("an objective"), typeError("objectives", "objectives must be a list"))
      .min(2, "a module has 2 to 6 objectives")
      .max(6, "a module has 2 to 6 objectives"),
    version: z.number(typeError("version", "version is a positive whole number")).int("version is a positive whole number").positive("version is a positive whole number"),
  },
  { error: (issue) => (issue.input === undefined ? "the frontmatter is missing" : "the frontmatter must be a mapping") },
);
export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;

// ---------------------------------------------------------------------------------------------
// Tracks
// ---------------------------------------------------------------------------------------------

const moduleList = (what: string) =>
  z
    .array(kebabId("a module id"), { error: `${what} must be a list of module ids` })
    .min(1, `${what} must list at least one module`)
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) ctx.addIssue({ code: "custom", message: `module "${id}" is listed twice`, path: [index] });
        seen.add(id);
      });
    });

export const tracksSchema = z
  .strictObject({
    core: moduleList("core"),
    levels: z.strictObject(
      {
        native: moduleList("levels.native"),
        late_adopter: moduleList("levels.late_adopter"),
        reluctant: moduleList("levels.reluctant"),
        objector: moduleList("levels.objector"),
        beginner: moduleList("levels.beginner"),
      },
      { error: (issue) => (issue.input === undefined ? `levels is missing (needs ${LEVEL_IDS.join(", ")})` : "levels must be a mapping") },
    ),
  })
  .superRefine((tracks, ctx) => {
    const core = new Set(tracks.core);
    for (const level of LEVEL_IDS) {
      tracks.levels[level].forEach((id, index) => {
        if (core.has(id))
          ctx.addIssue({ code: "custom", message: `module "${id}" is already in the common core`, path: ["levels", level, index] });
      });
    }
  });
export type Tracks = z.infer<typeof tracksSchema>;

// ---------------------------------------------------------------------------------------------
// Charter
// ---------------------------------------------------------------------------------------------

export const CHARTER_VERSION = /^\d{4}-\d{2}(?:-[a-z0-9]+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const charterFrontmatterSchema = z.strictObject(
  {
    version: z
      .string(typeError("version", 'version is a quoted date-like id such as "2026-01"'))
      .regex(CHARTER_VERSION, 'version is a date-like id such as "2026-01"'),
    title: text("title"),
    effective: z
      .string(typeError("effective", 'effective is a quoted date such as "2026-01-15"'))
      .regex(ISO_DATE, 'effective is a date such as "2026-01-15"')
      .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "effective is not a real date"),
    summary: text("summary"),
  },
  { error: (issue) => (issue.input === undefined ? "the frontmatter is missing" : "the frontmatter must be a mapping") },
);
export type CharterFrontmatter = z.infer<typeof charterFrontmatterSchema>;

const charterOptionSchema = z.strictObject({
  id: text("id"),
  text: bilingualSchema,
  correct: z.boolean({ error: "correct is true or false" }).optional(),
  explanation: bilingualSchema,
});

const charterQuestionSchema = z
  .strictObject({
    id: kebabId("id"),
    clause: text("clause").optional(),
    question: bilingualSchema,
    options: z.array(charterOptionSchema, typeError("options", "options must be a list")).min(2, "a question needs 2 to 5 options").max(5, "a question needs 2 to 5 options"),
  })
  .superRefine((question, ctx) => {
    checkUniqueIds(question.options, ctx, ["options"], "option");
    const correct = question.options.filter((option) => option.correct === true).length;
    if (correct !== 1)
      ctx.addIssue({ code: "custom", message: `exactly one option must be correct (found ${correct})`, path: ["options"] });
  });

export const charterCheckSchema = z
  .strictObject({
    questions: z
      .array(charterQuestionSchema, typeError("questions", "questions must be a list"))
      .min(3, "the charter check has 3 to 5 questions")
      .max(5, "the charter check has 3 to 5 questions"),
  })
  .superRefine((check, ctx) => checkUniqueIds(check.questions, ctx, ["questions"], "question"));
export type CharterCheck = z.infer<typeof charterCheckSchema>;

// ---------------------------------------------------------------------------------------------
// Exam bank
// ---------------------------------------------------------------------------------------------

const examOptionSchema = z.strictObject({
  id: z.string({ error: (issue) => (issue.input === undefined ? "id is missing" : 'id must be text (quote "true" and "false")') }).min(1, "id is empty"),
  text: bilingualSchema,
  correct: z.boolean({ error: "correct is true or false" }).optional(),
});

const examItemSchema = z
  .strictObject({
    id: kebabId("id"),
    category: z.enum(EXAM_CATEGORIES, typeError("category", `category is one of ${EXAM_CATEGORIES.join(", ")}`)),
    type: z.enum(EXAM_TYPES, typeError("type", `type is one of ${EXAM_TYPES.join(", ")}`)),
    scenario: bilingualSchema.optional(),
    post: bilingualSchema.optional(),
    question: bilingualSchema,
    options: z.array(examOptionSchema, typeError("options", "options must be a list")),
    explanation: bilingualSchema,
  })
  .superRefine((item, ctx) => {
    checkUniqueIds(item.options, ctx, ["options"], "option");
    const ids = item.options.map((option) => option.id);
    const correct = item.options.filter((option) => option.correct === true).length;
    const issue = (message: string, path: PropertyKey[] = ["options"]) => ctx.addIssue({ code: "custom", message, path });
    const sameIds = (expected: readonly string[]) => ids.length === expected.length && expected.every((id) => ids.includes(id));
    switch (item.type) {
      case "single":
        if (item.options.length < 3 || item.options.length > 6) issue(`a single-answer item has 3 to 6 options (found ${item.options.length})`);
        if (correct !== 1) issue(`a single-answer item has exactly one correct option (found ${correct})`);
        break;
      case "multiple":
        if (item.options.length < 3 || item.options.length > 8) issue(`a multiple-answer item has 3 to 8 options (found ${item.options.length})`);
        if (correct < 2) issue(`a multiple-answer item has at least two correct options (found ${correct})`);
        if (correct === item.options.length) issue("a multiple-answer item needs at least one wrong option");
        break;
      case "true_false":
        if (!sameIds(["true", "false"])) issue('a true_false item has exactly two options, with ids "true" and "false"');
        if (correct !== 1) issue(`a true_false item has exactly one correct option (found ${correct})`);
        break;
      case "judgement":
        if (!item.scenario) issue("a judgement item needs a scenario", []);
        if (!item.post) issue("a judgement item needs the post being judged", []);
        if (!sameIds(["post", "edit", "dont"])) issue('a judgement item has exactly three options, with ids "post", "edit" and "dont"');
        if (correct !== 1) issue(`a judgement item has exactly one correct option (found ${correct})`);
        break;
    }
    if (item.type !== "judgement" && item.post) issue("post is only used by judgement items", ["post"]);
  });
export type ExamItem = z.infer<typeof examItemSchema>;

export const examBankSchema = z
  .strictObject({
    items: z.array(examItemSchema, typeError("items", "items must be a list")).min(MIN_EXAM_ITEMS, `the exam bank needs at least ${MIN_EXAM_ITEMS} items`),
  })
  .superRefine((bank, ctx) => {
    checkUniqueIds(bank.items, ctx, ["items"], "item");
    for (const category of EXAM_CATEGORIES) {
      if (!bank.items.some((item) => item.category === category))
        ctx.addIssue({ code: "custom", message: `no item in category "${category}": attempts draw from every category`, path: ["items"] });
    }
  });
export type ExamBank = z.infer<typeof examBankSchema>;

function checkUniqueIds(list: readonly { id: string }[], ctx: z.RefinementCtx, path: PropertyKey[], what: string) {
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    if (seen.has(entry.id)) ctx.addIssue({ code: "custom", message: `duplicate ${what} id "${entry.id}"`, path: [...path, index, "id"] });
    seen.add(entry.id);
  });
}

// ---------------------------------------------------------------------------------------------
// YAML with positions
// ---------------------------------------------------------------------------------------------

export type YamlResult<T> = { ok: true; data: T } | { ok: false; problems: Problem[] };

/**
 * Parses YAML text and validates it with `schema`. Problems point at the offending key or item.
 * `lineOffset` is added to every line (for YAML embedded in another file, such as frontmatter).
 */
export function parseYamlWith<S extends z.ZodType>(yamlText: string, file: string, schema: S, lineOffset = 0): YamlResult<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { line: 1 + lineOffset, col: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, col };
  };
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((error) => ({ file, ...at(error.pos[0]), message: `YAML: ${firstLine(error.message)}` })) };
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.map((issue) => {
    let path: PropertyKey[] = [...issue.path];
    if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) path = [...path, issue.keys[0]];
    const message = issue.code === "unrecognized_keys" ? `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}` : issue.message;
    // A top-level key's own messages already name it ("duration is between 3 and 40 minutes").
    const only = issue.path.length === 1 ? issue.path[0] : undefined;
    const named = typeof only === "string" && message.startsWith(`${only} `);
    return { file, ...at(locateYaml(doc.contents, path)), message: named ? message : `${describePath(issue.path, "file")}: ${message}` };
  });
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return { ok: false, problems };
}

/**
 * Line and column (1-based) of the node at `path` in YAML text (or of its deepest existing parent),
 * for problems found after validation, such as a track naming a module that does not exist.
 */
export function yamlPosition(yamlText: string, path: readonly PropertyKey[]): { line: number; col: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  const offset = locateYaml(doc.contents, path);
  if (offset === undefined) return { line: 1, col: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}


function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

// ---------------------------------------------------------------------------------------------
// Frontmatter
// ---------------------------------------------------------------------------------------------

export type Frontmatter = {
  /** The YAML between the fences, or null when the file has no frontmatter. */
  yaml: string | null;
  /** 1-based line of the first YAML line (the line after the opening fence). */
  yamlLine: number;
  /** The file with the frontmatter replaced by as many empty lines, so positions in the body match the file. */
  body: string;
};

const FENCE = /^---[ \t]*$/;

/**
 * Splits a `---` fenced YAML frontmatter off the top of a file. The body keeps the file's line
 * numbers: the frontmatter lines become empty lines. An unclosed fence is reported.
 */
export function splitFrontmatter(source: string, file: string): { ok: true; frontmatter: Frontmatter } | { ok: false; problems: Problem[] } {
  const withoutBom = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const lines = withoutBom.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? "")) return { ok: true, frontmatter: { yaml: null, yamlLine: 1, body: withoutBom } };
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) return { ok: false, problems: [{ file, line: 1, col: 1, ...coded("frontmatterUnclosed") }] };
  const yaml = lines.slice(1, close).join("\n");
  const body = [...lines.slice(0, close + 1).map(() => ""), ...lines.slice(close + 1)].join("\n");
  return { ok: true, frontmatter: { yaml, yamlLine: 2, body } };
}
