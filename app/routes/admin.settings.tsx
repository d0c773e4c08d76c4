import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { Button } from "~/components/ui/button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldFrame, useIsPending } from "~/components/form";
import { SettingErrors, SettingField } from "~/components/setting-field";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
import { resolveLocale } from "~/i18n/config";
import { ACCENT, LOGO } from "~/domain/brand";
import { AccentContrastError, brandForShell, saveBrand } from "~/models/brand.server";
import { readSettingsForm, settingsForm, updateSettings } from "~/models/settings.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import { isMultipart, readMultipartForm } from "~/utils/upload.server";

export const meta = titled;

/** The form as raw text fields; each setting's own schema (in the registry) types and checks its value. */
function schema() {
  return z.record(z.string().max(100, "errors.invalidInput"), z.string().max(2000, "errors.tooLong"));
}

/** The appearance form's text fields (the logo is the file part). */
function brandSchema() {
  return z.object({
    intent: z.literal("brand", "errors.invalidInput"),
    [ACCENT]: z.string({ error: "settings.errors.accentFormat" }).max(20, "settings.errors.accentFormat"),
    removeLogo: z.enum(["on"]).optional(),
  });
}

/** One form for every setting of the registry (app/models/settings.server.ts), and one for the organisation's look. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "settings.manage");
  const locale = resolveLocale(request, viewer.locale);
  return json({
    settings: settingsForm(locale),
    brand: settingsForm(locale, "brand"),
    logo: brandForShell().logo,
    title: titleFor(request, viewer, "adminSettings"),
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "settings.manage");
    // The appearance form carries a file: multipart. Everything else is the main form.
    if (isMultipart(request)) {
      const form = await readMultipartForm(request, LOGO);
      const fields = brandSchema().safeParse({
        intent: form.get("intent"),
        [ACCENT]: form.get(ACCENT) ?? undefined,
        removeLogo: form.get("removeLogo") ?? undefined,
      });
      if (!fields.success)
        return json({ fieldErrors: { [ACCENT]: "settings.errors.accentFormat" } as Record<string, string>, contrast: null }, { status: 400 });
      const file = form.get("logo");
      const logo = file && typeof file !== "string" && file.size > 0 ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
      try {
        const changed = saveBrand(viewer.id, { accent: fields.data[ACCENT], logo, removeLogo: fields.data.removeLogo === "on" });
        return redirectWithFlash("/admin/settings", {
          kind: changed.length ? "success" : "info",
          key: changed.length ? "settings.saved" : "settings.unchanged",
        });
      } catch (error) {
        if (error instanceof AccentContrastError)
          return json({ fieldErrors: error.fieldErrors, contrast: { ratio: error.ratio, suggestion: error.suggestion } }, { status: 400 });
        throw error;
      }
    }
    const raw = await parseForm(request, schema());
    const changed = updateSettings(viewer.id, readSettingsForm(raw));
    return redirectWithFlash("/admin/settings", { kind: changed.length ? "success" : "info", key: changed.length ? "settings.saved" : "settings.unchanged" });
  });
}

function BrandForm() {
  const { t, i18n } = useTranslation();
  const { brand, logo } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.fieldErrors ?? null;
  const isBrandError = Boolean(errors && (errors[ACCENT] || errors[LOGO]));
  const busy = useIsPending({ intent: "brand" });
  const accent = brand.find((s) => s.key === ACCENT)!;
  const logoSetting = brand.find((s) => s.key === LOGO)!;
  const contrast = data && "contrast" in data ? data.contrast : null;
  const ratio = contrast ? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(contrast.ratio) : "";
  const accentError = errors?.[ACCENT] ? t(errors[ACCENT], contrast ? { ratio, suggestion: contrast.suggestion } : undefined) : null;
  const logoError = errors?.[LOGO] ? t(errors[LOGO]) : null;
  return (
    <Card title={t("settings.brand.title")}>
      <Form method="post" encType="multipart/form-data" className="space-y-5" noValidate>
        <input type="hidden" name="intent" value="brand" />
        {isBrandError ? (
          <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            <p>{t("errors.formHasErrors")}</p>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {accentError ? <li>{accentError}</li> : null}
              {logoError ? <li>{logoError}</li> : null}
            </ul>
          </div>
        ) : null}
        <FieldFrame id="brand-accent" label={accent.label} hint={accent.help} error={accentError}>
          {(aria) => (
            <input
              type="text"
              name={ACCENT}
              defaultValue={String(accent.value)}
              maxLength={20}
              autoComplete="off"
              spellCheck={false}
              className="field-input w-40 font-mono"
              {...aria}
            />
          )}
        </FieldFrame>
        <FieldFrame id="brand-logo" label={logoSetting.label} hint={logoSetting.help} error={logoError}>
          {(aria) => (
            <input
              type="file"
              name="logo"
              accept="image/png,image/jpeg,image/webp,image/gif"
              className="mt-1 block w-full text-sm file:mr-3 file:rounded-control file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-semibold"
              {...aria}
            />
          )}
        </FieldFrame>
        {logo ? (
          <div className="flex flex-wrap items-center gap-4">
            <img src={logo} alt={t("settings.brand.currentLogo")} className="h-12 w-auto max-w-48 rounded border border-line bg-white object-contain p-1" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="removeLogo" className="h-4 w-4" />
              {t("settings.brand.removeLogo")}
            </label>
          </div>
        ) : null}
        <Button type="submit" disabled={busy}>
          {t("settings.brand.save")}
        </Button>
      </Form>
    </Card>
  );
}

export default function AdminSettings() {
  const { t } = useTranslation();
  const { settings } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  // The appearance form's errors are its own (its keys are the two brand settings).
  const errors = data?.fieldErrors && !(ACCENT in data.fieldErrors || LOGO in data.fieldErrors) ? data.fieldErrors : null;
  const busy = useIsPending({ intent: "settings" });
  return (
    <div className="page-narrow">
      <PageHeader title={t("settings.title")} description={<p>{t("settings.intro")}</p>} />
      <div className="space-y-6">
        <BrandForm />
        <Card title={t("settings.general")}>
          <Form method="post" className="space-y-6" noValidate>
            <SettingErrors settings={settings} errors={errors} />
            {settings.map((setting) => (
              <SettingField key={setting.key} setting={setting} errorKey={errors?.[setting.key]} />
            ))}
            <Button type="submit" name="intent" value="settings" disabled={busy}>
              {t("common.save")}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
