import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { isoDay, parseIsoDay } from "~/utils/dates";
import { notFound, requirePermission, teamScope } from "~/auth/guards.server";
import { StateBadge } from "~/components/accreditation";
import { StaffChecklist, StaffPartialGrant, StaffStateExplanation } from "~/components/accreditation-staff";
import { DecisionHistory } from "~/components/decision-history";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { FieldFrame, FormErrors } from "~/components/form";
import { resolveLocale } from "~/i18n/config";
import { REASON_MAX } from "~/domain/accreditation";
import { declineAccreditation, grantAccreditation, reinstateAccreditation, reopenAccreditation, revokeAccreditation } from "~/models/accreditation.server";
import { accreditationHistory, accreditationInScope, getDecisionCase } from "~/models/accreditation-views.server";
import { InputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z, fields } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import { useDates } from "~/components/dates";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/placement.client";

export const meta = titled;

const version = () => z.coerce.number({ error: "errors.invalidInput" }).int("errors.invalidInput").positive("errors.invalidInput");
/** Types only: the state machine checks that a reason is given (and the model its length). */
const reason = () => fields.freeText(5000);

function schema() {
  return z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("grant"),
      version: version(),
      channels: z.array(z.string().max(40, "errors.invalidInput")).max(20, "errors.invalidInput"),
      validUntil: z.string().max(40, "errors.invalidInput").default(""),
    }),
    z.object({ intent: z.literal("decline"), version: version(), reason: reason() }),
    z.object({ intent: z.literal("revoke"), version: version(), reason: reason() }),
    z.object({ intent: z.literal("reinstate"), version: version() }),
    z.object({ intent: z.literal("reopen"), version: version() }),
  ]);
}

/** "2027-03-31" → the end of that day (UTC); anything else is refused. */
function endOfDay(value: string): Date {
  const day = parseIsoDay(value);
  if (!day) throw new InputError({ validUntil: "accreditation.errors.dateInvalid" });
  return new Date(day.getTime() + 24 * 60 * 60 * 1000 - 1);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "accreditation.decide");
  const found = await getDecisionCase(params.accreditationId ?? "", teamScope(viewer), resolveLocale(request, viewer.locale), viewer.id);
  if (!found) throw notFound();
  return json({ case: found, history: accreditationHistory(found.userId), title: titleFor(request, viewer, "teamRequest", { name: found.name }) });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "accreditation.decide");
    const id = params.accreditationId ?? "";
    const scope = teamScope(viewer);
    if (!accreditationInScope(id, scope)) throw notFound();
    const form = await parseForm(request, schema(), { arrayFields: ["channels"] });
    const decider = { id: viewer.id, scope };
    const back = "/team/requests";
    const name = (await getDecisionCase(id, scope, "fr", viewer.id))?.name ?? "";
    switch (form.intent) {
      case "grant":
        await grantAccreditation(decider, id, { expectedVersion: form.version, channels: form.channels, validUntil: endOfDay(form.validUntil) });
        return redirectWithFlash(back, { kind: "success", key: "accreditation.team.granted", params: { name } });
      case "decline":
        declineAccreditation(decider, id, { expectedVersion: form.version, reason: form.reason });
        return redirectWithFlash(back, { kind: "success", key: "accreditation.team.declined", params: { name } });
      case "revoke":
        revokeAccreditation(decider, id, { expectedVersion: form.version, reason: form.reason });
        return redirectWithFlash(back, { kind: "success", key: "accreditation.team.revoked", params: { name } });
      case "reinstate":
        await reinstateAccreditation(decider, id, { expectedVersion: form.version });
        return redirectWithFlash(back, { kind: "success", key: "lifecycle.team.reinstated", params: { name } });
      case "reopen":
        await reopenAccreditation(decider, id, { expectedVersion: form.version });
        return redirectWithFlash(back, { kind: "success", key: "lifecycle.team.reopened", params: { name } });
    }
  });
}

/** A calendar day stored as a moment of that UTC day (ADR 0022), for `<input type="date">`. */
function isoDate(value: string | Date): string {
  return isoDay(value, "UTC");
}

