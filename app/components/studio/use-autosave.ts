/**
 * The editor's autosave of the shared draft: ~1.5 s after a change, one save at a time (a save is never
 * aborted half-way), never over a conflict nor during a publication or a discard (they carry the same
 * text and would race it). A save refused because a colleague saved in between opens the conflict:
 * keep mine (save over theirs, knowingly) or take theirs (mine is kept aside to copy from).
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from "react";
import type { CodeEditorHandle } from "./code-editor";
import { flatten } from "./draft-fields";
import { LANGS, type ConflictData, type EditorActionData, type Lang, type LanguageDraft } from "./types";

export type SaveState = { kind: "idle" } | { kind: "pending" } | { kind: "saved"; at: string } | { kind: "error"; key: string } | { kind: "conflict" };

const AUTOSAVE_DELAY_MS = 1500;

export function useAutosave(input: {
  initial: { languages: Record<Lang, LanguageDraft>; revision: number };
  drafts: Record<Lang, LanguageDraft>;
  setDrafts: Dispatch<SetStateAction<Record<Lang, LanguageDraft>>>;
  /** A publication or a discard is under way. */
  busy: boolean;
  actionData: EditorActionData | undefined;
  editors: Record<Lang, RefObject<CodeEditorHandle>>;
}) {
  const { drafts, setDrafts, busy, actionData, editors } = input;
  const [revision, setRevision] = useState(input.initial.revision);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflict] = useState<ConflictData | null>(null);
  const [kept, setKept] = useState<Record<Lang, LanguageDraft> | null>(null);
  const lastSaved = useRef(JSON.stringify(input.initial.languages));
  const sent = useRef<string | null>(null);
  const fetcher = useFetcher<EditorActionData>();
  const submit = useRef(fetcher.submit);
  submit.current = fetcher.submit;
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const saveIdle = fetcher.state === "idle";

  const saveNow = useRef<() => void>(() => {});
  saveNow.current = () => {
    const snapshot = JSON.stringify(drafts);
    if (snapshot === lastSaved.current || conflict || !saveIdle || busyRef.current) return;
    sent.current = snapshot;
    submit.current({ intent: "save", mode: "autosave", revision: String(revision), ...flatten("fr", drafts.fr), ...flatten("en", drafts.en) }, { method: "post" });
  };
  useEffect(() => {
    if (conflict || !saveIdle || busy) return;
    if (JSON.stringify(drafts) === lastSaved.current) return;
    setSave((current) => (current.kind === "pending" ? current : { kind: "pending" }));
    const timer = setTimeout(() => saveNow.current(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [drafts, revision, conflict, saveIdle, busy]);

  useEffect(() => {
    const result = fetcher.data;
    if (fetcher.state !== "idle" || !result) return;
    if ("conflict" in result) {
      setConflict(result.conflict);
      setSave({ kind: "conflict" });
    } else if ("revision" in result) {
      setRevision(result.revision);
      if (sent.current) lastSaved.current = sent.current;
      setSave({ kind: "saved", at: result.savedAt });
    } else if ("fieldErrors" in result) {
      setSave({ kind: "error", key: Object.values(result.fieldErrors)[0] ?? "errors.invalidInput" });
    }
  }, [fetcher.state, fetcher.data]);

  // A publication refused because a colleague saved in between: the same conflict panel.
  useEffect(() => {
    if (actionData && "conflict" in actionData) {
      setConflict(actionData.conflict);
      setSave({ kind: "conflict" });
    }
  }, [actionData]);

  const keepMine = () => {
    if (!conflict) return;
    setRevision(conflict.revision);
    setConflict(null);
    setSave({ kind: "pending" });
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setKept(drafts);
    for (const lang of LANGS) editors[lang].current?.setValue(conflict.languages[lang].body);
    setDrafts(conflict.languages);
    lastSaved.current = JSON.stringify(conflict.languages);
    setRevision(conflict.revision);
    setConflict(null);
    setSave({ kind: "idle" });
  };

  return { revision, save, saveIdle, conflict, kept, dismissKept: () => setKept(null), keepMine, takeTheirs, saveNow: () => saveNow.current() };
}
