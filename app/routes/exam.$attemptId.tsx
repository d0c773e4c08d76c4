import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { notFound, requirePermission } from "~/auth/guards.server";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/form";
import { resolveLocale } from "~/i18n/config";
import { getAttempt, saveAnswer, submitAttempt } from "~/models/exam.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import { roadStepFor } from "~/models/accreditation-views.server";
import { NextStep } from "~/components/accreditation";

export const meta = titled;

function schema() {
  return z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("answer"),
      itemId: z.string({ error: "errors.invalidInput" }).min(1, "errors.invalidInput").max(100, "errors.invalidInput"),
      option: z.array(z.string().max(40, "errors.invalidInput")).max(10, "errors.invalidInput"),
      js: z.string().max(2).optional(),
    }),
    z.object({ intent: z.literal("submit") }),
  ]);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const locale = resolveLocale(request, viewer.locale);
  const attempt = await getAttempt(viewer.id, params.attemptId ?? "", locale);
  if (!attempt) throw notFound();
  // A finished attempt ends on the road's next step: the charter or the request after a pass; after a
  // failure, what can be done meanwhile and when the exam reopens.
  const road = attempt.status === "graded" ? await roadStepFor(viewer.id, new Date(), locale) : null;
  return json({ attempt, road, title: titleFor(request, viewer, attempt.status === "graded" ? "examResult" : "examAttempt") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "learn");
    const attemptId = params.attemptId ?? "";
    const form = await parseForm(request, schema(), { arrayFields: ["option"] });
    if (form.intent === "submit") {
      await submitAttempt(viewer.id, attemptId);
      return redirectWithFlash(`/exam/${attemptId}`, { kind: "success", key: "accreditation.exam.submitted" });
    }
    await saveAnswer(viewer.id, attemptId, form.itemId, form.option);
    // With JavaScript the page stays as it is; without, the browser comes back to the item.
    if (form.js === "1") return json({ saved: form.itemId });
    return redirect(`/exam/${attemptId}#item-${encodeURIComponent(form.itemId)}`);
  });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type InProgress = Extract<LoaderData["attempt"], { status: "in_progress" }>;
type Graded = Extract<LoaderData["attempt"], { status: "graded" }>;

