/**
 * How placements look: the explanation of a level (from fact keys and params, never stored text),
 * a person's placement history with the answers behind each result, and a team's distribution.
 */
import { useTranslation } from "~/i18n/react";
import { useDates } from "./dates";
// The page groups of strings this file names (ADR 0032).
import "~/i18n/load/diagnostic.client";
import "~/i18n/load/placement.client";

type Level = "native" | "late_adopter" | "reluctant" | "objector" | "beginner";
type Fact = { key: string; params?: Record<string, string | number> };

export function LevelName({ level }: { level: Level }) {
  const { t } = useTranslation();
  return <>{t(`placement.levels.${level}.name`)}</>;
}

/**
 * The 2–3 facts that decided a questionnaire placement, rendered in the reader's language: to the
 * person ("your answers…"); staff pages pass `keys`, their third-person strings' namespace.
 */
export function FactList({ facts, id, keys = "placement.facts" }: { facts: readonly Fact[]; id?: string; keys?: string }) {
  const { t } = useTranslation();
  if (facts.length === 0) return null;
  return (
    <ul id={id} className="list-disc space-y-2 pl-5 text-slate-800">
      {facts.map((fact) => (
        <li key={fact.key}>{t(`${keys}.${fact.key}`, fact.params ?? {})}</li>
      ))}
    </ul>
  );
}

/**
 * Said next to the facts of a placement computed with an earlier questionnaire: the level stands until
 * the person retakes it, and the facts are those of the time (ADR 0027).
 */
export function EarlierQuestionnaireNote({ earlier, messageKey }: { earlier: { version: number; current: number } | null; messageKey: string }) {
  const { t } = useTranslation();
  if (!earlier) return null;
  return (
    <p className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 text-slate-900" data-testid="earlier-questionnaire">
      {t(messageKey, { version: String(earlier.version), current: String(earlier.current) })}
    </p>
  );
}

/** Who placed the person, and why when it was a person rather than the questionnaire. */
export function PlacementOrigin({
  placement,
  questionnaireKey = "diagnostic.result.fromQuestionnaire",
}: {
  placement: { source: "questionnaire" | "override"; setByName: string | null; reason: string | null; createdAt: string };
  /** The sentence for a questionnaire placement: staff pages pass their third-person key. */
  questionnaireKey?: string;
}) {
  const { t } = useTranslation();
  const date = useDates().date(placement.createdAt);
  if (placement.source === "questionnaire") return <p className="text-slate-700">{t(questionnaireKey, { date })}</p>;
  return (
    <div className="space-y-2">
      <p className="text-slate-700">
        {placement.setByName ? t("diagnostic.result.setBy", { name: placement.setByName, date }) : t("diagnostic.result.setBySomeone", { date })}
      </p>
      {placement.reason ? (
        <figure className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-3">
          <figcaption className="text-sm font-semibold text-slate-800">{t("diagnostic.result.reason")}</figcaption>
          <blockquote className="mt-1 whitespace-pre-line text-slate-900">{placement.reason}</blockquote>
        </figure>
      ) : null}
    </div>
  );
}

export type QuestionLabels = { id: string; prompt: string; options: Record<string, string> }[];

export type HistoryRow = {
  id: string;
  level: Level;
  source: "questionnaire" | "override";
  setByName: string | null;
  reason: string | null;
  createdAt: string;
  isCurrent: boolean;
  answers: Record<string, string[]> | null;
};

export function sourceLabel(
  t: (key: string, params?: Record<string, string>) => string,
  row: { source: "questionnaire" | "override"; setByName: string | null },
) {
  if (row.source === "questionnaire") return t("diagnostic.source.questionnaire");
  return row.setByName ? t("diagnostic.source.override", { name: row.setByName }) : t("diagnostic.source.overrideUnknown");
}

