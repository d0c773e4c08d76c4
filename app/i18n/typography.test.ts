/**
 * Words (issue 16): both dictionaries are scanned for what French and English typography forbid —
 * "(s)" instead of a plural, "de " before a placeholder that may start with a vowel (the strings say
 * `{{de name}}`, which elides: "d’Emma"), a French : ; ! ? or % without its non-breaking space, an
 * English one with a space, and French words left in English.
 */
import { describe, expect, it } from "vitest";
import coreEn from "./core.en";
import coreFr from "./core.fr";
import serverEn from "./server.en";
import serverFr from "./server.fr";
import staffEn from "./staff.en";
import staffFr from "./staff.fr";
import type { Dictionary } from "./translate";
import diagnosticEn from "./diagnostic.en";
import diagnosticFr from "./diagnostic.fr";
import examEn from "./exam.en";
import examFr from "./exam.fr";
import placementEn from "./placement.en";
import placementFr from "./placement.fr";
import accreditationEn from "./accreditation.en";
import accreditationFr from "./accreditation.fr";
import charterEn from "./charter.en";
import charterFr from "./charter.fr";
import accountEn from "./account.en";
import accountFr from "./account.fr";
import trackEn from "./track.en";
import trackFr from "./track.fr";
import moduleEn from "./module.en";
import moduleFr from "./module.fr";

function flatten(strings: Dictionary, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, out);
  }
  return out;
}

// Every group, the page groups too (ADR 0032).
const fr = new Map(
  [coreFr, examFr, diagnosticFr, trackFr, moduleFr, placementFr, accreditationFr, charterFr, accountFr, staffFr, serverFr].flatMap((group) => [
    ...flatten(group),
  ]),
);
const en = new Map(
  [coreEn, examEn, diagnosticEn, trackEn, moduleEn, placementEn, accreditationEn, charterEn, accountEn, staffEn, serverEn].flatMap((group) => [
    ...flatten(group),
  ]),
);

/** Placeholders that hold numbers or dates: "de 12 %" and "du 7 mai" need no elision. */
const NUMERIC = new Set([
  "count",
  "n",
  "total",
  "days",
  "hours",
  "minutes",
  "months",
  "max",
  "min",
  "percent",
  "score",
  "passMark",
  "items",
  "completed",
  "left",
  "first",
  "last",
  "position",
  "page",
  "pages",
  "answers",
  "passed",
  "added",
  "removed",
  "found",
  "expected",
  "attitude",
  "knowledge",
  "usage",
  "ease",
  "threshold",
  "date",
  "until",
  "from",
  "time",
  "a",
  "b",
  "size",
  "limit",
  "correct",
  "exposure",
]);

/** Technical text where a colon or a question mark is code, not French punctuation: URLs, paths, headers, schemes. */
function prose(text: string): string {
  return text
    .replace(/\{\{\s*\w+\s*\}\}:|\b(mailto|https?):/g, "CODE")
    .replace(/\{\{[^}]*\}\}/g, "X")
    .replace(/\w+:\/\/\S*|\/[\w./?=&…*-]+|\b[\w-]+:(?=\S)|\b(Authorization|Content-Type): /g, "CODE")
    .replace(/&lt;/g, "<");
}

function offenders(map: Map<string, string>, bad: (text: string) => boolean): string[] {
  return [...map].filter(([, text]) => bad(text)).map(([key, text]) => `${key}: ${JSON.stringify(text)}`);
}

describe("words in both dictionaries", () => {
  it("count with plurals, never with (s)", () => {
    expect(offenders(fr, (text) => /\((s|e|es|x)\)/.test(text))).toEqual([]);
    expect(offenders(en, (text) => /\((s|es)\)/.test(text))).toEqual([]);
  });

  it('French: no "de " before a placeholder that may start with a vowel, nor before a vowel', () => {
    expect(offenders(fr, (text) => [...text.matchAll(/(?<!\p{L})de \{\{\s*(\w+)\s*\}\}/gu)].some((m) => !NUMERIC.has(m[1]!)))).toEqual([]);
    expect(offenders(fr, (text) => /(?<!\p{L})de [aeiouyàâéèêëîïôûœ]/iu.test(prose(text)))).toEqual([]);
  });

  it("French: a non-breaking space before : ; ! ? and %", () => {
    expect(offenders(fr, (text) => /(?<![\u00a0\u202f])[;!?]|(?<=\p{L}|\d|[»)X]) ?:(?!\S)|(?<![\u00a0\u202f]):(?=\s|$)/u.test(prose(text)))).toEqual([]);
    expect(offenders(fr, (text) => /[\dX][ ]?%/.test(prose(text)))).toEqual([]);
    expect(offenders(fr, (text) => /[\u00a0\u202f][\u00a0\u202f ]|[ ][\u00a0\u202f]/.test(text))).toEqual([]);
  });

  it("English: no space before : ; ! ? and %, and no French left", () => {
    expect(offenders(en, (text) => /[ \u00a0\u202f][:;!?%](?=\s|$|\))/.test(prose(text)))).toEqual([]);
    expect(
      offenders(en, (text) => /[éèêàçùœ]|\b(le|la|les|des|vous|votre|avec|pour)\b/i.test(text)).filter((line) => !line.startsWith("nav.switchTo")),
    ).toEqual([]);
  });
});
