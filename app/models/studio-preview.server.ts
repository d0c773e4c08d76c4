/**
 * The studio's live preview: one language file rendered by the same safe compiler learners get
 * (cached by content hash), with its problems located for the code editor.
 */
import { checkModuleLocale, type Problem } from "~/content/library.server";
import type { MdxNode } from "~/content/mdx-components";
import { splitSource } from "~/domain/module-source";

/** `code` and `params` let the page say the problem in the trainer's language (app/content/problem-codes.ts). */
export type LocatedProblem = {
  line: number;
  col: number;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
  where: "body" | "frontmatter";
};

/** Problems of a whole file, located for the editor: body lines as the code editor counts them. */
export function locateProblems(source: string, problems: readonly Pick<Problem, "line" | "col" | "message" | "code" | "params">[]): LocatedProblem[] {
  const { headerLines } = splitSource(source);
  return problems.map((p) => {
    const said = { message: p.message, ...(p.code ? { code: p.code, params: p.params ?? {} } : {}) };
    return p.line > headerLines
      ? { line: p.line - headerLines, col: p.col, ...said, where: "body" as const }
      : { line: p.line, col: p.col, ...said, where: "frontmatter" as const };
  });
}

/**
 * What learners would see of one language file, rendered by the same safe compiler (cached by
 * content hash), and its problems. The tree is there whenever the MDX compiles, even while the
 * frontmatter still has problems.
 */
export async function previewSource(id: string, source: string): Promise<{ tree: MdxNode[] | null; problems: LocatedProblem[] }> {
  const problems: Problem[] = [];
  const { compiled } = await checkModuleLocale(id, source, "preview", problems);
  return { tree: compiled?.tree ?? null, problems: locateProblems(source, problems) };
}
