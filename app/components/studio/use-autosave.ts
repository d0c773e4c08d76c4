/**
 * The editor's autosave of the shared draft: ~1.5 s after a change, one save at a time (a save is never
 * aborted half-way), never over a conflict nor during a publication or a discard (they carry the same
 * text and would race it). A save refused because a colleague saved in between opens the conflict:
 * keep mine (save over theirs, knowingly) or take theirs (mine is kept aside to copy from).
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { ConflictData } from "./types";

export type SaveState = { kind: "idle" } | { kind: "pending" } | { kind: "saved"; at: string } | { kind: "error"; key: string } | { kind: "conflict" };

const AUTOSAVE_DELAY_MS = 1500;

/** What a save or publication answers, as far as autosave is concerned. */
type SaveAnswer<D> = { conflict: ConflictData<D> } | { revision: number; savedAt: string } | { fieldErrors: Record<string, string> } | object;

/**
 * `D` is the whole draft (a module's two languages, a charter's three texts); `fields` turns it into
 * the form fields a save posts, and `applyTheirs` puts a colleague's text into the code editors.
 */
export function useAutosave<D>(input: {
  initial: { languages: D; revision: number };
  drafts: D;
  setDrafts: Dispatch<SetStateAction<D>>;
  /** A publication or a discard is under way. */
  busy: boolean;
  actionData: SaveAnswer<D> | undefined;
  fields: (drafts: D) => Record<string, string>;
  applyTheirs: (theirs: D) => void;
}) {
  const { drafts, setDrafts, busy, actionData } = input;
  const fields = useRef(input.fields);
  fields.current = input.fields;
  const [revision, setRevision] = useState(input.initial.revision);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflict] = useState<ConflictData<D> | null>(null);
  const [kept, setKept] = useState<D | null>(null);
  const lastSaved = useRef(JSON.stringify(input.initial.languages));
  const sent = useRef<string | null>(null);
  /** What the state says when nothing is pending: the last save, or idle. */
  const settled = useRef<SaveState>({ kind: "idle" });
  const fetcher = useFetcher<SaveAnswer<D>>();
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
    submit.current({ intent: "save", mode: "autosave", revision: String(revision), ...fields.current(drafts) }, { method: "post" });
  };
  useEffect(() => {
    if (conflict || !saveIdle || busy) return;
    // Back to the text last saved (typed and undone before the save): nothing is pending any more.
    if (JSON.stringify(drafts) === lastSaved.current) {
      setSave((current) => (current.kind === "pending" ? settled.current : current));
      return;
    }
    setSave((current) => (current.kind === "pending" ? current : { kind: "pending" }));
    const timer = setTimeout(() => saveNow.current(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [drafts, revision, conflict, saveIdle, busy]);

  useEffect(() => {
    const result = fetcher.data as SaveAnswer<D> | undefined;
    if (fetcher.state !== "idle" || !result) return;
    if ("conflict" in result) {
      setConflict(result.conflict);
      setSave({ kind: "conflict" });
    } else if ("revision" in result) {
      setRevision(result.revision);
      if (sent.current) lastSaved.current = sent.current;
      settled.current = { kind: "saved", at: result.savedAt };
      setSave(settled.current);
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
    input.applyTheirs(conflict.languages);
    setDrafts(conflict.languages);
    lastSaved.current = JSON.stringify(conflict.languages);
    setRevision(conflict.revision);
    setConflict(null);
    setSave({ kind: "idle" });
  };

  return { revision, save, saveIdle, conflict, kept, dismissKept: () => setKept(null), keepMine, takeTheirs, saveNow: () => saveNow.current() };
}
