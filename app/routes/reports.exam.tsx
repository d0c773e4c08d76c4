/**
 * Exam and content analytics for trainers (and admins): per exam item, the share of right answers, its
 * discrimination, how often each option is chosen and flags; per module, completion and the knowledge
 * checks failed most; per level, the pass rate at the first attempt. Aggregates only: no one's answers.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Chart, ExportLinks, ReportTable, Section } from "~/components/reports";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { examAnalytics } from "~/models/exam-analytics.server";
import { barChart } from "~/utils/charts.server";
import { examTables, formatter } from "~/utils/report-tables.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Ambassade" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "content.author");
  const locale = resolveLocale(request, viewer.locale);
  const t = getT(locale);
  const analytics = await examAnalytics(locale);
  const f = formatter(t, locale);
  const tables = examTables(analytics, f);
  const answered = analytics.items.filter((i) => i.shareCorrect !== null);
  const shareTable = { columns: [t("reports.exam.item"), t("reports.exam.shareCorrect")], rows: answered.map((i) => [i.itemId, f.pct(i.shareCorrect)]) };
  return json(
    {
      title: `${t("reports.exam.title")} · Ambassade`,
      tables,
      shareTable,
      chart: answered.length
        ? await barChart({
            label: t("reports.exam.chartLabel"),
            rows: answered.map((i) => ({ label: i.itemId, value: Math.round((i.shareCorrect ?? 0) * 1000) / 10 })),
            format: (n) => f.pct(n / 100),
          })
        : null,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function ExamAnalyticsPage() {
  const { t } = useTranslation();
  const { tables, chart, shareTable } = useLoaderData<typeof loader>();
  const base = "/reports/export?view=exam";
  return (
    <div className="space-y-8">
      <PageHeader title={t("reports.exam.title")} description={t("reports.exam.intro")} className="mb-0" />
      <Section id="items" title={t("reports.exam.itemsTitle")} actions={<ExportLinks table="items" base={base} />}>
        <p className="text-sm text-slate-700">{t("reports.exam.discriminationHelp")}</p>
        {tables.items.rows.length === 0 ? (
          <p className="card">{t("reports.exam.none")}</p>
        ) : (
          <ReportTable id="items" caption={t("reports.exam.itemsTitle")} table={tables.items} />
        )}
        {chart ? <Chart id="items-chart" svg={chart} caption={t("reports.exam.chartLabel")} table={shareTable} /> : null}
      </Section>
      <Section id="first" title={t("reports.exam.firstTitle")} actions={<ExportLinks table="firstAttempts" base={base} />}>
        <ReportTable id="firstAttempts" caption={t("reports.exam.firstTitle")} table={tables.firstAttempts} />
      </Section>
      <Section id="modules" title={t("reports.exam.modulesTitle")} actions={<ExportLinks table="modules" base={base} />}>
        <ReportTable id="modules" caption={t("reports.exam.modulesTitle")} table={tables.modules} />
      </Section>
      <Section id="checks" title={t("reports.exam.checksTitle")} actions={<ExportLinks table="checks" base={base} />}>
        {tables.checks.rows.length === 0 ? (
          <p className="card">{t("reports.exam.none")}</p>
        ) : (
          <ReportTable id="checks" caption={t("reports.exam.checksTitle")} table={tables.checks} />
        )}
      </Section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
