/** SCIM provisioning: the tenant URL to paste into the directory, and SCIM tokens (created, shown once, revoked). */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { ShownOnce } from "~/components/api-admin";
import { DataTable } from "~/components/data-table";
import { DateTime } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, useIsPending } from "~/components/form";
import { ProvisioningTabs } from "~/components/provisioning-tabs";
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
      name: fields.text(80),
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
      if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now())) throw new InputError({ expires: "provisioning.scim.errors.expiryPast" });
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
  const c = (key: string) => t(`provisioning.scim.columns.${key}`);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("provisioning.scim.title")}</h1>
      <ProvisioningTabs />
      <p className="max-w-3xl text-slate-700">{t("provisioning.scim.intro")}</p>
      <ShownOnce id="scim-base-url" label={t("provisioning.scim.baseUrl")} value={baseUrl} />

      {created ? (
        <section role="status" aria-labelledby="created-title" className="card space-y-3 border-l-4 border-l-green-700">
          <h2 id="created-title" className="text-xl font-semibold">
            {t("provisioning.scim.createdTitle", { name: created.name })}
          </h2>
          <p className="text-slate-800">{t("provisioning.scim.createdBody")}</p>
          <ShownOnce id="created-token" label={t("provisioning.scim.tokenLabel")} value={created.token} />
        </section>
      ) : null}

      <section aria-labelledby="create-title" className="card space-y-4">
        <h2 id="create-title" className="text-xl font-semibold">
          {t("provisioning.scim.createTitle")}
        </h2>
        <Form key={created?.token ?? "new"} method="post" className="flex flex-wrap items-end gap-4" noValidate>
          <FormErrors errors={errors} />
          <input type="hidden" name="intent" value="create" />
          <div className="min-w-64 flex-1">
            <Field name="name" id="token-name" label={t("provisioning.scim.name")} hint={t("provisioning.scim.nameHint")} required maxLength={80} errors={errors} autoComplete="off" />
          </div>
          <div>
            <Field name="expires" id="token-expires" type="date" label={t("provisioning.scim.expires")} errors={errors} />
          </div>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("provisioning.scim.create")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-xl font-semibold">
          {t("provisioning.scim.listTitle")}
        </h2>
        {tokens.length === 0 ? (
          <p className="card">{t("provisioning.scim.empty")}</p>
        ) : (
          <DataTable columns={[c("name"), c("prefix"), c("created"), c("lastUsed"), c("expires"), c("status"), c("actions")]}>
            {tokens.map((token) => {
              const expired = token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now;
              return (
                <tr key={token.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {token.name}
                  </th>
                  <td className="px-3 py-2 font-mono">{token.prefix}…</td>
                  <td className="px-3 py-2">
                    <DateTime value={token.createdAt} />
                  </td>
                  <td className="px-3 py-2">{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : t("provisioning.scim.never")}</td>
                  <td className="px-3 py-2">{token.expiresAt ? <DateTime value={token.expiresAt} /> : t("provisioning.scim.noExpiry")}</td>
                  <td className="px-3 py-2">
                    {token.revokedAt ? (
                      <span className="text-red-800">{t("provisioning.scim.revoked")}</span>
                    ) : expired ? (
                      <span className="text-red-800">{t("provisioning.scim.expired")}</span>
                    ) : (
                      <span className="text-green-800">{t("provisioning.scim.active")}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {token.revokedAt ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" className="btn-danger px-3 py-1" aria-label={t("provisioning.scim.revokeLabel", { name: token.name })}>
                          {t("provisioning.scim.revoke")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
