/**
 * The reports' building blocks: a table of text rows (the same rows the exports write), a chart drawn
 * on the server as SVG with its data table behind a disclosure for screen readers and for reading, the
 * filters form and the export links. No charting code reaches the browser.
 */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/placement.client";

export type TextTable = { columns: string[]; rows: string[][] };

export function ReportTable({
  id,
  caption,
  table,
  extraColumn,
}: {
  id: string;
  caption: string;
  table: TextTable;
  extraColumn?: { label: string; cell: (index: number) => ReactNode };
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table id={id} className="min-w-full divide-y divide-slate-200 text-sm" data-report-table={id}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left">
          <tr>
            {table.columns.map((label, i) => (
              <th key={i} scope="col" className="px-3 py-2">
                {label}
              </th>
            ))}
            {extraColumn ? (
              <th scope="col" className="px-3 py-2">
                {extraColumn.label}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row" className="px-3 py-2 text-left font-medium">
                    {cell}
                  </th>
                ) : (
                  <td key={c} className="px-3 py-2">
                    {cell}
                  </td>
                ),
              )}
              {extraColumn ? <td className="px-3 py-2">{extraColumn.cell(r)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A server-drawn SVG chart (an image with its label) and its figures: the table beside it (`tableId`,
 * referenced), or, when the page has none, the table behind a disclosure.
 */
export function Chart({ id, svg, caption, table, tableId }: { id: string; svg: string; caption: string; table?: TextTable; tableId?: string }) {
  const { t } = useTranslation();
  return (
    <figure className="space-y-2" aria-describedby={tableId}>
      {/* The markup is Observable Plot's, drawn on the server from figures only (app/utils/charts.server.ts). */}
      <div className="chart text-slate-800" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="text-sm text-slate-700">
        {caption}
        {tableId ? (
          <>
            {" "}
            <a href={`#${tableId}`} className="link">
              {t("reports.dataTable")}
            </a>
          </>
        ) : null}
      </figcaption>
      {table ? (
        <details>
          <summary className="cursor-pointer text-sm link">{t("reports.dataTable")}</summary>
          <div className="mt-2">
            <ReportTable id={`${id}-data`} caption={caption} table={table} />
          </div>
        </details>
      ) : null}
    </figure>
  );
}

export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-xl font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** CSV and Excel links for one table, with the page's filters. */
export function ExportLinks({ table, base }: { table: string; base: string }) {
  const { t } = useTranslation();
  const name = t(`reports.export.tables.${table}`);
  const join = base.includes("?") ? "&" : "?";
  return (
    <p className="flex gap-3 text-sm">
      <a className="link" href={`${base}${join}table=${table}&format=csv`} download>
        {t("reports.export.link", { table: name, format: t("reports.export.csv") })}
      </a>
      <a className="link" href={`${base}${join}table=${table}&format=xlsx`} download>
        {t("reports.export.link", { table: name, format: t("reports.export.xlsx") })}
      </a>
    </p>
  );
}

export type FilterValues = { from?: string; to?: string; level?: string; team?: string; days: number };

export function FiltersForm({
  values,
  levels,
  teams,
  teamLabel,
  allTeamsLabel,
  resetTo,
}: {
  values: FilterValues;
  levels: readonly string[];
  teams?: { id: string; name: string }[];
  teamLabel?: string;
  allTeamsLabel?: string | null;
  resetTo: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="card flex flex-wrap items-end gap-4" aria-label={t("reports.filters.legend")}>
      {teams ? (
        <div>
          <label htmlFor="team" className="field-label">
            {teamLabel ?? t("reports.filters.team")}
          </label>
          <select id="team" name="team" defaultValue={values.team ?? ""} className="field-input">
            {allTeamsLabel ? <option value="">{allTeamsLabel}</option> : null}
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor="level" className="field-label">
          {t("reports.filters.level")}
        </label>
        <select id="level" name="level" defaultValue={values.level ?? ""} className="field-input">
          <option value="">{t("reports.filters.allLevels")}</option>
          {levels.map((level) => (
            <option key={level} value={level}>
              {t(`placement.levels.${level}.name`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="from" className="field-label">
          {t("reports.filters.from")}
        </label>
        <input id="from" name="from" type="date" defaultValue={values.from ?? ""} className="field-input" />
      </div>
      <div>
        <label htmlFor="to" className="field-label">
          {t("reports.filters.to")}
        </label>
        <input id="to" name="to" type="date" defaultValue={values.to ?? ""} className="field-input" />
      </div>
      <div>
        <label htmlFor="days" className="field-label">
          {t("reports.filters.stalledDays")}
        </label>
        <input id="days" name="days" type="number" min={1} max={365} defaultValue={values.days} className="field-input w-24" />
      </div>
      <button type="submit" className="btn-secondary">
        {t("reports.filters.apply")}
      </button>
      <a href={resetTo} className="link text-sm">
        {t("reports.filters.reset")}
      </a>
    </Form>
  );
}
