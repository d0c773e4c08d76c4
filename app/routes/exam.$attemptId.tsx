import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useRouteError,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import { notFound, requirePermission } from "~/auth/guards.server";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { FormErrors } from "~/components/form-errors";
import { resolveLocale } from "~/i18n/config";
import { AttemptRefused, clearAnswer, getAttempt, saveAnswer, saveAnswers, startAttempt, submitAttempt } from "~/models/exam.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formToObject, readFormData, toFieldErrors, withFormErrors, z } from "~/utils/forms.server";
import { InputError } from "~/utils/errors";
import { timeLeft } from "~/utils/dates";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import { roadStepFor } from "~/models/accreditation-views.server";
import { NextStep } from "~/components/next-step";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/exam.client";

export const meta = titled;

/** An attempt id chosen by the exam page for its Start form (a UUID, as `newId` makes them). */
const ATTEMPT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Items shown per page while taking an exam (with a review page before submitting). */
const PAGE_SIZE = 4;

/**
 * The page's forms: one schema, built on first use and kept (building a zod schema costs more than parsing
 * with it). A function, not a module constant: `z` comes from a server module, absent from the browser's bundle.
 */
let formSchema: ReturnType<typeof buildSchema> | undefined;
const schema = () => (formSchema ??= buildSchema());
function buildSchema() {
  return z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("answer"),
      itemId: z.string({ error: "errors.invalidInput" }).min(1, "errors.invalidInput").max(100, "errors.invalidInput"),
      option: z.array(z.string().max(40, "errors.invalidInput")).max(10, "errors.invalidInput"),
      js: z.string().max(2).optional(),
    }),
    // With JavaScript, unticking every box of a multiple-answer item removes its answer.
    z.object({ intent: z.literal("clear"), itemId: z.string({ error: "errors.invalidInput" }).min(1, "errors.invalidInput").max(100, "errors.invalidInput") }),
    // A page of items sent at once (the buttons that change page; what works without JavaScript).
    z.object({
      intent: z.literal("page"),
      goto: z.union([
        z.literal("review"),
        z.coerce.number({ error: "errors.invalidInput" }).int("errors.invalidInput").min(1, "errors.invalidInput").max(100, "errors.invalidInput"),
      ]),
      answers: z.record(z.string().max(100, "errors.invalidInput"), z.array(z.string().max(40, "errors.invalidInput")).max(10, "errors.invalidInput")),
    }),
    z.object({ intent: z.literal("submit") }),
    // The Start button of /exam: a document form posting to the id its page chose (ADR 0032).
    z.object({ intent: z.literal("start") }),
  ]);
}

/** The page asked for: a number (clamped), "review", or the page holding `item` (after a save without JavaScript). */
function pageOf(url: URL, itemIds: readonly string[]): number | "review" {
  const pages = Math.max(1, Math.ceil(itemIds.length / PAGE_SIZE));
  if (url.searchParams.get("page") === "review") return "review";
  const item = url.searchParams.get("item");
  if (item && itemIds.includes(item)) return Math.floor(itemIds.indexOf(item) / PAGE_SIZE) + 1;
  const n = Number(url.searchParams.get("page") ?? "1");
  return Number.isInteger(n) ? Math.min(Math.max(n, 1), pages) : 1;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const locale = resolveLocale(request, viewer.locale);
  const attempt = await getAttempt(viewer.id, params.attemptId ?? "", locale);
  if (!attempt) throw notFound();
  // A finished attempt ends on the road's next step: the charter or the request after a pass; after a
  // failure, what can be done meanwhile and when the exam reopens.
  const road = attempt.status === "graded" ? await roadStepFor(viewer.id, new Date(), locale) : null;
  const page =
    attempt.status === "in_progress"
      ? pageOf(
          new URL(request.url),
          attempt.items.map((i) => i.id),
        )
      : 1;
  return json({ attempt, road, page, pageSize: PAGE_SIZE, title: titleFor(request, viewer, attempt.status === "graded" ? "examResult" : "examAttempt") });
}

