import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useIsPending } from "~/components/form";
import { SettingErrors, SettingField } from "~/components/setting-field";
import { resolveLocale } from "~/i18n/config";
import { readSettingsForm, settingsForm, updateSettings } from "~/models/settings.server";
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
  const busy = useIsPending();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t("settings.title")}</h1>
      <p className="text-slate-700">{t("settings.intro")}</p>
      <Form method="post" className="card space-y-6" noValidate>
        <SettingErrors settings={settings} errors={errors} />
        {settings.map((setting) => (
          <SettingField key={setting.key} setting={setting} errorKey={errors?.[setting.key]} />
        ))}
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("common.save")}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
