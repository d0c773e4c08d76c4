import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { FormErrors } from "~/components/form-errors";
import { mayTakeDiagnostic } from "~/domain/retake";
import { resolveLocale } from "~/i18n/config";
import { finishRun, getOpenRun, localizeQuestion, requireQuestionnaire } from "~/models/diagnostic.server";
import { getRetakeStatus } from "~/models/placement.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/diagnostic.client";

export const meta = titled;

function schema() {
  return z.object({ runId: z.string().max(64, "errors.invalidInput").default("") });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const questionnaire = await requireQuestionnaire();
  const run = getOpenRun(viewer.id, questionnaire);
  if (!run || !mayTakeDiagnostic(getRetakeStatus(viewer.id))) return json({ open: false as const, title: titleFor(request, viewer, "diagnosticClosed") });
  const locale = resolveLocale(request, viewer.locale);
  return json({
    title: titleFor(request, viewer, "diagnosticReview"),
    open: true as const,
    runId: run.id,
    complete: run.progress.firstUnanswered === null,
    answers: questionnaire.questions.map((question, index) => {
      const q = localizeQuestion(question, locale);
      const chosen = run.answers[question.id] ?? [];
      return { step: index + 1, prompt: q.prompt, answer: q.options.filter((o) => chosen.includes(o.id)).map((o) => o.label) };
    }),
  });
}

/** Finishing twice (a double click, a second tab) is refused with a 409: one run makes one placement. */
export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "learn");
    const questionnaire = await requireQuestionnaire();
    const form = await parseForm(request, schema());
    finishRun(viewer.id, form.runId, questionnaire);
    return redirectWithFlash("/placement", { kind: "success", key: "diagnostic.finished" });
  });
}

export default function DiagnosticReview() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.fieldErrors ?? null;
  const busy = useNavigation().state !== "idle";
  if (!data.open) {
    return (
      <div className="page-narrow">
        <PageHeader title={t("diagnostic.reviewTitle")} />
        <Card className="space-y-4">
          <FormErrors errors={errors} />
          {errors ? null : <p className="text-slate-800">{t("diagnostic.errors.noRun")}</p>}
          <p className="actions">
            <ButtonLink to="/placement">{t("diagnostic.seeResult")}</ButtonLink>
          </p>
        </Card>
      </div>
    );
  }
  return (
    <div className="page-narrow space-y-6">
      <PageHeader title={t("diagnostic.reviewTitle")} description={<p>{t("diagnostic.reviewIntro")}</p>} />
      <FormErrors errors={errors} />
      <ol className="card list-rows">
        {data.answers.map((item) => (
          <li key={item.step}>
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                {item.step}. {item.prompt}
              </p>
              <p className={item.answer.length ? "muted mt-1" : "mt-1 font-medium text-red-700"}>
                {item.answer.length ? item.answer.join(", ") : t("diagnostic.errors.answerRequired")}
              </p>
            </div>
            <Link to={`/diagnostic/${item.step}?from=review`} className="link text-sm">
              {t("diagnostic.edit")}
              <span className="sr-only"> {t("diagnostic.editQuestion", { step: item.step })}</span>
            </Link>
          </li>
        ))}
      </ol>
      <Form method="post">
        <input type="hidden" name="runId" value={data.runId} />
        <Button type="submit" disabled={busy || !data.complete}>
          {t("diagnostic.finish")}
        </Button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
