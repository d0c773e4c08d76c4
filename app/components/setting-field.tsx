/**
 * One setting of the registry (app/models/settings.server.ts) as a form field, whatever its kind:
 * the settings page and the SSO page show the same fields the same way. `control` replaces the
 * default control (the SSO page's team picker); `extraHint` adds to the setting's own help.
 */
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import type { SettingForm } from "~/models/settings.server";
import { FieldFrame, fieldAria, type FieldAria } from "./form";

export function SettingField({ setting, error, extraHint, control }: { setting: SettingForm; error: string | null; extraHint?: string | null; control?: (aria: FieldAria & { name: string }) => ReactNode }) {
  const { t } = useTranslation();
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
                <input type="number" inputMode="numeric" min={field.min} max={field.max} step={1} defaultValue={String(setting.value)} className="field-input mt-0 w-32" {...common} />
                {field.unit ? <span className="text-slate-700">{field.unit}</span> : null}
              </div>
            );
          case "text":
            return <input type="text" maxLength={field.maxLength} defaultValue={String(setting.value ?? "")} className="field-input" {...common} />;
          case "secret":
            return <input type="password" autoComplete="off" maxLength={field.maxLength} defaultValue="" className="field-input" {...common} />;
          case "multiline":
            return <textarea rows={6} maxLength={field.maxLength} defaultValue={String(setting.value)} className="field-input font-mono text-xs" spellCheck={false} {...common} />;
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
