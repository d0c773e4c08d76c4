import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { useDates } from "~/components/dates";
import { notFound, requirePermission } from "~/auth/guards.server";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, ButtonLink } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { fieldAria } from "~/components/form";
import { DiffView } from "~/components/studio/diff-view";
import { ProblemMessage, type SaidProblem } from "~/components/studio/problem-message";
import { diffHunks, diffLines, diffStats } from "~/domain/diff";
import { readFields } from "~/domain/module-source";
import { resolveLocale } from "~/i18n/config";
import { MAX_NOTE_CHARS, PublishRefused, getEditorState, getVersionSources, listVersions, rollbackModule } from "~/models/studio.server";
import { InputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z, fields } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

type HistoryProblem = SaidProblem & { where: string };

function querySchema() {
  return z.object({
    a: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
    b: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
    lang: z.enum(["fr", "en"]).optional().catch(undefined),
  });
}

function rollbackSchema() {
  return z.object({
    intent: z.literal("rollback", { error: "errors.invalidInput" }),
    number: z.coerce.number({ error: "errors.invalidInput" }).int("errors.invalidInput").min(1, "errors.invalidInput"),
    note: fields.freeText(MAX_NOTE_CHARS * 2),
  });
}

export const meta = titled;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "content.author");
  const state = getEditorState(params.moduleId ?? "");
  if (!state) throw notFound();
  const versions = listVersions(state.id);
  const query = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const lang = query.lang ?? resolveLocale(request, viewer.locale);
  // By default: what the latest version changed.
  const b = query.b ?? versions[0]?.number;
  const a = query.a ?? versions[1]?.number;
  const from = a !== undefined ? getVersionSources(state.id, a) : null;
  const to = b !== undefined ? getVersionSources(state.id, b) : null;
  const lines = from && to ? diffLines(from[lang], to[lang]) : null;
  return json({
    id: state.id,
    title: titleFor(request, viewer, "studioHistory", { id: state.id }),
    moduleTitle: readFields(state.publishedSources?.[lang] ?? state.sources[lang]).title || state.id,
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    compare: lines && a !== undefined && b !== undefined ? { a, b, lang, hunks: diffHunks(lines), stats: diffStats(lines) } : null,
    lang,
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "content.author");
    const state = getEditorState(params.moduleId ?? "");
    if (!state) throw notFound();
    const form = await parseForm(request, rollbackSchema());
    try {
      const { number } = await rollbackModule({ actorId: viewer.id, id: state.id, toNumber: form.number, note: form.note });
      return redirectWithFlash(`/studio/${state.id}/history`, { kind: "success", key: "studio.history.rolledBack", params: { number, restored: form.number } });
    } catch (error) {
      type Failure = { number: number; fieldErrors: Record<string, string>; problems: HistoryProblem[] | null };
      if (error instanceof InputError) return json<Failure>({ number: form.number, fieldErrors: error.fieldErrors, problems: null }, { status: error.status });
      if (error instanceof PublishRefused) {
        // Said in the trainer's language by the page (the file is the language: "fr" or "en").
        const problems = error.problems.map((p): HistoryProblem => ({
          where: `${p.file}:${p.line}:${p.col}`,
          message: p.message,
          code: p.code,
          params: p.params,
        }));
        return json<Failure>({ number: form.number, fieldErrors: { form: "studio.history.invalidVersion" }, problems }, { status: 400 });
      }
      throw error;
    }
  });
}

