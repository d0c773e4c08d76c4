import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { ApiTabs, CreatedToken, TOKEN_NAME_MAX, TokenCreateForm, TokenTable } from "~/components/api-admin";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useIsPending } from "~/components/form";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { fields, parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

function schema() {
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("create"), name: fields.text(TOKEN_NAME_MAX) }),
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
  const { tokens } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const created = data && "created" in data ? data.created : null;
  const busy = useIsPending();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("api.tokens.title")}
        description={
          <>
            <p>{t("api.tokens.intro")}</p>
            <p className="mt-1 text-sm">{t("api.tokens.usage")}</p>
          </>
        }
        className="mb-0"
      />
      <ApiTabs />

      {created ? <CreatedToken words="api.tokens" created={created} /> : null}
      <TokenCreateForm words="api.tokens" formKey={created?.token ?? "new"} errors={errors} busy={busy} />
      <TokenTable words="api.tokens" tokens={tokens} creator />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
