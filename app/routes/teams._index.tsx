import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission, teamScope } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listTeams } from "~/models/team.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "team.view");
  return json({ teams: listTeams(teamScope(viewer)), title: titleFor(request, viewer, "teams") });
}

export default function Teams() {
  const { t } = useTranslation();
  const { teams } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("teams.title")}</h1>
      {teams.length === 0 ? <p className="card">{t("teams.empty")}</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {teams.map((team) => (
          <li key={team.id} className="card">
            <h2 className="text-lg font-semibold">
              <Link to={`/teams/${team.id}`} className="link">
                {team.name}
              </Link>
            </h2>
            <p className="text-sm text-slate-700">{t("teams.members", { count: team.memberCount })}</p>
            <p className="text-sm text-slate-700">
              {t("teams.managers")}: {team.managers.length ? team.managers.map((m) => m.name).join(", ") : t("teams.noManager")}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
