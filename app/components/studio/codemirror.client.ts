/**
 * The studio's code editor: CodeMirror 6 with Markdown highlighting, line numbers, undo/redo and
 * problem markers. Loaded only by the studio's editor, with a dynamic import() once the page runs in
 * the browser (code-editor.tsx), so that no other page's bundle carries it; `.client` keeps it out of
 * the server build.
 *
 * Undo/redo (grouped, with the selection restored) and the editing keys come from `@codemirror/commands`'
 * stock history and keymaps. Tab is left to the browser, so the keyboard can always leave the editor
 * (WCAG 2.1.2, no keyboard trap).
 * `@codemirror/language` (highlighting) and `@codemirror/lang-html` (HTML inside Markdown) are
 * dependencies of `@codemirror/lang-markdown`, used here to configure it.
 */
import { html } from "@codemirror/lang-html";
import { markdown } from "@codemirror/lang-markdown";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { EditorSelection, EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  type DecorationSet,
} from "@codemirror/view";

export type EditorProblem = { line: number; col: number; message: string };

export type EditorHandle = {
  getValue(): string;
  setValue(text: string): void;
  insert(text: string): void;
  goTo(line: number, col?: number): void;
  setProblems(problems: readonly EditorProblem[]): void;
  focus(): void;
  destroy(): void;
};

// ---------------------------------------------------------------------------------------------
// Problem markers
// ---------------------------------------------------------------------------------------------

const setProblemsEffect = StateEffect.define<readonly EditorProblem[]>();
const problemLine = (message: string) => Decoration.line({ class: "cm-problem-line", attributes: { title: message } });

const problemsField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setProblemsEffect)) continue;
      const byLine = new Map<number, string[]>();
      for (const problem of effect.value) {
        if (problem.line < 1 || problem.line > tr.state.doc.lines) continue;
        byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem.message]);
      }
      next = Decoration.set(
        [...byLine.entries()].sort(([a], [b]) => a - b).map(([line, messages]) => problemLine(messages.join("\n")).range(tr.state.doc.line(line).from)),
      );
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const theme = EditorView.theme({
  "&": { border: "1px solid #94a3b8", borderRadius: "0.375rem", backgroundColor: "#ffffff", fontSize: "0.875rem" },
  "&.cm-focused": { outline: "3px solid #1d4ed8", outlineOffset: "1px" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.6", minHeight: "24rem", maxHeight: "70vh" },
  ".cm-content": { padding: "0.5rem 0" },
  ".cm-gutters": { backgroundColor: "#f1f5f9", color: "#334155", borderRight: "1px solid #cbd5e1" },
  ".cm-activeLine": { backgroundColor: "#f8fafc" },
  ".cm-activeLineGutter": { backgroundColor: "#e2e8f0" },
  ".cm-problem-line": { backgroundColor: "#fee2e2", boxShadow: "inset 3px 0 0 #b91c1c" },
});

export function createEditor(options: { parent: HTMLElement; doc: string; label: string; lang: string; onChange: (value: string) => void }): EditorHandle {
  // In a shadow root, CodeMirror's styles go into a constructed stylesheet (adoptedStyleSheets), which the
  // page's strict Content-Security-Policy (style-src 'self', no inline <style>) allows; in the document
  // itself they would be an inline <style> element, which it blocks.
  const root = options.parent.shadowRoot ?? options.parent.attachShadow({ mode: "open" });
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        drawSelection(),
        EditorView.lineWrapping,
        // What is typed is what is stored: no closing tag added behind the author's back.
        markdown({ completeHTMLTags: false, htmlTagLanguage: html({ matchClosingTags: false, autoCloseTags: false }) }),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        history(),
        problemsField,
        // The default keymap includes Ctrl+Home/End over the whole document (only the visible lines are
        // in the page, so the browser's own would stop at them).
        keymap.of([...defaultKeymap, ...historyKeymap]),
        theme,
        EditorView.contentAttributes.of({
          // Already a tab stop (contenteditable); said explicitly so that checkers inside the shadow root
          // see that the scrolling editor is keyboard-reachable.
          tabindex: "0",
          "aria-label": options.label,
          "aria-multiline": "true",
          lang: options.lang,
          spellcheck: "true",
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });

  return {
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    insert(text) {
      const range = view.state.selection.main;
      view.dispatch({
        changes: { from: range.from, to: range.to, insert: text },
        selection: EditorSelection.cursor(range.from + text.length),
        scrollIntoView: true,
        userEvent: "input",
      });
      view.focus();
    },
    goTo(line, col = 1) {
      const target = view.state.doc.line(Math.max(1, Math.min(line, view.state.doc.lines)));
      const pos = Math.min(target.from + Math.max(0, col - 1), target.to);
      view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });
      view.focus();
    },
    setProblems(problems) {
      view.dispatch({ effects: setProblemsEffect.of(problems) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
