import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { DateTime } from "~/components/dates";
import { requirePermission } from "~/auth/guards.server";
import { Breadcrumb } from "~/components/breadcrumb";
import { PageHeader } from "~/components/ui/page-header";
import { Card } from "~/components/ui/card";
import { Button } from "~/components/ui/button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldFrame, FormErrors, useIsPending } from "~/components/form";
import { LIST_NAMES, TrackEditor, type Lists } from "~/components/studio/track-editor";
import { loadContentLibrary, lookupModule } from "~/content/library.server";
import { resolveLocale } from "~/i18n/config";
import { MAX_NOTE_CHARS } from "~/models/studio.server";
import { getTracksState, publishTracks } from "~/models/studio-tracks.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z, fields } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

function schema() {
  const list = () => z.array(z.string().max(100, "errors.invalidInput")).max(200, "errors.invalidInput");
  return z.object({
    basedOn: z.coerce.number({ error: "errors.invalidInput" }).int("errors.invalidInput").min(0, "errors.invalidInput"),
    note: fields.freeText(MAX_NOTE_CHARS * 2),
    core: list(),
    native: list(),
    late_adopter: list(),
    reluctant: list(),
    objector: list(),
    beginner: list(),
  });
}

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "content.author");
  const locale = resolveLocale(request, viewer.locale);
  const library = await loadContentLibrary();
  const state = getTracksState(library);
  const tracks = state.tracks;
  const lists: Lists | null = tracks ? { core: tracks.core, ...tracks.levels } : null;
  const modules = [...library.modules.keys()].sort().map((id) => ({ id, title: lookupModule(library, id, locale)?.module.title ?? id }));
  return json({
    title: titleFor(request, viewer, "studioTracks"),
    lists,
    basedOn: state.basedOn,
    modules,
    history: state.history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "content.author");
    const form = await parseForm(request, schema(), { arrayFields: [...LIST_NAMES] });
    await publishTracks({
      actorId: viewer.id,
      basedOn: form.basedOn,
      note: form.note,
      lists: {
        core: form.core,
        levels: { native: form.native, late_adopter: form.late_adopter, reluctant: form.reluctant, objector: form.objector, beginner: form.beginner },
      },
    });
    return redirectWithFlash("/studio/tracks", { kind: "success", key: "studio.tracks.published" });
  });
}

export default function StudioTracks() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors ?? null;
  const busy = useIsPending();
  return (
    <div className="page-wide space-y-6">
      <Breadcrumb label={t("studio.editor.breadcrumb")} trail={[{ to: "/studio", label: t("studio.title") }]} current={t("studio.tracks.title")} />
      <PageHeader title={t("studio.tracks.title")} description={t("studio.tracks.intro")} className="mb-0" />

      {!data.lists ? (
        <p role="alert" className="card text-slate-800">
          {t("studio.tracks.unavailable")}
        </p>
      ) : (
        <Form method="post" noValidate className="space-y-6">
          <FormErrors errors={errors} />
          <input type="hidden" name="basedOn" value={data.basedOn} />
          <TrackEditor key={data.basedOn} initial={data.lists} modules={data.modules} />
          <Card title={t("studio.tracks.publishTitle")} className="space-y-3">
            <p className="text-sm text-slate-700">{t("studio.tracks.publishIntro")}</p>
            <FieldFrame id="tracks-note" label={t("studio.editor.note")} error={errors?.note ? t(errors.note) : null} required>
              {(aria) => <textarea {...aria} name="note" rows={2} maxLength={MAX_NOTE_CHARS} className="field-input" />}
            </FieldFrame>
            <Button type="submit" disabled={busy}>
              {t("studio.tracks.publish")}
            </Button>
          </Card>
        </Form>
      )}

      {data.history.length > 0 ? (
        <Card title={t("studio.tracks.history")}>
          <ul className="mt-3 space-y-2 text-sm">
            {data.history.map((entry) => (
              <li key={entry.id}>
                <span className="font-semibold">
                  <DateTime value={entry.createdAt} />
                </span>{" "}
                — {entry.authorName ?? t("studio.editor.importAuthor")} — {entry.note}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
