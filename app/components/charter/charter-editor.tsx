/**
 * The charter editor: a new charter version's three texts (the French and English MDX files, the
 * comprehension check as YAML) each in the studio's code editor; the studio's live preview (the
 * learners' compiler, problems with line:col) and autosave with its conflict handling; the difference
 * with the version in force per text (the studio's DiffView); publication. Without JavaScript it is one
 * plain form with the three texts and "Publish".
 */
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { useTranslation } from "~/i18n/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { FormErrors } from "~/components/form";
import { MdxContent } from "~/components/mdx/mdx-content";
import { CodeEditor, type CodeEditorHandle } from "~/components/studio/code-editor";
import { ConflictPanel } from "~/components/studio/conflict-panel";
import { DiffView } from "~/components/studio/diff-view";
import { ProblemMessage, useProblemText } from "~/components/studio/problem-message";
import type { ConflictData, Preview } from "~/components/studio/types";
import { useAutosave } from "~/components/studio/use-autosave";
import { useLivePreview } from "~/components/studio/use-live-preview";
import { diffHunks, diffLines } from "~/domain/diff";

export type Part = "fr" | "en" | "check";
const PARTS: readonly Part[] = ["fr", "en", "check"];
export type Texts = Record<Part, string>;
const asIs = (text: string) => text;

export type CharterPublishProblem = { part: Part; line: number; col: number; message: string; code?: string; params?: Record<string, string | number> };

export type CharterEditorAction =
  | { intent: "preview"; lang: Part; preview: Preview; fieldErrors: Record<string, string> }
  | { intent: "save"; revision: number; savedAt: string }
  | { intent: "save" | "publish"; conflict: ConflictData<Texts> }
  | { intent: "publish"; problems: CharterPublishProblem[] }
  | { fieldErrors: Record<string, string> };

export type CharterEditorData = {
  version: string;
  revision: number;
  languages: Texts;
  previews: Record<Part, Preview>;
  inForce: { version: string; texts: Texts } | null;
  updatedAt: string;
  updatedByName: string | null;
  initialLang: "fr" | "en";
};

const fieldsOf = (texts: Texts) => ({ fr_source: texts.fr, en_source: texts.en, check_source: texts.check });

