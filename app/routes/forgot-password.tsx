import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Field, FormErrors, useIsPending } from "~/components/form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, PageHeader } from "~/components/ui";
import { resolveLocale } from "~/i18n/config";
import { requestPasswordReset } from "~/models/password-reset.server";
import { fields, parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import "~/i18n/load/account.client";

export const meta = titled;

function schema() {
  return z.object({ email: fields.email() });
}

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ title: titleFor(request, null, "forgotPassword") });
}

/**
 * Public by nature; answers the same, in the same time, whether or not the address has an account: the
 * mail is only queued here and sent after the reply (app/mail/outbox.server.ts); a mail that cannot be
 * sent is in the server's log for the administrator.
 */
export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request }) => {
    const { email } = await parseForm(request, schema());
    requestPasswordReset(email, resolveLocale(request, null));
    return json({ sent: true as const });
  });
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const busy = useIsPending();
  return (
    <div className="page-auth">
      <PageHeader title={t("password.forgotTitle")} description={<p>{t("password.forgotIntro")}</p>} />
      {data && "sent" in data ? (
        <p role="status" className="card mt-6">
          {t("password.forgotSent")}
        </p>
      ) : (
        <Form method="post" className="card mt-6 space-y-4" noValidate>
          <FormErrors errors={errors} />
          <Field name="email" type="email" label={t("login.email")} autoComplete="username" required errors={errors} />
          <Button type="submit" className="w-full" disabled={busy}>
            {t("password.forgotSubmit")}
          </Button>
        </Form>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
