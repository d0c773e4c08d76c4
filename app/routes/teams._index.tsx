import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission, teamScope } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Badge } from "~/components/ui/badge";
import { ButtonLink } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { listTeams } from "~/models/team.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "team.view");
  return json({ teams: listTeams(teamScope(viewer)), canManage: can(viewer.roles, "teams.manage"), title: titleFor(request, viewer, "teams") });
}

export default function Teams() {
  const { t } = useTranslation();
  const { teams, canManage } = useLoaderData<typeof loader>();
  const manage = canManage ? (
    <ButtonLink to="/admin/teams" variant={teams.length ? "secondary" : "primary"}>
      {t("staffPages.teams.manage")}
    </ButtonLink>
  ) : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("teams.title")} description={t("staffPages.teams.intro")} actions={teams.length ? manage : null} className="mb-0" />
      {teams.length === 0 ? (
        <EmptyState title={t("teams.empty")} action={manage}>
          {canManage ? t("staffPages.teams.emptyAdmin") : t("staffPages.teams.emptyManager")}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {teams.map((team) => (
            <li key={team.id} className="card flex flex-col gap-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="text-heading font-semibold">
                  <Link to={`/teams/${team.id}`} className="link">
                    {team.name}
                  </Link>
                </h2>
                <Badge tone="brand">{t("teams.members", { count: team.memberCount })}</Badge>
              </div>
              <p className="text-sm text-slate-700">
                {t("teams.managers")}
                {t("staffPages.colon")}
                {team.managers.length ? team.managers.map((m) => m.name).join(", ") : t("teams.noManager")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
