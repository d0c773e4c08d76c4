/**
 * Which groups of interface strings a page needs, and how the browser gets them. Each group of each
 * language is its own chunk: a learner's page ships only the core group of its language.
 */
import type { Locale, Role } from "../../db/schema";
import { createTranslator, type Dictionary, type Translator } from "./translate";

export type StringGroup = "core" | "staff";

/** Everyone gets the core group; anyone with more than the employee role also opens staff pages. */
export function groupsFor(roles: readonly Role[] | null | undefined): StringGroup[] {
  return roles?.some((role) => role !== "employee") ? ["core", "staff"] : ["core"];
}

const chunks: Record<Locale, Record<StringGroup, () => Promise<{ default: Dictionary }>>> = {
  fr: { core: () => import("./core.fr"), staff: () => import("./staff.fr") },
  en: { core: () => import("./core.en"), staff: () => import("./staff.en") },
};

let translator: Translator | null = null;
const loaded = new Map<StringGroup, Promise<void>>();

/** The browser's one translator: the page's language, with the groups loaded so far. */
export async function loadStrings(locale: Locale, groups: readonly StringGroup[]): Promise<Translator> {
  if (!translator) translator = createTranslator(locale);
  const into = translator;
  if (into.language !== locale) throw new Error(`Strings are loaded in ${into.language}, not ${locale}: the page must reload.`);
  await Promise.all(
    groups.map((group) => {
      let done = loaded.get(group);
      if (!done) {
        done = chunks[locale][group]().then((module) => into.add(module.default));
        // A failed download (offline) may be retried by the next navigation.
        done.catch(() => loaded.delete(group));
        loaded.set(group, done);
      }
      return done;
    }),
  );
  return into;
}

/** The language the browser's strings are in, if any are loaded yet. */
export function loadedLanguage(): string | null {
  return translator?.language ?? null;
}
