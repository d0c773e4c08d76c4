/** A line diff (app/domain/diff.ts) as the studio shows it: hunks of changed lines with context. */
import { useTranslation } from "~/i18n/react";
import type { DiffHunk } from "~/domain/diff";

export function DiffView({ hunks, label, lang }: { hunks: readonly DiffHunk[]; label: string; lang?: string }) {
  const { t } = useTranslation();
  if (hunks.length === 0) return <p className="text-sm text-slate-700">{t("studio.diff.same")}</p>;
  return (
    <div role="group" aria-label={label} className="space-y-3">
      {hunks.map((hunk, index) => (
        <ol key={index} className="overflow-x-auto rounded-md border border-slate-300 bg-white font-mono text-xs leading-5" lang={lang}>
          {hunk.lines.map((line, i) => {
            const tone = line.kind === "added" ? "bg-emerald-50 text-emerald-950" : line.kind === "removed" ? "bg-red-50 text-red-950" : "text-slate-800";
            const sign = line.kind === "added" ? "+" : line.kind === "removed" ? "−" : " ";
            return (
              <li key={i} className={`flex gap-2 px-2 ${tone}`}>
                <span className="w-10 shrink-0 select-none text-right text-slate-600" aria-hidden="true">
                  {line.kind === "added" ? "" : line.oldLine}
                </span>
                <span className="w-10 shrink-0 select-none text-right text-slate-600" aria-hidden="true">
                  {line.kind === "removed" ? "" : line.newLine}
                </span>
                <span className="w-3 shrink-0 select-none font-bold" aria-hidden="true">
                  {sign}
                </span>
                {line.kind !== "same" ? <span className="sr-only">{t(`studio.diff.${line.kind}`)} </span> : null}
                <span className="whitespace-pre-wrap break-all">{line.text || " "}</span>
              </li>
            );
          })}
        </ol>
      ))}
    </div>
  );
}
