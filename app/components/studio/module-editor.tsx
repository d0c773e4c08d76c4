/**
 * The studio's module editor: the frontmatter as a form and the body in a code editor, per language;
 * a component palette; a live preview rendered by the learners' own renderer (the server compiles,
 * ~400 ms after typing stops); autosave of the shared draft (~1.5 s), with its state always visible;
 * and what to do when a colleague saved in between (both texts, their difference, merge by hand).
 * Without JavaScript it is one plain form: both languages, "Save draft" and "Publish" buttons.
 */
import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { Button, ButtonLink } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { useDates } from "~/components/dates";
import { Breadcrumb } from "~/components/breadcrumb";
import { FieldFrame, FormErrors } from "~/components/form";
import { MdxContent } from "~/components/mdx/mdx-content";
import { CodeEditor, type CodeEditorHandle } from "./code-editor";
import { ConflictPanel } from "./conflict-panel";
import { flatten } from "./draft-fields";
import { FigureDialog } from "./figure-dialog";
import { ProblemMessage, useProblemText } from "./problem-message";
import { useAutosave } from "./use-autosave";
import { useLivePreview } from "./use-live-preview";
import { LANGS, type EditorActionData, type Lang, type LanguageDraft, type MediaOption, type Preview } from "./types";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/track.client";

export type ModuleEditorData = {
  id: string;
  revision: number;
  languages: Record<Lang, LanguageDraft>;
  previews: Record<Lang, Preview>;
  status: "published" | "draft" | "unpublished";
  published: { number: number; version: number | null; createdAt: string; authorName: string | null } | null;
  draft: { updatedAt: string; updatedByName: string | null; changed: boolean } | null;
  media: MediaOption[];
  initialLang: Lang;
};

/** The whole language as one text, so that a diff shows field changes as well as body changes. */
function asText(draft: LanguageDraft): string {
  return [
    `title: ${draft.title}`,
    `summary: ${draft.summary}`,
    `duration: ${draft.duration}`,
    "objectives:",
    ...draft.objectives.split("\n").map((o) => `  - ${o}`),
    "---",
    draft.body,
  ].join("\n");
}

function snippets(lang: Lang, body: string) {
  const fr = lang === "fr";
  const nextId = (prefix: string) => {
    let n = 1;
    while (body.includes(`id="${prefix}-${n}"`)) n++;
    return `${prefix}-${n}`;
  };
  return {
    callout: `\n\n<Callout type="tip" title="${fr ? "Un conseil" : "A tip"}">\n${fr ? "Le texte de l’encadré." : "The callout's text."}\n</Callout>\n\n`,
    exampleDo: `\n\n<Example kind="do" title="${fr ? "À faire" : "Do"}">\n${fr ? "Un exemple à suivre." : "An example to follow."}\n</Example>\n\n`,
    exampleDont: `\n\n<Example kind="dont" title="${fr ? "À éviter" : "Don't"}">\n${fr ? "Un exemple à éviter." : "An example to avoid."}\n</Example>\n\n`,
    check: `\n\n<KnowledgeCheck id="${nextId(fr ? "question" : "check")}" question="${fr ? "La question\u202f?" : "The question?"}">\n  <Option explanation="${fr ? "Pourquoi c’est faux." : "Why this is wrong."}">${fr ? "Une mauvaise réponse" : "A wrong answer"}</Option>\n  <Option correct explanation="${fr ? "Pourquoi c’est juste." : "Why this is right."}">${fr ? "La bonne réponse" : "The right answer"}</Option>\n</KnowledgeCheck>\n\n`,
    reflection: `\n\n<Reflection id="${nextId(fr ? "reflexion" : "reflection")}" prompt="${fr ? "Une question à laquelle l’apprenant répond en quelques phrases." : "A question the learner answers in a few sentences."}" />\n\n`,
    clause: `\n\n<PolicyClause ref="1.1" title="${fr ? "Titre de la clause" : "Clause title"}">\n${fr ? "Le texte de la clause." : "The clause text."}\n</PolicyClause>\n\n`,
  };
}

