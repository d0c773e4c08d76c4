import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { useDates } from "~/components/accreditation";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/form";
import { listCharterVersions, publishCharter } from "~/models/charter.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Ambassade" }];

function schema() {
  return z.object({ version: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(40, "errors.tooLong") });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "settings.manage");
  return json(await listCharterVersions());
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "settings.manage");
    const form = await parseForm(request, schema());
    const { suspended } = await publishCharter(viewer.id, form.version);
    return redirectWithFlash("/admin/charter", { kind: "success", key: "accreditation.adminCharter.published", params: { version: form.version, count: suspended } });
  });
}

export default function AdminCharter() {
  const { t } = useTranslation();
  const { date } = useDates();
  const { current, versions } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t("accreditation.adminCharter.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("accreditation.adminCharter.intro")}</p>
        <p className="mt-3">
          <Link to="/admin/charter/new" className="btn-secondary">
            {t("charterEditor.draftLink")}
          </Link>
        </p>
      </header>
      <FormErrors errors={errors} />
      <DataTable columns={[t("accreditation.adminCharter.version"), t("accreditation.adminCharter.effective"), t("accreditation.adminCharter.status"), t("accreditation.adminCharter.signatures"), <span key="actions" className="sr-only">{t("common.actions")}</span>]}>
        {versions.map((v) => (
          <tr key={v.version}>
            <th scope="row" className="px-3 py-2 text-left font-semibold">
              {v.version}
              <span className="block font-normal text-slate-700">{v.title}</span>
              {v.fromBrowser ? <span className="block text-sm font-normal text-slate-700">{t("charterEditor.fromBrowser")}</span> : null}
            </th>
            <td className="px-3 py-2">{date(v.effective)}</td>
            <td className="px-3 py-2">
              {v.version === current ? <strong className="text-green-900">{t("accreditation.adminCharter.current")}</strong> : null}
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
              {!v.publishedAt && (current === null || v.version > current) ? (
                <Form method="post">
                  <input type="hidden" name="version" value={v.version} />
                  <button type="submit" className="btn-primary" disabled={busy} aria-describedby="publish-help">
                    {t("accreditation.adminCharter.publish", { version: v.version })}
                  </button>
                </Form>
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
