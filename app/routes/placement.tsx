import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { useDates } from "~/components/dates";
import { requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ButtonLink, Card, PageHeader } from "~/components/ui";
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
      <div className="page-narrow">
        <PageHeader title={t("diagnostic.result.notPlacedTitle")} />
        <Card className="space-y-4">
          <p className="text-slate-800">{t("diagnostic.result.notPlacedBody")}</p>
          <ButtonLink to="/diagnostic">{t("diagnostic.result.takeIt")}</ButtonLink>
        </Card>
      </div>
    );
  }
  const current = data.current;
  return (
    <div className="page-narrow space-y-8">
      <PageHeader
        before={<p className="eyebrow">{t("diagnostic.result.title")}</p>}
        title={t("placement.resultTitle", { level: t(`placement.levels.${current.level}.name`) })}
        description={<PlacementOrigin placement={current} />}
      />

      {data.road ? <NextStep {...data.road} /> : null}

      {current.facts.length ? (
        <Card title={t("placement.whyTitle")} className="space-y-3">
          <EarlierQuestionnaireNote earlier={data.earlier} messageKey="diagnostic.result.earlierQuestionnaire" />
          <FactList facts={current.facts} />
        </Card>
      ) : null}

      <Card title={t("diagnostic.result.trackTitle")} className="space-y-4">
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
        <p className="muted text-sm">{t("placement.commonCore")}</p>
      </Card>

      <Card title={t("diagnostic.retakeTitle")} className="space-y-3">
        {data.retake.status === "waiting" && data.retake.availableAt ? (
          <>
            <p className="text-slate-800">{t("diagnostic.waiting", { date: date(data.retake.availableAt) })}</p>
            <p className="muted text-sm">{t("diagnostic.waitingHelp")}</p>
          </>
        ) : (
          <>
            <p className="text-slate-800">{data.retake.status === "reset" ? t("diagnostic.result.retakeReset") : t("diagnostic.result.retakeOpen")}</p>
            <ButtonLink to="/diagnostic" variant="secondary">
              {t("diagnostic.result.retake")}
            </ButtonLink>
          </>
        )}
      </Card>

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="text-title font-semibold">
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
