/**
 * One setting of the registry (app/models/settings.server.ts) as a form field, whatever its kind:
 * the settings page and the SSO page show the same fields the same way. `control` replaces the
 * default control (the SSO page's team picker); `extraHint` adds to the setting's own help.
 */
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import type { SettingForm } from "~/models/settings.server";
import { FieldFrame, fieldAria, type FieldAria } from "./form";

/** A setting's error key in the reader's words (an integer's message names its range). */
function useSettingMessage() {
  const { t } = useTranslation();
  return (setting: SettingForm, key: string) => (setting.field.kind === "integer" ? t(key, { min: setting.field.min, max: setting.field.max }) : t(key));
}

/** The form-level alert of a settings form: each setting in error, linked to its field. */
export function SettingErrors({ settings, errors }: { settings: readonly SettingForm[]; errors: Record<string, string> | null | undefined }) {
  const { t } = useTranslation();
  const message = useSettingMessage();
  if (!errors) return null;
  const invalid = settings.filter((s) => errors[s.key]);
  return (
    <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      <p>{errors.form ? t(errors.form) : t("errors.formHasErrors")}</p>
      {invalid.length ? (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {invalid.map((s) => (
            <li key={s.key}>
              <a href={`#setting-${s.key}`} className="underline">
                {s.label}
              </a>
              {" — "}
              {message(s, errors[s.key]!)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** `errorKey`: the server's message key for this setting, if it was refused. */
export function SettingField({
  setting,
  errorKey,
  extraHint,
  control,
}: {
  setting: SettingForm;
  errorKey: string | null | undefined;
  extraHint?: string | null;
  control?: (aria: FieldAria & { name: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const message = useSettingMessage();
  const error = errorKey ? message(setting, errorKey) : null;
  const id = `setting-${setting.key}`;
  const field = setting.field;
  const hint = [setting.help, field.kind === "integer" ? t("settings.range", { min: field.min, max: field.max }) : null, extraHint].filter(Boolean).join(" ");
  const name = setting.key;
  if (field.kind === "boolean") {
    return (
      <FieldFrame id={id} hint={hint} error={error} label={<BooleanLabel id={id} setting={setting} hint={Boolean(hint)} error={Boolean(error)} />}>
        {() => null}
      </FieldFrame>
    );
  }
  return (
    <FieldFrame id={id} label={setting.label} hint={hint} error={error}>
      {(aria) => {
        const common = { ...aria, name };
        if (control) return control(common);
        switch (field.kind) {
          case "integer":
            return (
              <div className="mt-1 flex items-center gap-2">
                <input
                  type="number"
                  inputMode="numeric"
                  min={field.min}
                  max={field.max}
                  step={1}
                  defaultValue={String(setting.value)}
                  className="field-input mt-0 w-32"
                  {...common}
                />
                {field.unit ? <span className="text-slate-700">{field.unit}</span> : null}
              </div>
            );
          case "text":
            return <input type="text" maxLength={field.maxLength} defaultValue={String(setting.value ?? "")} className="field-input" {...common} />;
          case "secret":
            return <input type="password" autoComplete="off" maxLength={field.maxLength} defaultValue="" className="field-input" {...common} />;
          case "multiline":
            return (
              <textarea
                rows={6}
                maxLength={field.maxLength}
                defaultValue={String(setting.value)}
                className="field-input font-mono text-xs"
                spellCheck={false}
                {...common}
              />
            );
          case "choice":
            return (
              <select defaultValue={String(setting.value)} className="field-input" {...common}>
                {field.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            );
          default: {
            const never: never = field;
            return never;
          }
        }
      }}
    </FieldFrame>
  );
}

/** A boolean is a checkbox inside its label; the hidden "false" is what an unticked box sends. */
function BooleanLabel({ id, setting, hint, error }: { id: string; setting: SettingForm; hint: boolean; error: boolean }) {
  return (
    <label htmlFor={id} className="field-label flex items-center gap-2">
      <input type="hidden" name={setting.key} value="false" />
      <input type="checkbox" name={setting.key} defaultChecked={setting.value === true} className="h-4 w-4" {...fieldAria(id, hint, error)} />
      {setting.label}
    </label>
  );
}
