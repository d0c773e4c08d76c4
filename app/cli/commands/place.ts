import { readFileSync } from "node:fs";
import path from "node:path";
import { parseQuestionnaire } from "../../content/diagnostic-schema";
import { AnswerError, DIMENSIONS, placeLevel, scoreAnswers, type Answers } from "../../domain/placement";
import { describePlacement } from "../../i18n/placement";
import { parseFlags, UsageError, type CliCommand } from "../args";

/** Thrown for a problem with the answers file: printed as is, exit status 1. */
class AnswersFileError extends Error {}

const HEADINGS = {
  fr: { scores: "Scores\u00a0:", why: "Pourquoi ce niveau\u00a0?", track: "Le parcours\u00a0:" },
  en: { scores: "Scores:", why: "Why this level?", track: "The track:" },
} as const;

/** `{ questionId: optionId | optionId[] }` → answers; anything else is explained. */
export function readAnswersFile(file: string): Answers {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AnswersFileError(`Cannot read ${file}: ${code === "ENOENT" ? "no such file" : (code ?? String(error))}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AnswersFileError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new AnswersFileError(`${file} must hold a JSON object such as { "frequency": "daily", "networks_used": ["linkedin", "x"] }`);
  const answers: Record<string, string[]> = {};
  for (const [questionId, value] of Object.entries(data)) {
    if (typeof value === "string") answers[questionId] = [value];
    else if (Array.isArray(value) && value.every((v) => typeof v === "string")) answers[questionId] = value as string[];
    else throw new AnswersFileError(`Answer to "${questionId}" must be an option id or a list of option ids`);
  }
  return answers;
}

/** Places a set of answers with the real questionnaire and model, without touching the database. */
export const placeCommand: CliCommand = {
  name: ["place"],
  usage: "place --answers <file.json> [--lang fr|en]",
  summary: "show the level and explanation for a set of answers",
  async run(args) {
    const flags = parseFlags(args, ["answers", "lang"]);
    if (!flags.answers) throw new UsageError("--answers is required");
    const lang = flags.lang ?? "fr";
    if (lang !== "fr" && lang !== "en") throw new UsageError("--lang must be fr or en");

    const questionnaireFile = path.join(process.env.CONTENT_DIR ?? "content", "diagnostic", "questionnaire.yaml");
    const parsed = parseQuestionnaire(readFileSync(questionnaireFile, "utf8"), questionnaireFile);
    if (!parsed.ok) {
      for (const p of parsed.problems) console.error(`${p.file}:${p.line}:${p.col} ${p.message}`);
      console.error("The questionnaire is invalid: fix it first (npm run content:check).");
      return 1;
    }
    try {
      const answers = readAnswersFile(flags.answers);
      const scores = scoreAnswers(parsed.questionnaire, answers);
      const placement = placeLevel(scores);
      const words = describePlacement(placement, lang);
      const h = HEADINGS[lang];
      const pct = (x: number) => `${Math.round(x * 100)}${lang === "fr" ? "\u00a0%" : "%"}`;
      console.info(`${words.title} (${placement.level})`);
      console.info(`${h.scores} ${DIMENSIONS.map((d) => `${d} ${pct(scores[d])}`).join(", ")}`);
      console.info("");
      console.info(h.why);
      for (const reason of words.reasons) console.info(`- ${reason}`);
      console.info("");
      console.info(`${h.track} ${words.description}`);
      return 0;
    } catch (error) {
      if (error instanceof AnswersFileError || error instanceof AnswerError) {
        console.error(`${error.message}${error instanceof AnswerError ? ` (in ${flags.answers})` : ""}`);
        return 1;
      }
      throw error;
    }
  },
};
