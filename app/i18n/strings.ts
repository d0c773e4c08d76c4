/**
 * Which groups of interface strings a person's pages need, and how the browser gets them. Each group of
 * each language is its own chunk: a learner's page ships only the core group of its language.
 */
import type { Locale, Role } from "../../db/schema";
import type { Dictionary, Translator } from "./translate";

export type StringGroup = "core" | "staff";

/** Everyone gets the core group; anyone with more than the employee role also opens staff pages. */
export function groupsFor(roles: readonly Role[] | null | undefined): StringGroup[] {
  return roles?.some((role) => role !== "employee") ? ["core", "staff"] : ["core"];
}

/**
 * Groups of strings that only some pages use, loaded by those pages' modules (ADR 0032): a file whose
 * components name keys of such a group imports its loader, `app/i18n/load/<group>.client.ts`, whose top-level
 * `await` holds the module (and so the page, on the first load and on client-side navigation alike) until the
 * strings of the page's language are in the translator. A test (strings.test.ts) checks that every route whose
 * files name keys of a page group imports its loader. The server has every group from the start.
 */
export type PageGroup = "exam" | "diagnostic" | "track" | "module" | "placement" | "accreditation" | "charter" | "account";

const pageChunks: Record<Locale, Record<PageGroup, () => Promise<{ default: Dictionary }>>> = {
  fr: {
    exam: () => import("./exam.fr"),
    diagnostic: () => import("./diagnostic.fr"),
    track: () => import("./track.fr"),
    module: () => import("./module.fr"),
    placement: () => import("./placement.fr"),
    accreditation: () => import("./accreditation.fr"),
    charter: () => import("./charter.fr"),
    account: () => import("./account.fr"),
  },
  en: {
    exam: () => import("./exam.en"),
    diagnostic: () => import("./diagnostic.en"),
    track: () => import("./track.en"),
    module: () => import("./module.en"),
    placement: () => import("./placement.en"),
    accreditation: () => import("./accreditation.en"),
    charter: () => import("./charter.en"),
    account: () => import("./account.en"),
  },
};

/**
 * Page groups that staff pages use (a manager's decisions, the charter's admin pages, invitations) without importing
 * their loaders: the browser's entry loads them with the staff group, as the server sends their keys to those pages
 * in form errors and flash messages too.
 */
export const STAFF_PAGE_GROUPS = ["accreditation", "charter", "account"] as const satisfies readonly PageGroup[];

const chunks: Record<Locale, Record<StringGroup, readonly (() => Promise<{ default: Dictionary }>)[]>> = {
  fr: { core: [() => import("./core.fr")], staff: [() => import("./staff.fr"), ...STAFF_PAGE_GROUPS.map((group) => pageChunks.fr[group])] },
  en: { core: [() => import("./core.en")], staff: [() => import("./staff.en"), ...STAFF_PAGE_GROUPS.map((group) => pageChunks.en[group])] },
};

let loaded: { locale: Locale; groups: readonly StringGroup[] } | null = null;

/** Downloads groups of the page's language (the browser's entry, before it hydrates). */
export async function loadStrings(locale: Locale, groups: readonly StringGroup[]): Promise<Dictionary[]> {
  const strings = await Promise.all(groups.flatMap((group) => chunks[locale][group].map(async (chunk) => (await chunk()).default)));
  loaded = { locale, groups };
  return strings;
}

/** Page groups loaded before the translator existed (the first page's modules load before the entry runs). */
const early: Dictionary[] = [];
let live: Translator | null = null;

/** For the browser's entry: the translator that page groups are added to from now on, with those loaded so far. */
export function adoptTranslator(translator: Translator) {
  for (const strings of early.splice(0)) translator.add(strings);
  live = translator;
}

/** Loads a page group of the page's language into the browser's translator (nothing to do on the server). */
export async function needStrings(group: PageGroup): Promise<void> {
  if (typeof document === "undefined") return;
  const locale: Locale = document.documentElement.lang === "en" ? "en" : "fr";
  const strings = (await pageChunks[locale][group]()).default;
  if (live) live.add(strings);
  else early.push(strings);
}

/** Whether the browser holds what a person's pages need: their language and their groups (always true on the server). */
export function hasStringsFor(locale: Locale, roles: readonly Role[] | null | undefined): boolean {
  if (!loaded) return true;
  const { groups } = loaded;
  return loaded.locale === locale && groupsFor(roles).every((group) => groups.includes(group));
}
