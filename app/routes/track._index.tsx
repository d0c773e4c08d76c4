import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Badge, ButtonLink, Card, PageHeader } from "~/components/ui";
import { ProgressBar, StatusBadge, formatMinutes } from "~/components/track/track-ui";
import { resolveLocale } from "~/i18n/config";
import { levelName } from "~/i18n/i18n.server";
import { loadLearnerTrack } from "~/models/track.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import { roadStepFor } from "~/models/accreditation-views.server";
import { NextStep } from "~/components/next-step";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/track.client";

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const locale = resolveLocale(request, viewer.locale);
  const state = await loadLearnerTrack(viewer.id, locale);
  const title = titleFor(request, viewer, "track");
  if (!state.placed) return json({ placed: false as const, title });
  const track = state.learner?.track ?? null;
  // Once every module is done, the page ends on the road's next step (the exam, or the charter).
  const road = track && !track.next ? await roadStepFor(viewer.id, new Date(), locale) : null;
  // The level in words here: the page does not download the placement pages' strings for one name.
  return json({
    title,
    placed: true as const,
    level: state.level,
    levelName: state.level ? levelName(locale, state.level) : "",
    track,
    titles: state.learner?.titles ?? {},
    road,
  });
}

export default function MyTrack() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();

  if (!data.placed) {
    return (
      <div className="page-narrow">
        <PageHeader title={t("track.title")} />
        <Card title={t("track.notPlacedTitle")} tone="highlight">
          <p className="muted">{t("track.notPlacedBody")}</p>
          <p className="mt-4">
            <ButtonLink to="/diagnostic">{t("track.takeDiagnostic")}</ButtonLink>
          </p>
        </Card>
      </div>
    );
  }

  const { track, titles } = data;
  return (
    <div className="page-narrow space-y-6">
      <PageHeader
        title={t("track.title")}
        description={
          <>
            <p className="text-lg text-slate-800">{t("track.level", { level: data.levelName })}</p>
            <p className="mt-1">{t("track.intro")}</p>
          </>
        }
      />

      {!track ? (
        <p role="alert" className="card text-slate-800">
          {t("track.noTracks")}
        </p>
      ) : (
        <>
          <section aria-labelledby="progress-title" className="card space-y-4">
            <h2 id="progress-title" className="sr-only">
              {t("track.progressLabel")}
            </h2>
            <ProgressBar
              percent={track.totals.percent}
              label={t("track.progressLabel")}
              valueText={t("track.progressText", {
                count: track.totals.completed,
                completed: track.totals.completed,
                total: track.totals.available,
                percent: track.totals.percent,
              })}
            />
            {track.next ? (
              <>
                <p className="muted">{t("track.timeLeft", { time: formatMinutes(t, track.totals.minutesLeft) })}</p>
                <p>
                  <ButtonLink to={`/track/${track.next.id}`}>
                    {t(track.totals.completed === 0 && track.next.status === "not_started" ? "track.startModule" : "track.continueModule", {
                      title: titles[track.next.id] ?? track.next.id,
                    })}
                  </ButtonLink>
                </p>
              </>
            ) : (
              <>
                <p className="font-semibold text-emerald-800">{t("track.finished")}</p>
                {data.road ? <NextStep {...data.road} /> : null}
              </>
            )}
            {track.totals.unavailable > 0 ? <p className="muted text-sm">{t("track.unavailableNote", { count: track.totals.unavailable })}</p> : null}
          </section>

          <section aria-labelledby="modules-title">
            <h2 id="modules-title" className="text-title font-semibold">
              {t("track.modulesTitle")}
            </h2>
            <ol className="mt-3 space-y-3">
              {track.items.map((item) => {
                const isNext = track.next?.id === item.id;
                const title = titles[item.id] ?? t("track.untitled");
                return (
                  <li key={item.id} className={isNext ? "card module-row module-row-next" : "card module-row"}>
                    <span aria-hidden="true" className="module-number">
                      {item.position}
                    </span>
                    <div className="min-w-0 flex-1">
                      <p className="font-semibold">
                        <span className="sr-only">{t("track.position", { position: item.position, total: track.totals.modules })}, </span>
                        {item.status === "unavailable" ? (
                          <span className="text-slate-700">{title}</span>
                        ) : (
                          <Link to={`/track/${item.id}`} className="link">
                            {title}
                          </Link>
                        )}
                      </p>
                      <p className="module-meta mt-1">
                        <StatusBadge status={item.status} />
                        {item.needsReview ? <Badge tone="warning">{t("studio.learner.updatedBadge")}</Badge> : null}
                        <span>{t(`track.origin.${item.origin}`)}</span>
                        {item.duration !== null ? <span>{t("track.readingTime", { count: item.duration })}</span> : null}
                        {isNext ? <span className="font-semibold text-brand-800">{t("track.nextBadge")}</span> : null}
                      </p>
                    </div>
                    {isNext ? (
                      <ButtonLink to={`/track/${item.id}`} variant="secondary">
                        {item.status === "in_progress" ? t("track.continue") : t("track.start")}
                        <span className="sr-only">, {title}</span>
                      </ButtonLink>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
