import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { useDates } from "~/components/dates";
import { requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EarlierQuestionnaireNote, FactList, LevelName, PlacementHistory, PlacementOrigin } from "~/components/placement";
import { resolveLocale } from "~/i18n/config";
import { loadQuestionnaire, questionLabels } from "~/models/diagnostic.server";
import { getRetakeStatus, placedWithEarlierQuestionnaire, placementHistory, trackOutline } from "~/models/placement.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import { roadStepFor } from "~/models/accreditation-views.server";
import { NextStep } from "~/components/next-step";
// The page groups of strings this file names (ADR 0032).
import "~/i18n/load/diagnostic.client";
import "~/i18n/load/placement.client";

export const meta = titled;

/** The learner's level, why, what their track will contain, and every placement they had. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const locale = resolveLocale(request, viewer.locale);
  const history = placementHistory(viewer.id);
  const current = history.find((p) => p.isCurrent) ?? null;
  const status = getRetakeStatus(viewer.id);
  const questionnaire = await loadQuestionnaire();
  return json({
    title: titleFor(request, viewer, "placement"),
    road: current ? await roadStepFor(viewer.id, new Date(), locale) : null,
    current: current
      ? {
          level: current.level,
          source: current.source,
          facts: current.facts,
          reason: current.reason,
          setByName: current.setByName,
          createdAt: current.createdAt,
        }
      : null,
    track: current ? await trackOutline(current.level, locale) : null,
    retake: { status: status.kind, availableAt: status.kind === "waiting" ? status.availableAt.toISOString() : null },
    history,
    questions: questionnaire ? questionLabels(questionnaire, locale) : [],
    earlier:
      current && questionnaire && placedWithEarlierQuestionnaire(current, questionnaire.version)
        ? { version: current.questionnaireVersion ?? 1, current: questionnaire.version }
        : null,
  });
}

export default function PlacementPage() {
  const { t } = useTranslation();
  const { date } = useDates();
  const data = useLoaderData<typeof loader>();
  if (!data.current) {
    return (
      <div className="page-narrow space-y-6">
        <h1 className="text-3xl font-bold">{t("diagnostic.result.notPlacedTitle")}</h1>
        <div className="card space-y-4">
          <p className="text-slate-800">{t("diagnostic.result.notPlacedBody")}</p>
          <Link to="/diagnostic" className="btn-primary">
            {t("diagnostic.result.takeIt")}
          </Link>
        </div>
      </div>
    );
  }
  const current = data.current;
  return (
    <div className="page-narrow space-y-8">
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{t("diagnostic.result.title")}</p>
        <h1 className="text-3xl font-bold">{t("placement.resultTitle", { level: t(`placement.levels.${current.level}.name`) })}</h1>
        <PlacementOrigin placement={current} />
      </header>

      {data.road ? <NextStep {...data.road} /> : null}

      {current.facts.length ? (
        <section aria-labelledby="why-title" className="card space-y-3">
          <h2 id="why-title" className="text-xl font-semibold">
            {t("placement.whyTitle")}
          </h2>
          <EarlierQuestionnaireNote earlier={data.earlier} messageKey="diagnostic.result.earlierQuestionnaire" />
          <FactList facts={current.facts} />
        </section>
      ) : null}

      <section aria-labelledby="track-title" className="card space-y-4">
        <h2 id="track-title" className="text-xl font-semibold">
          {t("diagnostic.result.trackTitle")}
        </h2>
        <p className="text-slate-800">{t(`placement.levels.${current.level}.description`)}</p>
        {data.track ? (
          <div className="grid gap-6 sm:grid-cols-2">
            <div>
              <h3 className="font-semibold">
                {t("diagnostic.result.trackLevel")} — <LevelName level={current.level} />
              </h3>
              <ModuleList modules={data.track.level} />
            </div>
            <div>
              <h3 className="font-semibold">{t("diagnostic.result.trackCore")}</h3>
              <ModuleList modules={data.track.core} />
            </div>
          </div>
        ) : null}
        <p className="text-sm text-slate-700">{t("placement.commonCore")}</p>
      </section>

      <section aria-labelledby="retake-title" className="card space-y-3">
        <h2 id="retake-title" className="text-xl font-semibold">
          {t("diagnostic.retakeTitle")}
        </h2>
        {data.retake.status === "waiting" && data.retake.availableAt ? (
          <>
            <p className="text-slate-800">{t("diagnostic.waiting", { date: date(data.retake.availableAt) })}</p>
            <p className="text-sm text-slate-700">{t("diagnostic.waitingHelp")}</p>
          </>
        ) : (
          <>
            <p className="text-slate-800">{data.retake.status === "reset" ? t("diagnostic.result.retakeReset") : t("diagnostic.result.retakeOpen")}</p>
            <Link to="/diagnostic" className="btn-secondary">
              {t("diagnostic.result.retake")}
            </Link>
          </>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="text-xl font-semibold">
          {t("diagnostic.history.title")}
        </h2>
        <PlacementHistory rows={data.history} questions={data.questions} titleId="history-title" />
      </section>
    </div>
  );
}

function ModuleList({ modules }: { modules: { id: string; title: string | null; locale: string | null }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="mt-2 list-decimal space-y-1 pl-5 text-slate-800">
      {modules.map((m) => (
        <li key={m.id} lang={m.locale && m.locale !== i18n.language ? m.locale : undefined}>
          {m.title ?? m.id}
          {m.title ? null : <span className="text-sm text-slate-600"> ({t("diagnostic.result.unavailable")})</span>}
        </li>
      ))}
    </ol>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
