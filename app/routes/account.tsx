import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  return json({ name: viewer.name, email: viewer.email, teamName: viewer.teamName, roles: viewer.roles, locale: viewer.locale ?? "fr", title: titleFor(request, viewer, "account") });
}

export default function Account() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t("account.title")}</h1>
      <section className="card" aria-labelledby="profile-title">
        <h2 id="profile-title" className="text-lg font-semibold">{t("account.profile")}</h2>
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
        <h2 id="language-title" className="text-lg font-semibold">{t("account.language")}</h2>
        <form method="post" action="/language" className="mt-3 flex items-end gap-2">
          <input type="hidden" name="redirectTo" value="/account" />
          <div>
            <label htmlFor="locale" className="field-label">{t("nav.language")}</label>
            <select id="locale" name="locale" defaultValue={data.locale} className="field-input">
              <option value="fr" lang="fr">Français</option>
              <option value="en" lang="en">English</option>
            </select>
          </div>
          <button type="submit" className="btn-secondary">{t("common.save")}</button>
        </form>
      </section>
      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="text-lg font-semibold">{t("account.sessions")}</h2>
        <Form method="post" action="/logout" className="mt-3">
          <input type="hidden" name="scope" value="everywhere" />
          <button type="submit" className="btn-secondary" aria-describedby="everywhere-help">{t("logout.everywhere")}</button>
          <p id="everywhere-help" className="mt-2 text-sm text-slate-600">{t("logout.everywhereHelp")}</p>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
