import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireUser } from "~/auth/guards.server";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
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
      <h1 className="text-3xl font-bold">{t("account.title")}</h1>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title" className="text-lg font-semibold">
          {t("account.profile")}
        </h2>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="font-medium">{t("common.name")}</dt>
          <dd>{data.name}</dd>
          <dt className="font-medium">{t("common.email")}</dt>
          <dd>{data.email}</dd>
          <dt className="font-medium">{t("common.team")}</dt>
          <dd>{data.teamName ?? t("common.noTeam")}</dd>
          <dt className="font-medium">{t("common.roles")}</dt>
          <dd>{data.roles.map((r) => t(`roles.${r}`)).join(", ")}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="language-title">
        <h2 id="language-title" className="text-lg font-semibold">
          {t("account.language")}
        </h2>
        <form method="post" action="/language" className="mt-3 flex items-end gap-2">
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
          <button type="submit" className="btn-secondary">
            {t("common.save")}
          </button>
        </form>
      </section>
      <section className="card space-y-3" aria-labelledby="data-title">
        <h2 id="data-title" className="text-lg font-semibold">
          {t("privacy.account.title")}
        </h2>
        <p>
          <Link to="/privacy" className="link">
            {t("privacy.account.readNotice")}
          </Link>
          {data.noticeSeen ? (
            <span className="block text-sm text-slate-700">{t("privacy.seen", { version: data.noticeSeen.version, date: date(data.noticeSeen.seenAt) })}</span>
          ) : null}
        </p>
        <Form method="post" action="/account/export" reloadDocument>
          <input type="hidden" name="intent" value="export" />
          <button type="submit" className="btn-secondary" aria-describedby="export-help">
            {t("privacy.account.download")}
          </button>
        </Form>
        <p id="export-help" className="text-sm text-slate-600">
          {t("privacy.account.downloadHelp")}
        </p>
      </section>
      <section className="card" aria-labelledby="notifications-title" id="notifications">
        <h2 id="notifications-title" className="text-lg font-semibold">
          {t("account.notificationsTitle")}
        </h2>
        <p className="mt-2 text-sm text-slate-700">{t("account.notificationsIntro")}</p>
        <Form method="post" className="mt-3 space-y-3">
          <input type="hidden" name="intent" value="notifications" />
          <fieldset>
            <legend className="sr-only">{t("account.notificationsTitle")}</legend>
            <ul className="space-y-2">
              {data.preferences.map((p) => (
                <li key={p.kind} className="flex items-start gap-2">
                  <input type="checkbox" id={`mail-${p.kind}`} name="mail" value={p.kind} defaultChecked={p.mailed} className="mt-1" />
                  <label htmlFor={`mail-${p.kind}`} className="text-sm">
                    {p.label}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <p className="text-sm text-slate-700">{t("account.notificationsMandatory", { kinds: data.mandatory.join(", ") })}</p>
          <button type="submit" className="btn-secondary">
            {t("common.save")}
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title" className="text-lg font-semibold">
          {t("account.passwordTitle")}
        </h2>
        <Form method="post" className="mt-3 space-y-4" noValidate>
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
          <button type="submit" className="btn-primary">
            {t("account.passwordSubmit")}
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="text-lg font-semibold">
          {t("account.sessions")}
        </h2>
        <Form method="post" action="/logout" className="mt-3">
          <input type="hidden" name="scope" value="everywhere" />
          <button type="submit" className="btn-secondary" aria-describedby="everywhere-help">
            {t("logout.everywhere")}
          </button>
          <p id="everywhere-help" className="mt-2 text-sm text-slate-600">
            {t("logout.everywhereHelp")}
          </p>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