export default function DecisionCasePage() {
  const { t } = useTranslation();
  const { date, day } = useDates();
  const { case: c, history } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const busy = useNavigation().state === "submitting";
  const facts = c.facts;
  const offeredIds = new Set(c.offered.map((o) => o.id));
  const grantable = c.requestedChannels.filter((id) => offeredIds.has(id));
  const labelOf = (id: string) => c.offered.find((o) => o.id === id)?.label ?? id;
  return (
    <div className="page-wide space-y-6">
      <PageHeader
        title={t("accreditation.team.caseTitle", { name: c.name })}
        before={
          <div>
            <Link to="/team/requests" className="link text-sm">
              {t("accreditation.team.back")}
            </Link>
          </div>
        }
        description={
          <div className="space-y-2">
            <p>
              <StateBadge status={c.status} /> <span className="text-slate-700">{c.email}</span>
            </p>
            <StaffStateExplanation accreditation={c} person={c.name} />
            <StaffPartialGrant accreditation={c} />
          </div>
        }
        className="mb-0"
      />
      <FormErrors errors={errors} />

      <Card title={c.renewal ? t("accreditation.team.kindRenewal") : t("accreditation.team.kind")} className="space-y-2">
        <p className="text-sm text-slate-700">{t("accreditation.page.requestedOn", { date: date(c.requestedAt) })}</p>
        <p>
          <span className="font-medium">
            {t("accreditation.page.requestedChannels")}
            {t("accreditation.colon")}
          </span>
          {c.requestedChannelLabels.join(", ")}
        </p>
        {c.channelLabels.length ? (
          <p>
            <span className="font-medium">
              {t("accreditation.page.channels")}
              {t("accreditation.colon")}
            </span>
            {c.channelLabels.join(", ")}
            {c.validUntil ? ` — ${t("accreditation.page.validUntil")} ${day(c.validUntil)}` : ""}
          </p>
        ) : null}
        <blockquote className="rounded-md bg-slate-50 p-3 text-slate-900">
          <span className="sr-only">
            {t("accreditation.page.statement")}
            {t("accreditation.colon")}
          </span>
          {c.statement}
        </blockquote>
      </Card>

      <Card title={t("accreditation.team.evidence")} className="space-y-4">
        <p className={facts.eligibility.eligible ? "font-medium text-green-900" : "font-medium text-red-800"}>
          {facts.eligibility.eligible ? t("accreditation.team.eligible") : t("accreditation.team.notEligible")}
        </p>
        <StaffChecklist checklist={facts.eligibility.checklist} />
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t("accreditation.team.level")}</dt>
          <dd>
            {facts.level
              ? `${t(`placement.levels.${facts.level}.name`)} (${t(`accreditation.team.levelSource.${facts.placementSource ?? "questionnaire"}`)})`
              : t("accreditation.team.notPlaced")}
            {facts.placementReason ? <span className="block text-sm text-slate-700">{facts.placementReason}</span> : null}
          </dd>
          <dt className="font-medium text-slate-700">{t("accreditation.team.examResult")}</dt>
          <dd>
            {facts.lastPass
              ? t("accreditation.team.examPassed", { date: date(facts.lastPass.gradedAt), score: facts.lastPass.score })
              : t("accreditation.team.noExam")}
          </dd>
          <dt className="font-medium text-slate-700">{t("accreditation.team.charterSigned")}</dt>
          <dd>
            {facts.signedVersion
              ? t("accreditation.team.charterSignedVersion", { version: facts.signedVersion, date: date(facts.signedAt) })
              : t("accreditation.team.noCharter")}
          </dd>
        </dl>
        <div>
          <h3 className="font-semibold">{t("accreditation.team.modules")}</h3>
          <ul className="mt-2 divide-y divide-slate-100 text-sm">
            {facts.modules.map((m) => (
              <li key={m.id} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span>
                  {m.status === "completed" ? "✓ " : "○ "}
                  {m.title}
                </span>
                {m.answers > 0 ? (
                  <span className="text-slate-700">{t("accreditation.team.moduleChecks", { passed: m.checksPassed, answers: m.answers })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      </Card>

      {c.can.grant || c.can.decline ? (
        <div className="grid gap-6 md:grid-cols-2">
          <Card title={t("accreditation.team.grantTitle")}>
            <Form method="post" className="space-y-4" noValidate>
              <input type="hidden" name="intent" value="grant" />
              <input type="hidden" name="version" value={c.version} />
              <fieldset>
                <legend className="field-label">{t("accreditation.team.grantChannels")}</legend>
                <div className="mt-2 space-y-1">
                  {grantable.map((id) => (
                    <label key={id} className="flex items-center gap-2">
                      <input type="checkbox" name="channels" value={id} defaultChecked className="h-4 w-4" />
                      {labelOf(id)}
                    </label>
                  ))}
                </div>
              </fieldset>
              <FieldFrame
                id="validUntil"
                label={t("accreditation.team.validUntil")}
                hint={t("lifecycle.team.maxValidUntil", { date: day(c.maxValidUntil) })}
                error={errors?.validUntil ? t(errors.validUntil) : null}
              >
                {(aria) => (
                  <input
                    {...aria}
                    name="validUntil"
                    type="date"
                    required
                    max={isoDate(c.maxValidUntil)}
                    defaultValue={isoDate(c.defaultValidUntil)}
                    className="field-input"
                  />
                )}
              </FieldFrame>
              <Button type="submit" disabled={busy || !facts.eligibility.eligible}>
                {c.renewal ? t("accreditation.team.renew") : t("accreditation.team.grant")}
              </Button>
            </Form>
          </Card>
          <Card title={t("accreditation.team.declineTitle")}>
            <Form method="post" className="space-y-4" noValidate>
              <input type="hidden" name="intent" value="decline" />
              <input type="hidden" name="version" value={c.version} />
              <ReasonField id="decline-reason" errors={errors} />
              <Button type="submit" variant="danger" disabled={busy}>
                {t("accreditation.team.decline")}
              </Button>
            </Form>
          </Card>
        </div>
      ) : null}

      {c.can.reinstate ? (
        <Card title={t("lifecycle.team.reinstateTitle")}>
          <p className="text-sm text-slate-700">{t("lifecycle.team.reinstateHelp")}</p>
          <Form method="post" className="mt-3" noValidate>
            <input type="hidden" name="intent" value="reinstate" />
            <input type="hidden" name="version" value={c.version} />
            <Button type="submit" disabled={busy}>
              {t("lifecycle.team.reinstate")}
            </Button>
          </Form>
        </Card>
      ) : null}

      {c.can.reopen ? (
        <Card title={t("lifecycle.team.reopenTitle")}>
          <p className="text-sm text-slate-700">{t("lifecycle.team.reopenHelp")}</p>
          <Form method="post" className="mt-3" noValidate>
            <input type="hidden" name="intent" value="reopen" />
            <input type="hidden" name="version" value={c.version} />
            <Button type="submit" disabled={busy}>
              {t("lifecycle.team.reopen")}
            </Button>
          </Form>
        </Card>
      ) : null}

      {c.can.revoke ? (
        <Card title={t("accreditation.team.revokeTitle")}>
          <p className="text-sm text-slate-700">{t("accreditation.team.revokeHelp")}</p>
          <Form method="post" className="mt-3 space-y-4" noValidate>
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="version" value={c.version} />
            <ReasonField id="revoke-reason" errors={errors} />
            <Button type="submit" variant="danger" disabled={busy}>
              {t("accreditation.team.revoke")}
            </Button>
          </Form>
        </Card>
      ) : null}

      <Card title={t("staffView.history.personTitle")}>
        <DecisionHistory entries={history} caption={t("staffView.history.personTitle")} />
      </Card>
    </div>
  );
}

function ReasonField({ id, errors }: { id: string; errors: Record<string, string> | null }) {
  const { t } = useTranslation();
  const error = errors?.reason;
  return (
    <FieldFrame id={id} label={t("accreditation.team.reason")} error={error ? t(error) : null} required>
      {(aria) => <textarea {...aria} name="reason" required maxLength={REASON_MAX} rows={3} className="field-input" />}
    </FieldFrame>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
