/**
 * The editor's live preview: ~400 ms after typing stops, the language being edited goes to the server,
 * which renders it with the learners' compiler. While the text has errors, the last good rendering stays
 * on screen (marked stale) next to the problems.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { flatten } from "./draft-fields";
import type { EditorActionData, Lang, LanguageDraft, Preview } from "./types";

const PREVIEW_DELAY_MS = 400;

export function useLivePreview(active: Lang, activeDraft: LanguageDraft, initial: { languages: Record<Lang, LanguageDraft>; previews: Record<Lang, Preview> }) {
  const [previews, setPreviews] = useState(initial.previews);
  const [previewErrors, setPreviewErrors] = useState<Record<string, string>>({});
  const previewed = useRef<Record<Lang, string>>({ fr: JSON.stringify(initial.languages.fr), en: JSON.stringify(initial.languages.en) });
  // Unkeyed: each editor instance (a publication starts a new one) has its own, so an old answer never
  // reaches a new editor.
  const fetcher = useFetcher<EditorActionData>();
  const submit = useRef(fetcher.submit);
  submit.current = fetcher.submit;

  useEffect(() => {
    const snapshot = JSON.stringify(activeDraft);
    if (previewed.current[active] === snapshot) return;
    const timer = setTimeout(() => {
      previewed.current[active] = snapshot;
      submit.current({ intent: "preview", lang: active, ...flatten(active, activeDraft) }, { method: "post" });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [active, activeDraft]);

  useEffect(() => {
    const result = fetcher.data;
    if (!result || !("intent" in result) || result.intent !== "preview" || !("preview" in result)) return;
    setPreviews((current) => ({
      ...current,
      [result.lang]: { tree: result.preview.tree ?? current[result.lang].tree, problems: result.preview.problems, stale: !result.preview.tree && Boolean(current[result.lang].tree) },
    }));
    setPreviewErrors((current) => {
      const others = Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith(`${result.lang}_`)));
      return { ...others, ...result.fieldErrors };
    });
  }, [fetcher.data]);

  return { previews, previewErrors, previewBusy: fetcher.state !== "idle" };
}
