import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "~/i18n/react";
import { notFound, requirePermission } from "~/auth/guards.server";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/form-errors";
import { MdxSegments } from "~/components/mdx/mdx-segments";
import { personalSegments, prerenderedSegments } from "~/components/mdx/prerender.server";
import { ModuleInteractionContext, fieldErrorsOf, type ModuleInteraction } from "~/components/mdx/module-context";
import { StatusBadge } from "~/components/track/track-ui";
import { TableOfContents, useReadingProgress } from "~/components/track/module-ui";
import { lookupModule } from "~/content/library.server";
import { needsReview } from "~/domain/track";
import { resolveLocale } from "~/i18n/config";
import {
  REFLECTION_MAX_CHARS,
  answerCheck,
  completeReview,
  getLearnerModuleState,
  moduleReflections,
  passedChecks,
  recordVisit,
  saveReflection,
} from "~/models/progress.server";
import { findTrackModule, moduleProblems } from "~/models/track.server";
import { InputError } from "~/utils/errors";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import { roadStepFor } from "~/models/accreditation-views.server";
import { NextStep } from "~/components/next-step";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/track.client";
import "~/i18n/load/module.client";

/** Bounds only: the model says which check, option, reflection or section is unknown, in words. */
function schema() {
  const id = () => z.string().max(100, "errors.invalidInput").default("");
  return z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("check"), checkId: id(), optionId: id(), lang: z.enum(["fr", "en"], { error: "errors.invalidInput" }).optional() }),
      z.object({ intent: z.literal("visit"), section: z.string().max(200, "errors.invalidInput").optional() }),
      // The model counts characters once line breaks are normalised; this only bounds the input.
      z.object({
        intent: z.literal("reflection"),
        reflectionId: id(),
        text: z
          .string()
          .max(REFLECTION_MAX_CHARS * 2, "errors.tooLong")
          .default(""),
      }),
      z.object({ intent: z.literal("review") }),
    ],
    { error: "errors.invalidInput" },
  );
}

export const meta = titled;

