import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { DateTime } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Badge, Button, EmptyState, PageHeader } from "~/components/ui";
import { Pagination } from "~/components/pagination";
import { resolveLocale } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";
import { INBOX_PAGE_SIZE, listInbox, markAllRead, markRead } from "~/models/notifications.server";
import { InputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import "~/i18n/load/account.client";

export const meta = titled;

/** A function, not a constant: `z` comes from a server module, absent from the browser bundle. */
function querySchema() {
  return z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });
}

function actionSchema() {
  return z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("open"), id: z.uuid({ error: "errors.invalidInput" }) }),
      z.object({ intent: z.literal("read"), id: z.uuid({ error: "errors.invalidInput" }) }),
      z.object({ intent: z.literal("readAll") }),
    ],
    { error: "errors.invalidInput" },
  );
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const locale = resolveLocale(request, viewer.locale);
  const { page } = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const inbox = listInbox(viewer.id, locale, page);
  return json({ ...inbox, page, pageSize: INBOX_PAGE_SIZE, title: titleFor(request, viewer, "inbox") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requireUser(request, context);
    const form = await parseForm(request, actionSchema());
    if (form.intent === "readAll") {
      markAllRead(viewer.id);
      return redirectWithFlash("/inbox", { kind: "success", key: "inbox.markedAll" });
    }
    const link = markRead(viewer.id, form.id);
    if (link === null) throw new InputError({ form: "inbox.notFound" }, 404);
    return redirect(form.intent === "open" ? link : "/inbox");
  });
}

export default function Inbox() {
  const { t } = useTranslation();
  const { items, total, unread, page, pageSize } = useLoaderData<typeof loader>();
  return (
    <div className="page-narrow space-y-6">
      <PageHeader
        title={t("inbox.title")}
        description={<p>{t("inbox.intro")}</p>}
        actions={
          <>
            <p className="muted text-sm font-medium">{t("inbox.unread", { count: unread })}</p>
            {unread > 0 ? (
              <Form method="post">
                <Button type="submit" name="intent" value="readAll" variant="secondary">
                  {t("inbox.markAllRead")}
                </Button>
              </Form>
            ) : null}
          </>
        }
      />
      {items.length === 0 ? (
        <EmptyState title={t("inbox.empty")} />
      ) : (
        <ul className="space-y-2" aria-label={t("inbox.title")}>
          {items.map((item) => (
            <li key={item.id} className={item.read ? "card notice" : "card notice notice-new"}>
              <div className="min-w-0 flex-1">
                {!item.read ? (
                  <Badge tone="info" className="mr-2">
                    {t("inbox.newBadge")}
                  </Badge>
                ) : null}
                <Form method="post" className="inline">
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" name="intent" value="open" className="notice-open" title={t("inbox.openHint")}>
                    {item.text}
                  </button>
                </Form>
                <p className="muted mt-1 text-sm">
                  <DateTime value={item.createdAt} />
                </p>
              </div>
              {!item.read ? (
                <Form method="post">
                  <input type="hidden" name="id" value={item.id} />
                  <Button type="submit" name="intent" value="read" variant="secondary" size="sm">
                    {t("inbox.markRead")}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {total > pageSize ? <Pagination page={page} pageSize={pageSize} total={total} /> : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
