import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ProgressBar, StatusBadge, formatMinutes } from "~/components/track/track-ui";
import { resolveLocale } from "~/i18n/config";
import { loadLearnerTrack } from "~/models/track.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import { roadStepFor } from "~/models/accreditation-views.server";
import { NextStep } from "~/components/next-step";
// The page groups of strings this file names (ADR 0032).
import "~/i18n/load/track.client";
import "~/i18n/load/placement.client";

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const state = await loadLearnerTrack(viewer.id, resolveLocale(request, viewer.locale));
  const title = titleFor(request, viewer, "track");
  if (!state.placed) return json({ placed: false as const, title });
  const track = state.learner?.track ?? null;
  // Once every module is done, the page ends on the road's next step (the exam, or the charter).
  const road = track && !track.next ? await roadStepFor(viewer.id, new Date(), resolveLocale(request, viewer.locale)) : null;
  return json({ title, placed: true as const, level: state.level, track, titles: state.learner?.titles ?? {}, road });
}

export default function MyTrack() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();

  if (!data.placed) {
    return (
      <div className="page-narrow">
        <h1 className="text-3xl font-bold">{t("track.title")}</h1>
        <section aria-labelledby="not-placed-title" className="card mt-6 border-brand-600">
          <h2 id="not-placed-title" className="text-xl font-semibold">
            {t("track.notPlacedTitle")}
          </h2>
          <p className="mt-2 text-slate-700">{t("track.notPlacedBody")}</p>
          <p className="mt-4">
            <Link to="/diagnostic" className="btn-primary">
              {t("track.takeDiagnostic")}
            </Link>
          </p>
        </section>
      </div>
    );
  }

  const { track, titles, level } = data;
  const levelName = t(`placement.levels.${level}.name`);
  return (
    <div className="page-narrow space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t("track.title")}</h1>
        <p className="mt-2 text-lg text-slate-800">{t("track.level", { level: levelName })}</p>
        <p className="mt-1 text-slate-700">{t("track.intro")}</p>
      </header>

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
                <p className="text-slate-700">{t("track.timeLeft", { time: formatMinutes(t, track.totals.minutesLeft) })}</p>
                <p>
                  <Link to={`/track/${track.next.id}`} className="btn-primary">
                    {t(track.totals.completed === 0 && track.next.status === "not_started" ? "track.startModule" : "track.continueModule", {
                      title: titles[track.next.id] ?? track.next.id,
                    })}
                  </Link>
                </p>
              </>
            ) : (
              <>
                <p className="font-semibold text-emerald-800">{t("track.finished")}</p>
                {data.road ? <NextStep {...data.road} /> : null}
              </>
            )}
            {track.totals.unavailable > 0 ? <p className="text-sm text-slate-700">{t("track.unavailableNote", { count: track.totals.unavailable })}</p> : null}
          </section>

          <section aria-labelledby="modules-title">
            <h2 id="modules-title" className="text-xl font-semibold">
              {t("track.modulesTitle")}
            </h2>
            <ol className="mt-3 space-y-3">
              {track.items.map((item) => {
                const isNext = track.next?.id === item.id;
                const title = titles[item.id] ?? t("track.untitled");
                return (
                  <li
                    key={item.id}
                    className={`card flex flex-wrap items-center gap-x-4 gap-y-2 p-4 ${isNext ? "border-brand-600 ring-1 ring-brand-600" : ""}`}
                  >
                    <span
                      aria-hidden="true"
                      className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-bold text-slate-700"
                    >
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
                      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
                        <StatusBadge status={item.status} />
                        {item.needsReview ? (
                          <span className="inline-flex items-center rounded-full border border-amber-600 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-950">
                            {t("studio.learner.updatedBadge")}
                          </span>
                        ) : null}
                        <span>{t(`track.origin.${item.origin}`)}</span>
                        {item.duration !== null ? <span>{t("track.readingTime", { count: item.duration })}</span> : null}
                        {isNext ? <span className="font-semibold text-brand-800">{t("track.nextBadge")}</span> : null}
                      </p>
                    </div>
                    {isNext ? (
                      <Link to={`/track/${item.id}`} className="btn-secondary">
                        {item.status === "in_progress" ? t("track.continue") : t("track.start")}
                        <span className="sr-only">, {title}</span>
                      </Link>
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
