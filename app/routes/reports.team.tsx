/**
 * The team dashboard: a manager's own teams (all of them, or one), or any team for admins and trainers
 * (a team filter, the first team by default). The scope is applied in the queries. Managers and admins
 * may send a reminder to someone who needs a nudge (rate-limited, audited); trainers only read.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requirePermission, teamScope } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { PageHeader } from "~/components/ui/page-header";
import { EmptyState } from "~/components/ui/empty-state";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DashboardView } from "~/components/report-dashboard";
import { FiltersForm } from "~/components/reports";
import { LEVELS } from "~/domain/placement";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { sendReminder } from "~/models/reports.server";
import { listTeams } from "~/models/team.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { dashboardPage } from "~/utils/report-page.server";
import { filtersQuery, parseFilters, parseStalledPage, type ParsedFilters } from "~/utils/report-tables.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Ambassade" }];

/** The teams a viewer may choose from, and the teams the dashboard covers with these filters. */
function teamsFor(viewer: Awaited<ReturnType<typeof requirePermission>>, filters: ParsedFilters) {
  const teams = listTeams(teamScope(viewer)).map((team) => ({ id: team.id, name: team.name }));
  if (filters.team && !teams.some((team) => team.id === filters.team)) throw notFound();
  const managerView = viewer.scope === "team";
  const scope = filters.team ? [filters.team] : managerView ? teams.map((team) => team.id) : teams.slice(0, 1).map((team) => team.id);
  return { teams, scope, managerView };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "reports.view");
  const locale = resolveLocale(request, viewer.locale);
  const t = getT(locale);
  const filters = parseFilters(new URL(request.url), t);
  const { teams, scope, managerView } = teamsFor(viewer, filters);
  const chosen: ParsedFilters = managerView || filters.team ? filters : { ...filters, team: scope[0] };
  const page = teams.length
    ? await dashboardPage({ view: "team", scope, filters: chosen, t, locale, stalledPage: parseStalledPage(new URL(request.url)) })
    : null;
  return json(
    {
      title: `${t("reports.team.title")} · Ambassade`,
      page,
      filters: chosen,
      teams,
      managerView,
      canRemind: can(viewer.roles, "reports.nudge"),
      exportBase: `/reports/export?${filtersQuery(chosen, { view: "team" })}`,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

function remindSchema() {
  return z.object({
    intent: z.literal("remind", { error: "errors.invalidInput" }),
    userId: z.string().trim().min(1, "errors.invalidInput").max(64, "errors.invalidInput"),
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "reports.nudge");
    const form = await parseForm(request, remindSchema());
    const url = new URL(request.url);
    const days = parseFilters(url, getT(resolveLocale(request, viewer.locale))).days;
    const { name } = await sendReminder({ actorId: viewer.id, userId: form.userId, scope: teamScope(viewer), stalledAfterDays: days });
    return redirectWithFlash(`${url.pathname}${url.search}`, { kind: "success", key: "reports.stalled.reminded", params: { name } });
  });
}

export default function TeamDashboard() {
  const { t } = useTranslation();
  const { page, filters, teams, managerView, canRemind, exportBase } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors?: Record<string, string> }>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("reports.team.title")} description={t("reports.team.intro")} className="mb-0" />
      {actionData?.fieldErrors?.form ? (
        <p role="alert" className="card border-red-300 text-red-800">
          {t(actionData.fieldErrors.form)}
        </p>
      ) : null}
      {teams.length === 0 || !page ? (
        <EmptyState title={t("reports.team.noTeam")}>{t("staffPages.reports.noTeamHint")}</EmptyState>
      ) : (
        <>
          <FiltersForm
            values={filters}
            levels={LEVELS}
            teams={teams}
            allTeamsLabel={managerView && teams.length > 1 ? t("reports.team.allMine") : null}
            resetTo="/reports/team"
          />
          <DashboardView page={page} exportBase={exportBase} days={filters.days} view="team" canRemind={canRemind} />
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
