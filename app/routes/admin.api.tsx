import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { ApiTabs, ShownOnce } from "~/components/api-admin";
import { DataTable } from "~/components/data-table";
import { DateTime, useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, useIsPending } from "~/components/form";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { fields, parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

function schema() {
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("create"), name: fields.text(80) }),
    z.object({ intent: z.literal("revoke"), tokenId: z.string().min(1, "errors.invalidInput").max(64, "errors.invalidInput") }),
  ]);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "api.manage");
  return json({ tokens: listApiTokens("api"), title: titleFor(request, viewer, "adminApi") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "api.manage");
    const form = await parseForm(request, schema());
    if (form.intent === "create") {
      const created = createApiToken(viewer.id, form.name);
      // Not a redirect: the token is shown on this response only, and never again.
      return json({ created: { name: created.name, token: created.token }, fieldErrors: null });
    }
    const { name } = revokeApiToken(viewer.id, form.tokenId);
    return redirectWithFlash("/admin/api", { kind: "success", key: "api.tokens.revokedFlash", params: { name } });
  });
}

export default function AdminApi() {
  const { t } = useTranslation();
  const { date } = useDates();
  const { tokens } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const created = data && "created" in data ? data.created : null;
  const busy = useIsPending();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("api.tokens.title")}</h1>
      <ApiTabs />
      <p className="max-w-3xl text-slate-700">{t("api.tokens.intro")}</p>
      <p className="max-w-3xl text-sm text-slate-700">{t("api.tokens.usage")}</p>

      {created ? (
        <section role="status" aria-labelledby="created-title" className="card space-y-3 border-l-4 border-l-green-700">
          <h2 id="created-title" className="text-xl font-semibold">
            {t("api.tokens.createdTitle", { name: created.name })}
          </h2>
          <p className="text-slate-800">{t("api.tokens.createdBody")}</p>
          <ShownOnce id="created-token" label={t("api.tokens.tokenLabel")} value={created.token} />
        </section>
      ) : null}

      <section aria-labelledby="create-title" className="card space-y-4">
        <h2 id="create-title" className="text-xl font-semibold">
          {t("api.tokens.createTitle")}
        </h2>
        <Form key={created?.token ?? "new"} method="post" className="flex flex-wrap items-end gap-4" noValidate>
          <FormErrors errors={errors} />
          <input type="hidden" name="intent" value="create" />
          <div className="min-w-64 flex-1">
            <Field name="name" id="token-name" label={t("api.tokens.name")} hint={t("api.tokens.nameHint")} required maxLength={80} errors={errors} autoComplete="off" />
          </div>
          <button type="submit" className="btn-primary" disabled={busy}>
            {t("api.tokens.create")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-xl font-semibold">
          {t("api.tokens.listTitle")}
        </h2>
        {tokens.length === 0 ? (
          <p className="card">{t("api.tokens.empty")}</p>
        ) : (
          <DataTable columns={[t("api.tokens.columns.name"), t("api.tokens.columns.prefix"), t("api.tokens.columns.created"), t("api.tokens.columns.lastUsed"), t("api.tokens.columns.status"), t("api.tokens.columns.actions")]}>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{token.name}</th>
                <td className="px-3 py-2 font-mono">{token.prefix}…</td>
                <td className="px-3 py-2">
                  <DateTime value={token.createdAt} />
                  <span className="block text-xs text-slate-600">
                    {t("api.tokens.columns.createdBy")} {token.createdByName ?? t("api.tokens.cli")}
                  </span>
                </td>
                <td className="px-3 py-2">{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : t("api.tokens.never")}</td>
                <td className="px-3 py-2">
                  {token.revokedAt ? (
                    <span className="text-red-800">{t("api.tokens.revoked", { date: date(token.revokedAt) })}</span>
                  ) : (
                    <span className="text-green-800">{t("api.tokens.active")}</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {token.revokedAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button type="submit" className="btn-danger px-3 py-1" aria-label={t("api.tokens.revokeLabel", { name: token.name })}>
                        {t("api.tokens.revoke")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
