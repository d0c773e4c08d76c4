import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { FormErrors } from "~/components/form-errors";
import { useDates } from "~/components/dates";
import { resumeStep } from "~/domain/diagnostic";
import { mayTakeDiagnostic } from "~/domain/retake";
import { diagnosticPath, getOpenRun, requireQuestionnaire, startRun } from "~/models/diagnostic.server";
import { getRetakeStatus } from "~/models/placement.server";
import { currentPrivacyNotice, recordNoticeSeen } from "~/models/privacy-notice.server";
import { resolveLocale } from "~/i18n/config";
import { NoticeText } from "~/components/privacy";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/diagnostic.client";

export const meta = titled;

function schema() {
  return z.object({
    intent: z.literal("start", { error: "errors.invalidInput" }),
    /** The privacy notice version shown above the button (absent from older pages: the version in force). */
    privacyVersion: z
      .string()
      .regex(/^\d{1,9}$/, "errors.invalidInput")
      .optional(),
  });
}

/** Someone with a run in progress resumes it; otherwise: start, or when the next retake opens. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const questionnaire = await requireQuestionnaire();
  const status = getRetakeStatus(viewer.id);
  const run = getOpenRun(viewer.id, questionnaire);
  if (run && mayTakeDiagnostic(status)) throw redirect(diagnosticPath(resumeStep(run.progress)));
  // The privacy notice is shown before the questionnaire; starting records that the person saw it.
  const notice = currentPrivacyNotice();
  return json({
    notice: { version: notice.version, text: notice[resolveLocale(request, viewer.locale)] },
    title: titleFor(request, viewer, "diagnostic"),
    total: questionnaire.questions.length,
    status: status.kind,
    availableAt: status.kind === "waiting" ? status.availableAt.toISOString() : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "learn");
    const questionnaire = await requireQuestionnaire();
    const form = await parseForm(request, schema());
    recordNoticeSeen(viewer.id, form.privacyVersion ? Number(form.privacyVersion) : currentPrivacyNotice().version);
    startRun(viewer.id, questionnaire);
    const run = getOpenRun(viewer.id, questionnaire);
    return redirect(diagnosticPath(run ? resumeStep(run.progress) : 1));
  });
}

export default function DiagnosticStart() {
  const { t } = useTranslation();
  const { date } = useDates();
  const data = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.fieldErrors ?? null;
  const busy = useNavigation().state === "submitting";
  const retake = data.status !== "first_time";
  return (
    <div className="page-narrow space-y-6">
      <PageHeader title={retake ? t("diagnostic.retakeTitle") : t("diagnostic.title")} />
      <Card className="space-y-4">
        <FormErrors errors={errors} />
        <p className="text-slate-800">{t("diagnostic.intro")}</p>
        <p className="muted">{t("diagnostic.length", { count: data.total })}</p>
        <p className="muted">{t("diagnostic.savedAsYouGo")}</p>
        {retake && data.status !== "waiting" ? <p className="muted">{t("diagnostic.retakeIntro")}</p> : null}
        {data.status === "waiting" && data.availableAt ? (
          <div className="space-y-3">
            <p className="font-medium text-slate-900">{t("diagnostic.waiting", { date: date(data.availableAt) })}</p>
            <p className="muted">{t("diagnostic.waitingHelp")}</p>
            <ButtonLink to="/placement">{t("diagnostic.seeResult")}</ButtonLink>
          </div>
        ) : (
          <Form method="post" className="space-y-4">
            <div className="callout-muted p-4">
              <h2 id="notice-title" className="card-title">
                {t("privacy.beforeQuestionnaire")}
              </h2>
              <div className="mt-2 max-h-80 overflow-y-auto text-sm" tabIndex={0} role="region" aria-labelledby="notice-title">
                <NoticeText text={data.notice.text} />
              </div>
              <p id="notice-help" className="muted mt-3 text-sm">
                {t("privacy.beforeQuestionnaireHelp", { version: data.notice.version })}
              </p>
            </div>
            <input type="hidden" name="intent" value="start" />
            <input type="hidden" name="privacyVersion" value={data.notice.version} />
            <Button type="submit" disabled={busy} aria-describedby="notice-help">
              {t("diagnostic.start")}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
