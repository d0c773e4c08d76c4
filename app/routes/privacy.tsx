/**
 * The privacy notice in force, for anyone signed in: what Ambassade keeps, why, who sees it, how long.
 * The person records that they read it (the date is kept, per version); the same notice is shown
 * before the placement questionnaire. See docs/privacy.md.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireUser } from "~/auth/guards.server";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, PageHeader } from "~/components/ui";
import { FormErrors } from "~/components/form-errors";
import { NoticeText } from "~/components/privacy";
import { getT } from "~/i18n/i18n.server";
import { resolveLocale } from "~/i18n/config";
import { currentPrivacyNotice, lastSeenNotice, recordNoticeSeen } from "~/models/privacy-notice.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import "~/i18n/load/account.client";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Ambassade" }];

function schema() {
  return z.object({
    intent: z.literal("acknowledge", { error: "errors.invalidInput" }),
    version: z.coerce.number({ error: "errors.invalidInput" }).int("errors.invalidInput").min(1, "errors.invalidInput"),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const locale = resolveLocale(request, viewer.locale);
  const notice = currentPrivacyNotice();
  const seen = lastSeenNotice(viewer.id);
  return json({
    title: `${getT(locale)("privacy.title")} · Ambassade`,
    version: notice.version,
    text: notice[locale],
    publishedAt: notice.publishedAt?.toISOString() ?? null,
    seen: seen && { version: seen.version, seenAt: seen.seenAt.toISOString() },
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requireUser(request, context);
    const form = await parseForm(request, schema());
    recordNoticeSeen(viewer.id, form.version);
    return redirectWithFlash("/privacy", { kind: "success", key: "privacy.acknowledged" });
  });
}

export default function PrivacyNotice() {
  const { t } = useTranslation();
  const { date } = useDates();
  const data = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.fieldErrors ?? null;
  const current = data.seen?.version === data.version;
  return (
    <div className="page-narrow space-y-6">
      <PageHeader
        title={t("privacy.title")}
        description={
          data.publishedAt ? <p className="text-sm">{t("privacy.versionLine", { version: data.version, date: date(data.publishedAt) })}</p> : undefined
        }
      />
      <FormErrors errors={errors} />
      <section className="card" aria-label={t("privacy.title")}>
        <NoticeText text={data.text} />
      </section>
      <section className="card space-y-3" aria-live="polite">
        {current && data.seen ? (
          <p data-seen="true">{t("privacy.seen", { version: data.seen.version, date: date(data.seen.seenAt) })}</p>
        ) : (
          <>
            <p>{data.seen ? t("privacy.seenOlder", { version: data.seen.version, date: date(data.seen.seenAt) }) : t("privacy.notSeen")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="acknowledge" />
              <input type="hidden" name="version" value={data.version} />
              <Button type="submit">{t("privacy.acknowledge")}</Button>
            </Form>
          </>
        )}
        <p>
          <Link to="/account" className="link">
            {t("privacy.account.title")}
          </Link>
        </p>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
