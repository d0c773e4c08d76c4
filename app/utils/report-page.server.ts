/**
 * What a dashboard page and its exports are made of: the model's figures turned into the tables (the
 * rows the page shows and the files contain) and the charts (SVG drawn here). Shared by
 * routes/reports._index.tsx, routes/reports.team.tsx and routes/reports.export.ts.
 */
import type { Locale } from "../../db/schema";
import { accreditedInForce } from "~/domain/reports";
import type { TFunction } from "~/i18n/translate";
import { dashboard, exportPeople, reportRecords, lastReminders, STALLED_SHOWN, stalledWithNames, type ReportScope } from "~/models/reports.server";
import { barChart, monthlyChart, seriesColors } from "./charts.server";
import { dashboardTables, domainFilters, formatter, peopleTable, type ParsedFilters } from "./report-tables.server";

type PageInput = {
  view: "programme" | "team";
  scope: ReportScope;
  filters: ParsedFilters;
  t: TFunction;
  locale: Locale;
  allStalled?: boolean;
  stalledPage?: number;
};

const globalForPages = globalThis as unknown as { __ambassadeDashboardPages?: Map<string, { key: string; page: Promise<DashboardPage> }> };
const CACHED_PAGES = 64;

/**
 * A dashboard's figures, tables and charts. The same page (view, scope, filters, language) is reused
 * while its records are (app/models/reports.server.ts `reportRecords`), within the same minute (expiry
 * windows move with time).
 */
export async function dashboardPage(input: PageInput): Promise<DashboardPage> {
  const cache = (globalForPages.__ambassadeDashboardPages ??= new Map());
  const id = JSON.stringify([
    input.view,
    input.scope ? [...input.scope].sort() : null,
    input.filters,
    input.locale,
    Boolean(input.allStalled),
    input.allStalled ? 1 : (input.stalledPage ?? 1),
  ]);
  // The page follows its records (read again after a write, or after a while for the organisation).
  const { version } = await reportRecords(input.scope);
  const key = `${version}@${Math.floor(Date.now() / 60_000)}`;
  const cached = cache.get(id);
  if (cached && cached.key === key) return cached.page;
  const page = buildDashboardPage(input);
  cache.delete(id);
  cache.set(id, { key, page });
  if (cache.size > CACHED_PAGES) cache.delete(cache.keys().next().value!);
  page.catch(() => cache.delete(id));
  return page;
}

async function buildDashboardPage(input: PageInput) {
  const f = formatter(input.t, input.locale);
  const d = await dashboard({ view: input.view, scope: input.scope, filters: domainFilters(input.filters), stalledAfterDays: input.filters.days });
  // The stalled list by pages of STALLED_SHOWN (a page past the last shows the last); the export has them all.
  const stalledPages = Math.max(1, Math.ceil(d.stalled.length / STALLED_SHOWN));
  const stalledPage = Math.min(Math.max(1, input.stalledPage ?? 1), stalledPages);
  const stalledOffset = input.allStalled ? 0 : (stalledPage - 1) * STALLED_SHOWN;
  const stalledRows = stalledWithNames(input.allStalled ? d.stalled : d.stalled.slice(stalledOffset, stalledOffset + STALLED_SHOWN));
  const reminders = lastReminders(stalledRows.map((s) => s.id));
  for (const row of stalledRows) row.lastReminder = reminders.get(row.id) ?? null;
  const tables = dashboardTables(d, stalledRows, f);
  const { t } = input;
  const step = (s: string) => t(`reports.funnel.steps.${s}`);
  const seriesNames = [
    t("reports.trends.series.invited"),
    t("reports.trends.series.placed"),
    t("reports.trends.series.examPassed"),
    t("reports.trends.series.accredited"),
  ];
  const times = d.timeToAccreditation.filter((r) => !r.suppressed && r.spread.median !== null);
  return {
    people: d.people,
    withheld: d.withheld,
    charter: d.charter,
    stalledTotal: d.stalled.length,
    stalledPage,
    stalledPageSize: STALLED_SHOWN,
    stalledFrom: stalledOffset + 1,
    stalledIds: stalledRows.map((s) => ({ id: s.id, name: s.name })),
    tables,
    charts: {
      funnel: await barChart({ label: t("reports.funnel.chartLabel"), rows: d.funnel.map((r) => ({ label: step(r.step), value: r.count })) }),
      channels: d.accreditations.byChannel.length
        ? await barChart({ label: t("reports.accreditations.chartLabel"), rows: d.accreditations.byChannel.map((c) => ({ label: c.channel, value: c.count })) })
        : null,
      time: times.length
        ? await barChart({
            label: t("reports.time.chartLabel"),
            rows: times.map((r) => ({ label: f.level(r.level), value: Math.round((r.spread.median ?? 0) * 10) / 10 })),
            format: (n) => f.days(n),
          })
        : null,
      trends: await monthlyChart({
        label: t("reports.trends.chartLabel"),
        months: d.trends.map((r) => r.month),
        series: [
          { name: seriesNames[0]!, values: d.trends.map((r) => r.invited) },
          { name: seriesNames[1]!, values: d.trends.map((r) => r.placed) },
          { name: seriesNames[2]!, values: d.trends.map((r) => r.examPassed) },
          { name: seriesNames[3]!, values: d.trends.map((r) => r.accredited) },
        ],
      }),
    },
    legend: seriesNames.map((name, i) => ({ name, color: seriesColors(4)[i]! })),
    charterShare: f.pct(d.charter.share),
  };
}

export type DashboardPage = Awaited<ReturnType<typeof buildDashboardPage>>;

/** Everyone in scope with the filters, for the full export: rows made batch by batch as the file is written. */
export async function peopleExport(input: { scope: ReportScope; filters: ParsedFilters; t: TFunction; locale: Locale }) {
  const f = formatter(input.t, input.locale);
  const now = Date.now();
  const { count, batches } = await exportPeople(input.scope, domainFilters(input.filters));
  const table = peopleTable((p) => accreditedInForce(p, now), f);
  return {
    columns: table.columns,
    count,
    rows: (function* () {
      for (const batch of batches()) for (const p of batch) yield table.row(p);
    })(),
  };
}
