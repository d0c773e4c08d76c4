/**
 * A Reflection: the learner writes a few sentences, saved to their own record. When the author asked
 * for a review, saving sends it (back) to the trainers' queue, and their comment shows here.
 */
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/i18n/react";
import { fieldAria } from "~/components/form-errors";
import { fieldErrorsOf, useModuleInteraction, type ModuleActionData, type ModuleInteraction } from "./module-context";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/module.client";

type Props = { id: string; prompt: string; review: boolean };

export function Reflection(props: Props) {
  const interaction = useModuleInteraction();
  if (!interaction) {
    return (
      <div className="my-8 rounded-lg border border-slate-300 bg-white p-5">
        <p className="font-semibold text-slate-900">{props.prompt}</p>
      </div>
    );
  }
  return <InteractiveReflection {...props} interaction={interaction} />;
}

function InteractiveReflection({ id, prompt, review, interaction }: Props & { interaction: ModuleInteraction }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ModuleActionData>({ key: `reflection-${interaction.moduleId}-${id}` });
  const saved = interaction.reflections[id];
  const [text, setText] = useState(saved?.text ?? "");
  const max = interaction.reflectionMax;
  const busy = fetcher.state !== "idle";
  const errors = fieldErrorsOf(fetcher.data);
  const plain = interaction.actionData;
  const savedByPlainPost = typeof plain === "object" && plain !== null && "intent" in plain && plain.intent === "reflection" && plain.reflectionId === id;
  const savedByFetcher = fetcher.state === "idle" && fetcher.data !== undefined && !errors;
  const justSaved = (savedByFetcher || savedByPlainPost) && saved?.text === text.trim();
  const domId = `reflection-${id}`;
  const over = text.length > max;
  // Over the limit is invalid too, before any error comes back: the counter, which describes the field, says why.
  const described = fieldAria(`${domId}-text`, false, Boolean(errors), [`${domId}-help`, `${domId}-counter`]);
  const aria = over ? { ...described, "aria-invalid": true as const } : described;

  return (
    <fetcher.Form method="post" action={`${interaction.action}#${domId}`} id={domId} className="md-task">
      <input type="hidden" name="intent" value="reflection" />
      <input type="hidden" name="reflectionId" value={id} />
      <p className="eyebrow">{t("track.reflection.label")}</p>
      <label htmlFor={`${domId}-text`} className="mt-1 block font-semibold text-slate-900">
        {prompt}
      </label>
      <p id={`${domId}-help`} className="mt-1 text-sm text-slate-700">
        {review ? t("track.reflection.reviewed") : t("track.reflection.private")}
      </p>
      <textarea
        {...aria}
        name="text"
        rows={5}
        required
        maxLength={max}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="field-input"
      />
      <p id={`${domId}-counter`} className={`mt-1 text-right text-sm ${over ? "text-red-700" : "text-slate-700"}`}>
        {t("track.reflection.counter", { count: text.length, max })}
      </p>
      {errors ? (
        <p id={`${domId}-text-error`} className="field-error">
          {t(Object.values(errors)[0] ?? "errors.invalidInput")}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-secondary" disabled={busy}>
          {busy ? t("track.reflection.saving") : t("track.reflection.save")}
        </button>
        <p aria-live="polite" className="text-sm text-emerald-800">
          {justSaved ? t("track.reflection.saved") : null}
        </p>
      </div>
      {saved && saved.reviewStatus !== "none" ? <p className="mt-3 text-sm text-slate-700">{t(`track.reflection.status.${saved.reviewStatus}`)}</p> : null}
      {saved?.reviewComment ? (
        <div className="md-comment">
          <p className="text-sm font-semibold text-slate-900">{t("track.reflection.comment")}</p>
          <p className="mt-1 whitespace-pre-line text-slate-800">{saved.reviewComment}</p>
        </div>
      ) : null}
    </fetcher.Form>
  );
}
