/**
 * A knowledge check: a radio group posted to the module's action, which grades it on the server.
 * Works as a plain form without JavaScript; with it, a fetcher answers in place and focus moves to
 * the result. The browser never has the answer key: only the grade of the chosen option comes back.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/react";
import { fieldErrorsOf, isCheckResult, useModuleInteraction, type ModuleActionData, type ModuleInteraction } from "./module-context";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/track.client";

type Option = { id: string; text: string };
type Props = { id: string; question: string; options: Option[] };

export function KnowledgeCheck(props: Props) {
  const interaction = useModuleInteraction();
  return interaction ? <InteractiveCheck {...props} interaction={interaction} /> : <StaticCheck {...props} />;
}

/** Outside a module page (no grading there): the question and its choices, read-only. */
function StaticCheck({ question, options }: Props) {
  const { t } = useTranslation();
  return (
    <div className="my-8 rounded-lg border border-slate-300 bg-white p-5">
      <p className="text-xs font-bold uppercase tracking-wide text-slate-700">{t("track.check.label")}</p>
      <p className="mt-1 font-semibold text-slate-900">{question}</p>
      <ul className="mt-3 list-disc space-y-1 pl-6">
        {options.map((option) => (
          <li key={option.id}>{option.text}</li>
        ))}
      </ul>
    </div>
  );
}

function InteractiveCheck({ id, question, options, interaction }: Props & { interaction: ModuleInteraction }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ModuleActionData>({ key: `check-${interaction.moduleId}-${id}` });
  const resultRef = useRef<HTMLDivElement>(null);
  const busy = fetcher.state !== "idle";

  // With JavaScript the fetcher holds the answer; after a plain form post, the page's action data does.
  const plainPost = interaction.actionData;
  const result = isCheckResult(fetcher.data, id) ? fetcher.data : isCheckResult(plainPost, id) ? plainPost : null;
  const error = fieldErrorsOf(fetcher.data);
  const errorMessage = error ? Object.values(error)[0] : undefined;
  const passed = interaction.passed[id] ?? (result?.correct ? { optionId: result.optionId, explanation: result.explanation } : null);
  const shown = passed ? { correct: true, optionId: passed.optionId, explanation: passed.explanation } : result;

  const answered = fetcher.state === "idle" && fetcher.data !== undefined;
  useEffect(() => {
    if (answered) resultRef.current?.focus();
  }, [answered, fetcher.data]);

  const domId = `kc-${id}`;
  const resultId = `${domId}-result`;
  const chosenText = shown ? options.find((o) => o.id === shown.optionId)?.text : undefined;

  return (
    <fetcher.Form
      method="post"
      // The fragment brings a reader without JavaScript back to this question after the page reloads.
      action={`${interaction.action}#${domId}`}
      id={domId}
      className={`my-8 scroll-mt-6 rounded-lg border-2 bg-white p-5 ${passed ? "border-emerald-600" : "border-slate-300"}`}
      aria-describedby={shown || errorMessage ? resultId : undefined}
    >
      <input type="hidden" name="intent" value="check" />
      <input type="hidden" name="checkId" value={id} />
      <input type="hidden" name="lang" value={interaction.contentLocale} />
      <fieldset disabled={Boolean(passed)}>
        <legend className="font-semibold text-slate-900">
          <span className="block text-xs font-bold uppercase tracking-wide text-slate-700">
            {passed ? (
              <>
                <span aria-hidden="true">✓ </span>
                {t("track.check.passed")}
              </>
            ) : (
              t("track.check.label")
            )}
          </span>
          {question}
        </legend>
        <div className="mt-3 space-y-2">
          {options.map((option) => {
            const inputId = `${domId}-${option.id}`;
            const chosen = shown?.optionId === option.id;
            return (
              <div
                key={option.id}
                className={`flex items-start gap-3 rounded-md border px-3 py-2 ${
                  chosen ? (shown?.correct ? "border-emerald-600 bg-emerald-50" : "border-red-600 bg-red-50") : "border-slate-200"
                }`}
              >
                <input
                  type="radio"
                  id={inputId}
                  name="optionId"
                  value={option.id}
                  required
                  defaultChecked={chosen}
                  className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
                />
                <label htmlFor={inputId} className="leading-6 text-slate-800">
                  {option.text}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <div ref={resultRef} id={resultId} tabIndex={-1} aria-live="polite" className="mt-4 outline-offset-4">
        {errorMessage ? (
          <p className="field-error">{t(errorMessage)}</p>
        ) : shown ? (
          <div
            className={`rounded-md border-l-4 p-3 ${shown.correct ? "border-emerald-700 bg-emerald-50 text-emerald-950" : "border-red-700 bg-red-50 text-red-950"}`}
          >
            <p className="font-semibold">{shown.correct ? t("track.check.correct") : t("track.check.incorrect")}</p>
            {chosenText ? <p className="mt-1 text-sm">{t("track.check.yourAnswer", { answer: chosenText })}</p> : null}
            <p className="mt-2">{shown.explanation}</p>
            {!shown.correct ? <p className="mt-2 text-sm">{t("track.check.tryAgain")}</p> : null}
          </div>
        ) : null}
      </div>
      {passed ? null : (
        <button type="submit" className="btn-primary mt-4" disabled={busy}>
          {busy ? t("track.check.checking") : t("track.check.submit")}
        </button>
      )}
    </fetcher.Form>
  );
}
