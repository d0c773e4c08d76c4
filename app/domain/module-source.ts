/**
 * A module language file as the studio edits it: a YAML frontmatter the trainer fills in through a
 * form (title, summary, duration, objectives; `id` and `version` are the system's) and an MDX body
 * edited as text. Pure: splitting a file, reading its fields, composing it back.
 *
 * Composing keeps the file byte for byte when the fields did not change (comments, quotes and
 * spacing included), and otherwise edits the parsed YAML document, so that a small change stays a
 * small diff. `header + body === source` always holds for `splitSource`.
 */
import { Document, isMap, isScalar, parseDocument } from "yaml";

export type ModuleFields = { title: string; summary: string; duration: number | string | null; objectives: string[] };

export type SplitSource = {
  /** Everything up to and including the closing `---` line (empty when the file has no frontmatter). */
  header: string;
  /** The rest of the file: what the code editor shows. */
  body: string;
  /** How many lines the header spans: body line n is file line n + headerLines. */
  headerLines: number;
  /** The YAML between the fences, or null. */
  yaml: string | null;
};

const FENCE = /^(?:\uFEFF)?---[ \t]*\r?$/;
const CLOSING_FENCE = /^---[ \t]*\r?$/;

export function splitSource(source: string): SplitSource {
  const lines = source.split("\n");
  if (!FENCE.test(lines[0] ?? "")) return { header: "", body: source, headerLines: 0, yaml: null };
  const close = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (close === -1) return { header: "", body: source, headerLines: 0, yaml: null };
  const rest = lines.slice(close + 1);
  const header = lines.slice(0, close + 1).join("\n") + (rest.length > 0 ? "\n" : "");
  return { header, body: rest.join("\n"), headerLines: close + 1, yaml: lines.slice(1, close).join("\n").replace(/\r$/gm, "") };
}

type RawFrontmatter = Record<string, unknown>;

function frontmatterOf(source: string): RawFrontmatter | null {
  const { yaml } = splitSource(source);
  if (yaml === null) return null;
  try {
    const doc = parseDocument(yaml, { uniqueKeys: false });
    if (doc.errors.length > 0) return null;
    const value: unknown = doc.toJS();
    return value && typeof value === "object" && !Array.isArray(value) ? (value as RawFrontmatter) : null;
  } catch {
    return null;
  }
}

/** The form fields of a file; missing or malformed values come back empty. */
export function readFields(source: string): ModuleFields {
  const raw = frontmatterOf(source) ?? {};
  const str = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
  const duration = raw.duration;
  return {
    title: str(raw.title),
    summary: str(raw.summary),
    duration: typeof duration === "number" || typeof duration === "string" ? duration : null,
    objectives: Array.isArray(raw.objectives) ? raw.objectives.map(str) : [],
  };
}

/** The frontmatter `version` of a file, or null when it has none. */
export function readSourceVersion(source: string): number | null {
  const version = frontmatterOf(source)?.version;
  return typeof version === "number" && Number.isInteger(version) ? version : null;
}

function sameFields(a: ModuleFields, b: ModuleFields): boolean {
  return (
    a.title === b.title &&
    a.summary === b.summary &&
    String(a.duration ?? "") === String(b.duration ?? "") &&
    a.objectives.length === b.objectives.length &&
    a.objectives.every((objective, index) => objective === b.objectives[index])
  );
}

const TO_STRING = { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 } as const;

function withNewline(header: string): string {
  return header === "" || header.endsWith("\n") ? header : `${header}\n`;
}

/**
 * A file from form fields and a body. `previous` is the file being edited (null for a new one):
 * its header is kept verbatim when nothing in it changed, else its YAML document is edited in place.
 * `version` defaults to the previous file's.
 */
export function composeSource(input: { id: string; previous: string | null; fields: ModuleFields; body: string; version?: number }): string {
  const previous = input.previous === null ? null : splitSource(input.previous);
  const previousRaw = input.previous === null ? null : frontmatterOf(input.previous);
  const previousVersion = input.previous === null ? null : readSourceVersion(input.previous);
  const version = input.version ?? previousVersion ?? 1;
  const body = input.body.replace(/\r\n?/g, "\n");
  if (
    previous &&
    previousRaw &&
    previous.header !== "" &&
    previousRaw.id === input.id &&
    previousVersion === version &&
    sameFields(readFields(input.previous ?? ""), input.fields)
  ) {
    return withNewline(previous.header) + body;
  }

  const duration =
    typeof input.fields.duration === "string" && /^\s*\d+\s*$/.test(input.fields.duration) ? Number(input.fields.duration) : input.fields.duration;
  const wanted: [string, unknown][] = [
    ["id", input.id],
    ["title", input.fields.title],
    ["summary", input.fields.summary],
    ["duration", duration],
    ["objectives", input.fields.objectives],
    ["version", version],
  ];
  const yaml = previous?.yaml != null && previousRaw ? editYaml(previous.yaml, previousRaw, wanted) : null;
  return `---\n${yaml ?? new Document(Object.fromEntries(wanted)).toString(TO_STRING)}---\n${body}`;
}

/** `key: value` as YAML text, without a final newline. */
function renderPair(key: string, value: unknown): string {
  return new Document({ [key]: value }).toString(TO_STRING).replace(/\n$/, "");
}

/**
 * Rewrites only the top-level pairs whose value changed, in the YAML text itself, so that every other
 * line (comments, quoting, alignment) stays as it was; missing keys are appended. Null when the
 * text is not a plain mapping.
 */
