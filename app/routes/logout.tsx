import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { getViewer, requireUser } from "~/auth/guards.server";
import { blankSessionCookie, invalidateAllSessions, invalidateSession } from "~/auth/lucia.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { readFormData } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import "~/i18n/load/account.client";

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  return json({ title: titleFor(request, viewer, "logout") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (!viewer) throw redirect("/login", { headers: { "Set-Cookie": blankSessionCookie() } });
  const form = await readFormData(request).catch(() => new FormData());
  const everywhere = form.get("scope") === "everywhere";
  if (everywhere) await invalidateAllSessions(viewer.id);
  else await invalidateSession(viewer.sessionId);
  return redirectWithFlash(
    "/login",
    { kind: "info", key: everywhere ? "logout.doneEverywhere" : "logout.done" },
    { headers: { "Set-Cookie": blankSessionCookie() } },
  );
}

export default function Logout() {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">{t("logout.title")}</h1>
      <div className="card mt-6 space-y-4">
        <Form method="post">
          <button type="submit" className="btn-primary w-full">
            {t("logout.here")}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="scope" value="everywhere" />
          <button type="submit" className="btn-secondary w-full" aria-describedby="everywhere-help">
            {t("logout.everywhere")}
          </button>
          <p id="everywhere-help" className="mt-2 text-sm text-slate-600">
            {t("logout.everywhereHelp")}
          </p>
        </Form>
      </div>
    </div>
  );
}
