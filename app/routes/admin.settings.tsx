import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useIsPending } from "~/components/form";
import { SettingField } from "~/components/setting-field";
import { resolveLocale } from "~/i18n/config";
import { readSettingsForm, settingsForm, updateSettings, type SettingForm } from "~/models/settings.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Ambassade" }];

/** The form as raw text fields; each setting's own schema (in the registry) types and checks its value. */
function schema() {
  return z.record(z.string().max(100, "errors.invalidInput"), z.string().max(2000, "errors.tooLong"));
}

/** One form for every setting of the registry (app/models/settings.server.ts). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "settings.manage");
  return json({ settings: settingsForm(resolveLocale(request, viewer.locale)) });
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
  const busy = useIsPending();
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
          <SettingField key={setting.key} setting={setting} error={errors?.[setting.key] ? messageFor(setting, errors[setting.key]!) : null} />
        ))}
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("common.save")}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
