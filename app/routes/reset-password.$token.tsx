import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { hashPassword } from "~/auth/password.server";
import { assertAcceptablePassword } from "~/auth/password-strength.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui";
import { SetPasswordForm } from "~/components/set-password-form";
import { isResetTokenUsable, resetPassword, resetTokenHolder } from "~/models/password-reset.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors } from "~/utils/forms.server";
import { newPasswordSchema } from "~/utils/password-form.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

/** Public: the secret in the URL is the authorization. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const usable = isResetTokenUsable(params.token ?? "");
  return json({ usable, title: titleFor(request, null, "resetPassword") }, { status: usable ? 200 : 410 });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, params }) => {
    const form = await parseForm(request, newPasswordSchema);
    const holder = resetTokenHolder(params.token ?? "");
    if (holder) await assertAcceptablePassword(form.password, holder);
    resetPassword(params.token ?? "", await hashPassword(form.password));
    return redirectWithFlash("/login", { kind: "success", key: "password.resetDone" });
  });
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { usable } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="page-auth">
      <PageHeader title={usable ? t("password.resetTitle") : t("invite.invalidTitle")} />
      {usable ? (
        <SetPasswordForm errors={data?.fieldErrors ?? null} submitLabel={t("password.resetSubmit")} />
      ) : (
        <p className="card mt-6">{t("errors.linkInvalid")}</p>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
