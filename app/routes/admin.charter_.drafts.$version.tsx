import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { notFound, requirePermission } from "~/auth/guards.server";
import { CharterEditor, type CharterEditorAction } from "~/components/charter/charter-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import {
  CHARTER_PARTS,
  CharterEditConflict,
  PublishRefused,
  discardCharterDraft,
  getCharterDraft,
  previewCharterPart,
  publishCharterDraft,
  saveCharterDraft,
  type CharterDraftSnapshot,
  type CharterPart,
} from "~/models/charter-drafts.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";

const MAX_TEXT_CHARS = 200_000;

/** Bounds only: drafts may hold anything (even unsafe MDX); publication is checked by the model. */
function schema() {
  const text = z.string().max(MAX_TEXT_CHARS, "errors.tooLong").default("");
  const texts = { fr_source: text, en_source: text, check_source: text };
  const revision = z.coerce.number({ error: "errors.invalidInput" }).int("errors.invalidInput").min(0, "errors.invalidInput");
  return z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("preview"), lang: z.enum(CHARTER_PARTS, { error: "errors.invalidInput" }), ...texts }),
      z.object({ intent: z.literal("save"), mode: z.string().max(20).optional(), revision, ...texts }),
      z.object({ intent: z.literal("publish"), revision, ...texts }),
      z.object({ intent: z.literal("discard"), revision }),
    ],
    { error: "errors.invalidInput" },
  );
}

const conflictOf = (snapshot: CharterDraftSnapshot) => ({
  revision: snapshot.revision,
  languages: snapshot.texts,
  updatedByName: snapshot.updatedByName,
  updatedAt: snapshot.updatedAt,
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Ambassade" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "charter.manage");
  const draft = await getCharterDraft(params.version ?? "");
  if (!draft) throw notFound();
  const previews = Object.fromEntries(
    await Promise.all(CHARTER_PARTS.map(async (part) => [part, await previewCharterPart(draft.version, part, draft.texts[part])] as const)),
  ) as Record<CharterPart, Awaited<ReturnType<typeof previewCharterPart>>>;
  const locale = resolveLocale(request, viewer.locale);
  return json({
    title: `${getT(locale)("charterEditor.editor.title", { version: draft.version })} · Ambassade`,
    version: draft.version,
    revision: draft.revision,
    languages: draft.texts,
    previews,
    inForce: draft.inForce,
    updatedAt: draft.updatedAt.toISOString(),
    updatedByName: draft.updatedByName,
    initialLang: locale,
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "charter.manage");
    const version = params.version ?? "";
    const form = await parseForm(request, schema());
    if (form.intent === "discard") {
      discardCharterDraft(viewer.id, version, form.revision);
      return redirectWithFlash("/admin/charter", { kind: "success", key: "charterEditor.editor.discarded", params: { version } });
    }
    const texts = { fr: form.fr_source, en: form.en_source, check: form.check_source };
    switch (form.intent) {
      case "preview": {
        if (!(await getCharterDraft(version))) throw notFound();
        const preview = await previewCharterPart(version, form.lang, texts[form.lang]);
        return json<CharterEditorAction>({ intent: "preview", lang: form.lang, preview, fieldErrors: {} });
      }
      case "save": {
        try {
          const saved = saveCharterDraft(viewer.id, version, form.revision, texts);
          if (form.mode !== "autosave") return redirectWithFlash(`/admin/charter/drafts/${version}`, { kind: "success", key: "charterEditor.editor.idle" });
          return json<CharterEditorAction>({ intent: "save", revision: saved.revision, savedAt: saved.updatedAt.toISOString() });
        } catch (error) {
          if (error instanceof CharterEditConflict) return json<CharterEditorAction>({ intent: "save", conflict: conflictOf(error.current) }, { status: 409 });
          throw error;
        }
      }
      case "publish": {
        try {
          const { suspended } = await publishCharterDraft({ actorId: viewer.id, version, expectedRevision: form.revision, texts });
          return redirectWithFlash("/admin/charter", { kind: "success", key: "accreditation.adminCharter.published", params: { version, count: suspended } });
        } catch (error) {
          if (error instanceof CharterEditConflict)
            return json<CharterEditorAction>({ intent: "publish", conflict: conflictOf(error.current) }, { status: 409 });
          if (error instanceof PublishRefused) {
            const problems = error.problems.map((p) => ({
              part: (CHARTER_PARTS as readonly string[]).includes(p.file) ? (p.file as CharterPart) : "fr",
              line: p.line,
              col: p.col,
              message: p.message,
              ...(p.code ? { code: p.code, params: p.params ?? {} } : {}),
            }));
            return json<CharterEditorAction>({ intent: "publish", problems }, { status: 400 });
          }
          throw error;
        }
      }
    }
  });
}

/** Previews and autosaves change nothing the page loaded: no need to reload its data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (intent === "preview" || (intent === "save" && formData?.get("mode") === "autosave")) return false;
  return defaultShouldRevalidate;
};

export default function CharterDraftPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as CharterEditorAction | undefined;
  return <CharterEditor key={data.version} data={data} actionData={actionData} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
