import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { AccreditationSummary, Checklist, NextStep, reasonInWords } from "~/components/accreditation";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
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
      <header>
        <h1 className="text-3xl font-bold">{t("accreditation.page.title")}</h1>
        <p className="mt-2 text-slate-700">{t("accreditation.page.intro")}</p>
      </header>

      <section aria-labelledby="current-title" className="card space-y-3">
        <h2 id="current-title" className="text-xl font-semibold">
          {t("accreditation.page.current")}
        </h2>
        {status.accreditation ? <AccreditationSummary accreditation={status.accreditation} /> : <p>{t("accreditation.page.none")}</p>}
        {status.accreditation?.grantedAt ? (
          <p>
            <a className="link" href="/accreditation/credential" download>
              {t("api.credential.download")}
            </a>
          </p>
        ) : null}
      </section>

      <NextStep next={status.next} requestAgainFrom={status.requestAgainFrom} examOpensAt={status.examOpensAt} trackStarted={status.trackStarted} />

      <section aria-labelledby="checklist-title" className="card">
        <h2 id="checklist-title" className="mb-4 text-xl font-semibold">
          {t("accreditation.checklist.title")}
        </h2>
        <Checklist checklist={status.eligibility.checklist} />
      </section>

      {showForm ? (
        <section id="request" aria-labelledby="request-title" className="card">
          <h2 id="request-title" className="text-xl font-semibold">
            {renewal ? t("accreditation.page.renewalTitle") : t("accreditation.page.requestTitle")}
          </h2>
          <p className="mt-2 text-slate-700">{t("accreditation.page.requestIntro")}</p>
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
                  <label key={channel.id} className="flex items-center gap-2">
                    <input type="checkbox" name="channels" value={channel.id} defaultChecked={preselected.has(channel.label)} className="h-4 w-4" />
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
            <button type="submit" className="btn-primary" disabled={busy}>
              {renewal ? t("accreditation.page.submitRenewal") : t("accreditation.page.submitRequest")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="history-title" className="card">
        <h2 id="history-title" className="text-xl font-semibold">
          {t("accreditation.page.history")}
        </h2>
        {history.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("accreditation.page.noHistory")}</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {history.map((entry) => (
              <li key={entry.id} className="border-l-2 border-slate-300 pl-3">
                <p className="text-sm text-slate-600">
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
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
