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
import { Button, Card, PageHeader } from "~/components/ui";

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
    <div className="page-auth">
      <PageHeader title={t("logout.title")} />
      <Card className="space-y-4">
        <Form method="post">
          <Button type="submit" className="w-full">
            {t("logout.here")}
          </Button>
        </Form>
        <Form method="post">
          <input type="hidden" name="scope" value="everywhere" />
          <Button type="submit" variant="secondary" className="w-full" aria-describedby="everywhere-help">
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
