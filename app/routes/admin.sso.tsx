import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clearOidcCache, oidcRedirectUri } from "~/auth/oidc.server";
import { samlAcsUrl, samlMetadataUrl, spEntityIdOf } from "~/auth/saml.server";
import { publicOrigin } from "~/auth/sso.server";
import { Card } from "~/components/ui/card";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useIsPending } from "~/components/form";
import { SettingErrors, SettingField } from "~/components/setting-field";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { getSetting, readSettingsForm, settingsForm, type SettingForm } from "~/models/settings.server";
import { countLinkedPeople, saveSsoSettings } from "~/models/sso.server";
import { teamOptions } from "~/models/team.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";

export const meta = titled;

/** The form as raw text fields; each setting's own schema (app/models/sso-settings.server.ts) types and checks it. */
const schema = () =>
  z.record(
    z
      .string()
      .max(100, "errors.invalidInput")
      .regex(/^sso\./, "settings.errors.unknown"),
    z.string().max(30_000, "errors.tooLong"),
  );

/** The settings of single sign-on, and the values to paste at the IdP. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "settings.manage");
  const locale = resolveLocale(request, viewer.locale);
  const origin = publicOrigin(request);
  return json({
    title: `${getT(locale)("ssoAdmin.title")} · Ambassade`,
    settings: settingsForm(locale, "sso"),
    teams: teamOptions(),
    linked: countLinkedPeople(),
    // Remounts the form after each save, so that a typed secret does not stay in its field.
    loadedAt: Date.now(),
    appUrlSet: Boolean(process.env.APP_URL?.trim()),
    sp: {
      redirectUri: oidcRedirectUri(origin),
      acsUrl: samlAcsUrl(origin),
      entityId: spEntityIdOf({ spEntityId: getSetting("sso.saml.spEntityId") }, origin),
      metadataUrl: samlMetadataUrl(origin),
    },
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "settings.manage");
    const raw = await parseForm(request, schema());
    const changed = saveSsoSettings(viewer.id, readSettingsForm(raw));
    clearOidcCache();
    return redirectWithFlash("/admin/sso", { kind: changed.length ? "success" : "info", key: changed.length ? "ssoAdmin.saved" : "ssoAdmin.unchanged" });
  });
}

const SECTIONS = [
  { titleKey: "ssoAdmin.oidcTitle", prefix: "sso.oidc." },
  { titleKey: "ssoAdmin.samlTitle", prefix: "sso.saml." },
  { titleKey: "ssoAdmin.accountsTitle", prefix: null },
] as const;

export default function AdminSso() {
  const { t } = useTranslation();
  const { settings, sp, teams, linked, appUrlSet, loadedAt } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.fieldErrors ?? null;
  const busy = useIsPending();
  return (
    <div className="page-narrow space-y-6">
      <PageHeader title={t("ssoAdmin.title")} description={t("ssoAdmin.intro")} className="mb-0" />
      <Card title={t("ssoAdmin.spTitle")} className="space-y-3">
        <dl className="space-y-2 text-sm">
          {(
            [
              ["ssoAdmin.redirectUri", sp.redirectUri],
              ["ssoAdmin.acsUrl", sp.acsUrl],
              ["ssoAdmin.spEntityId", sp.entityId],
              ["ssoAdmin.metadataUrl", sp.metadataUrl],
            ] as const
          ).map(([key, value]) => (
            <div key={key}>
              <dt className="font-semibold">{t(key)}</dt>
              <dd>
                <code className="break-all" data-sp={key.replace("ssoAdmin.", "")}>
                  {value}
                </code>
              </dd>
            </div>
          ))}
        </dl>
        {appUrlSet ? null : <p className="text-sm text-amber-900">{t("ssoAdmin.appUrlWarning")}</p>}
        <p className="text-sm text-slate-600">{t("ssoAdmin.linkedCount", { count: linked })}</p>
      </Card>
      <Form key={loadedAt} method="post" className="space-y-6" noValidate>
        <SettingErrors settings={settings} errors={errors} />
        {SECTIONS.map((section) => (
          <fieldset key={section.titleKey} className="card space-y-5">
            <legend className="text-xl font-semibold">{t(section.titleKey)}</legend>
            {settings
              .filter((s) => (section.prefix ? s.key.startsWith(section.prefix) : !s.key.startsWith("sso.oidc.") && !s.key.startsWith("sso.saml.")))
              .map((setting) => (
                <SsoSettingInput key={setting.key} setting={setting} teams={teams} errorKey={errors?.[setting.key]} />
              ))}
            {section.prefix === null ? <p className="text-sm text-slate-600">{t("ssoAdmin.breakGlassHelp")}</p> : null}
          </fieldset>
        ))}
        <Button type="submit" disabled={busy}>
          {t("common.save")}
        </Button>
      </Form>
    </div>
  );
}

function SsoSettingInput({ setting, errorKey, teams }: { setting: SettingForm; errorKey: string | undefined; teams: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const extraHint = setting.field.kind === "secret" ? t(setting.isSet ? "ssoAdmin.secretSet" : "ssoAdmin.secretNotSet") : null;
  if (setting.key !== "sso.jitTeamId") return <SettingField setting={setting} errorKey={errorKey} extraHint={extraHint} />;
  return (
    <SettingField
      setting={setting}
      errorKey={errorKey}
      control={(aria) => (
        <select defaultValue={String(setting.value)} className="field-input" {...aria}>
          <option value="">{t("ssoAdmin.noTeam")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
