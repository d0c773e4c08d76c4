import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireUser } from "~/auth/guards.server";
import { navigationFor } from "~/auth/navigation";
import { can } from "~/auth/permissions";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ButtonLink, Card, PageHeader } from "~/components/ui";
import { AccreditationRoad } from "~/components/accreditation";
import { ProgressBar, formatMinutes } from "~/components/track/track-ui";
import { resolveLocale } from "~/i18n/config";
import { levelName } from "~/i18n/i18n.server";
import { accreditationStatusFor } from "~/models/accreditation-views.server";
import { homeSignals } from "~/models/home.server";
import { loadLearnerTrack } from "~/models/track.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/track.client";

/** Pages the learner cards above already lead to; the tools list keeps the staff ones. */
const LEARNER_PAGES = new Set(["/track", "/placement", "/accreditation"]);

export const meta = titled;

async function learnerCard(viewer: Awaited<ReturnType<typeof requireUser>>, request: Request) {
  if (!can(viewer.roles, "learn")) return null;
  const locale = resolveLocale(request, viewer.locale);
  const state = await loadLearnerTrack(viewer.id, locale);
  if (!state.placed) return { placed: false as const };
  const track = state.learner?.track ?? null;
  return {
    placed: true as const,
    level: state.level,
    // In words here: the page does not download the placement pages' strings for one name.
    levelName: state.level ? levelName(locale, state.level) : "",
    totals: track?.totals ?? null,
    next: track?.next ? { id: track.next.id, title: state.learner?.titles[track.next.id] ?? track.next.id, status: track.next.status } : null,
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const learner = await learnerCard(viewer, request);
  const locale = resolveLocale(request, viewer.locale);
  // Where the learner stands on the road to accreditation, with the next step.
  const accreditation = learner?.placed ? await accreditationStatusFor(viewer.id, new Date(), locale) : null;
  return json({
    title: titleFor(request, viewer, "home"),
    name: viewer.name,
    roles: viewer.roles,
    teamName: viewer.teamName,
    learner,
    accreditation,
    // Staff start with what waits for them (translated here: learners' browsers hold only the core strings).
    signals: await homeSignals(viewer, locale),
    // The learner's own card replaces the link to their track in the tools list.
    tools: navigationFor(viewer.roles).filter((item) => item.to !== "/home" && !(learner && LEARNER_PAGES.has(item.to))),
  });
}

function LearnerCard({ learner }: { learner: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["learner"]> }) {
  const { t } = useTranslation();
  if (!learner.placed) {
    return (
      <Card title={t("track.home.diagnosticTitle")} tone="highlight">
        <p className="text-slate-800">{t("track.home.diagnosticBody")}</p>
        <p className="mt-4">
          <ButtonLink to="/diagnostic">{t("track.home.diagnosticCta")}</ButtonLink>
        </p>
      </Card>
    );
  }
  const { totals, next } = learner;
  return (
    <Card title={t("track.home.trackTitle")} className="space-y-4">
      <p className="text-slate-800">{t("track.level", { level: learner.levelName })}</p>
      {totals ? (
        <ProgressBar
          percent={totals.percent}
          label={t("track.progressLabel")}
          valueText={t("track.progressText", { count: totals.completed, completed: totals.completed, total: totals.available, percent: totals.percent })}
        />
      ) : (
        <p className="muted">{t("track.noTracks")}</p>
      )}
      {totals && next ? <p className="muted">{t("track.timeLeft", { time: formatMinutes(t, totals.minutesLeft) })}</p> : null}
      {totals && !next ? <p className="font-semibold text-emerald-800">{t("track.finished")}</p> : null}
      <p className="actions">
        {next ? (
          <ButtonLink to={`/track/${next.id}`}>
            {t(totals?.completed === 0 && next.status === "not_started" ? "track.startModule" : "track.continueModule", { title: next.title })}
          </ButtonLink>
        ) : null}
        <ButtonLink to="/track" variant="secondary">
          {t("track.home.seeTrack")}
        </ButtonLink>
      </p>
    </Card>
  );
}

export default function Home() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("home.title", { name: data.name })}
        description={
          <p>
            {data.roles.map((r) => t(`roles.${r}`)).join(" · ")}
            {data.teamName ? ` — ${data.teamName}` : ""}
          </p>
        }
      />
      {data.signals ? (
        <Card title={data.signals.title}>
          <ul className="space-y-2">
            {data.signals.items.map((item) => (
              <li key={item.id} className={`signal signal-${item.tone}`}>
                {item.href ? (
                  <Link to={item.href} className="link font-medium">
                    {item.text}
                  </Link>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {data.learner ? <LearnerCard learner={data.learner} /> : null}
      {data.accreditation ? <AccreditationRoad road={data.accreditation} /> : null}
      {data.tools.length ? (
        <Card title={t("home.staffIntro")}>
          <ul className="tiles">
            {data.tools.map((tool) => (
              <li key={tool.to}>
                <Link to={tool.to} className="tile">
                  {t(tool.labelKey)}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
