/**
 * A content problem in the reader's language: its code and parameters translated
 * (studio.problems.<code>), or its English message, marked as English, when it has no code (a
 * frontmatter field's schema error). See app/content/problem-codes.ts.
 */
import { useCallback } from "react";
import { useTranslation } from "~/i18n/react";
import { PROBLEM_CODES } from "~/content/problem-codes";

export type SaidProblem = { message: string; code?: string; params?: Record<string, string | number> };

const KNOWN: ReadonlySet<string> = new Set(PROBLEM_CODES);

/** The problem's text, and `lang: "en"` when it could only be given in English. */
export function useProblemText(): (problem: SaidProblem) => { text: string; lang?: "en" } {
  const { t } = useTranslation();
  return useCallback(
    (problem: SaidProblem) =>
      problem.code && KNOWN.has(problem.code)
        ? { text: t(`studio.problems.${problem.code}`, problem.params ?? {}) }
        : { text: problem.message, lang: "en" as const },
    [t],
  );
}

export function ProblemMessage({ problem }: { problem: SaidProblem }) {
  const said = useProblemText()(problem);
  return <span lang={said.lang}>{said.text}</span>;
}