/** Form fields `a:<itemId>` (one per item of the page, repeated for a multiple-answer item) → answers. */
function pageAnswers(form: FormData): Record<string, string[]> {
  const answers: Record<string, string[]> = {};
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("a:") || typeof value !== "string") continue;
    (answers[key.slice(2)] ??= []).push(value);
  }
  return answers;
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "learn");
    const attemptId = params.attemptId ?? "";
    const raw = await readFormData(request);
    const parsed = schema().safeParse({ ...formToObject(raw, ["option"]), answers: pageAnswers(raw) });
    if (!parsed.success) throw new InputError(toFieldErrors(parsed.error));
    const form = parsed.data;
    switch (form.intent) {
      case "start":
        // Remix then runs the page's loaders in the same request: the answer is the first page of questions.
        if (!ATTEMPT_ID.test(attemptId)) throw notFound();
        try {
          await startAttempt(viewer.id, new Date(), undefined, attemptId);
        } catch (error) {
          // Thrown, so that the attempt's loader (which would find nothing) does not run: the page shows why.
          if (error instanceof AttemptRefused) {
            const refused: StartRefusal = {
              reason: error.reason,
              until: error.until?.toISOString() ?? null,
              inProgressId: error.inProgressId,
              title: titleFor(request, viewer, "exam"),
            };
            throw json({ refused }, { status: 409 });
          }
          if (error instanceof InputError && error.status === 404) throw notFound();
          throw error;
        }
        return json({ started: attemptId });
      case "submit":
        await submitAttempt(viewer.id, attemptId);
        return redirectWithFlash(`/exam/${attemptId}`, { kind: "success", key: "accreditation.exam.submitted" });
      case "clear":
        await clearAnswer(viewer.id, attemptId, form.itemId);
        return json({ saved: form.itemId });
      case "page":
        await saveAnswers(viewer.id, attemptId, form.answers);
        return redirect(`/exam/${attemptId}?page=${form.goto}`);
      case "answer":
        await saveAnswer(viewer.id, attemptId, form.itemId, form.option);
        // With JavaScript the page stays as it is; without, the browser comes back to the item.
        if (form.js === "1") return json({ saved: form.itemId });
        return redirect(`/exam/${attemptId}?item=${encodeURIComponent(form.itemId)}#item-${encodeURIComponent(form.itemId)}`);
    }
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
  formData?.get("intent") === "answer" || formData?.get("intent") === "clear" ? false : defaultShouldRevalidate;

export default function AttemptPage() {
  const { attempt, road, page, pageSize } = useLoaderData<typeof loader>();
  return attempt.status === "in_progress" ? (
    <TakeAttempt key={String(page)} attempt={attempt} page={page} pageSize={pageSize} />
  ) : (
    <AttemptResult attempt={attempt} road={road} />
  );
}

/**
 * The time left, counting down once the page runs in a browser (before that, and without JavaScript,
 * the deadline in the person's time zone). Screen readers hear it at five minutes and one minute left,
 * not every second. At zero the page reloads: the server closes and grades the attempt.
 */
