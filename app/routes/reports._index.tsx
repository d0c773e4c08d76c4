/**
 * The programme dashboard: the whole organisation (admins; trainers read it). Managers are sent to
 * their teams' dashboard. Small groups are not broken down by level (app/domain/reports.ts MIN_GROUP).
 */
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound, requirePermission } from "~/auth/guards.server";
import { PageHeader } from "~/components/ui/page-header";
import { ButtonLink } from "~/components/ui/button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DashboardView } from "~/components/report-dashboard";
import { FiltersForm } from "~/components/reports";
import { LEVELS } from "~/domain/placement";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { teamOptions } from "~/models/team.server";
import { dashboardPage } from "~/utils/report-page.server";
import { filtersQuery, parseFilters, parseStalledPage } from "~/utils/report-tables.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Ambassade" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "reports.view");
  if (viewer.scope !== "all") throw redirect("/reports/team");
  const locale = resolveLocale(request, viewer.locale);
  const t = getT(locale);
  const filters = parseFilters(new URL(request.url), t);
  const teams = teamOptions();
  if (filters.team && !teams.some((team) => team.id === filters.team)) throw notFound();
  const page = await dashboardPage({
    view: "programme",
    scope: filters.team ? [filters.team] : undefined,
    filters,
    t,
    locale,
    stalledPage: parseStalledPage(new URL(request.url)),
  });
  return json(
    {
      title: `${t("reports.programme.title")} · Ambassade`,
      page,
      filters,
      teams,
      exportBase: `/reports/export?${filtersQuery(filters, { view: "programme" })}`,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function ProgrammeDashboard() {
  const { t } = useTranslation();
  const { page, filters, teams, exportBase } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("reports.programme.title")}
        description={t("reports.programme.intro")}
        actions={
          <ButtonLink to="/reports/team" variant="secondary">
            {t("reports.programme.teamLink")}
          </ButtonLink>
        }
        className="mb-0"
      />
      <FiltersForm values={filters} levels={LEVELS} teams={teams} allTeamsLabel={t("reports.filters.allTeams")} resetTo="/reports" />
      <DashboardView page={page} exportBase={exportBase} days={filters.days} view="programme" />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