function editYaml(yaml: string, current: RawFrontmatter, wanted: [string, unknown][]): string | null {
  const doc = parseDocument(yaml, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const edits: { from: number; to: number; text: string }[] = [];
  let appended = "";
  for (const [key, value] of wanted) {
    const before = current[key];
    const unchanged = Array.isArray(value)
      ? Array.isArray(before) && before.length === value.length && value.every((v, i) => v === before[i])
      : before === value;
    if (unchanged && key in current) continue;
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const from = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
    const valueNode = pair?.value as { range?: [number, number, number] } | null | undefined;
    let to = valueNode?.range?.[1] ?? (isScalar(pair?.key) ? pair.key.range?.[1] : undefined);
    // A block sequence's range ends after its last line break: keep the line breaks.
    while (to !== undefined && from !== undefined && to > from && /\s/.test(yaml[to - 1] ?? "")) to--;
    if (from === undefined || to === undefined) appended += `${renderPair(key, value)}\n`;
    else edits.push({ from, to, text: renderPair(key, value) });
  }
  let text = yaml;
  for (const edit of edits.sort((a, b) => b.from - a.from)) text = text.slice(0, edit.from) + edit.text + text.slice(edit.to);
  if (text !== "" && !text.endsWith("\n")) text += "\n";
  return text + appended;
}

/**
 * The file with its frontmatter `version` set to `version`: the `version:` line is rewritten in
 * place (a trailing comment is kept), or added before the closing fence.
 */
export function setSourceVersion(source: string, version: number): string {
  const { header, body, headerLines } = splitSource(source);
  if (header === "") return source;
  const lines = header.split("\n");
  for (let i = 1; i < headerLines - 1; i++) {
    const match = /^version:[ \t]*[^#\r\n]*?([ \t]+#[^\r\n]*)?(\r?)$/.exec(lines[i] ?? "");
    if (match) {
      lines[i] = `version: ${version}${match[1] ?? ""}${match[2] ?? ""}`;
      return lines.join("\n") + body;
    }
  }
  lines.splice(headerLines - 1, 0, `version: ${version}`);
  return lines.join("\n") + body;
}

const TEMPLATE = {
  fr: {
    title: "Titre du module",
    summary: "Une ou deux phrases qui disent à l’apprenant ce qu’il retirera de ce module.",
    objectives: ["Premier objectif, formulé avec un verbe", "Second objectif, vérifiable par l’apprenant"],
    body: `
Un paragraphe d’introduction.

## Une première section

Le texte de la section, en Markdown.

<Callout type="tip" title="Un conseil">
Un conseil utile.
</Callout>

<KnowledgeCheck id="premiere-question" question="La question, en texte simple\u202f?">
  <Option explanation="Pourquoi cette réponse est fausse.">Une mauvaise réponse</Option>
  <Option correct explanation="Pourquoi cette réponse est juste.">La bonne réponse</Option>
</KnowledgeCheck>
`,
  },
  en: {
    title: "Module title",
    summary: "One or two sentences that tell the learner what they will get from this module.",
    objectives: ["A first objective, as a verb phrase", "A second objective the learner can check"],
    body: `
An introductory paragraph.

## A first section

The section's text, in Markdown.

<Callout type="tip" title="A tip">
A useful tip.
</Callout>

<KnowledgeCheck id="first-question" question="The question, as plain text?">
  <Option explanation="Why this answer is wrong.">A wrong answer</Option>
  <Option correct explanation="Why this answer is right.">The right answer</Option>
</KnowledgeCheck>
`,
  },
} as const;

/** A new module's file in one language: valid as it stands, to be rewritten by the trainer. */
export function moduleTemplate(id: string, locale: "fr" | "en"): string {
  const t = TEMPLATE[locale];
  return composeSource({
    id,
    previous: null,
    fields: { title: t.title, summary: t.summary, duration: 5, objectives: [...t.objectives] },
    body: t.body,
    version: 1,
  });
}

export type FieldName = "title" | "summary" | "duration" | "objectives";

/** The form's values as the frontmatter wants them: objectives one per line, blank lines dropped. */
export function fieldsFromForm(form: { title: string; summary: string; duration: string; objectives: string }): ModuleFields {
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    duration: form.duration.trim() === "" ? null : form.duration.trim(),
    objectives: form.objectives
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/** Field problems as i18n keys (the same rules as the frontmatter schema, in the author's words). */
export function fieldProblems(fields: ModuleFields): Partial<Record<FieldName, string>> {
  const problems: Partial<Record<FieldName, string>> = {};
  if (!fields.title) problems.title = "errors.required";
  if (!fields.summary) problems.summary = "errors.required";
  const duration = typeof fields.duration === "number" ? fields.duration : /^\d+$/.test(fields.duration ?? "") ? Number(fields.duration) : NaN;
  if (!Number.isInteger(duration) || duration < 3 || duration > 40) problems.duration = "studio.errors.duration";
  if (fields.objectives.length < 2 || fields.objectives.length > 6) problems.objectives = "studio.errors.objectives";
  return problems;
}

/** One language as the studio's form holds it: the frontmatter fields as text, objectives one per line. */
export type FormDraft = { title: string; summary: string; duration: string; objectives: string; body: string };

export function formDraftOf(source: string): FormDraft {
  const fields = readFields(source);
  return {
    title: fields.title,
    summary: fields.summary,
    duration: fields.duration === null ? "" : String(fields.duration),
    objectives: fields.objectives.join("\n"),
    body: splitSource(source).body,
  };
}

/** The file a form draft stands for, keeping `previous`'s header where the fields did not change. */
export function sourceOfFormDraft(id: string, previous: string | null, draft: FormDraft): string {
  return composeSource({ id, previous, fields: fieldsFromForm(draft), body: draft.body });
}