function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const { dateTimeZone } = useDates();
  const revalidator = useRevalidator();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = now === null ? null : timeLeft(deadline, now);
  const over = left !== null && left.totalSeconds === 0;
  useEffect(() => {
    if (over && revalidator.state === "idle") revalidator.revalidate();
  }, [over, revalidator]);
  const minutes = left === null ? null : Math.ceil(left.totalSeconds / 60);
  return (
    <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
      <p className="font-medium text-slate-800">{t("accreditation.exam.deadline", { time: dateTimeZone(deadline) })}</p>
      {left !== null ? (
        <p
          role="timer"
          aria-live="off"
          className={`rounded-md px-2 py-0.5 font-mono text-lg font-semibold ${left.totalSeconds <= 300 ? "bg-amber-100 text-amber-950" : "bg-slate-100 text-slate-900"}`}
        >
          <span className="sr-only">{t("accreditation.exam.timeLeft")} </span>
          {left.text}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {minutes === 5 || minutes === 1 ? t("accreditation.exam.minutesLeft", { count: minutes }) : ""}
      </p>
    </div>
  );
}

function TakeAttempt({ attempt, page, pageSize }: { attempt: InProgress; page: number | "review"; pageSize: number }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const data = useActionData<typeof action>();
  const [saved, setSaved] = useState<Record<string, boolean>>(() => Object.fromEntries(Object.keys(attempt.answers).map((id) => [id, true])));
  const total = attempt.items.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const answered = attempt.items.filter((item) => saved[item.id]).length;
  const unanswered = attempt.items.map((item, index) => ({ item, n: index + 1 })).filter(({ item }) => !saved[item.id]);
  const onSaved = useCallback((id: string, has: boolean) => setSaved((s) => (Boolean(s[id]) === has ? s : { ...s, [id]: has })), []);
  const first = page === "review" ? 0 : (page - 1) * pageSize;
  const shown = page === "review" ? [] : attempt.items.slice(first, first + pageSize);
  const pageLabel = (n: number) => t("accreditation.exam.pageN", { first: (n - 1) * pageSize + 1, last: Math.min(n * pageSize, total) });
  return (
    <div className="page-narrow space-y-6">
      <PageHeader
        title={t("accreditation.exam.title")}
        description={
          <div className="space-y-2">
            {attempt.deadline ? <Countdown deadline={attempt.deadline} /> : null}
            <p>{t("accreditation.exam.savedAsYouGo")}</p>
            <p aria-live="polite" className="text-sm font-semibold text-brand-800">
              {t("accreditation.exam.progress", { count: answered, answered, total })}
            </p>
          </div>
        }
      />
      <FormErrors errors={data && "fieldErrors" in data ? data.fieldErrors : null} />
      <Form method="post" className="space-y-6" aria-label={page === "review" ? t("accreditation.exam.reviewTitle") : pageLabel(page)}>
        <input type="hidden" name="intent" value="page" />
        <nav aria-label={t("accreditation.exam.pages")}>
          <ul className="actions gap-2">
            {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
              <li key={n}>
                <Button type="submit" name="goto" value={n} variant={n === page ? "primary" : "secondary"} aria-current={n === page ? "step" : undefined}>
                  {pageLabel(n)}
                </Button>
              </li>
            ))}
            <li>
              <Button
                type="submit"
                name="goto"
                value="review"
                variant={page === "review" ? "primary" : "secondary"}
                aria-current={page === "review" ? "step" : undefined}
              >
                {t("accreditation.exam.reviewTitle")}
              </Button>
            </li>
          </ul>
        </nav>
        {shown.length ? (
          <ol className="space-y-6">
            {shown.map((item, index) => (
              <li key={item.id} id={`item-${item.id}`} className="scroll-mt-6">
                <ExamItem item={item} attemptId={attempt.id} n={first + index + 1} total={total} chosen={attempt.answers[item.id] ?? []} onSaved={onSaved} />
              </li>
            ))}
          </ol>
        ) : null}
        {page !== "review" ? (
          <p className="flex flex-wrap justify-between gap-3">
            {page > 1 ? (
              <Button type="submit" name="goto" value={page - 1} variant="secondary" disabled={busy}>
                ← {t("common.previous")}
              </Button>
            ) : (
              <span />
            )}
            <Button type="submit" name="goto" value={page < pages ? page + 1 : "review"} disabled={busy}>
              {page < pages ? `${t("common.next")} →` : t("accreditation.exam.toReview")}
            </Button>
          </p>
        ) : null}
      </Form>
      {page === "review" ? (
        <Card title={t("accreditation.exam.reviewTitle")} className="space-y-4">
          {unanswered.length === 0 ? (
            <p className="font-medium text-emerald-800">{t("accreditation.exam.allAnswered")}</p>
          ) : (
            <div className="space-y-2">
              <p className="font-medium text-amber-900">{t("accreditation.exam.unanswered", { count: unanswered.length })}</p>
              <ul className="flex flex-wrap gap-2">
                {unanswered.map(({ item, n }) => (
                  <li key={item.id}>
                    <Link to={`?item=${encodeURIComponent(item.id)}#item-${encodeURIComponent(item.id)}`} className="link">
                      {t("accreditation.exam.questionN", { n, total })}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="submit" />
            <p className="muted">{t("accreditation.exam.submitHelp")}</p>
            <Button type="submit" disabled={busy}>
              {t("accreditation.exam.submit")}
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

/**
 * One item: its options are fields of the page's form (`a:<itemId>`), sent by the page's buttons; with
 * JavaScript each choice is also saved at once, in the background.
 */
function ExamItem({
  item,
  attemptId,
  n,
  total,
  chosen,
  onSaved,
}: {
  item: InProgress["items"][number];
  attemptId: string;
  n: number;
  total: number;
  chosen: string[];
  onSaved: (id: string, has: boolean) => void;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ saved?: string; fieldErrors?: Record<string, string> }>();
  const errors = fetcher.data?.fieldErrors ?? null;
  const justSaved = fetcher.state === "idle" && fetcher.data?.saved === item.id;
  const [has, setHas] = useState(chosen.length > 0);
  useEffect(() => {
    if (justSaved) onSaved(item.id, has);
  }, [justSaved, onSaved, item.id, has]);
  const multiple = item.type === "multiple";
  const legendId = `legend-${item.id}`;
  const statusId = `status-${item.id}`;
  const itemError = errors?.[`item:${item.id}`] ?? errors?.form ?? errors?.itemId;
  const save = (fieldset: HTMLFieldSetElement) => {
    const picked = [...fieldset.querySelectorAll<HTMLInputElement>("input:checked")].map((input) => input.value);
    setHas(picked.length > 0);
    const body = new FormData();
    body.set("intent", picked.length ? "answer" : "clear");
    body.set("itemId", item.id);
    body.set("js", "1");
    for (const id of picked) body.append("option", id);
    fetcher.submit(body, { method: "post", action: `/exam/${attemptId}` });
  };
  return (
    <div className="card space-y-3">
      <p className="text-sm font-semibold text-slate-600">{t("accreditation.exam.questionN", { n, total })}</p>
      {item.scenario ? (
        <div>
          <p className="text-sm font-semibold text-slate-700">{t("accreditation.exam.scenario")}</p>
          <p className="text-slate-900">{item.scenario}</p>
        </div>
      ) : null}
      {item.post ? (
        <figure className="callout-muted">
          <figcaption className="text-sm font-semibold text-slate-700">{t("accreditation.exam.post")}</figcaption>
          <blockquote className="mt-1 whitespace-pre-line text-slate-900">{item.post}</blockquote>
        </figure>
      ) : null}
      <fieldset aria-describedby={itemError ? `${statusId}-error` : statusId} onChange={(event) => save(event.currentTarget)}>
        <legend id={legendId} className="font-medium text-slate-900">
          {item.question}
        </legend>
        <p className="text-sm text-slate-600">{t(`accreditation.exam.types.${item.type}`)}</p>
        <div className="mt-2 space-y-2">
          {item.options.map((option) => (
            <label key={option.id} className="flex items-start gap-2">
              <input
                type={multiple ? "checkbox" : "radio"}
                name={`a:${item.id}`}
                value={option.id}
                defaultChecked={chosen.includes(option.id)}
                className="mt-1 h-4 w-4"
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
      <p id={statusId} aria-live="polite" className="text-sm text-slate-700">
        {fetcher.state !== "idle"
          ? t("accreditation.exam.saving")
          : justSaved
            ? has
              ? t("accreditation.exam.saved")
              : t("accreditation.exam.cleared")
            : has
              ? t("accreditation.exam.saved")
              : ""}
      </p>
    </div>
  );
}

function AttemptResult({ attempt, road }: { attempt: Graded; road: LoaderData["road"] }) {
  const { t } = useTranslation();
  const optionText = (item: Graded["missed"][number], ids: string[]) =>
    ids.length === 0 ? t("accreditation.exam.noAnswer") : ids.map((id) => item.options.find((o) => o.id === id)?.text ?? id).join(" ; ");
  return (
    <div className="page-narrow space-y-6">
      <PageHeader title={t("accreditation.exam.resultTitle")} />
      <section className={attempt.passed ? "card edge-ok" : "card edge-bad"}>
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
          <h2 id="missed-title" className="text-title font-semibold">
            {t("accreditation.exam.missedTitle")}
          </h2>
          <p className="muted">{t("accreditation.exam.noKeyShown")}</p>
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
      <p className="actions">
        <ButtonLink to="/exam" variant="secondary">
          {t("accreditation.exam.back")}
        </ButtonLink>
        <ButtonLink to="/accreditation" variant="secondary">
          {t("accreditation.exam.nextStep")}
        </ButtonLink>
      </p>
    </div>
  );
}

type StartRefusal = { reason: AttemptRefused["reason"]; until: string | null; inProgressId: string | null; title: string };

/** A start refused (409 from the Start form: attempts exhausted, track unfinished, one already in progress): why, and where to go. */
export function ErrorBoundary() {
  const error = useRouteError();
  const refused = isRouteErrorResponse(error) && error.status === 409 ? (error.data as { refused?: StartRefusal } | null)?.refused : undefined;
  return refused ? <StartRefused refused={refused} /> : <GeneralErrorBoundary />;
}

function StartRefused({ refused }: { refused: StartRefusal }) {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  return (
    <div className="page-narrow">
      <PageHeader title={t("accreditation.exam.title")} />
      <div role="alert" className="callout-warning space-y-3">
        <p>{t(`accreditation.exam.refused.${refused.reason}`, { date: refused.until ? dateTime(refused.until) : "" })}</p>
        <p className="actions">
          {refused.inProgressId ? (
            <ButtonLink to={`/exam/${refused.inProgressId}`}>{t("accreditation.exam.resume")}</ButtonLink>
          ) : refused.reason === "trackIncomplete" ? (
            <ButtonLink to="/track">{t("accreditation.exam.toTrack")}</ButtonLink>
          ) : null}
          <ButtonLink to="/exam" variant="secondary">
            {t("accreditation.exam.back")}
          </ButtonLink>
        </p>
      </div>
    </div>
  );
}