export default function ModuleHistory() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failure = result && "number" in result ? (result as { number: number; fieldErrors: Record<string, string>; problems: HistoryProblem[] | null }) : null;
  const failedFor = failure?.number ?? null;
  const { dateTime: date } = useDates();
  const latest = data.versions[0]?.number;
  return (
    <div className="page-wide space-y-6">
      <Breadcrumb
        label={t("studio.editor.breadcrumb")}
        trail={[
          { to: "/studio", label: t("studio.title") },
          { to: `/studio/${data.id}`, label: data.id },
        ]}
        current={t("studio.history.title")}
      />
      <PageHeader
        title={t("studio.history.heading", { title: data.moduleTitle })}
        actions={
          <ButtonLink to={`/studio/${data.id}`} variant="secondary">
            {t("staffPages.studio.backToEditor")}
          </ButtonLink>
        }
        className="mb-0"
      />

      {data.versions.length === 0 ? (
        <EmptyState title={t("studio.history.none")}>{t("staffPages.studio.historyEmptyHint")}</EmptyState>
      ) : (
        <section aria-labelledby="versions-title" className="space-y-3">
          <h2 id="versions-title" className="text-xl font-semibold">
            {t("studio.history.versions")}
          </h2>
          <ol className="space-y-3">
            {data.versions.map((version) => (
              <li key={version.number} className="card space-y-2 p-4">
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-semibold">{t("studio.history.version", { number: version.number, version: version.version ?? "?" })}</span>
                  <span className="text-sm text-slate-700">{date(version.createdAt)}</span>
                  <span className="text-sm text-slate-700">{version.authorName ?? t("studio.editor.importAuthor")}</span>
                  {version.number === latest ? (
                    <span className="rounded-full border border-emerald-300 bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-900">
                      {t("studio.history.current")}
                    </span>
                  ) : null}
                  {version.significant ? (
                    <span className="rounded-full border border-amber-600 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-950">
                      {t("studio.history.significant")}
                    </span>
                  ) : null}
                  <span className="text-xs text-slate-700">{t(`studio.history.origin.${version.origin}`)}</span>
                </p>
                <p className="text-slate-800">{version.changeNote}</p>
                <p className="flex flex-wrap gap-3 text-sm">
                  {version.number > 1 ? (
                    <Link to={`?a=${version.number - 1}&b=${version.number}&lang=${data.lang}#diff`} className="link">
                      {t("studio.history.compareWithPrevious", { number: version.number })}
                    </Link>
                  ) : null}
                </p>
                {version.number !== latest ? (
                  <details open={failedFor === version.number}>
                    <summary className="cursor-pointer text-sm font-semibold text-brand-800">
                      {t("studio.history.rollback", { number: version.number })}
                    </summary>
                    <Form method="post" noValidate className="mt-2 space-y-2">
                      <input type="hidden" name="intent" value="rollback" />
                      <input type="hidden" name="number" value={version.number} />
                      {failure && failedFor === version.number && failure.fieldErrors.form ? (
                        <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
                          <p>{t(failure.fieldErrors.form)}</p>
                          {failure.problems ? (
                            <ul className="mt-1 list-disc pl-5 text-sm">
                              {failure.problems.map((p, index) => (
                                <li key={index}>
                                  {p.where} <ProblemMessage problem={p} />
                                </li>
                              ))}
                            </ul>
                          ) : null}
                        </div>
                      ) : null}
                      <label htmlFor={`note-${version.number}`} className="field-label">
                        {t("studio.editor.note")}
                      </label>
                      {/* Invalid only for a note error; a version error is shown in the same place but is not the note's fault. */}
                      <textarea
                        {...fieldAria(`note-${version.number}`, false, failedFor === version.number && Boolean(failure?.fieldErrors.note))}
                        name="note"
                        rows={2}
                        maxLength={MAX_NOTE_CHARS}
                        className="field-input"
                      />
                      {failure && failedFor === version.number && (failure.fieldErrors.note || failure.fieldErrors.version) ? (
                        <p id={`note-${version.number}-error`} className="field-error">
                          {t(failure.fieldErrors.note ?? failure.fieldErrors.version ?? "errors.invalidInput")}
                        </p>
                      ) : null}
                      <Button type="submit" disabled={navigation.state === "submitting"} variant="danger">
                        {t("studio.history.rollbackSubmit", { number: version.number })}
                      </Button>
                    </Form>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      )}

      {data.versions.length > 1 ? (
        <section id="diff" aria-labelledby="diff-title" className="card space-y-4">
          <h2 id="diff-title" className="text-xl font-semibold">
            {t("studio.history.compare")}
          </h2>
          <Form method="get" className="flex flex-wrap items-end gap-3">
            <VersionSelect name="a" label={t("studio.history.from")} versions={data.versions} defaultValue={data.compare?.a} />
            <VersionSelect name="b" label={t("studio.history.to")} versions={data.versions} defaultValue={data.compare?.b} />
            <div>
              <label htmlFor="compare-lang" className="field-label">
                {t("studio.history.language")}
              </label>
              <select id="compare-lang" name="lang" defaultValue={data.lang} className="field-input">
                {(["fr", "en"] as const).map((lang) => (
                  <option key={lang} value={lang}>
                    {t(`studio.languages.${lang}`)}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary">
              {t("studio.history.compareSubmit")}
            </Button>
          </Form>
          {data.compare ? (
            <>
              <p className="text-sm text-slate-700">
                {t("studio.history.stats", { a: data.compare.a, b: data.compare.b, added: data.compare.stats.added, removed: data.compare.stats.removed })}
              </p>
              <DiffView hunks={data.compare.hunks} label={t("studio.history.diffLabel", { a: data.compare.a, b: data.compare.b })} lang={data.compare.lang} />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** One end of the comparison: a version of the module. */
function VersionSelect({
  name,
  label,
  versions,
  defaultValue,
}: {
  name: "a" | "b";
  label: string;
  versions: { number: number; version: number | null }[];
  defaultValue: number | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={`compare-${name}`} className="field-label">
        {label}
      </label>
      <select id={`compare-${name}`} name={name} defaultValue={defaultValue} className="field-input">
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t("studio.history.version", { number: v.number, version: v.version ?? "?" })}
          </option>
        ))}
      </select>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
