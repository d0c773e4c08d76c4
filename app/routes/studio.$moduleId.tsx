import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { notFound, requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModuleEditor } from "~/components/studio/module-editor";
import type { ConflictData, EditorActionData, Lang, PublishProblem } from "~/components/studio/types";
import { fieldProblems, fieldsFromForm, formDraftOf, sourceOfFormDraft, type FormDraft } from "~/domain/module-source";
import { resolveLocale } from "~/i18n/config";
import { listMedia } from "~/models/media.server";
import {
  EditConflict,
  MAX_NOTE_CHARS,
  PublishRefused,
  discardDraft,
  getEditorState,
  publishModule,
  saveDraft,
  type DraftSnapshot,
  type EditorState,
  type Sources,
} from "~/models/studio.server";
import { locateProblems, previewSource } from "~/models/studio-preview.server";
import { InputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

const MAX_BODY_CHARS = 200_000;

/** Bounds only: drafts may hold anything (even unsafe MDX); publication is checked by the model. */
function schema() {
  const text = (max: number) => z.string().max(max, "errors.tooLong").default("");
  const language = {
    fr_title: text(500),
    fr_summary: text(2000),
    fr_duration: text(20),
    fr_objectives: text(5000),
    fr_body: text(MAX_BODY_CHARS),
    en_title: text(500),
    en_summary: text(2000),
    en_duration: text(20),
    en_objectives: text(5000),
    en_body: text(MAX_BODY_CHARS),
  };
  const revision = z.coerce.number({ error: "errors.invalidInput" }).int("errors.invalidInput").min(0, "errors.invalidInput");
  return z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("preview"), lang: z.enum(["fr", "en"], { error: "errors.invalidInput" }), ...language }),
      z.object({ intent: z.literal("save"), mode: z.string().max(20).optional(), revision, ...language }),
      z.object({
        intent: z.literal("publish"),
        revision,
        note: z
          .string()
          .max(MAX_NOTE_CHARS * 2, "errors.tooLong")
          .default(""),
        significant: z.string().max(10).optional(),
        ...language,
      }),
      z.object({ intent: z.literal("discard"), revision }),
    ],
    { error: "errors.invalidInput" },
  );
}

type Form = Exclude<z.infer<ReturnType<typeof schema>>, { intent: "discard" }>;

function draftsOf(form: Form): Record<Lang, FormDraft> {
  return {
    fr: { title: form.fr_title, summary: form.fr_summary, duration: form.fr_duration, objectives: form.fr_objectives, body: form.fr_body },
    en: { title: form.en_title, summary: form.en_summary, duration: form.en_duration, objectives: form.en_objectives, body: form.en_body },
  };
}

function sourcesOf(state: EditorState, drafts: Record<Lang, FormDraft>): Sources {
  return { fr: sourceOfFormDraft(state.id, state.sources.fr, drafts.fr), en: sourceOfFormDraft(state.id, state.sources.en, drafts.en) };
}

function conflictOf(snapshot: DraftSnapshot): ConflictData {
  return {
    revision: snapshot.revision,
    languages: { fr: formDraftOf(snapshot.sources.fr), en: formDraftOf(snapshot.sources.en) },
    updatedByName: snapshot.updatedByName,
    updatedAt: snapshot.updatedAt,
  };
}

/** Field problems of both languages as form errors (fr_title…), translated by the page. */
function fieldErrorsOf(drafts: Record<Lang, FormDraft>, only?: Lang): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const lang of only ? [only] : (["fr", "en"] as const)) {
    for (const [field, key] of Object.entries(fieldProblems(fieldsFromForm(drafts[lang])))) errors[`${lang}_${field}`] = key;
  }
  return errors;
}

