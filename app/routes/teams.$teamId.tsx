import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { notFound, requirePermission, teamScope } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { LevelDistribution, sourceLabel } from "~/components/placement";
import { listTeamMembers, teamLevelDistribution } from "~/models/placement.server";
import { getTeam } from "~/models/team.server";
import { z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
// The page groups of strings this file names (ADR 0032).
import "~/i18n/load/diagnostic.client";
import "~/i18n/load/placement.client";

export const meta = titled;

const PAGE_SIZE = 50;

function querySchema() {
  return z.object({ page: z.coerce.number().int().min(1).max(100000).catch(1) });
}

/** Members with their level, and the team's distribution of levels: one query each, whatever the team's size. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "team.view");
  const scope = teamScope(viewer);
  const team = getTeam(params.teamId ?? "");
  // Outside one's scope looks the same as missing.
  if (!team || (scope && !scope.includes(team.id))) throw notFound();
  const { page } = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const members = listTeamMembers({ teamId: team.id, page, pageSize: PAGE_SIZE });
  return json({
    title: titleFor(request, viewer, "team", { name: team.name }),
    team,
    ...members,
    page,
    pageSize: PAGE_SIZE,
    distribution: teamLevelDistribution(team.id),
    canAdjust: can(viewer.roles, "placement.override") || can(viewer.roles, "placement.reset"),
  });
}

export default function TeamPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">{data.team.name}</h1>
      <section aria-labelledby="levels-title">
        <h2 id="levels-title" className="text-xl font-semibold">
          {t("diagnostic.team.distributionTitle")}
        </h2>
        <LevelDistribution counts={data.distribution} />
      </section>
      <section aria-labelledby="members-title">
        <h2 id="members-title" className="text-xl font-semibold">
          {t("teams.memberList")} ({data.total})
        </h2>
        <div className="mt-3">
          <DataTable cellPadding="px-4" columns={[t("common.name"), t("common.email"), t("common.roles"), t("common.status"), t("diagnostic.team.level"), t("diagnostic.team.source"), ...(data.canAdjust ? [t("common.actions")] : [])]}>
            {data.rows.map((person) => (
              <tr key={person.id}>
                <td className="px-4 py-2">{person.name}</td>
                <td className="px-4 py-2">{person.email}</td>
                <td className="px-4 py-2">{person.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
                <td className="px-4 py-2">{!person.active ? t("common.inactive") : person.invited ? t("common.invited") : t("common.active")}</td>
                <td className="px-4 py-2">{person.level ? t(`placement.levels.${person.level}.name`) : <span className="text-slate-600">{t("diagnostic.team.notPlaced")}</span>}</td>
                <td className="px-4 py-2">
                  {person.source ? sourceLabel(t, { source: person.source, setByName: person.setByName }) : "—"}
                </td>
                {data.canAdjust ? (
                  <td className="px-4 py-2">
                    <Link to={`/people/${person.id}/placement`} className="link">
                      {t("diagnostic.team.act")}
                      <span className="sr-only"> {t("diagnostic.team.actOn", { name: person.name })}</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        </div>
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
