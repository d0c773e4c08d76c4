import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FieldFrame, FormErrors } from "~/components/form";
import { MdxHtml } from "~/components/mdx/mdx-html";
import { prerenderedSegments } from "~/components/mdx/prerender.server";
import { Button, Card, PageHeader } from "~/components/ui";
import { resolveLocale } from "~/i18n/config";
import { CharterCheckError, charterChangeSummary, checkForDisplay, getCurrentCharter, getSignature, signCharter } from "~/models/charter.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z, safeText } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import { roadStepFor } from "~/models/accreditation-views.server";
import { NextStep } from "~/components/next-step";
import "~/i18n/load/charter.client";

export const meta = titled;

function schema() {
  return z.looseObject({
    fullName: safeText({ max: 200 }).default(""),
    confirm: z.string().max(10).optional(),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const locale = resolveLocale(request, viewer.locale);
  const current = await getCurrentCharter();
  const title = titleFor(request, viewer, "charter");
  if (!current) return json({ charter: null, name: viewer.name, signedAt: null, road: null, title });
  const content = current.content;
  const signature = getSignature(viewer.id, current.version);
  return json({
    title,
    name: viewer.name,
    signedAt: signature?.signedAt ?? null,
    road: signature ? await roadStepFor(viewer.id, new Date(), locale) : null,
    charter: {
      version: current.version,
      available: content !== null,
      effective: content?.effective ?? null,
      title: content?.locales[locale].title ?? null,
      summary: content?.locales[locale].summary ?? null,
      // Rendered to HTML once per version and language (the charter holds no interactive element).
      segments: content ? prerenderedSegments(content.locales[locale].tree, locale, locale) : [],
      questions: content && !signature ? checkForDisplay(content, locale, viewer.id) : [],
      /** What changed, as the admin wrote it when publishing: shown before signing. */
      changes: signature ? null : charterChangeSummary(current.version, locale),
    },
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "learn");
    const locale = resolveLocale(request, viewer.locale);
    const form = await parseForm(request, schema());
    const answers: Record<string, string> = {};
    for (const [key, value] of Object.entries(form)) {
      if (key.startsWith("q:") && typeof value === "string") answers[key.slice(2)] = value;
    }
    try {
      const { reinstated } = await signCharter(viewer.id, { answers, typedName: form.fullName, confirmed: form.confirm === "on", locale });
      return redirectWithFlash("/charter", { kind: "success", key: reinstated ? "accreditation.charter.signedReinstated" : "accreditation.charter.signed" });
    } catch (error) {
      if (error instanceof CharterCheckError) return json({ fieldErrors: error.fieldErrors, feedback: error.feedback }, { status: 400 });
      throw error;
    }
  });
}

export default function CharterPage() {
  const { t, i18n } = useTranslation();
  const { date, day } = useDates();
  const { charter, name, signedAt, road } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const feedback = data && "feedback" in data ? (data.feedback as Record<string, string>) : {};
  const busy = useNavigation().state === "submitting";
  if (!charter) {
    return (
      <div className="page-narrow">
        <PageHeader title={t("accreditation.charter.title")} description={<p>{t("accreditation.charter.noneInForce")}</p>} />
      </div>
    );
  }
  const lang = i18n.language === "en" ? "en" : "fr";
  return (
    <div className="page-narrow space-y-6">
      <PageHeader
        title={charter.title ?? t("accreditation.charter.title")}
        description={
          <>
            <p>{t("accreditation.charter.versionLine", { version: charter.version, date: day(charter.effective) })}</p>
            {signedAt ? (
              <>
                <p role="status" className="callout-done mt-3">
                  {t("accreditation.charter.signedInfo", { date: date(signedAt) })}
                </p>
                {road ? (
                  <div className="mt-4">
                    <NextStep {...road} />
                  </div>
                ) : null}
              </>
            ) : (
              <p className="callout-warning mt-3">{t("accreditation.charter.mustSign")}</p>
            )}
            {charter.changes ? (
              <section aria-labelledby="changes-title" className="callout-info mt-3">
                <h2 id="changes-title" className="font-semibold">
                  {t("accreditation.charter.changesTitle")}
                </h2>
                <p className="mt-1 whitespace-pre-line">{charter.changes}</p>
              </section>
            ) : null}
          </>
        }
      />
      {!charter.available ? (
        <p role="alert" className="card text-red-800">
          {t("accreditation.charter.unavailable")}
        </p>
      ) : (
        <article className="card">
          {charter.summary ? <p className="text-lg text-slate-800">{charter.summary}</p> : null}
          <MdxHtml segments={charter.segments} lang={lang} />
        </article>
      )}
      {!signedAt && charter.available ? (
        <Card title={t("accreditation.charter.signTitle")}>
          <Form method="post" className="space-y-6" noValidate>
            <FormErrors errors={errors} />
            <div>
              <h3 className="font-semibold">{t("accreditation.charter.checkLegend")}</h3>
              <p className="muted">{t("accreditation.charter.checkIntro")}</p>
            </div>
            {charter.questions.map((question, index) => {
              const error = errors?.[`q:${question.id}`];
              const errorId = `q-${question.id}-error`;
              return (
                <fieldset key={question.id} className="space-y-2" aria-describedby={error ? errorId : undefined}>
                  <legend className="font-medium text-slate-900">
                    <span className="sr-only">
                      {t("accreditation.charter.question", { n: index + 1 })}
                      {t("accreditation.colon")}
                    </span>
                    {question.question}
                    {question.clause ? <span className="muted ml-1 text-sm">({t("accreditation.charter.clause", { ref: question.clause })})</span> : null}
                  </legend>
                  {question.options.map((option) => (
                    <label key={option.id} className="check-row">
                      <input type="radio" name={`q:${question.id}`} value={option.id} required />
                      <span>{option.text}</span>
                    </label>
                  ))}
                  {error ? (
                    <div id={errorId} className="field-error">
                      <p>{t(error)}</p>
                      {feedback[question.id] ? <p className="text-slate-800">{feedback[question.id]}</p> : null}
                    </div>
                  ) : null}
                </fieldset>
              );
            })}
            <Field
              name="fullName"
              label={t("accreditation.charter.fullName")}
              hint={t("accreditation.charter.fullNameHint", { name })}
              required
              maxLength={200}
              autoComplete="name"
              errors={errors}
            />
            <FieldFrame id="confirm" label={null} error={errors?.confirm ? t(errors.confirm) : null}>
              {(aria) => (
                <label className="check-row">
                  <input {...aria} type="checkbox" name="confirm" required />
                  <span>{t("accreditation.charter.confirm")}</span>
                </label>
              )}
            </FieldFrame>
            <Button type="submit" disabled={busy}>
              {t("accreditation.charter.submit")}
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