/**
 * Saving one answer changes nothing the page reloads: the item shows its own saved state and the
 * count is kept in the page. Skipping the reload after each answer halves the requests of an exam
 * (see README › Performance: the storm).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "answer" ? false : defaultShouldRevalidate;

export default function AttemptPage() {
  const { attempt, road } = useLoaderData<typeof loader>();
  return attempt.status === "in_progress" ? <TakeAttempt attempt={attempt} /> : <AttemptResult attempt={attempt} road={road} />;
}

function TakeAttempt({ attempt }: { attempt: InProgress }) {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  const busy = useNavigation().state === "submitting";
  const data = useActionData<typeof action>();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [saved, setSaved] = useState<Record<string, boolean>>(() => Object.fromEntries(Object.keys(attempt.answers).map((id) => [id, true])));
  const answered = Object.values(saved).filter(Boolean).length;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("accreditation.exam.title")}</h1>
        {attempt.deadline ? <p className="font-medium text-slate-800">{t("accreditation.exam.deadline", { time: dateTime(attempt.deadline) })}</p> : null}
        <p className="text-slate-700">{t("accreditation.exam.savedAsYouGo")}</p>
        <p aria-live="polite" className="text-sm font-semibold text-brand-800">
          {t("accreditation.exam.progress", { count: answered, answered, total: attempt.items.length })}
        </p>
      </header>
      <FormErrors errors={data && "fieldErrors" in data ? data.fieldErrors : null} />
      <ol className="space-y-6">
        {attempt.items.map((item, index) => (
          <li key={item.id} id={`item-${item.id}`} className="scroll-mt-6">
            <ExamItem
              item={item}
              n={index + 1}
              total={attempt.items.length}
              chosen={attempt.answers[item.id] ?? []}
              hydrated={hydrated}
              onSaved={() => setSaved((s) => (s[item.id] ? s : { ...s, [item.id]: true }))}
            />
          </li>
        ))}
      </ol>
      <Form method="post" className="card space-y-3">
        <input type="hidden" name="intent" value="submit" />
        <p className="text-slate-700">{t("accreditation.exam.submitHelp")}</p>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("accreditation.exam.submit")}
        </button>
      </Form>
    </div>
  );
}

function ExamItem({
  item,
  n,
  total,
  chosen,
  hydrated,
  onSaved,
}: {
  item: InProgress["items"][number];
  n: number;
  total: number;
  chosen: string[];
  hydrated: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ saved?: string; fieldErrors?: Record<string, string> }>();
  const errors = fetcher.data?.fieldErrors ?? null;
  const justSaved = fetcher.state === "idle" && fetcher.data?.saved === item.id;
  useEffect(() => {
    if (justSaved) onSaved();
  }, [justSaved, onSaved]);
  const multiple = item.type === "multiple";
  const legendId = `legend-${item.id}`;
  const statusId = `status-${item.id}`;
  const itemError = errors?.[`item:${item.id}`] ?? errors?.form ?? errors?.itemId;
  return (
    <fetcher.Form method="post" className="card space-y-3" aria-labelledby={legendId}>
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="itemId" value={item.id} />
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <p className="text-sm font-semibold text-slate-600">{t("accreditation.exam.questionN", { n, total })}</p>
      {item.scenario ? (
        <div>
          <p className="text-sm font-semibold text-slate-700">{t("accreditation.exam.scenario")}</p>
          <p className="text-slate-900">{item.scenario}</p>
        </div>
      ) : null}
      {item.post ? (
        <figure className="rounded-md border border-slate-300 bg-slate-50 p-3">
          <figcaption className="text-sm font-semibold text-slate-700">{t("accreditation.exam.post")}</figcaption>
          <blockquote className="mt-1 whitespace-pre-line text-slate-900">{item.post}</blockquote>
        </figure>
      ) : null}
      <fieldset aria-describedby={itemError ? `${statusId}-error` : undefined}>
        <legend id={legendId} className="font-medium text-slate-900">
          {item.question}
        </legend>
        <p className="text-sm text-slate-600">{t(`accreditation.exam.types.${item.type}`)}</p>
        <div className="mt-2 space-y-2">
          {item.options.map((option) => (
            <label key={option.id} className="flex items-start gap-2">
              <input
                type={multiple ? "checkbox" : "radio"}
                name="option"
                value={option.id}
                defaultChecked={chosen.includes(option.id)}
                className="mt-1 h-4 w-4"
                onChange={(event) => {
                  if (!multiple) fetcher.submit(event.currentTarget.form);
                }}
              />
              <span>{option.text}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {itemError ? (
        <p id={`${statusId}-error`} role="alert" className="field-error">
          {t(itemError)}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-secondary" disabled={fetcher.state !== "idle"}>
          {t("accreditation.exam.save")}
          <span className="sr-only"> ({t("accreditation.exam.questionN", { n, total })})</span>
        </button>
        <span id={statusId} aria-live="polite" className="text-sm text-slate-700">
          {justSaved || (chosen.length > 0 && !fetcher.data) ? t("accreditation.exam.saved") : ""}
        </span>
      </div>
    </fetcher.Form>
  );
}

function AttemptResult({ attempt, road }: { attempt: Graded; road: LoaderData["road"] }) {
  const { t } = useTranslation();
  const optionText = (item: Graded["missed"][number], ids: string[]) =>
    ids.length === 0 ? t("accreditation.exam.noAnswer") : ids.map((id) => item.options.find((o) => o.id === id)?.text ?? id).join(" ; ");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t("accreditation.exam.resultTitle")}</h1>
      </header>
      <section className={`card border-l-4 ${attempt.passed ? "border-l-green-700" : "border-l-red-700"}`}>
        <p role="status" className="text-xl font-semibold">
          {attempt.passed
            ? t("accreditation.exam.resultPassed", { score: attempt.score, passMark: attempt.passMark })
            : t("accreditation.exam.resultFailed", { score: attempt.score, passMark: attempt.passMark })}
        </p>
        {attempt.feedback !== "score" ? (
          <>
            <h2 className="mt-4 text-lg font-semibold">{t("accreditation.exam.perCategory")}</h2>
            <ul className="mt-2 grid gap-1 sm:grid-cols-2">
              {Object.entries(attempt.categoryScores).map(([category, score]) => (
                <li key={category}>
                  <span className="font-medium">{t(`accreditation.exam.categories.${category}`, { defaultValue: category })}</span>
                  {t("accreditation.colon")}
                  {t("accreditation.exam.categoryScore", { correct: score.correct, total: score.total })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {attempt.feedback === "missed" ? (
        <section aria-labelledby="missed-title" className="space-y-4">
          <h2 id="missed-title" className="text-2xl font-semibold">
            {t("accreditation.exam.missedTitle")}
          </h2>
          <p className="text-slate-700">{t("accreditation.exam.noKeyShown")}</p>
          {attempt.missed.length === 0 ? <p>{t("accreditation.exam.allCorrect")}</p> : null}
          {attempt.missed.map((item) => (
            <article key={item.id} className="card space-y-2">
              {item.scenario ? <p className="text-slate-800">{item.scenario}</p> : null}
              {item.post ? <blockquote className="whitespace-pre-line rounded-md bg-slate-50 p-3">{item.post}</blockquote> : null}
              <h3 className="font-semibold">{item.question}</h3>
              <p>
                <span className="font-medium">
                  {t("accreditation.exam.yourAnswer")}
                  {t("accreditation.colon")}
                </span>
                {optionText(item, item.chosen)}
              </p>
              <p className="text-slate-800">{item.explanation}</p>
            </article>
          ))}
        </section>
      ) : null}
      {road ? <NextStep {...road} /> : null}
      <p className="flex flex-wrap gap-4">
        <Link to="/exam" className="btn-secondary">
          {t("accreditation.exam.back")}
        </Link>
        <Link to="/accreditation" className="btn-secondary">
          {t("accreditation.exam.nextStep")}
        </Link>
      </p>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
