/**
 * Words (issue 16): both dictionaries are scanned for what French and English typography forbid —
 * "(s)" instead of a plural, "de " before a placeholder that may start with a vowel (the strings say
 * `{{de name}}`, which elides: "d’Emma"), a French : ; ! ? or % without its non-breaking space, an
 * English one with a space, and French words left in English; in French, the typographic apostrophe ’ and
 * « guillemets » with their non-breaking spaces. The settings' labels and help (written beside their
 * definitions, not in the dictionaries) are read too.
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
import { frenchTypographyFaults, type TypographyRule } from "~/domain/french-typography";
import { SETTINGS, type Bilingual } from "~/models/settings.server";

function flatten(strings: Dictionary, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else flatten(value, `${prefix}${key}.`, out);
  }
  return out;
}

/** The settings' labels, help and units (app/models/settings.server.ts), read on /admin/settings and /admin/sso. */
function settingTexts(language: keyof Bilingual): [string, string][] {
  return Object.entries(SETTINGS).flatMap(([key, setting]) => {
    const field = setting.field as { unit?: Bilingual; options?: readonly { value: string; label: Bilingual }[] };
    const texts: [string, Bilingual | undefined][] = [
      ["label", setting.label],
      ["help", "help" in setting ? (setting.help as Bilingual | undefined) : undefined],
      ["unit", field.unit],
      ...(field.options ?? []).map((option): [string, Bilingual] => [`option.${option.value}`, option.label]),
    ];
    return texts.flatMap(([name, text]): [string, string][] => (text ? [[`settings:${key}.${name}`, text[language]]] : []));
  });
}

// Every group, the page groups too (ADR 0032), and the settings' own words.
const FR_GROUPS = [coreFr, examFr, diagnosticFr, trackFr, moduleFr, placementFr, accreditationFr, charterFr, accountFr, staffFr, serverFr];
const EN_GROUPS = [coreEn, examEn, diagnosticEn, trackEn, moduleEn, placementEn, accreditationEn, charterEn, accountEn, staffEn, serverEn];
const fr = new Map([...FR_GROUPS.flatMap((group) => [...flatten(group)]), ...settingTexts("fr")]);
const en = new Map([...EN_GROUPS.flatMap((group) => [...flatten(group)]), ...settingTexts("en")]);

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

/** A text breaks one of French typography's rules (the ones content:check applies to the content too). */
const breaks = (rule: TypographyRule) => (text: string) => frenchTypographyFaults(text).some((fault) => fault.rule === rule);

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

  it("French: the typographic apostrophe ’ (U+2019), never the straight one", () => {
    // "Vers l'accréditation" → "Vers l’accréditation"; code samples in French strings would need another quote.
    expect(offenders(fr, breaks("apostrophe"))).toEqual([]);
  });

  it("French: « guillemets » hold a non-breaking space on each side of the quoted words", () => {
    expect(offenders(fr, breaks("guillemets"))).toEqual([]);
  });

  it("French: one kind of non-breaking space, U+00A0, the one the dictionaries use", () => {
    expect(offenders(fr, (text) => text.includes("\u202f"))).toEqual([]);
  });

  it("English: no space before : ; ! ? and %, and no French left", () => {
    expect(offenders(en, (text) => /[ \u00a0\u202f][:;!?%](?=\s|$|\))/.test(prose(text)))).toEqual([]);
    expect(
      offenders(en, (text) => /[éèêàçùœ]|\b(le|la|les|des|vous|votre|avec|pour)\b/i.test(text)).filter((line) => !line.startsWith("nav.switchTo")),
    ).toEqual([]);
  });
});
