import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { resolveLocale } from "~/i18n/config";
import { readSettingsForm, settingsForm, updateSettings, type SettingForm } from "~/models/settings.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

/** The form as raw text fields; each setting's own schema (in the registry) types and checks its value. */
function schema() {
  return z.record(z.string().max(100, "errors.invalidInput"), z.string().max(2000, "errors.tooLong"));
}

/** One form for every setting of the registry (app/models/settings.server.ts). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "settings.manage");
  return json({ settings: settingsForm(resolveLocale(request, viewer.locale)), title: titleFor(request, viewer, "adminSettings") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "settings.manage");
    const raw = await parseForm(request, schema());
    const changed = updateSettings(viewer.id, readSettingsForm(raw));
    return redirectWithFlash("/admin/settings", { kind: changed.length ? "success" : "info", key: changed.length ? "settings.saved" : "settings.unchanged" });
  });
}

export default function AdminSettings() {
  const { t } = useTranslation();
  const { settings } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.fieldErrors ?? null;
  const busy = useNavigation().state === "submitting";
  const messageFor = (setting: SettingForm, key: string) =>
    setting.field.kind === "integer" ? t(key, { min: setting.field.min, max: setting.field.max }) : t(key);
  const invalid = settings.filter((s) => errors?.[s.key]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t("settings.title")}</h1>
      <p className="text-slate-700">{t("settings.intro")}</p>
      <Form method="post" className="card space-y-6" noValidate>
        {errors ? (
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
                    {messageFor(s, errors[s.key]!)}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {settings.map((setting) => (
          <SettingInput key={setting.key} setting={setting} error={errors?.[setting.key] ? messageFor(setting, errors[setting.key]!) : null} />
        ))}
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("common.save")}
        </button>
      </Form>
    </div>
  );
}

function SettingInput({ setting, error }: { setting: SettingForm; error: string | null }) {
  const { t } = useTranslation();
  const id = `setting-${setting.key}`;
  const field = setting.field;
  const hint = [setting.help, field.kind === "integer" ? t("settings.range", { min: field.min, max: field.max }) : null].filter(Boolean).join(" ");
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name: setting.key, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined } as const;
  return (
    <div>
      {field.kind === "boolean" ? (
        <label htmlFor={id} className="flex items-center gap-2 field-label">
          <input type="hidden" name={setting.key} value="false" />
          <input type="checkbox" defaultChecked={setting.value === true} className="h-4 w-4" {...common} />
          {setting.label}
        </label>
      ) : (
        <label htmlFor={id} className="field-label">
          {setting.label}
        </label>
      )}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {field.kind === "integer" ? (
        <div className="mt-1 flex items-center gap-2">
          <input type="number" inputMode="numeric" min={field.min} max={field.max} step={1} defaultValue={String(setting.value)} className="field-input mt-0 w-32" {...common} />
          {field.unit ? <span className="text-slate-700">{field.unit}</span> : null}
        </div>
      ) : field.kind === "text" ? (
        <input type="text" maxLength={field.maxLength} defaultValue={String(setting.value ?? "")} className="field-input" {...common} />
      ) : field.kind === "choice" ? (
        <select defaultValue={String(setting.value)} className="field-input" {...common}>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
