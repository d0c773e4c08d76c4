/**
 * French typography in prose (issue 16, "Dates and words"): what a French text shown to people must not
 * contain. Pure; used by `content:check` on the French content (app/content/typography.server.ts) and by
 * the dictionaries' test (app/i18n/typography.test.ts).
 *
 * - **apostrophe**: the typographic apostrophe ’ (U+2019), never the straight one: "l’équipe";
 * - **space**: a non-breaking space (U+00A0, or the narrow U+202F) before : ; ! and ?;
 * - **guillemets**: « » hold a non-breaking space on each side of the quoted words;
 * - **percent**: "100 %" with a non-breaking space;
 * - **plural**: a count never ends in "(s)": the translator chooses the plural.
 *
 * Give it prose only: code, URLs and markup are not French and are the caller's to leave out (web
 * addresses are masked here, since prose often carries one).
 */

export const TYPOGRAPHY_RULES = ["apostrophe", "space", "guillemets", "percent", "plural"] as const;
export type TypographyRule = (typeof TYPOGRAPHY_RULES)[number];

/** A fault: its rule, where it is in the text, and a few words around it to find it by. */
export type TypographyFault = { rule: TypographyRule; index: number; context: string };

const NBSP = "\u00a0\u202f";

const PATTERNS: Record<TypographyRule, RegExp> = {
  apostrophe: /'/g,
  // A colon, semicolon, question or exclamation mark that ends a clause (followed by a space, the end or
  // closing punctuation), with no non-breaking space before it; "?!" needs one space only, "14:30" none.
  space: new RegExp(`(?<![${NBSP};:!?])[;:!?](?=$|[\\s»)\\]”"…,.;:!?])`, "gu"),
  guillemets: new RegExp(`«(?![${NBSP}])|(?<![${NBSP}])»`, "g"),
  percent: /\d ?%/g,
  plural: /\((s|e|es|x)\)/g,
};

/** Web addresses and e-mail addresses, masked with as many x so that indices still point into the text. */
const ADDRESS = /\b[a-z][a-z+.-]*:\/\/\S*|\bmailto:\S+|[\w.+-]+@[\w-]+\.[\w.-]+/gi;

export function frenchTypographyFaults(text: string): TypographyFault[] {
  const prose = text.replace(ADDRESS, (address) => "x".repeat(address.length));
  const faults: TypographyFault[] = [];
  for (const rule of TYPOGRAPHY_RULES) {
    for (const match of prose.matchAll(PATTERNS[rule])) {
      faults.push({ rule, index: match.index, context: around(text, match.index) });
    }
  }
  return faults.sort((a, b) => a.index - b.index);
}

/** What to write instead, said to an author. */
export function describeTypographyFault(fault: TypographyFault): string {
  const where = `in "${fault.context}"`;
  switch (fault.rule) {
    case "apostrophe":
      return `French typography: a straight apostrophe ' ${where}: write ’ (U+2019)`;
    case "space":
      return `French typography: no non-breaking space before : ; ! or ? ${where}: put U+00A0 (or U+202F) before it`;
    case "guillemets":
      return `French typography: « » without a non-breaking space inside ${where}: write «\u00a0…\u00a0» (U+00A0)`;
    case "percent":
      return `French typography: a percentage without its non-breaking space ${where}: write 100\u00a0% (U+00A0)`;
    case "plural":
      return `French typography: "(s)" ${where}: write the singular and the plural out`;
    default: {
      const never: never = fault.rule;
      return never;
    }
  }
}

/** Up to 20 characters on each side, on one line. */
function around(text: string, index: number): string {
  const start = Math.max(0, index - 20);
  const end = Math.min(text.length, index + 21);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).replace(/\s+/g, " ")}${end < text.length ? "…" : ""}`;
}
