/**
 * Answer cues: what gives a question's right answer away without knowing the subject. Pure.
 *
 * - **length**: the right option is the longest by a wide margin: in either language, the shortest
 *   right option is at least LENGTH_MARGIN (25 %) longer than every wrong one;
 * - **absolute words** ("always", "never", "automatic", "toujours", "jamais", "automatique"…): the
 *   right options are the only ones without one (every wrong option has one), or the only ones with
 *   one (no wrong option has one), in either language. Test-wise learners know both tricks.
 *
 * Used by `content:check` on the exam bank (single and multiple answers; true/false and judgement
 * items have fixed options), the modules' knowledge checks and the charter's comprehension check.
 */

export const LENGTH_MARGIN = 1.25;

/**
 * Absolute words: the qualifiers that make a statement true in every case, compared as whole words,
 * without case; French elisions (l’, d’…) are dropped. Pronouns that answer a question ("nothing",
 * "rien", "aucun") are left out on purpose: "Nothing until the announcement" is an answer, not a
 * sweeping qualifier, and flagging it would push authors to contort good options.
 */
export const ABSOLUTE_WORDS: Readonly<Record<"fr" | "en", ReadonlySet<string>>> = {
  en: new Set(["always", "never", "automatic", "automatically", "systematically", "invariably", "guaranteed"]),
  fr: new Set([
    "toujours",
    "jamais",
    "automatique",
    "automatiques",
    "automatiquement",
    "systématique",
    "systématiques",
    "systématiquement",
    "garanti",
    "garantie",
    "garantis",
    "garanties",
  ]),
};

export type CueLocale = "fr" | "en";
export type CueOption = { text: Partial<Record<CueLocale, string>>; correct: boolean };
export type AnswerCue =
  | { kind: "longest"; locale: CueLocale; ratio: number }
  | { kind: "onlyWithoutAbsolute"; locale: CueLocale; words: string[] }
  | { kind: "onlyWithAbsolute"; locale: CueLocale; words: string[] };

/** The absolute words in `text` (lower case, in order of appearance, each once). */
export function absoluteWords(text: string, locale: CueLocale): string[] {
  const words = (text.toLocaleLowerCase(locale).match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []).map((word) => word.replace(/^[a-zà-ÿ]{1,2}['’]/u, ""));
  return [...new Set(words.filter((word) => ABSOLUTE_WORDS[locale].has(word)))];
}

/** Length as a reader sees it: characters, with runs of spaces counted once. */
const visibleLength = (text: string) => text.replace(/\s+/g, " ").trim().length;

export function answerCues(options: readonly CueOption[]): AnswerCue[] {
  const right = options.filter((o) => o.correct);
  const wrong = options.filter((o) => !o.correct);
  if (right.length === 0 || wrong.length === 0) return [];
  const cues: AnswerCue[] = [];
  for (const locale of ["fr", "en"] as const) {
    const texts = (list: readonly CueOption[]) => list.map((o) => o.text[locale]).filter((t): t is string => typeof t === "string");
    const rightTexts = texts(right);
    const wrongTexts = texts(wrong);
    if (rightTexts.length !== right.length || wrongTexts.length !== wrong.length) continue;

    const shortestRight = Math.min(...rightTexts.map(visibleLength));
    const longestWrong = Math.max(...wrongTexts.map(visibleLength));
    if (longestWrong > 0 && shortestRight >= LENGTH_MARGIN * longestWrong) cues.push({ kind: "longest", locale, ratio: shortestRight / longestWrong });

    const rightWords = rightTexts.map((t) => absoluteWords(t, locale));
    const wrongWords = wrongTexts.map((t) => absoluteWords(t, locale));
    const flat = (lists: string[][]) => [...new Set(lists.flat())];
    if (rightWords.every((w) => w.length === 0) && wrongWords.every((w) => w.length > 0))
      cues.push({ kind: "onlyWithoutAbsolute", locale, words: flat(wrongWords) });
    else if (rightWords.every((w) => w.length > 0) && wrongWords.every((w) => w.length === 0))
      cues.push({ kind: "onlyWithAbsolute", locale, words: flat(rightWords) });
  }
  return cues;
}

/** One line per cue, in English (content:check's language). */
export function describeCue(cue: AnswerCue, plural: boolean): string {
  const lang = cue.locale === "fr" ? "French" : "English";
  const subject = plural ? "the right options are" : "the right option is";
  switch (cue.kind) {
    case "longest":
      return `answer cue (${lang}): ${subject} the longest by ${Math.round((cue.ratio - 1) * 100)} % (at most ${Math.round((LENGTH_MARGIN - 1) * 100)} %): shorten it or lengthen the others`;
    case "onlyWithoutAbsolute":
      return `answer cue (${lang}): ${subject} the only one${plural ? "s" : ""} without an absolute word (${cue.words.map((w) => `"${w}"`).join(", ")} in the others): put one in a right option too, or reword the wrong ones`;
    case "onlyWithAbsolute":
      return `answer cue (${lang}): ${subject} the only one${plural ? "s" : ""} with an absolute word (${cue.words.map((w) => `"${w}"`).join(", ")}): reword it, or put one in a wrong option too`;
    default: {
      const never: never = cue;
      return never;
    }
  }
}