export function ModuleEditor({ data, actionData }: { data: ModuleEditorData; actionData: EditorActionData | undefined }) {
  const { t } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  const [active, setActive] = useState<Lang>(data.initialLang);
  const [drafts, setDrafts] = useState(data.languages);
  const [figureOpen, setFigureOpen] = useState(false);
  const [media, setMedia] = useState(data.media);
  const frEditor = useRef<CodeEditorHandle>(null);
  const enEditor = useRef<CodeEditorHandle>(null);
  const editors: Record<Lang, React.RefObject<CodeEditorHandle>> = { fr: frEditor, en: enEditor };
  const navigation = useNavigation();
  const publishing = navigation.state !== "idle" && navigation.formData?.get("intent") === "publish";
  const discarding = navigation.state !== "idle" && navigation.formData?.get("intent") === "discard";
  const { previews, previewErrors, previewBusy } = useLivePreview(active, drafts[active], data, flatten);
  const { revision, save, saveIdle, conflict, kept, dismissKept, keepMine, takeTheirs, saveNow } = useAutosave({
    initial: data,
    drafts,
    setDrafts,
    busy: publishing || discarding,
    actionData,
    fields: (all) => ({ ...flatten("fr", all.fr), ...flatten("en", all.en) }),
    applyTheirs: (theirs) => {
      for (const lang of LANGS) editors[lang].current?.setValue(theirs[lang].body);
    },
  });

  useEffect(() => setHydrated(true), []);

  const update = (lang: Lang, patch: Partial<LanguageDraft>) => setDrafts((current) => ({ ...current, [lang]: { ...current[lang], ...patch } }));

  const publishErrors = actionData && "fieldErrors" in actionData ? actionData.fieldErrors : null;
  const fieldErrors = { ...previewErrors, ...(publishErrors ?? {}) };
  const publishProblems = actionData && "problems" in actionData ? actionData.problems : null;
  const discardRefused = actionData && "refused" in actionData ? actionData.refused : null;
  // What a discard would throw away: a draft with changes (saved before the page loaded, or since).
  const canDiscard = data.status === "unpublished" || Boolean(data.draft?.changed) || save.kind === "saved" || Boolean(discardRefused);
  const preview = previews[active];
  // The code editor marks the lines with problems; its markers say them in the trainer's language too.
  const problemText = useProblemText();
  const editorProblems = useMemo(
    () =>
      Object.fromEntries(
        LANGS.map((lang) => [
          lang,
          previews[lang].problems.filter((p) => p.where === "body").map((p) => ({ line: p.line, col: p.col, message: problemText(p).text })),
        ]),
      ) as Record<Lang, { line: number; col: number; message: string }[]>,
    [previews, problemText],
  );
  const { time } = useDates();

  const saveMessage = !saveIdle
    ? t("studio.editor.saving")
    : save.kind === "saved"
      ? t("studio.editor.savedAt", { time: time(save.at) })
      : save.kind === "pending"
        ? t("studio.editor.unsaved")
        : save.kind === "error"
          ? t("studio.editor.notSaved", { reason: t(save.key) })
          : save.kind === "conflict"
            ? t("studio.editor.notSaved", { reason: t("studio.editor.conflictReason") })
            : data.draft?.changed
              ? t("studio.editor.draftExists")
              : t("studio.editor.noChanges");

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <Breadcrumb label={t("studio.editor.breadcrumb")} trail={[{ to: "/studio", label: t("studio.title") }]} current={data.id} />
      <PageHeader
        title={t("studio.editor.title", { title: drafts[active].title || data.id })}
        description={
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <code className="rounded bg-slate-100 px-1">{data.id}</code>
            <Badge tone={data.status === "published" ? "success" : data.status === "draft" ? "warning" : "neutral"}>{t(`studio.status.${data.status}`)}</Badge>
            {data.published ? (
              <span>
                {t("studio.editor.publishedVersion", {
                  number: data.published.number,
                  version: data.published.version ?? "?",
                  author: data.published.authorName ?? t("studio.editor.importAuthor"),
                })}
              </span>
            ) : null}
          </p>
        }
        actions={
          <ButtonLink to={`/studio/${data.id}/history`} variant="secondary">
            {t("studio.editor.history")}
          </ButtonLink>
        }
        className="mb-0"
      />

      <p
        role="status"
        aria-live="polite"
        className={`text-sm font-semibold ${save.kind === "error" || save.kind === "conflict" ? "text-red-800" : "text-slate-700"}`}
      >
        {saveMessage}
      </p>

      {conflict ? (
        <ConflictPanel
          parts={LANGS}
          theirs={conflict.languages}
          mine={drafts}
          text={asText}
          langOf={(lang) => lang}
          words={{
            title: t("studio.conflict.title"),
            body: t("studio.conflict.body", {
              who: conflict.updatedByName ?? t("studio.conflict.someone"),
              time: conflict.updatedAt ? time(conflict.updatedAt) : "?",
            }),
            howTo: t("studio.conflict.howTo"),
            diffTitle: (lang) => t("studio.conflict.diffTitle", { language: t(`studio.languages.${lang}`) }),
            theirText: (lang) => t("studio.conflict.theirText", { language: t(`studio.languages.${lang}`) }),
            keepMine: t("studio.conflict.keepMine"),
            takeTheirs: t("studio.conflict.takeTheirs"),
          }}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      ) : null}
      {kept ? <KeptCopy kept={kept} onDismiss={dismissKept} /> : null}

      <Form method="post" noValidate className="space-y-6">
        <input type="hidden" name="revision" value={revision} />
        <FormErrors errors={publishErrors} />

        <div className="lg:grid lg:grid-cols-2 lg:gap-8">
          <div className="min-w-0 space-y-4">
            {hydrated ? (
              <div role="group" aria-label={t("studio.editor.languageGroup")} className="flex gap-2">
                {LANGS.map((lang) => (
                  <button
                    key={lang}
                    type="button"
                    aria-pressed={active === lang}
                    onClick={() => setActive(lang)}
                    className={active === lang ? "btn-primary" : "btn-secondary"}
                  >
                    {t(`studio.languages.${lang}`)}
                  </button>
                ))}
              </div>
            ) : null}

            {LANGS.map((lang) => (
              <fieldset key={lang} hidden={hydrated && active !== lang} className="card space-y-4">
                <legend className="px-1 text-lg font-semibold">{t("studio.editor.languageLegend", { language: t(`studio.languages.${lang}`) })}</legend>
                <TextField
                  lang={lang}
                  name="title"
                  label={t("studio.fields.title")}
                  value={drafts[lang].title}
                  errors={fieldErrors}
                  onChange={(title) => update(lang, { title })}
                />
                <TextField
                  lang={lang}
                  name="summary"
                  label={t("studio.fields.summary")}
                  value={drafts[lang].summary}
                  errors={fieldErrors}
                  multiline
                  rows={2}
                  onChange={(summary) => update(lang, { summary })}
                />
                <TextField
                  lang={lang}
                  name="duration"
                  label={t("studio.fields.duration")}
                  hint={t("studio.fields.durationHint")}
                  value={drafts[lang].duration}
                  errors={fieldErrors}
                  inputMode="numeric"
                  onChange={(duration) => update(lang, { duration })}
                />
                <TextField
                  lang={lang}
                  name="objectives"
                  label={t("studio.fields.objectives")}
                  hint={t("studio.fields.objectivesHint")}
                  value={drafts[lang].objectives}
                  errors={fieldErrors}
                  multiline
                  rows={4}
                  onChange={(objectives) => update(lang, { objectives })}
                />
                <div>
                  <label htmlFor={`${lang}_body`} className="field-label">
                    {t("studio.fields.body", { language: t(`studio.languages.${lang}`) })}
                  </label>
                  <p id={`${lang}_body-hint`} className="mt-1 text-sm text-slate-600">
                    {t("studio.fields.bodyHint")}
                  </p>
                  {hydrated ? (
                    <Palette
                      onInsert={(kind) => editors[lang].current?.insert(snippets(lang, drafts[lang].body)[kind])}
                      onFigure={() => {
                        setActive(lang);
                        setFigureOpen(true);
                      }}
                    />
                  ) : null}
                  <div className="mt-2">
                    <CodeEditor
                      ref={editors[lang]}
                      id={`${lang}_body`}
                      name={`${lang}_body`}
                      label={t("studio.fields.body", { language: t(`studio.languages.${lang}`) })}
                      lang={lang}
                      defaultValue={data.languages[lang].body}
                      describedBy={`${lang}_body-hint`}
                      problems={editorProblems[lang]}
                      onChange={(body) => update(lang, { body })}
                    />
                  </div>
                </div>
              </fieldset>
            ))}
          </div>

          <PreviewPanel
            lang={active}
            draft={drafts[active]}
            preview={preview}
            busy={previewBusy}
            hydrated={hydrated}
            onGoTo={(line, col) => editors[active].current?.goTo(line, col)}
          />
        </div>

        <Card title={t("studio.editor.publishTitle")} className="space-y-4">
          <p className="text-sm text-slate-700">{t("studio.editor.publishIntro")}</p>
          {publishProblems && publishProblems.length > 0 ? (
            <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
              <p className="font-semibold">{t("studio.editor.publishRefused", { count: publishProblems.length })}</p>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {publishProblems.map((problem, index) => (
                  <li key={index}>
                    {t(`studio.languages.${problem.lang}`)} —{" "}
                    {problem.where === "body" ? t("studio.editor.at", { line: problem.line, col: problem.col }) : t("studio.editor.inFrontmatter")}{" "}
                    <ProblemMessage problem={problem} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <FieldFrame
            id="note"
            label={t("studio.editor.note")}
            hint={t("studio.editor.noteHint")}
            error={publishErrors?.note ? t(publishErrors.note) : null}
            required
          >
            {(aria) => <textarea {...aria} name="note" rows={2} maxLength={500} className="field-input" />}
          </FieldFrame>
          <div className="flex items-start gap-2">
            <input id="significant" name="significant" type="checkbox" className="mt-1 h-4 w-4" aria-describedby="significant-hint" />
            <div>
              <label htmlFor="significant" className="font-semibold">
                {t("studio.editor.significant")}
              </label>
              <p id="significant-hint" className="text-sm text-slate-700">
                {t("studio.editor.significantHint")}
              </p>
            </div>
          </div>
          <p className="flex flex-wrap gap-3">
            <Button type="submit" name="intent" value="publish" disabled={publishing || !saveIdle || Boolean(conflict)}>
              {publishing ? t("studio.editor.publishing") : t("studio.editor.publish")}
            </Button>
            <button
              type="submit"
              name="intent"
              value="save"
              className="btn-secondary"
              onClick={(event) => {
                if (!hydrated) return;
                event.preventDefault();
                saveNow();
              }}
            >
              {t("studio.editor.saveDraft")}
            </button>
          </p>
        </Card>
      </Form>

      {canDiscard ? (
        <DiscardPanel
          id={data.id}
          neverPublished={data.status === "unpublished"}
          published={data.published}
          revision={revision}
          refused={discardRefused}
          busy={discarding}
          disabled={discarding || publishing || !saveIdle || Boolean(conflict)}
          hydrated={hydrated}
        />
      ) : null}

      <FigureDialog
        open={figureOpen}
        lang={active}
        media={media}
        onMedia={(item) => setMedia((current) => [item, ...current.filter((m) => m.src !== item.src)])}
        onClose={() => setFigureOpen(false)}
        onInsert={(snippet) => {
          setFigureOpen(false);
          editors[active].current?.insert(snippet);
        }}
      />
    </div>
  );
}

/**
 * Throwing the draft away, behind a confirmation that says what will happen: back to the published
 * version, or (never published) the module deleted. A disclosure, so it works without JavaScript too.
 */
function DiscardPanel({
  id,
  neverPublished,
  published,
  revision,
  refused,
  busy,
  disabled,
  hydrated,
}: {
  id: string;
  neverPublished: boolean;
  published: ModuleEditorData["published"];
  revision: number;
  refused: string | null;
  busy: boolean;
  disabled: boolean;
  hydrated: boolean;
}) {
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);
  const kind = neverPublished ? "delete" : "revert";
  return (
    <Card title={<>{t(`studio.discard.${kind}.title`)}</>} className="space-y-3">
      <p className="text-sm text-slate-700">{t(`studio.discard.${kind}.intro`)}</p>
      {refused ? (
        <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {t(refused)}
        </p>
      ) : null}
      <details ref={details} open={Boolean(refused)}>
        <summary ref={summary} className="cursor-pointer font-semibold text-red-800">
          {t(`studio.discard.${kind}.open`)}
        </summary>
        <Form method="post" noValidate className="mt-3 space-y-3 rounded-md border border-red-300 bg-red-50 p-3">
          <input type="hidden" name="intent" value="discard" />
          <input type="hidden" name="revision" value={revision} />
          <p id="discard-consequence" className="text-red-950">
            {neverPublished
              ? t("studio.discard.delete.consequence", { id })
              : t("studio.discard.revert.consequence", { number: published?.number ?? "?", version: published?.version ?? "?" })}
          </p>
          <p className="flex flex-wrap gap-3">
            <Button type="submit" aria-describedby="discard-consequence" disabled={disabled} variant="danger">
              {busy ? t("studio.discard.working") : t(`studio.discard.${kind}.confirm`)}
            </Button>
            {hydrated ? (
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  if (details.current) details.current.open = false;
                  summary.current?.focus();
                }}
              >
                {t("studio.discard.cancel")}
              </button>
            ) : null}
          </p>
        </Form>
      </details>
    </Card>
  );
}

function TextField({
  lang,
  name,
  label,
  hint,
  value,
  errors,
  multiline,
  rows,
  inputMode,
  onChange,
}: {
  lang: Lang;
  name: string;
  label: string;
  hint?: string;
  value: string;
  errors: Record<string, string>;
  multiline?: boolean;
  rows?: number;
  inputMode?: "numeric";
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = `${lang}_${name}`;
  const error = errors[id];
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error ? t(error) : null}>
      {(aria) =>
        multiline ? (
          <textarea {...aria} name={id} value={value} lang={lang} className="field-input" rows={rows} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input
            {...aria}
            name={id}
            value={value}
            lang={lang}
            className="field-input"
            type="text"
            inputMode={inputMode}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </FieldFrame>
  );
}

type SnippetKind = "callout" | "exampleDo" | "exampleDont" | "check" | "reflection" | "clause";

function Palette({ onInsert, onFigure }: { onInsert: (kind: SnippetKind) => void; onFigure: () => void }) {
  const { t } = useTranslation();
  const kinds: SnippetKind[] = ["callout", "exampleDo", "exampleDont", "check", "reflection", "clause"];
  return (
    <div role="group" aria-label={t("studio.palette.label")} className="mt-2 flex flex-wrap gap-2">
      {kinds.map((kind) => (
        <Button key={kind} type="button" onClick={() => onInsert(kind)} variant="secondary" className="px-2 py-1 text-sm">
          {t(`studio.palette.${kind}`)}
        </Button>
      ))}
      <Button type="button" onClick={onFigure} aria-haspopup="dialog" variant="secondary" className="px-2 py-1 text-sm">
        {t("studio.palette.figure")}
      </Button>
    </div>
  );
}

function PreviewPanel({
  lang,
  draft,
  preview,
  busy,
  hydrated,
  onGoTo,
}: {
  lang: Lang;
  draft: LanguageDraft;
  preview: Preview;
  busy: boolean;
  hydrated: boolean;
  onGoTo: (line: number, col: number) => void;
}) {
  const { t } = useTranslation();
  const objectives = draft.objectives
    .split("\n")
    .map((o) => o.trim())
    .filter(Boolean);
  return (
    <section aria-labelledby="preview-title" className="mt-6 min-w-0 lg:mt-0">
      <div className="lg:sticky lg:top-4 space-y-4">
        <h2 id="preview-title" className="text-xl font-semibold">
          {t("studio.preview.title", { language: t(`studio.languages.${lang}`) })}
        </h2>
        <div aria-live="polite" className="space-y-2">
          <p className="text-sm text-slate-700">
            {busy ? t("studio.preview.updating") : preview.problems.length === 0 ? t("studio.preview.noProblems") : null}
          </p>
          {preview.problems.length > 0 ? (
            <div className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
              <h3 className="font-semibold">{t("studio.preview.problems", { count: preview.problems.length })}</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {preview.problems.map((problem, index) => (
                  <li key={index}>
                    {problem.where === "body" && hydrated ? (
                      <button type="button" className="link font-semibold" onClick={() => onGoTo(problem.line, problem.col)}>
                        {t("studio.editor.at", { line: problem.line, col: problem.col })}
                      </button>
                    ) : (
                      <span className="font-semibold">
                        {problem.where === "body" ? t("studio.editor.at", { line: problem.line, col: problem.col }) : t("studio.editor.inFrontmatter")}
                      </span>
                    )}{" "}
                    <ProblemMessage problem={problem} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        {/* Focusable, so that a keyboard user can scroll a long preview. */}
        <div
          tabIndex={0}
          role="group"
          aria-label={t("studio.preview.content", { language: t(`studio.languages.${lang}`) })}
          className="max-h-[80vh] overflow-y-auto rounded-lg border border-slate-300 bg-white p-5"
          data-preview
          lang={lang}
        >
          <p className="text-2xl font-bold text-slate-900">{draft.title || t("studio.preview.noTitle")}</p>
          <p className="mt-2 text-slate-700">{draft.summary}</p>
          {objectives.length > 0 ? (
            <div className="mt-4 rounded-lg border border-slate-200 p-4">
              <p className="font-semibold">{t("track.module.objectives")}</p>
              <ul className="mt-1 list-disc pl-6">
                {objectives.map((objective, index) => (
                  <li key={index}>{objective}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.stale ? <p className="mt-4 rounded-md bg-amber-50 p-2 text-sm text-amber-950">{t("studio.preview.stale")}</p> : null}
          <article className="text-[1.0625rem] text-slate-800">
            {preview.tree ? <MdxContent nodes={preview.tree} lang={lang} /> : <p className="mt-4 text-slate-700">{t("studio.preview.unavailable")}</p>}
          </article>
        </div>
      </div>
    </section>
  );
}

function KeptCopy({ kept, onDismiss }: { kept: Record<Lang, LanguageDraft>; onDismiss: () => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <Card title={t("studio.conflict.keptTitle")} className="space-y-3">
      <p className="text-sm text-slate-700">{t("studio.conflict.keptBody")}</p>
      {LANGS.map((lang) => (
        <div key={lang}>
          <label htmlFor={`kept-${lang}`} className="field-label">
            {t("studio.conflict.yourText", { language: t(`studio.languages.${lang}`) })}
          </label>
          <textarea id={`kept-${lang}`} readOnly rows={8} value={asText(kept[lang])} className="field-input font-mono text-xs" lang={lang} />
        </div>
      ))}
      <Button type="button" onClick={onDismiss} variant="secondary">
        {t("studio.conflict.dismissKept")}
      </Button>
    </Card>
  );
}
