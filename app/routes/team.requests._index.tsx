import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission, teamScope } from "~/auth/guards.server";
import { StateBadge } from "~/components/accreditation";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DecisionHistory } from "~/components/decision-history";
import { titled } from "~/utils/meta";
import { listPendingRequests, listTeamAccreditations, listTeamClosedAccreditations, teamDecisionHistory } from "~/models/accreditation-views.server";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "accreditation.decide");
  const scope = teamScope(viewer);
  return json({
    pending: listPendingRequests(scope),
    active: listTeamAccreditations(scope),
    closed: listTeamClosedAccreditations(scope),
    decisions: teamDecisionHistory(scope),
    title: titleFor(request, viewer, "teamRequests"),
  });
}

export default function TeamRequests() {
  const { t } = useTranslation();
  const { date, day } = useDates();
  const { pending, active, closed, decisions } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t("accreditation.team.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("accreditation.team.intro")}</p>
      </header>
      <section aria-labelledby="pending-title" className="card">
        <h2 id="pending-title" className="text-xl font-semibold">
          {t("accreditation.team.pending")}
        </h2>
        {pending.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("accreditation.team.noPending")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {pending.map((request) => (
              <li key={request.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-semibold">{request.name}</p>
                  <p className="text-sm text-slate-700">
                    {request.status === "renewal_requested" ? t("accreditation.team.kindRenewal") : t("accreditation.team.kindNew")} —{" "}
                    {request.requestedChannelLabels.join(", ")} — {t("accreditation.team.requestedOn")} {date(request.requestedAt)}
                  </p>
                </div>
                <Link to={`/team/requests/${request.id}`} className="btn-secondary">
                  {t("accreditation.team.open", { name: request.name })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="active-title" className="card">
        <h2 id="active-title" className="text-xl font-semibold">
          {t("accreditation.team.active")}
        </h2>
        {active.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("accreditation.team.noActive")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {active.map((accreditation) => (
              <li key={accreditation.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-semibold">
                    {accreditation.name} <StateBadge status={accreditation.status} />
                  </p>
                  <p className="text-sm text-slate-700">
                    {accreditation.channelLabels.join(", ")} — {t("accreditation.page.validUntil")} {day(accreditation.validUntil)}
                  </p>
                </div>
                <Link to={`/team/requests/${accreditation.id}`} className="btn-secondary">
                  {t("accreditation.team.manage", { name: accreditation.name })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="closed-title" className="card">
        <h2 id="closed-title" className="text-xl font-semibold">
          {t("staffView.closed.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("staffView.closed.intro")}</p>
        {closed.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("staffView.closed.empty")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {closed.map((accreditation) => (
              <li key={accreditation.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-semibold">
                    {accreditation.name} <StateBadge status={accreditation.status} />
                  </p>
                  <p className="text-sm text-slate-700">
                    {(accreditation.channelLabels.length ? accreditation.channelLabels : accreditation.requestedChannelLabels).join(", ")}
                  </p>
                </div>
                <Link to={`/team/requests/${accreditation.id}`} className="btn-secondary">
                  {t("staffView.closed.see", { name: accreditation.name })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decisions-title" className="card">
        <h2 id="decisions-title" className="text-xl font-semibold">
          {t("staffView.history.teamTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("staffView.history.teamIntro")}</p>
        <DecisionHistory entries={decisions} withPerson caption={t("staffView.history.teamTitle")} />
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
