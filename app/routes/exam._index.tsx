import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { AttemptRefused, examOverview, startAttempt } from "~/models/exam.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { withFormErrors } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import { newId } from "~/utils/ids.server";
import { roadStepFor } from "~/models/accreditation-views.server";
import { NextStep } from "~/components/next-step";
import { resolveLocale } from "~/i18n/config";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/exam.client";

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const overview = await examOverview(viewer.id);
  // Closed for a while after an attempt: the road says what can be done meanwhile (the charter).
  const closed = !overview.allowance.ok && (overview.allowance.reason === "cooldown" || overview.allowance.reason === "maxAttempts");
  const road = closed ? await roadStepFor(viewer.id, new Date(), resolveLocale(request, viewer.locale)) : null;
  // The id of the attempt the Start button makes: the form posts to the attempt's own URL, whose answer is
  // its first page (one request from the click to the first question, ADR 0032). Unused ids cost nothing.
  const startId = overview.available && !overview.inProgress && overview.allowance.ok ? newId() : null;
  return json({ ...overview, road, startId, title: titleFor(request, viewer, "exam") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "learn");
    try {
      const id = await startAttempt(viewer.id);
      return redirectWithFlash(`/exam/${id}`, { kind: "success", key: "accreditation.exam.started" });
    } catch (error) {
      if (error instanceof AttemptRefused) return json({ refused: { reason: error.reason, until: error.until } }, { status: 409 });
      throw error;
    }
  });
}

export default function ExamPage() {
  const { t } = useTranslation();
  const { date, dateTime } = useDates();
  const { settings, allowance, inProgress, history, available, road, startId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const refused =
    data && "refused" in data ? data.refused : !allowance.ok && allowance.reason !== "inProgress" ? { reason: allowance.reason, until: allowance.until } : null;
  return (
    <div className="page-narrow space-y-6">
      <PageHeader title={t("accreditation.exam.title")} description={<p>{t("accreditation.exam.intro")}</p>} />
      <section className="card space-y-2" aria-labelledby="rules-title">
        <h2 id="rules-title" className="sr-only">
          {t("accreditation.exam.title")}
        </h2>
        <ul className="bullets">
          <li>{t("accreditation.exam.rules", { items: settings.itemsPerAttempt, passMark: settings.passMark })}</li>
          <li>
            {settings.timeLimitMinutes > 0 ? t("accreditation.exam.timeLimit", { count: settings.timeLimitMinutes }) : t("accreditation.exam.noTimeLimit")}
          </li>
          {settings.maxAttempts > 0 ? (
            <li>
              {t("accreditation.exam.attempts", {
                count: settings.maxAttempts,
                max: settings.maxAttempts,
                period: t("accreditation.exam.period", { count: settings.windowDays }),
              })}
              {settings.maxAttempts > 1 && settings.cooldownHours > 0 ? ` ${t("accreditation.exam.cooldown", { hours: settings.cooldownHours })}` : null}
            </li>
          ) : null}
          <li>{t("accreditation.exam.validity", { count: settings.validityMonths })}</li>
          <li>{t("accreditation.exam.savedAsYouGo")}</li>
        </ul>
        {!available ? (
          <p role="alert" className="text-red-800">
            {t("accreditation.exam.unavailable")}
          </p>
        ) : inProgress ? (
          <p>
            <ButtonLink to={`/exam/${inProgress.id}`}>{t("accreditation.exam.resume")}</ButtonLink>
          </p>
        ) : refused ? (
          <div role="alert" className="callout-warning space-y-3">
            <p>{t(`accreditation.exam.refused.${refused.reason}`, { date: dateTime(refused.until) })}</p>
            {refused.reason === "trackIncomplete" ? (
              <p>
                <ButtonLink to="/track">{t("accreditation.exam.toTrack")}</ButtonLink>
              </p>
            ) : null}
          </div>
        ) : startId ? (
          // A document form, with or without JavaScript: the browser shows the answer, the attempt's first page.
          <Form method="post" action={`/exam/${startId}`} reloadDocument>
            <input type="hidden" name="intent" value="start" />
            <Button type="submit">{t("accreditation.exam.start")}</Button>
          </Form>
        ) : null}
      </section>
      {road && road.next !== "exam" && road.next !== "recertify" ? <NextStep {...road} examOpensAt={null} /> : null}
      <Card title={t("accreditation.exam.history")}>
        {history.length === 0 ? (
          <p className="muted">{t("accreditation.exam.noHistory")}</p>
        ) : (
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">{t("accreditation.exam.startedOn")}</th>
                <th scope="col">{t("accreditation.exam.scoreCol")}</th>
                <th scope="col">{t("accreditation.exam.resultCol")}</th>
                <th scope="col">
                  <span className="sr-only">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((attempt) => (
                <tr key={attempt.id}>
                  <td>{date(attempt.startedAt)}</td>
                  <td>{t("common.percent", { value: attempt.score })}</td>
                  <td>{attempt.passed ? t("accreditation.exam.passed") : t("accreditation.exam.failed")}</td>
                  <td>
                    <Link to={`/exam/${attempt.id}`} className="link">
                      {t("accreditation.exam.seeResult")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
