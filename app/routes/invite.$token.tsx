import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { createSession } from "~/auth/lucia.server";
import { hashPassword } from "~/auth/password.server";
import { assertAcceptablePassword } from "~/auth/password-strength.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui";
import { SetPasswordForm } from "~/components/set-password-form";
import { acceptInvitation, findUsableInvitation } from "~/models/invitation.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors } from "~/utils/forms.server";
import { newPasswordSchema } from "~/utils/password-form.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

/** Public: the single-use secret in the URL is the authorization. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = findUsableInvitation(params.token ?? "");
  const title = titleFor(request, null, "invite");
  if (!invitation) return json({ invitation: null, title }, { status: 410 });
  return json({ invitation: { name: invitation.name, email: invitation.email }, title });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, params }) => {
    const form = await parseForm(request, newPasswordSchema);
    const invitation = findUsableInvitation(params.token ?? "");
    if (invitation) await assertAcceptablePassword(form.password, invitation);
    const userId = acceptInvitation(params.token ?? "", await hashPassword(form.password));
    const cookie = await createSession(userId);
    const response = await redirectWithFlash("/home", { kind: "success", key: "invite.accepted" });
    response.headers.append("Set-Cookie", cookie);
    return response;
  });
}

export default function AcceptInvitation() {
  const { t } = useTranslation();
  const { invitation } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  if (!invitation) {
    return (
      <div className="page-auth">
        <PageHeader title={t("invite.invalidTitle")} />
        <p className="card mt-6">{t("invite.invalidBody")}</p>
      </div>
    );
  }
  return (
    <div className="page-auth">
      <PageHeader title={t("invite.acceptTitle", { name: invitation.name })} description={<p>{t("invite.acceptIntro", { email: invitation.email })}</p>} />
      <SetPasswordForm errors={data?.fieldErrors ?? null} submitLabel={t("invite.acceptSubmit")} />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
