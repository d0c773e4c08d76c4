/**
 * /admin/privacy: the privacy notice (edit both languages, publish a new version, who read which) and
 * what retention last removed. Admins (settings.manage). See docs/privacy.md and ADR 0024.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { DataTable } from "~/components/data-table";
import { useDates } from "~/components/dates";
import { Card } from "~/components/ui/card";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldFrame, FormErrors } from "~/components/form";
import { getT } from "~/i18n/i18n.server";
import { resolveLocale } from "~/i18n/config";
import { NOTICE_MAX, listPrivacyNotices, publishPrivacyNotice } from "~/models/privacy-notice.server";
import { RETENTION_KINDS } from "~/domain/retention";
import { lastRetentionRun } from "~/models/retention.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, safeText, withFormErrors, z } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Ambassade" }];

function schema() {
  return z.object({
    basedOn: z.string().regex(/^\d{1,9}$/, "errors.invalidInput"),
    fr: safeText({ max: NOTICE_MAX, multiline: true, required: true }),
    en: safeText({ max: NOTICE_MAX, multiline: true, required: true }),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "settings.manage");
  const versions = listPrivacyNotices();
  const last = lastRetentionRun();
  return json({
    title: `${getT(resolveLocale(request, viewer.locale))("privacyAdmin.title")} · Ambassade`,
    current: versions[0]!,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt?.toISOString() ?? null, publishedBy: v.publishedBy, seenBy: v.seenBy })),
    lastRetention: last && { at: last.at.toISOString(), removed: last.removed },
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "settings.manage");
    const form = await parseForm(request, schema());
    const { version } = publishPrivacyNotice(viewer.id, { fr: form.fr, en: form.en, basedOn: Number(form.basedOn) });
    return redirectWithFlash("/admin/privacy", { kind: "success", key: "privacyAdmin.notice.published", params: { version } });
  });
}

export default function AdminPrivacy() {
  const { t } = useTranslation();
  const { date, dateTime } = useDates();
  const { current, versions, lastRetention } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.fieldErrors ?? null;
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-6">
      <PageHeader title={t("privacyAdmin.title")} className="mb-0" />
      <Card title={t("privacyAdmin.notice.title")} className="space-y-4">
        <p className="max-w-3xl text-slate-700">{t("privacyAdmin.notice.intro")}</p>
        <Form method="post" className="space-y-4" noValidate>
          <FormErrors errors={errors} />
          <input type="hidden" name="basedOn" value={current.version} />
          {(["fr", "en"] as const).map((lang) => (
            <FieldFrame
              key={lang}
              id={`notice-${lang}`}
              label={t(`privacyAdmin.notice.${lang}`)}
              error={errors?.[lang] ? t(errors[lang]) : null}
              describedBy={["notice-hint"]}
            >
              {(aria) => (
                <textarea {...aria} name={lang} lang={lang} rows={14} required maxLength={20000} defaultValue={current[lang]} className="field-input" />
              )}
            </FieldFrame>
          ))}
          <p id="notice-hint" className="text-sm text-slate-600">
            {t("privacyAdmin.notice.hint")}
          </p>
          <Button type="submit" disabled={busy}>
            {t("privacyAdmin.notice.publish")}
          </Button>
        </Form>
        <h3 className="pt-2 text-heading font-semibold">{t("privacyAdmin.notice.versions")}</h3>
        <DataTable
          columns={[
            t("privacyAdmin.notice.version"),
            t("privacyAdmin.notice.publishedAt"),
            t("privacyAdmin.notice.publishedBy"),
            t("privacyAdmin.notice.seenBy"),
          ]}
        >
          {versions.map((v) => (
            <tr key={v.version}>
              <th scope="row" className="px-3 py-2 text-left font-semibold">
                {v.version}
              </th>
              <td className="px-3 py-2">{v.publishedAt ? date(v.publishedAt) : t("privacyAdmin.notice.firstRun")}</td>
              <td className="px-3 py-2">{v.publishedBy ?? t("privacyAdmin.notice.firstRun")}</td>
              <td className="px-3 py-2">{v.seenBy}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card title={t("privacyAdmin.retention.title")} className="space-y-3">
        <p className="text-slate-700">{t("privacyAdmin.retention.intro")}</p>
        {lastRetention ? (
          <>
            <p>{t("privacyAdmin.retention.lastRun", { date: dateTime(lastRetention.at) })}</p>
            <ul className="list-disc pl-5 text-sm">
              {RETENTION_KINDS.filter((k) => (lastRetention.removed[k] ?? 0) > 0).map((k) => (
                <li key={k}>
                  {lastRetention.removed[k]} {t(`privacyAdmin.retention.kinds.${k}`)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("privacyAdmin.retention.never")}</p>
        )}
        <p>
          <Link to="/admin/settings" className="link">
            {t("privacyAdmin.retention.settings")}
          </Link>
        </p>
      </Card>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
