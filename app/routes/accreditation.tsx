import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { AccreditationSummary, Checklist, NextStep, reasonInWords } from "~/components/accreditation";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, Card, PageHeader } from "~/components/ui";
import { FieldFrame, FormErrors } from "~/components/form";
import { resolveLocale } from "~/i18n/config";
import { STATEMENT_MAX, STATEMENT_MIN } from "~/domain/accreditation";
import { requestAccreditation, requestRenewal } from "~/models/accreditation.server";
import { accreditationHistory, accreditationStatusFor } from "~/models/accreditation-views.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z, fields } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

/** Types only: the model checks the lengths and channels, with the feature's own messages. */
function schema() {
  return z.object({
    intent: z.enum(["request", "renewal"], { error: "errors.invalidInput" }),
    channels: z.array(z.string().max(40, "errors.invalidInput")).max(20, "errors.invalidInput"),
    statement: fields.freeText(5000),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const locale = resolveLocale(request, viewer.locale);
  const status = await accreditationStatusFor(viewer.id, new Date(), locale);
  return json({ status, history: accreditationHistory(viewer.id), title: titleFor(request, viewer, "accreditation") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "learn");
    const form = await parseForm(request, schema(), { arrayFields: ["channels"] });
    if (form.intent === "renewal") {
      await requestRenewal(viewer.id, { channels: form.channels, statement: form.statement });
      return redirectWithFlash("/accreditation", { kind: "success", key: "accreditation.page.renewalRequested" });
    }
    await requestAccreditation(viewer.id, { channels: form.channels, statement: form.statement });
    return redirectWithFlash("/accreditation", { kind: "success", key: "accreditation.page.requested" });
  });
}

export default function AccreditationPage() {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  const { status, history } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const busy = useNavigation().state === "submitting";
  const renewal = status.can.requestRenewal;
  const showForm = status.can.request || status.can.requestRenewal;
  const preselected = new Set(renewal ? (status.accreditation?.channelLabels ?? []) : []);
  return (
    <div className="page-narrow space-y-6">
      <PageHeader title={t("accreditation.page.title")} description={<p>{t("accreditation.page.intro")}</p>} />

      <Card title={t("accreditation.page.current")} className="space-y-3">
        {status.accreditation ? <AccreditationSummary accreditation={status.accreditation} /> : <p>{t("accreditation.page.none")}</p>}
        {status.accreditation?.grantedAt ? (
          <p>
            <a className="link" href="/accreditation/credential" download>
              {t("api.credential.download")}
            </a>
          </p>
        ) : null}
      </Card>

      <NextStep next={status.next} requestAgainFrom={status.requestAgainFrom} examOpensAt={status.examOpensAt} trackStarted={status.trackStarted} />

      <Card title={t("accreditation.checklist.title")}>
        <Checklist checklist={status.eligibility.checklist} />
      </Card>

      {showForm ? (
        <Card id="request" title={renewal ? t("accreditation.page.renewalTitle") : t("accreditation.page.requestTitle")}>
          <p className="muted">{t("accreditation.page.requestIntro")}</p>
          <Form method="post" className="mt-4 space-y-4" noValidate>
            <FormErrors errors={errors} />
            <input type="hidden" name="intent" value={renewal ? "renewal" : "request"} />
            <fieldset aria-describedby={errors?.channels ? "channels-error" : undefined}>
              <legend className="field-label">
                {t("accreditation.page.channelsLegend")}
                <span className="text-red-700" aria-hidden="true">
                  {" "}
                  *
                </span>
              </legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-3">
                {status.channels.map((channel) => (
                  <label key={channel.id} className="check-row">
                    <input type="checkbox" name="channels" value={channel.id} defaultChecked={preselected.has(channel.label)} />
                    {channel.label}
                  </label>
                ))}
              </div>
              {errors?.channels ? (
                <p id="channels-error" className="field-error">
                  {t(errors.channels)}
                </p>
              ) : null}
            </fieldset>
            <FieldFrame
              id="statement"
              label={t("accreditation.page.statementLabel")}
              hint={t("accreditation.page.statementHint")}
              error={errors?.statement ? t(errors.statement) : null}
              required
            >
              {(aria) => (
                <textarea
                  {...aria}
                  name="statement"
                  required
                  minLength={STATEMENT_MIN}
                  maxLength={STATEMENT_MAX}
                  rows={4}
                  className="field-input"
                  defaultValue={renewal ? status.accreditation?.statement : ""}
                />
              )}
            </FieldFrame>
            <Button type="submit" disabled={busy}>
              {renewal ? t("accreditation.page.submitRenewal") : t("accreditation.page.submitRequest")}
            </Button>
          </Form>
        </Card>
      ) : null}

      <Card title={t("accreditation.page.history")}>
        {history.length === 0 ? (
          <p className="muted">{t("accreditation.page.noHistory")}</p>
        ) : (
          <ol className="timeline">
            {history.map((entry) => (
              <li key={entry.id}>
                <p className="muted text-sm">
                  <time dateTime={String(entry.at)}>{dateTime(entry.at)}</time> —{" "}
                  {entry.actorName ? t("accreditation.page.by", { name: entry.actorName }) : t("accreditation.page.system")}
                </p>
                <p className="font-medium">
                  {t(`accreditation.actions.${entry.action.replace(/^accreditation\./, "")}`)}
                  {entry.toState && entry.fromState !== entry.toState ? ` → ${t(`accreditation.states.${entry.toState}`)}` : ""}
                </p>
                {entry.reason ? <p className="text-sm text-slate-800">{reasonInWords(entry.reason, t)}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
