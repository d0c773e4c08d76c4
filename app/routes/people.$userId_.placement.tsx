/**
 * /people/:userId/placement: a trainer (anyone) or a manager (their teams) sets a person's level with
 * a reason; a trainer or admin lets a person retake the questionnaire. The file name's `_` keeps this
 * page out of /people/:userId's layout, which is for admins only.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { useDates } from "~/components/dates";
import { forbidden, notFound, requireUser, teamScope, type Viewer } from "~/auth/guards.server";
import { canActOn, scopeFor, type Permission } from "~/auth/permissions";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldFrame, FormErrors } from "~/components/form";
import { PlacementHistory, EarlierQuestionnaireNote, FactList, PlacementOrigin } from "~/components/placement";
import { LEVELS } from "~/domain/placement";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { loadQuestionnaire, questionLabels } from "~/models/diagnostic.server";
import {
  allowRetake,
  findPlacementSubject,
  getRetakeStatus,
  OVERRIDE_REASON_MAX,
  overridePlacement,
  placedWithEarlierQuestionnaire,
  placementHistory,
} from "~/models/placement.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z, fields } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
// The page groups of strings this file names (ADR 0032).
import "~/i18n/load/diagnostic.client";
import "~/i18n/load/placement.client";

export const meta = titled;

const PERMISSIONS: Permission[] = ["placement.override", "placement.reset"];

function schema() {
  return z.discriminatedUnion(
    "intent",
    [
      z.object({
        intent: z.literal("override"),
        // Checked against the five levels by the model, which names the problem.
        level: z.string().max(40, "errors.invalidInput").default(""),
        reason: fields.freeText(OVERRIDE_REASON_MAX * 4),
      }),
      z.object({ intent: z.literal("reset") }),
    ],
    { error: "errors.invalidInput" },
  );
}

/** The teams a permission covers for this viewer (undefined: all), or null when it is not held. */
function teamsFor(viewer: Viewer, permission: Permission): readonly string[] | undefined | null {
  const scope = scopeFor(viewer.roles, permission);
  return scope ? teamScope({ ...viewer, scope }) : null;
}

/** Everyone either permission lets the viewer see: undefined when one of them covers all teams. */
function visibleTeams(viewer: Viewer): readonly string[] | undefined {
  const scopes = PERMISSIONS.map((p) => teamsFor(viewer, p)).filter((s) => s !== null);
  if (scopes.some((s) => s === undefined)) return undefined;
  return [...new Set(scopes.flatMap((s) => s ?? []))];
}

function assertAnyPermission(viewer: Viewer) {
  if (!PERMISSIONS.some((p) => scopeFor(viewer.roles, p))) throw forbidden();
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  assertAnyPermission(viewer);
  const person = findPlacementSubject(params.userId ?? "", visibleTeams(viewer));
  if (!person) throw notFound();
  const locale = resolveLocale(request, viewer.locale);
  const history = placementHistory(person.id);
  const current = history.find((p) => p.isCurrent) ?? null;
  const status = getRetakeStatus(person.id);
  const questionnaire = await loadQuestionnaire();
  return json({
    title: titleFor(request, viewer, "personPlacement", { name: person.name }),
    person: { id: person.id, name: person.name, email: person.email, teamName: person.teamName },
    current,
    retake: { status: status.kind, availableAt: status.kind === "waiting" ? status.availableAt.toISOString() : null },
    history,
    questions: questionnaire ? questionLabels(questionnaire, locale) : [],
    earlier:
      current && questionnaire && placedWithEarlierQuestionnaire(current, questionnaire.version)
        ? { version: current.questionnaireVersion ?? 1, current: questionnaire.version }
        : null,
    canOverride: person.id !== viewer.id && canActOn(viewer, "placement.override", person),
    canReset: canActOn(viewer, "placement.reset", person),
    levels: LEVELS,
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requireUser(request, context);
    assertAnyPermission(viewer);
    const form = await parseForm(request, schema());
    const permission: Permission = form.intent === "override" ? "placement.override" : "placement.reset";
    const teamIds = teamsFor(viewer, permission);
    if (teamIds === null) throw forbidden();
    // The scope is applied in the query: outside it, the person does not exist.
    const person = findPlacementSubject(params.userId ?? "", teamIds);
    if (!person) throw notFound();
    const here = `/people/${person.id}/placement`;
    const t = getT(resolveLocale(request, viewer.locale));
    if (form.intent === "override") {
      const { level } = overridePlacement({ id: viewer.id, teamIds }, person.id, { level: form.level, reason: form.reason });
      return redirectWithFlash(here, {
        kind: "success",
        key: "diagnostic.person.overridden",
        params: { name: person.name, level: t(`placement.levels.${level}.name`) },
      });
    }
    allowRetake({ id: viewer.id, teamIds }, person.id);
    return redirectWithFlash(here, { kind: "success", key: "diagnostic.person.resetDone", params: { name: person.name } });
  });
}

