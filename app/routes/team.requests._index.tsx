import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission, teamScope } from "~/auth/guards.server";
import { StateBadge } from "~/components/accreditation";
import { DataTable } from "~/components/data-table";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DecisionHistory } from "~/components/decision-history";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { titled } from "~/utils/meta";
import {
  listPendingRequests,
  listTeamAccreditations,
  listTeamClosedAccreditations,
  teamDecisionHistory,
  TEAM_ACCREDITATION_SORTS,
  TEAM_ACCREDITATION_STATES,
} from "~/models/accreditation-views.server";
import { z } from "~/utils/forms.server";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

/** The list of accreditations in force or suspended sorts and filters on the server (`?sort=&dir=&q=&status=`). */
function querySchema() {
  return z.object({
    q: z.string().trim().max(100).optional().catch(undefined),
    status: z
      .enum(TEAM_ACCREDITATION_STATES as [string, ...string[]])
      .optional()
      .catch(undefined),
    sort: z.enum(TEAM_ACCREDITATION_SORTS).catch("validUntil"),
    dir: z.enum(["asc", "desc"]).catch("asc"),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "accreditation.decide");
  const scope = teamScope(viewer);
  const query = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const status = TEAM_ACCREDITATION_STATES.find((s) => s === query.status);
  return json({
    pending: listPendingRequests(scope),
    active: listTeamAccreditations(scope, new Date(), { sort: query.sort, dir: query.dir, search: query.q, status }),
    activeQuery: { q: query.q ?? "", status: status ?? "" },
    activeStates: TEAM_ACCREDITATION_STATES,
    sort: { key: query.sort, dir: query.dir },
    closed: listTeamClosedAccreditations(scope),
    decisions: teamDecisionHistory(scope),
    title: titleFor(request, viewer, "teamRequests"),
  });
}

export default function TeamRequests() {
  const { t } = useTranslation();
  const { date, day } = useDates();
  const { pending, active, activeQuery, activeStates, sort, closed, decisions } = useLoaderData<typeof loader>();
  const filtered = Boolean(activeQuery.q || activeQuery.status);
  return (
    <div className="space-y-6">
      <PageHeader title={t("accreditation.team.title")} description={t("accreditation.team.intro")} className="mb-0" />
      <Card title={t("accreditation.team.pending")} action={pending.length ? <Badge tone="warning">{pending.length}</Badge> : null}>
        {pending.length === 0 ? (
          <EmptyState title={t("accreditation.team.noPending")} headingLevel={3}>
            {t("staffPages.requests.noPendingHint")}
          </EmptyState>
        ) : (
          <DataTable
            caption={t("accreditation.team.pending")}
            columns={[
              t("common.name"),
              t("accreditation.team.kind"),
              t("staffPages.requests.channels"),
              t("accreditation.team.requestedOn"),
              t("common.actions"),
            ]}
          >
            {pending.map((request) => (
              <tr key={request.id}>
                <th scope="row" className="px-3 py-2 text-left font-semibold">
                  {request.name}
                </th>
                <td className="px-3 py-2">
                  <Badge tone={request.status === "renewal_requested" ? "info" : "brand"}>
                    {request.status === "renewal_requested" ? t("accreditation.team.kindRenewal") : t("accreditation.team.kindNew")}
                  </Badge>
                </td>
                <td className="px-3 py-2">{request.requestedChannelLabels.join(", ")}</td>
                <td className="px-3 py-2 whitespace-nowrap">{date(request.requestedAt)}</td>
                <td className="px-3 py-2">
                  <Link to={`/team/requests/${request.id}`} className="btn-primary btn-sm">
                    {t("accreditation.team.open", { name: request.name })}
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card title={t("accreditation.team.active")} className="space-y-4">
        <Form method="get" role="search" aria-label={t("staffPages.requests.filterLabel")} className="flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1">
            <label htmlFor="active-q" className="field-label">
              {t("people.searchLabel")}
            </label>
            <input id="active-q" name="q" type="search" defaultValue={activeQuery.q} className="field-input" maxLength={100} />
          </div>
          <div className="min-w-48">
            <label htmlFor="active-status" className="field-label">
              {t("common.status")}
            </label>
            <select id="active-status" name="status" defaultValue={activeQuery.status} className="field-input">
              <option value="">{t("staffPages.requests.allStates")}</option>
              {activeStates.map((state) => (
                <option key={state} value={state}>
                  {t(`accreditation.states.${state}`)}
                </option>
              ))}
            </select>
          </div>
          <input type="hidden" name="sort" value={sort.key} />
          <input type="hidden" name="dir" value={sort.dir} />
          <Button type="submit" variant="secondary">
            {t("staffPages.filter")}
          </Button>
          {filtered ? (
            <Link to="/team/requests" className="btn-ghost">
              {t("staffPages.clearFilters")}
            </Link>
          ) : null}
        </Form>
        {active.length === 0 ? (
          <EmptyState title={filtered ? t("staffPages.requests.noMatch") : t("accreditation.team.noActive")} headingLevel={3}>
            {filtered ? t("staffPages.team.noMatchHint") : t("staffPages.requests.noActiveHint")}
          </EmptyState>
        ) : (
          <DataTable
            caption={t("accreditation.team.active")}
            sort={sort}
            columns={[
              { label: t("common.name"), sortKey: "name" },
              { label: t("common.status"), sortKey: "status" },
              t("staffPages.requests.channels"),
              { label: t("accreditation.page.validUntil"), sortKey: "validUntil" },
              t("common.actions"),
            ]}
          >
            {active.map((accreditation) => (
              <tr key={accreditation.id} data-testid="active-row">
                <th scope="row" className="px-3 py-2 text-left font-semibold">
                  {accreditation.name}
                </th>
                <td className="px-3 py-2">
                  <StateBadge status={accreditation.status} />
                </td>
                <td className="px-3 py-2">{accreditation.channelLabels.join(", ")}</td>
                <td className="px-3 py-2 whitespace-nowrap">{day(accreditation.validUntil)}</td>
                <td className="px-3 py-2">
                  <Link to={`/team/requests/${accreditation.id}`} className="btn-secondary btn-sm">
                    {t("accreditation.team.manage", { name: accreditation.name })}
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card title={t("staffView.closed.title")} className="space-y-4">
        <p className="text-sm text-slate-700">{t("staffView.closed.intro")}</p>
        {closed.length === 0 ? (
          <EmptyState title={t("staffView.closed.empty")} headingLevel={3} />
        ) : (
          <DataTable
            caption={t("staffView.closed.title")}
            columns={[t("common.name"), t("common.status"), t("staffPages.requests.channels"), t("common.actions")]}
          >
            {closed.map((accreditation) => (
              <tr key={accreditation.id}>
                <th scope="row" className="px-3 py-2 text-left font-semibold">
                  {accreditation.name}
                </th>
                <td className="px-3 py-2">
                  <StateBadge status={accreditation.status} />
                </td>
                <td className="px-3 py-2">
                  {(accreditation.channelLabels.length ? accreditation.channelLabels : accreditation.requestedChannelLabels).join(", ")}
                </td>
                <td className="px-3 py-2">
                  <Link to={`/team/requests/${accreditation.id}`} className="btn-secondary btn-sm">
                    {t("staffView.closed.see", { name: accreditation.name })}
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card title={t("staffView.history.teamTitle")} className="space-y-4">
        <p className="text-sm text-slate-700">{t("staffView.history.teamIntro")}</p>
        <DecisionHistory entries={decisions} withPerson caption={t("staffView.history.teamTitle")} />
      </Card>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
