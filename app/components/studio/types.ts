/** What the studio's editor page and its actions exchange (serialisable: dates are ISO strings). */
import type { MdxNode } from "~/content/mdx-components";
import type { FormDraft } from "~/domain/module-source";

export type Lang = "fr" | "en";
export const LANGS: readonly Lang[] = ["fr", "en"];

/** One language as the form holds it: objectives one per line, the body as text. */
export type LanguageDraft = FormDraft;

/** A problem located in the body (line counted in the editor) or in the frontmatter (the form). */
export type PreviewProblem = {
  line: number;
  col: number;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
  where: "body" | "frontmatter";
};

/** `stale`: the tree is the last one that compiled, kept on screen while the text has errors. */
export type Preview = { tree: MdxNode[] | null; problems: PreviewProblem[]; stale?: boolean };

/** A colleague's text when a save was refused; `languages` is the whole draft (a module's two languages by default). */
export type ConflictData<D = Record<Lang, LanguageDraft>> = { revision: number; languages: D; updatedByName: string | null; updatedAt: string | null };

export type PublishProblem = PreviewProblem & { lang: Lang };

export type EditorActionData =
  | { intent: "preview"; lang: Lang; preview: Preview; fieldErrors: Record<string, string> }
  | { intent: "save"; revision: number; savedAt: string }
  | { intent: "save" | "publish"; conflict: ConflictData }
  | { intent: "publish"; problems: PublishProblem[] }
  | { intent: "discard"; refused: string }
  | { fieldErrors: Record<string, string> };

export type MediaOption = { src: string; fileName: string };
