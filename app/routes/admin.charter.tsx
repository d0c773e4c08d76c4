import { type ActionFunctionArgs, type LoaderFunctionArgs, json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { useDates } from "~/components/dates";
import { DataTable } from "~/components/data-table";
import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { Button, ButtonLink } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldFrame, FormErrors } from "~/components/form";
import { CHANGE_SUMMARY_MAX, charterPublicationPreview, listCharterVersions, publishCharter } from "~/models/charter.server";
import { InputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

const versionField = () => z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(40, "errors.tooLong");

/** The confirmation's form: the version, what changed in both languages, and the count the admin was shown. */
function schema() {
  const summary = () => z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(CHANGE_SUMMARY_MAX, "errors.tooLong");
  return z.object({
    version: versionField(),
    summaryFr: summary(),
    summaryEn: summary(),
    expected: z.coerce.number({ error: "errors.required" }).int("errors.invalidInput").min(0, "errors.invalidInput").max(10_000_000, "errors.invalidInput"),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "charter.manage");
  const list = await listCharterVersions();
  const wanted = new URL(request.url).searchParams.get("publish");
  let confirm: { version: string; suspended: number } | null = null;
  let confirmError: string | null = null;
  if (wanted) {
    const parsed = versionField().safeParse(wanted);
    if (!parsed.success) confirmError = "errors.invalidInput";
    else {
      try {
        const preview = await charterPublicationPreview(parsed.data);
        confirm = { version: preview.version, suspended: preview.suspended };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        confirmError = Object.values(error.fieldErrors)[0] ?? "errors.invalidInput";
      }
    }
  }
  return json({ ...list, confirm, confirmError, title: titleFor(request, viewer, "adminCharter") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "charter.manage");
    const form = await parseForm(request, schema());
    const { suspended } = await publishCharter(viewer.id, form.version, new Date(), undefined, { fr: form.summaryFr, en: form.summaryEn }, form.expected);
    return redirectWithFlash("/admin/charter", {
      kind: "success",
      key: "accreditation.adminCharter.published",
      params: { version: form.version, count: suspended },
    });
  });
}

function Confirmation({ version, suspended, errors }: { version: string; suspended: number; errors: Record<string, string> | null }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("accreditation.adminCharter.confirmTitle", { version })} className="space-y-4 border-amber-300 bg-amber-50">
      <p className="font-medium" data-testid="suspension-count">
        {t("accreditation.adminCharter.confirmCount", { count: suspended })}
      </p>
      <Form method="post" className="space-y-4" noValidate>
        <FormErrors errors={errors} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="expected" value={suspended} />
        <TextArea
          name="summaryFr"
          lang="fr"
          label={t("accreditation.adminCharter.summaryFr")}
          hint={t("accreditation.adminCharter.summaryHint")}
          errors={errors}
        />
        <TextArea
          name="summaryEn"
          lang="en"
          label={t("accreditation.adminCharter.summaryEn")}
          hint={t("accreditation.adminCharter.summaryHint")}
          errors={errors}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy}>
            {t("accreditation.adminCharter.confirm")}
          </Button>
          <Link to="/admin/charter" className="btn-secondary">
            {t("accreditation.adminCharter.cancel")}
          </Link>
        </div>
      </Form>
    </Card>
  );
}

function TextArea({ name, label, hint, lang, errors }: { name: string; label: string; hint: string; lang: string; errors: Record<string, string> | null }) {
  const { t } = useTranslation();
  const error = errors?.[name];
  return (
    <FieldFrame id={`field-${name}`} label={label} hint={hint} error={error ? t(error) : null} required>
      {(aria) => <textarea {...aria} name={name} lang={lang} rows={3} required maxLength={CHANGE_SUMMARY_MAX} className="field-input" />}
    </FieldFrame>
  );
}

export default function AdminCharter() {
  const { t } = useTranslation();
  const { date, day } = useDates();
  const { current, versions, confirm, confirmError } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : confirmError ? { version: confirmError } : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("accreditation.adminCharter.title")}
        description={t("accreditation.adminCharter.intro")}
        actions={<ButtonLink to="/admin/charter/new">{t("charterEditor.draftLink")}</ButtonLink>}
        className="mb-0"
      />
      {confirm ? <Confirmation version={confirm.version} suspended={confirm.suspended} errors={errors} /> : <FormErrors errors={errors} />}
      <DataTable
        columns={[
          t("accreditation.adminCharter.version"),
          t("accreditation.adminCharter.effective"),
          t("accreditation.adminCharter.status"),
          t("accreditation.adminCharter.signatures"),
          <span key="actions" className="sr-only">
            {t("common.actions")}
          </span>,
        ]}
      >
        {versions.map((v) => (
          <tr key={v.version}>
            <th scope="row" className="px-3 py-2 text-left font-semibold">
              {v.version}
              <span className="block font-normal text-slate-700">{v.title}</span>
              {v.fromBrowser ? <span className="block text-sm font-normal text-slate-700">{t("charterEditor.fromBrowser")}</span> : null}
            </th>
            <td className="px-3 py-2">{day(v.effective)}</td>
            <td className="px-3 py-2">
              {v.version === current ? <Badge tone="success">{t("accreditation.adminCharter.current")}</Badge> : null}
              <span className="block">
                {v.publishedAt
                  ? v.publishedBy
                    ? t("accreditation.adminCharter.publishedBy", { date: date(v.publishedAt), name: v.publishedBy })
                    : t("accreditation.adminCharter.publishedOn", { date: date(v.publishedAt) })
                  : t("accreditation.adminCharter.notPublished")}
              </span>
            </td>
            <td className="px-3 py-2">{v.signatures}</td>
            <td className="px-3 py-2">
              {!v.publishedAt && (current === null || v.version > current) && confirm?.version !== v.version ? (
                <Link to={`/admin/charter?publish=${encodeURIComponent(v.version)}`} className="btn-primary" aria-describedby="publish-help">
                  {t("accreditation.adminCharter.publish", { version: v.version })}
                </Link>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      <p id="publish-help" className="text-sm text-slate-700">
        {t("accreditation.adminCharter.publishHelp")}
      </p>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
