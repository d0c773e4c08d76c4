import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission, teamScope } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { AccountStatusBadge } from "~/components/account-status";
import { ButtonLink } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { PEOPLE_SORTS, listPeople } from "~/models/user.server";
import { z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

const PAGE_SIZE = 25;

function querySchema() {
  return z.object({
    q: z.string().trim().max(100).optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(100000).catch(1),
    sort: z.enum(PEOPLE_SORTS).catch("name"),
    dir: z.enum(["asc", "desc"]).catch("asc"),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "people.invite");
  const query = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = listPeople({ search: query.q, teamIds: teamScope(viewer), page: query.page, pageSize: PAGE_SIZE, sort: query.sort, dir: query.dir });
  return json({
    ...result,
    q: query.q ?? "",
    sort: { key: query.sort, dir: query.dir },
    page: query.page,
    pageSize: PAGE_SIZE,
    canManage: can(viewer.roles, "people.manage"),
    title: titleFor(request, viewer, "people"),
  });
}

export default function People() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("people.title")}
        actions={
          <ButtonLink to="/people/invite" variant="primary">
            {t("people.invite")}
          </ButtonLink>
        }
      />
      <Form method="get" role="search" className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor="q" className="field-label">
            {t("people.searchLabel")}
          </label>
          <input id="q" name="q" type="search" defaultValue={data.q} className="field-input" maxLength={100} />
        </div>
        {/* A new search keeps the table's order. */}
        <input type="hidden" name="sort" value={data.sort.key} />
        <input type="hidden" name="dir" value={data.sort.dir} />
        <button type="submit" className="btn-secondary">
          {t("common.search")}
        </button>
      </Form>
      <p className="text-sm text-slate-600" aria-live="polite">
        {t("common.results", { count: data.total })}
      </p>
      {data.rows.length === 0 ? (
        <EmptyState
          title={t("people.empty")}
          action={
            data.q ? (
              <Link to="/people" className="btn-secondary">
                {t("staffPages.clearFilters")}
              </Link>
            ) : null
          }
        />
      ) : (
        <DataTable
          cellPadding="px-4"
          sort={data.sort}
          columns={[
            { label: t("common.name"), sortKey: "name" },
            { label: t("common.email"), sortKey: "email" },
            { label: t("common.team"), sortKey: "team" },
            t("common.roles"),
            t("common.status"),
          ]}
        >
          {data.rows.map((person) => (
            <tr key={person.id}>
              <td className="px-4 py-2">
                {data.canManage ? (
                  <Link to={`/people/${person.id}`} className="link">
                    {person.name}
                  </Link>
                ) : (
                  person.name
                )}
              </td>
              <td className="px-4 py-2">{person.email}</td>
              <td className="px-4 py-2">{person.teamName ?? t("common.noTeam")}</td>
              <td className="px-4 py-2">{person.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
              <td className="px-4 py-2">
                <AccountStatusBadge person={person} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