export default function PersonPlacement() {
  const { t } = useTranslation();
  const { date } = useDates();
  const data = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.fieldErrors ?? null;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { person, current } = data;
  const reasonError = errors?.reason;
  const levelError = errors?.level;
  return (
    <div className="page-narrow space-y-6">
      <PageHeader
        title={t("diagnostic.person.title", { name: person.name })}
        description={
          <p>
            {person.email}
            {person.teamName ? ` — ${person.teamName}` : ""}
          </p>
        }
        className="mb-0"
      />

      <FormErrors errors={errors} />

      <Card title={t("diagnostic.person.current")} className="space-y-3">
        {current ? (
          <>
            <p className="text-title font-bold text-brand-800">{t(`placement.levels.${current.level}.name`)}</p>
            <PlacementOrigin placement={current} questionnaireKey="staffView.placement.fromQuestionnaire" />
            <EarlierQuestionnaireNote earlier={data.earlier} messageKey="diagnostic.person.earlierQuestionnaire" />
            <FactList facts={current.facts} keys="staffView.placement.facts" />
          </>
        ) : (
          <p className="text-slate-800">{t("diagnostic.person.notPlaced")}</p>
        )}
        <p className="text-sm text-slate-700">
          {data.retake.status === "waiting" && data.retake.availableAt
            ? t("diagnostic.person.waiting", { date: date(data.retake.availableAt) })
            : t("diagnostic.person.mayRetake")}
        </p>
      </Card>

      {data.canOverride ? (
        <Card title={t("diagnostic.person.overrideTitle")}>
          <Form method="post" className="space-y-4" noValidate>
            <p className="text-slate-700">{t("diagnostic.person.overrideIntro")}</p>
            <input type="hidden" name="intent" value="override" />
            <fieldset aria-describedby={levelError ? "level-error" : undefined}>
              <legend className="field-label">
                {t("diagnostic.person.level")}
                <span className="text-red-700" aria-hidden="true">
                  {" "}
                  *
                </span>
              </legend>
              {levelError ? (
                <p id="level-error" className="field-error">
                  {t(levelError)}
                </p>
              ) : null}
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {data.levels.map((level) => (
                  <label key={level} className="flex items-center gap-2 rounded-md border border-slate-300 p-2 hover:bg-slate-50">
                    <input type="radio" name="level" value={level} defaultChecked={current?.level === level} className="h-4 w-4 accent-brand-700" />
                    <span>{t(`placement.levels.${level}.name`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <FieldFrame
              id="reason"
              label={t("diagnostic.person.reason")}
              hint={t("diagnostic.person.reasonHint")}
              error={reasonError ? t(reasonError) : null}
              required
            >
              {(aria) => <textarea {...aria} name="reason" required maxLength={500} rows={3} className="field-input" />}
            </FieldFrame>
            <Button type="submit" disabled={busy}>
              {t("diagnostic.person.overrideSubmit")}
            </Button>
          </Form>
        </Card>
      ) : null}

      {data.canReset && current ? (
        <Card title={t("diagnostic.person.resetTitle")} className="space-y-3">
          {current.retakeAllowed ? (
            <p className="text-slate-800">{t("diagnostic.person.resetAlready")}</p>
          ) : (
            <Form method="post" className="space-y-3">
              <p className="text-slate-700">{t("diagnostic.person.resetIntro")}</p>
              <input type="hidden" name="intent" value="reset" />
              <Button type="submit" variant="secondary" disabled={busy}>
                {t("diagnostic.person.resetSubmit")}
              </Button>
            </Form>
          )}
        </Card>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title" className="text-heading font-semibold">
          {t("diagnostic.history.title")}
        </h2>
        <PlacementHistory rows={data.history} questions={data.questions} titleId="history-title" />
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
