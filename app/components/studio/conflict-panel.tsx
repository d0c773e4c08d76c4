/**
 * What an editor shows when someone else saved the draft since it was opened (the autosave's 409): who
 * and when, what differs per part (their text → mine), and the choice between keeping one's own text
 * and taking theirs. Used by the studio's module editor and the charter editor; each passes its own
 * words, and the module editor also offers "their text" in full under a disclosure. Takes the focus
 * when it appears, so that a keyboard or screen-reader user learns about it at once.
 */
import { useEffect, useMemo, useRef } from "react";
import { diffHunks, diffLines } from "~/domain/diff";
import { DiffView } from "./diff-view";

export type ConflictWords<K extends string> = {
  title: string;
  body: string;
  /** An explanation under the body, if the editor has one. */
  howTo?: string;
  diffTitle: (part: K) => string;
  /** The label of the disclosure with their whole text; without it, no disclosure. */
  theirText?: (part: K) => string;
  keepMine: string;
  takeTheirs: string;
};

/**
 * `theirs` and `mine` are the two versions, part by part; `text` turns a part into what is compared
 * (pass a function defined outside the component, so that the diff is computed once per conflict).
 */
export function ConflictPanel<K extends string, V>({
  parts,
  theirs,
  mine,
  text,
  langOf,
  words,
  onKeepMine,
  onTakeTheirs,
}: {
  parts: readonly K[];
  theirs: Record<K, V>;
  mine: Record<K, V>;
  text: (value: V) => string;
  /** The language of a part's text (for `lang` on the diff), if it has one. */
  langOf: (part: K) => string | undefined;
  words: ConflictWords<K>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const diffs = useMemo(() => parts.map((part) => ({ part, hunks: diffHunks(diffLines(text(theirs[part]), text(mine[part]))) })), [parts, theirs, mine, text]);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="conflict-title" className="card space-y-4 border-2 border-red-700">
      <h2 id="conflict-title" className="text-xl font-bold text-red-900">
        {words.title}
      </h2>
      <p>{words.body}</p>
      {words.howTo ? <p className="text-sm text-slate-700">{words.howTo}</p> : null}
      {diffs.map(({ part, hunks }) => (
        <div key={part}>
          <h3 className="font-semibold">{words.diffTitle(part)}</h3>
          <DiffView hunks={hunks} label={words.diffTitle(part)} lang={langOf(part)} />
          {words.theirText ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-semibold">{words.theirText(part)}</summary>
              <textarea readOnly rows={10} value={text(theirs[part])} className="field-input mt-2 font-mono text-xs" aria-label={words.theirText(part)} />
            </details>
          ) : null}
        </div>
      ))}
      <p className="flex flex-wrap gap-3">
        <button type="button" className="btn-primary" onClick={onKeepMine}>
          {words.keepMine}
        </button>
        <button type="button" className="btn-secondary" onClick={onTakeTheirs}>
          {words.takeTheirs}
        </button>
      </p>
    </section>
  );
}