/** Every placement of a person, newest first; questionnaire placements show their answers on demand. */
export function PlacementHistory({ rows, questions, titleId }: { rows: HistoryRow[]; questions: QuestionLabels; titleId: string }) {
  const { date } = useDates();
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="mt-3 text-slate-700">{t("diagnostic.history.empty")}</p>;
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-labelledby={titleId}>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t("diagnostic.history.date")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("diagnostic.history.level")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("diagnostic.history.source")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("diagnostic.history.reason")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="whitespace-nowrap px-4 py-2">{date(row.createdAt)}</td>
              <td className="px-4 py-2">
                <LevelName level={row.level} />
                {row.isCurrent ? (
                  <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">{t("diagnostic.history.current")}</span>
                ) : null}
              </td>
              <td className="px-4 py-2">{sourceLabel(t, row)}</td>
              <td className="px-4 py-2">
                {row.reason ? <span className="whitespace-pre-line">{row.reason}</span> : null}
                {row.answers ? <RunAnswers answers={row.answers} questions={questions} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RunAnswers({ answers, questions }: { answers: Record<string, string[]>; questions: QuestionLabels }) {
  const { t } = useTranslation();
  const known = new Set(questions.map((q) => q.id));
  const extra = Object.keys(answers).filter((id) => !known.has(id));
  return (
    <details>
      <summary className="cursor-pointer text-brand-700 underline underline-offset-2">{t("diagnostic.history.answers")}</summary>
      <dl className="mt-2 space-y-2">
        {questions
          .filter((q) => answers[q.id])
          .map((q) => (
            <div key={q.id}>
              <dt className="font-medium text-slate-800">{q.prompt}</dt>
              <dd className="text-slate-700">{(answers[q.id] ?? []).map((o) => q.options[o] ?? o).join(", ")}</dd>
            </div>
          ))}
        {extra.map((id) => (
          <div key={id}>
            <dt className="font-medium text-slate-800">{t("diagnostic.history.unknownQuestion")}</dt>
            <dd className="text-slate-700">{(answers[id] ?? []).join(", ")}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * A team's levels as horizontal bars (SVG widths, no inline style: the CSP forbids them) with the
 * same numbers as a table, which is what screen readers read.
 */
export function LevelDistribution({ counts }: { counts: { level: Level | null; count: number }[] }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const max = Math.max(1, ...counts.map((c) => c.count));
  const label = (level: Level | null) => (level ? t(`placement.levels.${level}.name`) : t("diagnostic.team.notPlaced"));
  const share = (count: number) => percent.format(total ? count / total : 0);
  return (
    <div className="mt-3 grid gap-6 lg:grid-cols-2">
      <div aria-hidden="true" className="card space-y-2">
        {counts.map((c) => (
          <div key={c.level ?? "none"} className="grid grid-cols-[9rem_1fr_2.5rem] items-center gap-3 text-sm">
            <span className="truncate text-slate-800">{label(c.level)}</span>
            <svg className="h-5 w-full" role="presentation" focusable="false">
              <rect x="0" y="0" width="100%" height="100%" rx="3" className="fill-slate-100" />
              {c.count > 0 ? (
                <rect x="0" y="0" width={`${(c.count / max) * 100}%`} height="100%" rx="3" className={c.level ? "fill-brand-700" : "fill-slate-500"} />
              ) : null}
            </svg>
            <span className="text-right font-semibold tabular-nums text-slate-900">{c.count}</span>
          </div>
        ))}
      </div>
      <table className="min-w-full divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
        <caption className="px-4 py-2 text-left text-slate-700">{t("diagnostic.team.distributionCaption", { count: total })}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t("diagnostic.team.level")}
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              {t("diagnostic.team.people")}
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              {t("diagnostic.team.share")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {counts.map((c) => (
            <tr key={c.level ?? "none"}>
              <th scope="row" className="px-4 py-2 text-left font-normal">
                {label(c.level)}
              </th>
              <td className="px-4 py-2 text-right tabular-nums">{c.count}</td>
              <td className="px-4 py-2 text-right tabular-nums">{share(c.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
