import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireUser } from "~/auth/guards.server";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, Card, PageHeader } from "~/components/ui";
import { Field, FormErrors } from "~/components/form";
import { resolveLocale } from "~/i18n/config";
import { mailPreferences, mandatoryLabels, saveMailPreferences } from "~/models/notifications.server";
import { changePassword } from "~/models/password-change.server";
import { lastSeenNotice } from "~/models/privacy-notice.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { newPasswordSchema } from "~/utils/password-form.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import "~/i18n/load/account.client";

export const meta = titled;

function actionSchema() {
  return z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("notifications"), mail: z.array(z.string().max(40)).max(40) }),
      z
        .object({
          intent: z.literal("password"),
          current: z.string({ error: "errors.required" }).min(1, "errors.required").max(200, "errors.tooLong"),
          password: newPasswordSchema.shape.password,
          confirm: newPasswordSchema.shape.confirm,
        })
        .refine((v) => v.password === v.confirm, { message: "errors.passwordMismatch", path: ["confirm"] }),
    ],
    { error: "errors.invalidInput" },
  );
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const locale = resolveLocale(request, viewer.locale);
  const seen = lastSeenNotice(viewer.id);
  return json({
    name: viewer.name,
    email: viewer.email,
    teamName: viewer.teamName,
    roles: viewer.roles,
    locale: viewer.locale ?? "fr",
    preferences: mailPreferences(viewer.id, locale),
    mandatory: mandatoryLabels(locale),
    noticeSeen: seen && { version: seen.version, seenAt: seen.seenAt.toISOString() },
    title: titleFor(request, viewer, "account"),
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requireUser(request, context);
    const form = await parseForm(request, actionSchema(), { arrayFields: ["mail"] });
    if (form.intent === "notifications") {
      saveMailPreferences(viewer.id, form.mail);
      return redirectWithFlash("/account", { kind: "success", key: "account.notificationsSaved" });
    }
    await changePassword(viewer, { current: form.current, password: form.password });
    return redirectWithFlash("/account", { kind: "success", key: "account.passwordChanged" });
  });
}

export default function Account() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { date } = useDates();
  const result = useActionData<typeof action>();
  const errors = result && "fieldErrors" in result ? result.fieldErrors : null;
  return (
    <div className="page-narrow space-y-6">
      <PageHeader title={t("account.title")} />
      <Card title={t("account.profile")}>
        <dl className="facts text-sm">
          <dt>{t("common.name")}</dt>
          <dd>{data.name}</dd>
          <dt>{t("common.email")}</dt>
          <dd>{data.email}</dd>
          <dt>{t("common.team")}</dt>
          <dd>{data.teamName ?? t("common.noTeam")}</dd>
          <dt>{t("common.roles")}</dt>
          <dd>{data.roles.map((r) => t(`roles.${r}`)).join(", ")}</dd>
        </dl>
      </Card>
      <Card title={t("account.language")}>
        <form method="post" action="/language" className="flex items-end gap-2">
          <input type="hidden" name="redirectTo" value="/account" />
          <div>
            <label htmlFor="locale" className="field-label">
              {t("nav.language")}
            </label>
            <select id="locale" name="locale" defaultValue={data.locale} className="field-input">
              <option value="fr" lang="fr">
                Français
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          </div>
          <Button type="submit" variant="secondary">
            {t("common.save")}
          </Button>
        </form>
      </Card>
      <Card title={t("privacy.account.title")} className="space-y-3">
        <p>
          <Link to="/privacy" className="link">
            {t("privacy.account.readNotice")}
          </Link>
          {data.noticeSeen ? (
            <span className="muted block text-sm">{t("privacy.seen", { version: data.noticeSeen.version, date: date(data.noticeSeen.seenAt) })}</span>
          ) : null}
        </p>
        <Form method="post" action="/account/export" reloadDocument>
          <input type="hidden" name="intent" value="export" />
          <Button type="submit" variant="secondary" aria-describedby="export-help">
            {t("privacy.account.download")}
          </Button>
        </Form>
        <p id="export-help" className="muted text-sm">
          {t("privacy.account.downloadHelp")}
        </p>
      </Card>
      <Card id="notifications" title={t("account.notificationsTitle")}>
        <p className="muted text-sm">{t("account.notificationsIntro")}</p>
        <Form method="post" className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="notifications" />
          <fieldset>
            <legend className="sr-only">{t("account.notificationsTitle")}</legend>
            <ul className="space-y-2 text-sm">
              {data.preferences.map((p) => (
                <li key={p.kind} className="check-row">
                  <input type="checkbox" id={`mail-${p.kind}`} name="mail" value={p.kind} defaultChecked={p.mailed} />
                  <label htmlFor={`mail-${p.kind}`}>{p.label}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <p className="muted text-sm">{t("account.notificationsMandatory", { kinds: data.mandatory.join(", ") })}</p>
          <Button type="submit" variant="secondary">
            {t("common.save")}
          </Button>
        </Form>
      </Card>
      <Card title={t("account.passwordTitle")}>
        <Form method="post" className="space-y-4" noValidate>
          <input type="hidden" name="intent" value="password" />
          <FormErrors errors={errors} />
          <Field name="current" type="password" label={t("account.passwordCurrent")} autoComplete="current-password" required maxLength={200} errors={errors} />
          <Field
            name="password"
            type="password"
            label={t("password.new")}
            hint={t("password.rules")}
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={200}
            errors={errors}
          />
          <Field name="confirm" type="password" label={t("password.confirm")} autoComplete="new-password" required errors={errors} />
          <Button type="submit">{t("account.passwordSubmit")}</Button>
        </Form>
      </Card>
      <Card title={t("account.sessions")}>
        <Form method="post" action="/logout">
          <input type="hidden" name="scope" value="everywhere" />
          <Button type="submit" variant="secondary" aria-describedby="everywhere-help">
            {t("logout.everywhere")}
          </Button>
          <p id="everywhere-help" className="muted mt-2 text-sm">
            {t("logout.everywhereHelp")}
          </p>
        </Form>
      </Card>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
