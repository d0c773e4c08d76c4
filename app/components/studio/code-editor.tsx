/**
 * The module body editor: a plain <textarea> (server rendering, no JavaScript, and while CodeMirror
 * loads), replaced in the browser by CodeMirror 6, imported on demand so that only studio pages pay
 * for it. The textarea stays in the form (hidden) and always holds the text, so a plain form post
 * sends what the author sees.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import type { EditorHandle, EditorProblem } from "./codemirror.client";

export type CodeEditorHandle = Pick<EditorHandle, "insert" | "goTo" | "setValue" | "focus">;

type Props = {
  id: string;
  name: string;
  label: string;
  lang: "fr" | "en";
  defaultValue: string;
  problems: readonly EditorProblem[];
  describedBy?: string;
  onChange: (value: string) => void;
};

export const CodeEditor = forwardRef<CodeEditorHandle, Props>(function CodeEditor(
  { id, name, label, lang, defaultValue, problems, describedBy, onChange },
  ref,
) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<EditorHandle | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [enhanced, setEnhanced] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let editor: EditorHandle | null = null;
    import("./codemirror.client")
      .then(({ createEditor }) => {
        const textarea = textareaRef.current;
        if (cancelled || !containerRef.current || !textarea) return;
        editor = createEditor({
          parent: containerRef.current,
          doc: textarea.value,
          label,
          lang,
          onChange: (value) => {
            textarea.value = value;
            onChangeRef.current(value);
          },
        });
        editorRef.current = editor;
        // Hidden at once (not a render later), so that the page never shows two editors.
        textarea.hidden = true;
        setEnhanced(true);
      })
      .catch((error: unknown) => {
        // The textarea keeps working.
        console.warn("[studio] the code editor could not load", error);
      });
    return () => {
      cancelled = true;
      editor?.destroy();
      editorRef.current = null;
    };
    // The editor is created once; its text then lives in CodeMirror (and is mirrored into the textarea).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    editorRef.current?.setProblems(problems);
  }, [problems, enhanced]);

  useImperativeHandle(
    ref,
    () => ({
      insert(text) {
        if (editorRef.current) return editorRef.current.insert(text);
        const textarea = textareaRef.current;
        if (!textarea) return;
        const start = textarea.selectionStart;
        textarea.setRangeText(text, start, textarea.selectionEnd, "end");
        textarea.focus();
        onChangeRef.current(textarea.value);
      },
      goTo(line, col = 1) {
        if (editorRef.current) return editorRef.current.goTo(line, col);
        const textarea = textareaRef.current;
        if (!textarea) return;
        const lines = textarea.value.split("\n");
        const offset = lines.slice(0, Math.max(0, line - 1)).reduce((sum, l) => sum + l.length + 1, 0) + Math.max(0, col - 1);
        textarea.focus();
        textarea.setSelectionRange(offset, offset);
      },
      setValue(text) {
        if (textareaRef.current) textareaRef.current.value = text;
        editorRef.current?.setValue(text);
        onChangeRef.current(text);
      },
      focus() {
        if (editorRef.current) editorRef.current.focus();
        else textareaRef.current?.focus();
      },
    }),
    [],
  );

  return (
    <div>
      <textarea
        ref={textareaRef}
        id={id}
        name={name}
        defaultValue={defaultValue}
        hidden={enhanced}
        rows={24}
        lang={lang}
        spellCheck
        aria-describedby={describedBy}
        onChange={(event) => onChangeRef.current(event.target.value)}
        className="field-input font-mono text-sm"
      />
      <div ref={containerRef} />
    </div>
  );
});