export function CharterEditor({ data, actionData }: { data: CharterEditorData; actionData: CharterEditorAction | undefined }) {
  const { t, i18n } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  const [active, setActive] = useState<Part>(data.initialLang);
  const [texts, setTexts] = useState<Texts>(data.languages);
  const frEditor = useRef<CodeEditorHandle>(null);
  const enEditor = useRef<CodeEditorHandle>(null);
  const checkEditor = useRef<CodeEditorHandle>(null);
  const editors: Record<Part, RefObject<CodeEditorHandle>> = { fr: frEditor, en: enEditor, check: checkEditor };
  const navigation = useNavigation();
  const intent = navigation.state !== "idle" ? navigation.formData?.get("intent") : null;
  const publishing = intent === "publish";
  const { previews, previewBusy } = useLivePreview(active, texts[active], data, (part, text) => ({ [`${part}_source`]: text }));
  const { revision, save, saveIdle, conflict, keepMine, takeTheirs } = useAutosave<Texts>({
    initial: data,
    drafts: texts,
    setDrafts: setTexts,
    busy: publishing || intent === "discard",
    actionData,
    fields: fieldsOf,
    applyTheirs: (theirs) => {
      for (const part of PARTS) editors[part].current?.setValue(theirs[part]);
    },
  });
  useEffect(() => setHydrated(true), []);

  const partName = (part: Part) => t(`charterEditor.editor.parts.${part}`);
  const problemText = useProblemText();
  const editorProblems = useMemo(
    () =>
      Object.fromEntries(
        PARTS.map((part) => [part, previews[part].problems.map((p) => ({ line: p.line, col: p.col, message: problemText(p).text }))]),
      ) as Record<Part, { line: number; col: number; message: string }[]>,
    [previews, problemText],
  );
  const publishProblems = actionData && "problems" in actionData ? actionData.problems : null;
  const formErrors = actionData && "fieldErrors" in actionData && !("intent" in actionData) ? actionData.fieldErrors : null;
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language, { hour: "2-digit", minute: "2-digit" });
  const saveMessage = !saveIdle
    ? t("charterEditor.editor.saving")
    : save.kind === "saved"
      ? t("charterEditor.editor.savedAt", { time: time(save.at) })
      : save.kind === "pending"
        ? t("charterEditor.editor.unsaved")
        : save.kind === "error"
          ? t("charterEditor.editor.notSaved", { reason: t(save.key) })
          : save.kind === "conflict"
            ? t("charterEditor.editor.notSaved", { reason: t("charterEditor.editor.conflictReason") })
            : t("charterEditor.editor.idle");
  const compare = useMemo(
    () => (data.inForce ? PARTS.map((part) => ({ part, hunks: diffHunks(diffLines(data.inForce!.texts[part], texts[part])) })) : null),
    [data.inForce, texts],
  );

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <Breadcrumb label={t("charterEditor.breadcrumb")} trail={[{ to: "/admin/charter", label: t("charterEditor.charter") }]} current={data.version} />
      <PageHeader title={t("charterEditor.editor.title", { version: data.version })} description={t("charterEditor.editor.intro")} className="mb-0" />
      <p
        role="status"
        aria-live="polite"
        className={`text-sm font-semibold ${save.kind === "error" || save.kind === "conflict" ? "text-red-800" : "text-slate-700"}`}
      >
        {saveMessage}
      </p>
      {conflict ? (
        <ConflictPanel
          parts={PARTS}
          theirs={conflict.languages}
          mine={texts}
          text={asIs}
          langOf={(part) => (part === "check" ? undefined : part)}
          words={{
            title: t("charterEditor.conflict.title"),
            body: t("charterEditor.conflict.body", {
              who: conflict.updatedByName ?? t("charterEditor.conflict.someone"),
              time: conflict.updatedAt ? time(conflict.updatedAt) : "?",
            }),
            diffTitle: (part) => t("charterEditor.conflict.diffTitle", { part: partName(part) }),
            keepMine: t("charterEditor.conflict.keepMine"),
            takeTheirs: t("charterEditor.conflict.takeTheirs"),
          }}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      ) : null}

      <Form method="post" noValidate className="space-y-6">
        <input type="hidden" name="revision" value={revision} />
        <FormErrors errors={formErrors} />
        <div className="lg:grid lg:grid-cols-2 lg:gap-8">
          <div className="min-w-0 space-y-4">
            {hydrated ? (
              <div role="group" aria-label={t("charterEditor.editor.partsGroup")} className="flex gap-2">
                {PARTS.map((part) => (
                  <button
                    key={part}
                    type="button"
                    aria-pressed={active === part}
                    onClick={() => setActive(part)}
                    className={active === part ? "btn-primary" : "btn-secondary"}
                  >
                    {partName(part)}
                  </button>
                ))}
              </div>
            ) : null}
            {PARTS.map((part) => {
              const label =
                part === "check"
                  ? t("charterEditor.editor.checkLabel")
                  : t("charterEditor.editor.sourceLabel", { language: partName(part).toLocaleLowerCase(i18n.language) });
              return (
                <div key={part} hidden={hydrated && active !== part} className="card space-y-2">
                  <label htmlFor={`${part}_source`} className="field-label">
                    {label}
                  </label>
                  <p id={`${part}_source-hint`} className="text-sm text-slate-600">
                    {part === "check" ? t("charterEditor.editor.checkHint") : t("charterEditor.editor.sourceHint")}
                  </p>
                  <CodeEditor
                    ref={editors[part]}
                    id={`${part}_source`}
                    name={`${part}_source`}
                    label={label}
                    lang={part === "en" ? "en" : "fr"}
                    defaultValue={data.languages[part]}
                    describedBy={`${part}_source-hint`}
                    problems={editorProblems[part]}
                    onChange={(value) => setTexts((current) => ({ ...current, [part]: value }))}
                  />
                </div>
              );
            })}
          </div>
          <PreviewPanel
            part={active}
            partName={partName(active)}
            preview={previews[active]}
            busy={previewBusy}
            hydrated={hydrated}
            onGoTo={(line, col) => editors[active].current?.goTo(line, col)}
          />
        </div>

        <Card
          title={<>{data.inForce ? t("charterEditor.editor.compareTitle", { version: data.inForce.version }) : t("charterEditor.editor.compareNone")}</>}
          className="space-y-4"
        >
          {compare ? <p className="text-sm text-slate-700">{t("charterEditor.editor.compareIntro")}</p> : null}
          {compare?.map(({ part, hunks }) => (
            <div key={part} className="space-y-2">
              <h3 className="font-semibold">{t("charterEditor.editor.comparePart", { part: partName(part) })}</h3>
              <DiffView hunks={hunks} label={t("charterEditor.editor.comparePart", { part: partName(part) })} lang={part === "check" ? undefined : part} />
            </div>
          ))}
        </Card>

        <Card title={t("charterEditor.editor.publishTitle")} className="space-y-4">
          <p id="publish-consequence" className="text-sm text-slate-700">
            {t("charterEditor.editor.publishIntro")}
          </p>
          {publishProblems && publishProblems.length > 0 ? (
            <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
              <p className="font-semibold">{t("charterEditor.editor.publishRefused", { count: publishProblems.length })}</p>
              <ul className="mt-1 list-disc pl-5 text-sm">
                {publishProblems.map((problem, index) => (
                  <li key={index}>
                    {partName(problem.part)} — {t("studio.editor.at", { line: problem.line, col: problem.col })} <ProblemMessage problem={problem} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="flex flex-wrap gap-3">
            <Button type="submit" name="intent" value="publish" aria-describedby="publish-consequence" disabled={publishing || Boolean(conflict)}>
              {publishing ? t("charterEditor.editor.publishing") : t("charterEditor.editor.publish", { version: data.version })}
            </Button>
            {/* Autosave does this with JavaScript; without it, the draft is saved by hand. */}
            {hydrated ? null : (
              <Button type="submit" name="intent" value="save" variant="secondary">
                {t("charterEditor.editor.saveDraft")}
              </Button>
            )}
          </p>
        </Card>
      </Form>

      <Card title={t("charterEditor.editor.discardOpen")} className="space-y-3">
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="discard" />
          <input type="hidden" name="revision" value={revision} />
          <p id="discard-consequence" className="text-sm text-slate-700">
            {t("charterEditor.editor.discardConsequence", { version: data.version })}
          </p>
          <Button type="submit" aria-describedby="discard-consequence" disabled={intent === "discard"} variant="danger">
            {t("charterEditor.editor.discardConfirm")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

function PreviewPanel({
  part,
  partName,
  preview,
  busy,
  hydrated,
  onGoTo,
}: {
  part: Part;
  partName: string;
  preview: Preview;
  busy: boolean;
  hydrated: boolean;
  onGoTo: (line: number, col: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="preview-title" className="mt-6 min-w-0 lg:mt-0">
      <div className="space-y-4 lg:sticky lg:top-4">
        <h2 id="preview-title" className="text-xl font-semibold">
          {t("charterEditor.editor.previewTitle", { part: partName })}
        </h2>
        <div aria-live="polite" className="space-y-2">
          <p className="text-sm text-slate-700">
            {busy
              ? t("studio.preview.updating")
              : preview.problems.length === 0
                ? part === "check"
                  ? t("charterEditor.editor.checkValid")
                  : t("studio.preview.noProblems")
                : null}
          </p>
          {preview.problems.length > 0 ? (
            <div className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
              <h3 className="font-semibold">{t("studio.preview.problems", { count: preview.problems.length })}</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {preview.problems.map((problem, index) => (
                  <li key={index}>
                    {hydrated ? (
                      <button type="button" className="link font-semibold" onClick={() => onGoTo(problem.line, problem.col)}>
                        {t("studio.editor.at", { line: problem.line, col: problem.col })}
                      </button>
                    ) : (
                      <span className="font-semibold">{t("studio.editor.at", { line: problem.line, col: problem.col })}</span>
                    )}{" "}
                    <ProblemMessage problem={problem} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        {part === "check" ? null : (
          <div
            tabIndex={0}
            role="group"
            aria-label={t("charterEditor.editor.previewContent", { language: partName.toLocaleLowerCase() })}
            className="max-h-[80vh] overflow-y-auto rounded-lg border border-slate-300 bg-white p-5"
            data-preview
            lang={part}
          >
            {preview.stale ? <p className="mb-4 rounded-md bg-amber-50 p-2 text-sm text-amber-950">{t("studio.preview.stale")}</p> : null}
            <article className="text-[1.0625rem] text-slate-800">
              {preview.tree ? <MdxContent nodes={preview.tree} lang={part} /> : <p className="text-slate-700">{t("studio.preview.unavailable")}</p>}
            </article>
          </div>
        )}
      </div>
    </section>
  );
}
