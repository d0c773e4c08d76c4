/**
 * The editor's live preview: ~400 ms after typing stops, the language being edited goes to the server,
 * which renders it with the learners' compiler. While the text has errors, the last good rendering stays
 * on screen (marked stale) next to the problems.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { Preview } from "./types";

const PREVIEW_DELAY_MS = 400;

type PreviewAnswer<K extends string> = { intent: "preview"; lang: K; preview: Preview; fieldErrors: Record<string, string> };

/**
 * `K` names what can be previewed (a module's languages; a charter's languages and its check), `D` one
 * of them as edited; `fields` turns it into the form fields the preview posts (with `intent` and `lang`).
 */
export function useLivePreview<K extends string, D>(
  active: K,
  activeDraft: D,
  initial: { languages: Record<K, D>; previews: Record<K, Preview> },
  fields: (key: K, draft: D) => Record<string, string>,
) {
  const [previews, setPreviews] = useState(initial.previews);
  const [previewErrors, setPreviewErrors] = useState<Record<string, string>>({});
  const previewed = useRef(Object.fromEntries(Object.entries(initial.languages).map(([key, value]) => [key, JSON.stringify(value)])) as Record<K, string>);
  const fieldsOf = useRef(fields);
  fieldsOf.current = fields;
  // Unkeyed: each editor instance (a publication starts a new one) has its own, so an old answer never
  // reaches a new editor.
  const fetcher = useFetcher<PreviewAnswer<K> | object>();
  const submit = useRef(fetcher.submit);
  submit.current = fetcher.submit;

  useEffect(() => {
    const snapshot = JSON.stringify(activeDraft);
    if (previewed.current[active] === snapshot) return;
    const timer = setTimeout(() => {
      previewed.current[active] = snapshot;
      submit.current({ intent: "preview", lang: active, ...fieldsOf.current(active, activeDraft) }, { method: "post" });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [active, activeDraft]);

  useEffect(() => {
    const answer = fetcher.data;
    if (!answer || !("intent" in answer) || answer.intent !== "preview" || !("preview" in answer)) return;
    const result = answer as unknown as PreviewAnswer<K>;
    setPreviews((current) => ({
      ...current,
      [result.lang]: {
        tree: result.preview.tree ?? current[result.lang].tree,
        problems: result.preview.problems,
        stale: !result.preview.tree && Boolean(current[result.lang].tree),
      },
    }));
    setPreviewErrors((current) => {
      const others = Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith(`${result.lang}_`)));
      return { ...others, ...result.fieldErrors };
    });
  }, [fetcher.data]);

  return { previews, previewErrors, previewBusy: fetcher.state !== "idle" };
}
