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
import "~/i18n/load/module.client";

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
    <div className="md-task">
      <p className="eyebrow">{t("track.check.label")}</p>
      <p className="md-block-title">{question}</p>
      <ul className="md-choices-static">
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
      className={passed ? "md-task md-check md-check-passed" : "md-task md-check"}
      aria-describedby={shown || errorMessage ? resultId : undefined}
    >
      <input type="hidden" name="intent" value="check" />
      <input type="hidden" name="checkId" value={id} />
      <input type="hidden" name="lang" value={interaction.contentLocale} />
      <fieldset disabled={Boolean(passed)}>
        <legend className="font-semibold text-slate-900">
          <span className="eyebrow block">
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
        <div className="md-choices">
          {options.map((option) => {
            const inputId = `${domId}-${option.id}`;
            const chosen = shown?.optionId === option.id;
            return (
              <div key={option.id} className={chosen ? (shown?.correct ? "choice choice-right" : "choice choice-wrong") : "choice"}>
                <input type="radio" id={inputId} name="optionId" value={option.id} required defaultChecked={chosen} />
                <label htmlFor={inputId}>{option.text}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <div ref={resultRef} id={resultId} tabIndex={-1} aria-live="polite" className="md-verdict">
        {errorMessage ? (
          <p className="field-error">{t(errorMessage)}</p>
        ) : shown ? (
          <div className={shown.correct ? "verdict-right" : "verdict-wrong"}>
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
