/**
 * The diagnostic questionnaire file (`content/diagnostic/questionnaire.yaml`): its zod schema and a
 * pure parser that reports problems with a line and column. No file-system access here: the caller
 * reads the file and passes its text (see docs/placement-model.md for what the weights mean).
 */
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { DIMENSIONS, SIGNED_DIMENSIONS } from "../domain/placement";
import { describePath, locateYaml } from "./yaml-location";

/** A problem found in a content file, located where a trainer can fix it (1-based line and column). */
export type ContentProblem = { file: string; line: number; col: number; message: string };

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

const idSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "id is missing" : "id must be text") })
  .regex(ID_PATTERN, "ids are lowercase snake_case: letters, digits and _, starting with a letter");

const LANGUAGE_NAMES = { fr: "French", en: "English" } as const;

function languageText(lang: keyof typeof LANGUAGE_NAMES) {
  const name = LANGUAGE_NAMES[lang];
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `the ${name} text (${lang}) is missing` : `the ${name} text (${lang}) must be text`),
    })
    .trim()
    .min(1, `the ${name} text (${lang}) is empty`);
}

/** A text in both languages; neither may be empty. */
export const bilingualTextSchema = z.strictObject(
  { fr: languageText("fr"), en: languageText("en") },
  { error: (issue) => (issue.input === undefined ? "text is missing (needs fr and en)" : "expected { fr: …, en: … }") },
);

const weightSchema = z.number({ error: "a weight must be a number" }).finite().min(-10, "weights stay within -10..10").max(10, "weights stay within -10..10");

const weightsSchema = z.record(z.string(), weightSchema, { error: "weights must be a mapping such as { usage: 2, ease: 1 }" });

export const optionSchema = z.strictObject({
  id: idSchema,
  label: bilingualTextSchema,
  weights: weightsSchema.default({}),
  exclusive: z.boolean({ error: "exclusive is true or false" }).optional(),
});

export const questionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(["single", "multiple"], { error: "kind is single or multiple" }),
  prompt: bilingualTextSchema,
  help: bilingualTextSchema.optional(),
  cap: z.record(z.string(), z.number().positive("a cap is a positive number"), { error: "cap must be a mapping such as { usage: 4 }" }).optional(),
  options: z.array(optionSchema, { error: "options must be a list" }).min(2, "a question needs at least two options"),
});

export const questionnaireSchema = z
  .strictObject({
    /** Stored with each placement; bump it when questions or weights change meaningfully. 1 when absent. */
    version: z.number({ error: "version must be a whole number such as 2" }).int("version must be a whole number such as 2").positive("version must be 1 or more").default(1),
    dimensions: z.array(idSchema, { error: "dimensions must be a list" }),
    questions: z.array(questionSchema, { error: "questions must be a list" }).min(1, "the questionnaire needs at least one question"),
  })
  .superRefine((value, ctx) => {
    const declared = new Set<string>();
    value.dimensions.forEach((dimension, index) => {
      if (declared.has(dimension)) ctx.addIssue({ code: "custom", message: `dimension "${dimension}" is declared twice`, path: ["dimensions", index] });
      else if (!(DIMENSIONS as readonly string[]).includes(dimension))
        ctx.addIssue({
          code: "custom",
          message: `unknown dimension "${dimension}": the placement model uses ${DIMENSIONS.join(", ")}`,
          path: ["dimensions", index],
        });
      declared.add(dimension);
    });
    for (const dimension of DIMENSIONS) {
      if (!declared.has(dimension))
        ctx.addIssue({ code: "custom", message: `dimension "${dimension}" must be declared: the placement model needs it`, path: ["dimensions"] });
    }
    const declaredList = [...declared].join(", ");
    const signed = SIGNED_DIMENSIONS as readonly string[];
    const positive = new Set<string>();

    const questionIds = new Map<string, number>();
    value.questions.forEach((question, q) => {
      const at = ["questions", q];
      const first = questionIds.get(question.id);
      if (first !== undefined)
        ctx.addIssue({ code: "custom", message: `duplicate question id "${question.id}" (already used by question ${first + 1})`, path: [...at, "id"] });
      else questionIds.set(question.id, q);

      for (const [dimension] of Object.entries(question.cap ?? {})) {
        if (!declared.has(dimension))
          ctx.addIssue({ code: "custom", message: `cap on undeclared dimension "${dimension}" (declared: ${declaredList})`, path: [...at, "cap", dimension] });
      }
      if (question.kind === "single" && question.cap)
        ctx.addIssue({ code: "custom", message: "cap only makes sense on a multiple question", path: [...at, "cap"] });

      const optionIds = new Set<string>();
      question.options.forEach((option, o) => {
        const optionAt = [...at, "options", o];
        if (optionIds.has(option.id))
          ctx.addIssue({ code: "custom", message: `duplicate option id "${option.id}" in question "${question.id}"`, path: [...optionAt, "id"] });
        optionIds.add(option.id);
        if (option.exclusive && question.kind !== "multiple")
          ctx.addIssue({ code: "custom", message: "exclusive only makes sense in a multiple question", path: [...optionAt, "exclusive"] });
        for (const [dimension, weight] of Object.entries(option.weights)) {
          if (!declared.has(dimension)) {
            ctx.addIssue({
              code: "custom",
              message: `weight on undeclared dimension "${dimension}" (declared: ${declaredList})`,
              path: [...optionAt, "weights", dimension],
            });
          } else if (weight < 0 && !signed.includes(dimension)) {
            ctx.addIssue({
              code: "custom",
              message: `negative weight on "${dimension}": only ${signed.join(", ")} may be negative`,
              path: [...optionAt, "weights", dimension],
            });
          }
          if (weight > 0) positive.add(dimension);
        }
      });
      if (question.kind === "multiple" && question.options.every((option) => option.exclusive))
        ctx.addIssue({ code: "custom", message: "a multiple question needs at least one option that is not exclusive", path: [...at, "options"] });
    });

    for (const dimension of DIMENSIONS) {
      if (declared.has(dimension) && !positive.has(dimension))
        ctx.addIssue({ code: "custom", message: `no option gives a positive weight to "${dimension}": its score could never rise above 0`, path: ["dimensions"] });
    }
  });

export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type Question = Questionnaire["questions"][number];
export type QuestionOption = Question["options"][number];

export type ParseQuestionnaireResult = { ok: true; questionnaire: Questionnaire } | { ok: false; problems: ContentProblem[] };

/**
 * Parses and validates the questionnaire's YAML text. `file` is only used to label problems.
 * Problems point at the offending node (the key of a mapping entry, or the nearest existing parent
 * when something is missing); line 1, column 1 when nothing better is known.
 */
export function parseQuestionnaire(yamlText: string, file: string): ParseQuestionnaireResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { line: 1, col: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({ file, ...at(error.pos[0]), message: `YAML: ${firstLine(error.message)}` })),
    };
  }

  const result = questionnaireSchema.safeParse(doc.toJS());
  if (result.success) return { ok: true, questionnaire: result.data };

  const problems = result.error.issues.map((issue) => {
    let path = issue.path;
    // For an unknown key, point at that key rather than at the mapping holding it.
    if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) path = [...path, issue.keys[0]];
    return { file, ...at(locateYaml(doc.contents, path)), message: `${describePath(issue.path, "questionnaire")}: ${issue.message}` };
  });
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return { ok: false, problems };
}


function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
