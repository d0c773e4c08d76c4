import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { notFound, requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, fieldAria } from "~/components/form-errors";
import { Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { stepAfter } from "~/domain/diagnostic";
import { mayTakeDiagnostic } from "~/domain/retake";
import { resolveLocale } from "~/i18n/config";
import { diagnosticPath, getOpenRun, localizeQuestion, requireQuestionnaire, saveAnswer, type LocalizedQuestion } from "~/models/diagnostic.server";
import { getRetakeStatus } from "~/models/placement.server";
import { InputError } from "~/utils/errors";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/diagnostic.client";

export const meta = titled;

/** Ids are checked by the model, which says what is wrong with them; zod only bounds their size. */
function schema() {
  return z.object({
    runId: z.string().max(64, "errors.invalidInput").default(""),
    questionId: z.string().max(64, "errors.invalidInput").default(""),
    options: z.array(z.string().max(64, "errors.invalidInput")).max(50, "errors.invalidInput"),
    from: z.enum(["review"]).optional().catch(undefined),
  });
}

function parseStep(value: string | undefined, total: number): number {
  const step = /^\d{1,3}$/.test(value ?? "") ? Number(value) : 0;
  if (step < 1 || step > total) throw notFound();
  return step;
}

/** One question per page. Without a run in progress the page says so, rather than redirecting, so that a stale form's error shows. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const questionnaire = await requireQuestionnaire();
  const step = parseStep(params.step, questionnaire.questions.length);
  const run = getOpenRun(viewer.id, questionnaire);
  if (!run || !mayTakeDiagnostic(getRetakeStatus(viewer.id))) return json({ open: false as const, title: titleFor(request, viewer, "diagnosticClosed") });
  const question = questionnaire.questions[step - 1]!;
  return json({
    title: titleFor(request, viewer, "diagnosticStep", { n: step, total: run.progress.total }),
    open: true as const,
    runId: run.id,
    step,
    total: run.progress.total,
    answered: run.progress.answered,
    question: localizeQuestion(question, resolveLocale(request, viewer.locale)),
    selected: run.answers[question.id] ?? [],
    fromReview: new URL(request.url).searchParams.get("from") === "review",
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "learn");
    const questionnaire = await requireQuestionnaire();
    const form = await parseForm(request, schema(), { arrayFields: ["options"] });
    const index = questionnaire.questions.findIndex((q) => q.id === form.questionId);
    if (index < 0) throw new InputError({ form: "diagnostic.errors.unknownQuestion" });
    const run = saveAnswer(viewer.id, form.runId, questionnaire, form.questionId, form.options);
    return redirect(diagnosticPath(stepAfter(run.progress, index + 1, form.from === "review")));
  });
}

export default function DiagnosticStep() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.fieldErrors ?? null;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const step = data.open ? data.step : 0;
  // Moving to another question moves the focus to it, as a new page would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  if (!data.open) {
    return (
      <div className="page-narrow">
        <PageHeader title={t("diagnostic.title")} />
        <Card className="space-y-4">
          <FormErrors errors={errors} />
          <p className="text-slate-800">{t("diagnostic.errors.noRun")}</p>
          <p className="actions">
            <ButtonLink to="/placement">{t("diagnostic.seeResult")}</ButtonLink>
            <ButtonLink to="/diagnostic" variant="secondary">
              {t("diagnostic.title")}
            </ButtonLink>
          </p>
        </Card>
      </div>
    );
  }

  const percent = Math.round((data.answered / data.total) * 100);
  return (
    <div className="page-narrow space-y-6">
      <div className="space-y-2">
        <p className="text-sm font-semibold text-slate-700" aria-live="polite">
          {t("diagnostic.progress", { step: data.step, total: data.total })}
        </p>
        <div
          role="progressbar"
          aria-label={t("diagnostic.progressLabel")}
          aria-valuemin={0}
          aria-valuemax={data.total}
          aria-valuenow={data.answered}
          aria-valuetext={t("diagnostic.progressValue", { answered: data.answered, total: data.total })}
          className="step-bar"
        >
          <svg aria-hidden="true" focusable="false">
            <rect x="0" y="0" height="100%" width={`${percent}%`} className="fill-brand-700" />
          </svg>
        </div>
      </div>
      <QuestionForm
        key={data.question.id}
        headingRef={headingRef}
        runId={data.runId}
        step={data.step}
        total={data.total}
        question={data.question}
        selected={data.selected}
        fromReview={data.fromReview}
        errors={errors}
      />
    </div>
  );
}

function QuestionForm({
  headingRef,
  runId,
  step,
  total,
  question,
  selected: initial,
  fromReview,
  errors,
}: {
  headingRef: React.RefObject<HTMLHeadingElement>;
  runId: string;
  step: number;
  total: number;
  question: LocalizedQuestion;
  selected: string[];
  fromReview: boolean;
  errors: Record<string, string> | null;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [selected, setSelected] = useState<string[]>(initial);
  const single = question.kind === "single";

  function toggle(optionId: string, checked: boolean) {
    if (single) return setSelected([optionId]);
    const option = question.options.find((o) => o.id === optionId);
    if (!checked) return setSelected((current) => current.filter((id) => id !== optionId));
    // An exclusive option ("none of these") clears the others, and any other clears it.
    if (option?.exclusive) return setSelected([optionId]);
    setSelected((current) => [...current.filter((id) => !question.options.find((o) => o.id === id)?.exclusive), optionId]);
  }

  const optionsError = errors?.options;
  const aria = fieldAria("question", true, Boolean(optionsError), question.help ? ["question-help"] : []);
  const nextLabel = fromReview ? t("diagnostic.backToReview") : step === total ? t("diagnostic.lastNext") : t("diagnostic.next");
  return (
    <Form method="post" className="card space-y-5" noValidate>
      <FormErrors errors={errors?.form ? { form: errors.form } : null} />
      <input type="hidden" name="runId" value={runId} />
      <input type="hidden" name="questionId" value={question.id} />
      {fromReview ? <input type="hidden" name="from" value="review" /> : null}
      <fieldset aria-describedby={aria["aria-describedby"]} aria-invalid={aria["aria-invalid"]}>
        <legend className="w-full">
          <h1 ref={headingRef} tabIndex={-1} className="text-title font-bold">
            {question.prompt}
          </h1>
        </legend>
        {question.help ? (
          <p id="question-help" className="muted mt-2">
            {question.help}
          </p>
        ) : null}
        <p id="question-hint" className="mt-2 text-sm text-slate-600">
          {single ? t("diagnostic.chooseOne") : t("diagnostic.chooseMany")}
        </p>
        {optionsError ? (
          <p id="question-error" className="field-error" role="alert">
            {t(optionsError)}
          </p>
        ) : null}
        <ul className="mt-4 space-y-2">
          {question.options.map((option) => {
            const id = `option-${option.id}`;
            const checked = selected.includes(option.id);
            return (
              <li key={option.id}>
                <label htmlFor={id} className={checked ? "option option-on" : "option"}>
                  <input
                    id={id}
                    type={single ? "radio" : "checkbox"}
                    name="options"
                    value={option.id}
                    checked={checked}
                    onChange={(event) => toggle(option.id, event.currentTarget.checked)}
                  />
                  <span>{option.label}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="flex flex-wrap items-center justify-between gap-3">
        {step > 1 && !fromReview ? (
          <ButtonLink to={`/diagnostic/${step - 1}`} variant="secondary" rel="prev">
            {t("diagnostic.previous")}
          </ButtonLink>
        ) : fromReview ? (
          <ButtonLink to="/diagnostic/review" variant="secondary">
            {t("common.back")}
          </ButtonLink>
        ) : (
          <span />
        )}
        <Button type="submit" disabled={busy}>
          {nextLabel}
        </Button>
      </div>
    </Form>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