export const meta = titled;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "content.author");
  const state = getEditorState(params.moduleId ?? "");
  if (!state) throw notFound();
  const [fr, en] = await Promise.all([previewSource(state.id, state.sources.fr), previewSource(state.id, state.sources.en)]);
  return json({
    title: titleFor(request, viewer, "studioModule", { id: state.id }),
    id: state.id,
    revision: state.revision,
    languages: { fr: formDraftOf(state.sources.fr), en: formDraftOf(state.sources.en) },
    previews: { fr, en },
    status: state.unpublished ? ("unpublished" as const) : state.draft?.changed ? ("draft" as const) : ("published" as const),
    published: state.published
      ? {
          number: state.published.number,
          version: state.published.version,
          createdAt: state.published.createdAt.toISOString(),
          authorName: state.published.authorName,
        }
      : null,
    draft: state.draft ? { updatedAt: state.draft.updatedAt.toISOString(), updatedByName: state.draft.updatedByName, changed: state.draft.changed } : null,
    media: listMedia().map((item) => ({ src: item.src, fileName: item.fileName })),
    initialLang: resolveLocale(request, viewer.locale),
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "content.author");
    const state = getEditorState(params.moduleId ?? "");
    if (!state) throw notFound();
    const form = await parseForm(request, schema());
    if (form.intent === "discard") {
      try {
        const outcome = await discardDraft({ actorId: viewer.id, id: state.id, expectedRevision: form.revision });
        return outcome.kind === "deleted"
          ? redirectWithFlash("/studio", { kind: "success", key: "studio.discard.deleted", params: { id: state.id } })
          : redirectWithFlash(`/studio/${state.id}`, { kind: "success", key: "studio.discard.reverted", params: { number: outcome.number } });
      } catch (error) {
        // Shown next to the discard button, not with the publication's errors.
        if (error instanceof InputError)
          return json<EditorActionData>({ intent: "discard", refused: error.fieldErrors.form ?? "errors.invalidInput" }, { status: error.status });
        throw error;
      }
    }
    const drafts = draftsOf(form);
    switch (form.intent) {
      case "preview": {
        const source = sourceOfFormDraft(state.id, state.sources[form.lang], drafts[form.lang]);
        const preview = await previewSource(state.id, source);
        return json<EditorActionData>({ intent: "preview", lang: form.lang, preview, fieldErrors: fieldErrorsOf(drafts, form.lang) });
      }
      case "save": {
        try {
          const saved = saveDraft(viewer.id, state.id, form.revision, sourcesOf(state, drafts));
          if (form.mode !== "autosave") return redirectWithFlash(`/studio/${state.id}`, { kind: "success", key: "studio.editor.draftSaved" });
          return json<EditorActionData>({ intent: "save", revision: saved.revision, savedAt: saved.updatedAt.toISOString() });
        } catch (error) {
          if (error instanceof EditConflict) return json<EditorActionData>({ intent: "save", conflict: conflictOf(error.current) }, { status: 409 });
          throw error;
        }
      }
      case "publish": {
        const errors = fieldErrorsOf(drafts);
        if (!form.note.trim()) errors.note = "studio.errors.noteRequired";
        if (Object.keys(errors).length > 0) throw new InputError(errors);
        const sources = sourcesOf(state, drafts);
        try {
          const published = await publishModule({
            actorId: viewer.id,
            id: state.id,
            expectedRevision: form.revision,
            sources,
            note: form.note,
            significant: form.significant === "on",
          });
          return redirectWithFlash(`/studio/${state.id}`, { kind: "success", key: "studio.editor.published", params: { number: published.number } });
        } catch (error) {
          if (error instanceof EditConflict) return json<EditorActionData>({ intent: "publish", conflict: conflictOf(error.current) }, { status: 409 });
          if (error instanceof PublishRefused) {
            const problems: PublishProblem[] = (["fr", "en"] as const).flatMap((lang) =>
              locateProblems(
                sources[lang],
                error.problems.filter((p) => p.file === lang),
              ).map((p) => ({ ...p, lang })),
            );
            return json<EditorActionData>({ intent: "publish", problems }, { status: 400 });
          }
          throw error;
        }
      }
    }
  });
}

/** Previews and autosaves change nothing the page loaded: no need to reload its data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, formAction, currentUrl, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (intent === "preview" || (intent === "save" && formData?.get("mode") === "autosave")) return false;
  // An image upload (from the figure dialog) only adds to the media list, which the dialog keeps itself.
  if (formAction && formAction !== currentUrl.pathname && formAction.startsWith("/studio/media")) return false;
  return defaultShouldRevalidate;
};

/** Counts the discards that went through (a redirect, so no action data), to start the editor afresh. */
function useDiscards(actionData: EditorActionData | undefined): number {
  const navigation = useNavigation();
  const discarding = navigation.state !== "idle" && navigation.formData?.get("intent") === "discard";
  const [count, setCount] = useState(0);
  const wasDiscarding = useRef(false);
  useEffect(() => {
    if (discarding) wasDiscarding.current = true;
    else if (wasDiscarding.current) {
      wasDiscarding.current = false;
      if (!actionData) setCount((n) => n + 1);
    }
  }, [discarding, actionData]);
  return count;
}

export default function EditModule() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EditorActionData | undefined;
  const discards = useDiscards(actionData);
  // A publication or a discarded draft starts the editor afresh from the server; otherwise the editor
  // keeps what is typed (its revision follows its own saves, and a concurrent change shows as a conflict).
  return <ModuleEditor key={`${data.id}:${data.published?.number ?? 0}:${discards}`} data={data} actionData={actionData} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
