/** The body of a dashboard (programme or team): the sections, their charts, tables and export links. */
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Pagination } from "./pagination";
import { Chart, ExportLinks, ReportTable, Section, type TextTable } from "./reports";

type Page = {
  people: number;
  withheld: boolean;
  charter: { signed: number; active: number; share: number | null };
  charterShare: string;
  stalledTotal: number;
  stalledPage: number;
  stalledPageSize: number;
  stalledFrom: number;
  stalledIds: { id: string; name: string }[];
  tables: Record<"funnel" | "levels" | "time" | "steps" | "accreditations" | "channels" | "stalled" | "trends", TextTable>;
  charts: { funnel: string; channels: string | null; time: string | null; trends: string };
  legend: { name: string; color: string }[];
};

export function DashboardView({
  page,
  exportBase,
  days,
  view,
  canRemind = false,
}: {
  page: Page;
  exportBase: string;
  days: number;
  view: "programme" | "team";
  canRemind?: boolean;
}) {
  const { t } = useTranslation();
  const exportLinks = (table: string) => <ExportLinks table={table} base={exportBase} />;
  if (page.withheld) return <p className="card">{t("reports.withheld")}</p>;
  return (
    <div className="space-y-10">
      <p className="text-lg font-medium" data-testid="people-count">
        {t("reports.people", { count: page.people })}
      </p>
      <Section id="funnel" title={t("reports.funnel.title")} actions={exportLinks("funnel")}>
        <p className="text-sm text-slate-700">{t("reports.funnel.note")}</p>
        <ReportTable id="funnel" caption={t("reports.funnel.title")} table={page.tables.funnel} />
        <Chart id="funnel-chart" svg={page.charts.funnel} caption={t("reports.funnel.chartLabel")} tableId="funnel" />
      </Section>
      <Section id="levels" title={t("reports.byLevel.title")} actions={exportLinks("levels")}>
        <ReportTable id="levels" caption={t("reports.byLevel.title")} table={page.tables.levels} />
      </Section>
      <Section id="time" title={t("reports.time.title")} actions={exportLinks("time")}>
        <p className="text-sm text-slate-700">{t("reports.time.intro")}</p>
        <ReportTable id="time" caption={t("reports.time.title")} table={page.tables.time} />
        {page.charts.time ? <Chart id="time-chart" svg={page.charts.time} caption={t("reports.time.chartLabel")} tableId="time" /> : null}
        <h3 className="text-lg font-semibold">{t("reports.time.stepsTitle")}</h3>
        <ReportTable id="steps" caption={t("reports.time.stepsTitle")} table={page.tables.steps} />
        {exportLinks("steps")}
      </Section>
      <Section id="accreditations" title={t("reports.accreditations.title")} actions={exportLinks("accreditations")}>
        <ReportTable id="accreditations" caption={t("reports.accreditations.title")} table={page.tables.accreditations} />
        <h3 className="text-lg font-semibold">{t("reports.accreditations.channelsTitle")}</h3>
        <ReportTable id="channels" caption={t("reports.accreditations.channelsTitle")} table={page.tables.channels} />
        {page.charts.channels ? (
          <Chart id="channels-chart" svg={page.charts.channels} caption={t("reports.accreditations.chartLabel")} tableId="channels" />
        ) : null}
        {exportLinks("channels")}
      </Section>
      <Section id="charter" title={t("reports.charter.title")}>
        <p data-testid="charter-share">
          {page.charter.active === 0
            ? t("reports.charter.none")
            : t("reports.charter.share", { signed: page.charter.signed, active: page.charter.active, share: page.charterShare })}
        </p>
      </Section>
      <Section id="stalled" title={t("reports.stalled.title")} actions={exportLinks("stalled")}>
        <p className="text-sm text-slate-700">{t("reports.stalled.intro", { days })}</p>
        {page.stalledTotal === 0 ? (
          <p className="card">{t("reports.stalled.none")}</p>
        ) : (
          <>
            <ReportTable
              id="stalled"
              caption={t("reports.stalled.title")}
              table={page.tables.stalled}
              extraColumn={
                canRemind && view === "team"
                  ? {
                      label: t("reports.stalled.remind"),
                      cell: (i) => {
                        const person = page.stalledIds[i]!;
                        return (
                          <Form method="post">
                            <input type="hidden" name="intent" value="remind" />
                            <input type="hidden" name="userId" value={person.id} />
                            <button type="submit" className="btn-secondary" aria-label={t("reports.stalled.remindLabel", { name: person.name })}>
                              {t("reports.stalled.remind")}
                            </button>
                          </Form>
                        );
                      },
                    }
                  : undefined
              }
            />
            {page.stalledTotal > page.stalledPageSize ? (
              <>
                <p className="text-sm" data-testid="stalled-range">
                  {t("reports.stalled.more", { from: page.stalledFrom, to: page.stalledFrom + page.tables.stalled.rows.length - 1, total: page.stalledTotal })}
                </p>
                <Pagination page={page.stalledPage} pageSize={page.stalledPageSize} total={page.stalledTotal} anchor="stalled" />
              </>
            ) : null}
          </>
        )}
      </Section>
      <Section id="trends" title={t("reports.trends.title")} actions={exportLinks("trends")}>
        <ul className="flex flex-wrap gap-4 text-sm" aria-hidden="true">
          {page.legend.map((l) => (
            <li key={l.name} className="flex items-center gap-2">
              <svg width="14" height="14" aria-hidden="true" focusable="false">
                <rect width="14" height="14" fill={l.color} />
              </svg>
              {l.name}
            </li>
          ))}
        </ul>
        <Chart id="trends-chart" svg={page.charts.trends} caption={t("reports.trends.chartLabel")} table={page.tables.trends} />
      </Section>
      <Section id="export" title={t("reports.export.title")}>
        <p className="text-sm text-slate-700">{t("reports.export.intro")}</p>
        {exportLinks("people")}
      </Section>
    </div>
  );
}
