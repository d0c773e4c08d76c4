import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requirePermission, teamScope } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { getTeam } from "~/models/team.server";
import { listPeople } from "~/models/user.server";
import { z } from "~/utils/forms.server";

const PAGE_SIZE = 50;

function querySchema() {
  return z.object({ page: z.coerce.number().int().min(1).max(100000).catch(1) });
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "team.view");
  const scope = teamScope(viewer);
  const team = getTeam(params.teamId ?? "");
  // Outside one's scope looks the same as missing.
  if (!team || (scope && !scope.includes(team.id))) throw notFound();
  const { page } = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const members = listPeople({ teamId: team.id, page, pageSize: PAGE_SIZE });
  return json({ team, ...members, page, pageSize: PAGE_SIZE });
}

export default function TeamPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{data.team.name}</h1>
      <section aria-labelledby="members-title">
        <h2 id="members-title" className="text-xl font-semibold">
          {t("teams.memberList")} ({data.total})
        </h2>
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-4 py-2">{t("common.name")}</th>
                <th scope="col" className="px-4 py-2">{t("common.email")}</th>
                <th scope="col" className="px-4 py-2">{t("common.roles")}</th>
                <th scope="col" className="px-4 py-2">{t("common.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.rows.map((person) => (
                <tr key={person.id}>
                  <td className="px-4 py-2">{person.name}</td>
                  <td className="px-4 py-2">{person.email}</td>
                  <td className="px-4 py-2">{person.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
                  <td className="px-4 py-2">{!person.active ? t("common.inactive") : person.invited ? t("common.invited") : t("common.active")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
