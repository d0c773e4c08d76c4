/** SCIM provisioning: the tenant URL to paste into the directory, and SCIM tokens (created, shown once, revoked). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { CreatedToken, ProvisioningTabs, ShownOnce, TOKEN_NAME_MAX, TokenCreateForm, TokenTable } from "~/components/api-admin";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, useIsPending } from "~/components/form";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { InputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { fields, parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";

export const meta = titled;

function schema() {
  return z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("create"),
      name: fields.text(TOKEN_NAME_MAX),
      expires: z
        .string()
        .trim()
        .regex(/^(\d{4}-\d{2}-\d{2})?$/, "errors.invalidInput")
        .optional()
        .default(""),
    }),
    z.object({ intent: z.literal("revoke"), tokenId: z.string().min(1, "errors.invalidInput").max(64, "errors.invalidInput") }),
  ]);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "api.manage");
  const t = getT(resolveLocale(request, viewer.locale));
  return json({
    title: `${t("provisioning.scim.title")} · Ambassade`,
    baseUrl: `${new URL(request.url).origin}/scim/v2`,
    tokens: listApiTokens("scim"),
    now: Date.now(),
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "api.manage");
    const form = await parseForm(request, schema());
    if (form.intent === "create") {
      // The end of the given day, UTC.
      const expiresAt = form.expires ? new Date(`${form.expires}T23:59:59.999Z`) : null;
      if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now()))
        throw new InputError({ expires: "provisioning.scim.errors.expiryPast" });
      const created = createApiToken(viewer.id, form.name, { scope: "scim", expiresAt });
      // Not a redirect: the token is shown on this response only, and never again.
      return json({ created: { name: created.name, token: created.token }, fieldErrors: null });
    }
    const { name } = revokeApiToken(viewer.id, form.tokenId);
    return redirectWithFlash("/admin/provisioning", { kind: "success", key: "provisioning.scim.revokedFlash", params: { name } });
  });
}

export default function AdminProvisioning() {
  const { t } = useTranslation();
  const { tokens, baseUrl, now } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const created = data && "created" in data ? data.created : null;
  const busy = useIsPending();
  return (
    <div className="space-y-6">
      <PageHeader title={t("provisioning.scim.title")} description={t("provisioning.scim.intro")} className="mb-0" />
      <ProvisioningTabs />
      <ShownOnce id="scim-base-url" label={t("provisioning.scim.baseUrl")} value={baseUrl} />

      {created ? <CreatedToken words="provisioning.scim" created={created} /> : null}
      <TokenCreateForm
        words="provisioning.scim"
        formKey={created?.token ?? "new"}
        errors={errors}
        busy={busy}
        extra={
          <div>
            <Field name="expires" id="token-expires" type="date" label={t("provisioning.scim.expires")} errors={errors} />
          </div>
        }
      />
      <TokenTable words="provisioning.scim" tokens={tokens} now={now} />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
