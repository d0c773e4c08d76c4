/**
 * Which groups of interface strings a person's pages need, and how the browser gets them. Each group of
 * each language is its own chunk: a learner's page ships only the core group of its language.
 */
import type { Locale, Role } from "../../db/schema";
import type { Dictionary } from "./translate";

export type StringGroup = "core" | "staff";

/** Everyone gets the core group; anyone with more than the employee role also opens staff pages. */
export function groupsFor(roles: readonly Role[] | null | undefined): StringGroup[] {
  return roles?.some((role) => role !== "employee") ? ["core", "staff"] : ["core"];
}

const chunks: Record<Locale, Record<StringGroup, () => Promise<{ default: Dictionary }>>> = {
  fr: { core: () => import("./core.fr"), staff: () => import("./staff.fr") },
  en: { core: () => import("./core.en"), staff: () => import("./staff.en") },
};

let loaded: { locale: Locale; groups: readonly StringGroup[] } | null = null;

/** Downloads groups of the page's language (the browser's entry, before it hydrates). */
export async function loadStrings(locale: Locale, groups: readonly StringGroup[]): Promise<Dictionary[]> {
  const strings = await Promise.all(groups.map(async (group) => (await chunks[locale][group]()).default));
  loaded = { locale, groups };
  return strings;
}

/** Whether the browser holds what a person's pages need: their language and their groups (always true on the server). */
export function hasStringsFor(locale: Locale, roles: readonly Role[] | null | undefined): boolean {
  if (!loaded) return true;
  const { groups } = loaded;
  return loaded.locale === locale && groupsFor(roles).every((group) => groups.includes(group));
}