/**
 * Reads only: the learner's level and progress row (one query), their passed checks and their
 * reflections (one query each). The module's tree comes compiled from the library.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const moduleId = params.moduleId ?? "";
  const state = getLearnerModuleState(viewer.id, moduleId);
  // Not placed yet: no track, so no module; the page says where to start (no redirect, so that a
  // refused post from an unplaced person still shows its message).
  if (!state.level) return json({ placed: false as const, available: false as const, title: titleFor(request, viewer, "track") });
  const locale = resolveLocale(request, viewer.locale);
  const found = await findTrackModule(state.level, moduleId, locale);
  if (!found) throw notFound();

  const { order, lookup, library } = found;
  const index = order.indexOf(moduleId);
  const neighbour = (id: string | undefined) => (id ? { id, title: lookupModule(library, id, locale)?.module.title ?? null } : null);
  const place = { moduleId, position: index + 1, total: order.length, previous: neighbour(order[index - 1]), next: neighbour(order[index + 1]) };

  if (!lookup) {
    const why = moduleProblems(library, moduleId);
    console.warn(
      `[track] module "${moduleId}" is in the ${state.level} track but unavailable: ${why.length ? why.join("; ") : "it is not in the content library"}`,
    );
    return json({ ...place, placed: true as const, available: false as const, title: titleFor(request, viewer, "track") });
  }

  const module = lookup.module;
  const passedOptions = passedChecks(viewer.id, moduleId);
  const passed: ModuleInteraction["passed"] = {};
  for (const check of module.checks) {
    const optionId = passedOptions.get(check.id);
    if (optionId) passed[check.id] = { optionId, explanation: check.options.find((o) => o.id === optionId)?.explanation ?? "" };
  }
  const reflections: ModuleInteraction["reflections"] = {};
  for (const [id, saved] of moduleReflections(viewer.id, moduleId)) reflections[id] = { ...saved, updatedAt: saved.updatedAt.toISOString() };
  const status: "not_started" | "in_progress" | "completed" = state.progress?.status ?? "not_started";
  const lastSection = status === "in_progress" ? (module.headings.find((h) => h.id === state.progress?.lastSection) ?? null) : null;

  return json({
    ...place,
    title: titleFor(request, viewer, "trackModule", { title: module.title }),
    placed: true as const,
    available: true as const,
    module: {
      title: module.title,
      summary: module.summary,
      duration: module.duration,
      objectives: module.objectives,
      // Knowledge checks show their options in this person's own order (ADR 0026).
      segments: personalSegments(prerenderedSegments(module.tree, lookup.locale, locale), viewer.id, moduleId),
      headings: module.headings,
      checkCount: module.checks.length,
    },
    contentLocale: lookup.locale,
    wantedLocale: locale,
    fallback: lookup.fallback,
    status,
    // Completed before a significant change: asked to review it (the completion is kept).
    needsReview: needsReview(state.progress, library.modules.get(moduleId)),
    lastSection,
    passed,
    reflections,
    reflectionMax: REFLECTION_MAX_CHARS,
    // The last module ends on the road's next step (the exam, the charter…) rather than on the track.
    road: place.next === null && status === "completed" ? await roadStepFor(viewer.id, new Date(), locale) : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "learn");
    const moduleId = params.moduleId ?? "";
    const state = getLearnerModuleState(viewer.id, moduleId);
    if (!state.level) throw new InputError({ form: "track.errors.notPlaced" }, 409);
    const found = await findTrackModule(state.level, moduleId, resolveLocale(request, viewer.locale));
    if (!found?.lookup) throw notFound();
    const form = await parseForm(request, schema());
    switch (form.intent) {
      case "check": {
        // Graded in the language the learner read (each language has its own option order).
        const graded = (form.lang && lookupModule(found.library, moduleId, form.lang)) || found.lookup;
        const result = answerCheck({
          userId: viewer.id,
          moduleId,
          version: graded.version,
          checks: graded.module.checks,
          checkId: form.checkId,
          optionId: form.optionId,
        });
        return json({ intent: "check" as const, checkId: form.checkId, optionId: form.optionId, ...result });
      }
      case "visit": {
        recordVisit(
          viewer.id,
          moduleId,
          form.section ?? null,
          found.lookup.module.headings.map((h) => h.id),
        );
        return json({ intent: "visit" as const });
      }
      case "reflection": {
        const saved = saveReflection({
          userId: viewer.id,
          moduleId,
          reflections: found.lookup.module.reflections,
          reflectionId: form.reflectionId,
          text: form.text,
        });
        return json({ intent: "reflection" as const, reflectionId: form.reflectionId, reviewStatus: saved.reviewStatus });
      }
      case "review": {
        completeReview({ userId: viewer.id, moduleId, version: found.lookup.version, checks: found.lookup.module.checks });
        return json({ intent: "review" as const });
      }
    }
  });
}

/** Recording where the reader is changes nothing on the page: no need to reload its data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "visit" ? false : defaultShouldRevalidate;

export default function ModulePage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formAction = data.placed ? `/track/${data.moduleId}` : "";
  const available = data.available;
  useReadingProgress(formAction, available ? data.module.headings.map((h) => h.id) : [], available && data.status !== "completed");

  const interaction = useMemo<ModuleInteraction | null>(
    () =>
      data.available
        ? {
            moduleId: data.moduleId,
            action: formAction,
            contentLocale: data.contentLocale,
            passed: data.passed,
            reflections: data.reflections,
            reflectionMax: data.reflectionMax,
            actionData,
          }
        : null,
    [data, formAction, actionData],
  );

  if (!data.placed) {
    return (
      <div className="page-narrow">
        <section role="alert" aria-labelledby="not-placed-title" className="card">
          <h1 id="not-placed-title" className="page-title">
            {t("track.notPlacedTitle")}
          </h1>
          <p className="muted mt-3">{t("track.errors.notPlaced")}</p>
          <p className="mt-4">
            <ButtonLink to="/diagnostic">{t("track.takeDiagnostic")}</ButtonLink>
          </p>
        </section>
      </div>
    );
  }

  const around = (
    <nav aria-label={t("track.module.around")} className="module-around">
      {data.previous ? (
        <Link to={`/track/${data.previous.id}`} className="card">
          <span>← {t("track.module.previous")}</span>
          {data.previous.title ?? t("track.untitled")}
        </Link>
      ) : (
        <span />
      )}
      {data.next ? (
        <Link to={`/track/${data.next.id}`} className="card text-right">
          <span>{t("track.module.next")} →</span>
          {data.next.title ?? t("track.untitled")}
        </Link>
      ) : null}
    </nav>
  );

  const breadcrumb = (current: string) => (
    <Breadcrumb label={t("track.module.breadcrumb")} trail={[{ to: "/track", label: t("track.title") }]} current={current} />
  );

  if (!data.available) {
    return (
      <div className="page-narrow">
        {breadcrumb(t("track.module.unavailableTitle"))}
        <section role="alert" aria-labelledby="unavailable-title" className="card mt-6">
          <p className="muted text-sm">{t("track.position", { position: data.position, total: data.total })}</p>
          <h1 id="unavailable-title" className="page-title mt-1">
            {t("track.module.unavailableTitle")}
          </h1>
          <p className="muted mt-3">{t("track.module.unavailableBody")}</p>
          <p className="mt-4">
            <ButtonLink to="/track" variant="secondary">
              {t("track.module.backToTrack")}
            </ButtonLink>
          </p>
        </section>
        {around}
      </div>
    );
  }

  const { module, contentLocale } = data;
  const lang = data.fallback ? contentLocale : undefined;
  const passedCount = Object.keys(data.passed).length;
  const completed = data.status === "completed";
  const plainErrors = fieldErrorsOf(actionData);

  return (
    <div className="page-wide">
      {breadcrumb(module.title)}
      <div className="module-layout">
        <aside>
          <TableOfContents headings={module.headings} variant="sidebar" lang={contentLocale} />
        </aside>
        <div className="module-column">
          <PageHeader
            before={
              <p className="module-meta">
                <span>{t("track.position", { position: data.position, total: data.total })}</span>
                <span>{t("track.readingTime", { count: module.duration })}</span>
                <StatusBadge status={data.status} />
              </p>
            }
            title={module.title}
            titleLang={lang}
            description={<p lang={lang}>{module.summary}</p>}
          />

          {data.needsReview ? (
            <section aria-labelledby="review-title" className="callout-warning mt-4">
              <h2 id="review-title" className="font-semibold">
                {t("studio.learner.updatedTitle")}
              </h2>
              <p className="mt-1">{t("studio.learner.updatedBody")}</p>
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="review" />
                <Button type="submit" variant="secondary">
                  {t("studio.learner.markReviewed")}
                </Button>
              </Form>
            </section>
          ) : null}

          {data.fallback ? (
            <p role="note" className="callout-warning mt-4">
              {t("track.module.fallback", {
                wanted: t(`track.module.languages.${data.wantedLocale}`),
                shown: t(`track.module.languages.${contentLocale}`),
              })}
            </p>
          ) : null}

          {plainErrors ? (
            <div className="mt-4">
              <FormErrors errors={plainErrors} />
            </div>
          ) : null}

          {data.lastSection ? (
            <p className="mt-4">
              <a href={`#${data.lastSection.id}`} className="btn-secondary">
                {t("track.module.resume", { section: data.lastSection.text })}
              </a>
            </p>
          ) : null}

          <Card title={t("track.module.objectives")} className="mt-6">
            <ul className="bullets" lang={lang}>
              {module.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </Card>

          <div className="mt-6">
            <TableOfContents headings={module.headings} variant="collapsible" lang={contentLocale} />
          </div>

          <ModuleInteractionContext.Provider value={interaction}>
            <article lang={contentLocale} className="module-text">
              <MdxSegments segments={module.segments} lang={contentLocale} />
            </article>
          </ModuleInteractionContext.Provider>

          <div aria-live="polite" className="mt-8">
            {completed ? (
              <section aria-labelledby="completed-title" className="callout-success">
                <h2 id="completed-title" className="text-title font-bold">
                  <span aria-hidden="true">✓ </span>
                  {t("track.module.completedTitle")}
                </h2>
                <p className="mt-1">{t("track.module.completedBody")}</p>
                <p className="actions mt-3">
                  {data.next ? (
                    <ButtonLink to={`/track/${data.next.id}`}>{t("track.module.nextUp", { title: data.next.title ?? t("track.untitled") })}</ButtonLink>
                  ) : null}
                  {data.next || !data.road ? (
                    <ButtonLink to="/track" variant="secondary">
                      {t("track.module.backToTrack")}
                    </ButtonLink>
                  ) : null}
                </p>
                {!data.next && data.road ? (
                  <div className="mt-4">
                    <NextStep {...data.road} />
                  </div>
                ) : null}
              </section>
            ) : (
              <p className="muted text-sm">{t("track.module.checksLeft", { count: module.checkCount, left: module.checkCount - passedCount })}</p>
            )}
          </div>

          {around}
        </div>
      </div>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
