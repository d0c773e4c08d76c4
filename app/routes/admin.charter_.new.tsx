import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/form";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { useDates } from "~/components/dates";
import { MAX_CHARTER_VERSION_CHARS, createCharterDraft, listCharterDrafts } from "~/models/charter-drafts.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Ambassade" }];

function schema() {
  return z.object({ version: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(MAX_CHARTER_VERSION_CHARS, "errors.tooLong") });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "charter.manage");
  return json({ title: `${getT(resolveLocale(request, viewer.locale))("charterEditor.new.title")} · Ambassade`, drafts: listCharterDrafts() });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "charter.manage");
    const form = await parseForm(request, schema());
    await createCharterDraft(viewer.id, form.version);
    return redirectWithFlash(`/admin/charter/drafts/${form.version}`, { kind: "success", key: "charterEditor.new.created", params: { version: form.version } });
  });
}

export default function NewCharterDraft() {
  const { t } = useTranslation();
  const { date } = useDates();
  const { drafts } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const busy = useNavigation().state === "submitting";
  return (
    <div className="max-w-3xl space-y-6">
      <Breadcrumb
        label={t("charterEditor.breadcrumb")}
        trail={[{ to: "/admin/charter", label: t("charterEditor.charter") }]}
        current={t("charterEditor.new.title")}
      />
      <PageHeader title={t("charterEditor.new.title")} description={t("charterEditor.new.intro")} className="mb-0" />
      <Form method="post" noValidate className="card space-y-4">
        <FormErrors errors={errors} />
        <Field
          name="version"
          label={t("charterEditor.new.version")}
          hint={t("charterEditor.new.versionHint")}
          errors={errors}
          required
          autoComplete="off"
          placeholder="2027-01"
        />
        <Button type="submit" disabled={busy}>
          {t("charterEditor.new.submit")}
        </Button>
      </Form>
      {drafts.length > 0 ? (
        <section aria-labelledby="drafts-title" className="space-y-2">
          <h2 id="drafts-title" className="text-xl font-semibold">
            {t("charterEditor.drafts")}
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {drafts.map((d) => (
              <li key={d.version}>
                <Link to={`/admin/charter/drafts/${d.version}`} className="link">
                  {d.updatedByName
                    ? t("charterEditor.draftRow", { version: d.version, date: date(d.updatedAt), name: d.updatedByName })
                    : t("charterEditor.draftRowNoName", { version: d.version, date: date(d.updatedAt) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
