import type { Lang, LanguageDraft } from "./types";

/** One language's fields as the editor's form posts them (`fr_title`, `fr_body`…). */
export function flatten(lang: Lang, draft: LanguageDraft): Record<string, string> {
  return {
    [`${lang}_title`]: draft.title,
    [`${lang}_summary`]: draft.summary,
    [`${lang}_duration`]: draft.duration,
    [`${lang}_objectives`]: draft.objectives,
    [`${lang}_body`]: draft.body,
  };
}
