import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Field, FormErrors } from "./form";

/** New password + confirmation, used by the invitation and the reset pages. */
export function SetPasswordForm({ errors, submitLabel }: { errors: Record<string, string> | null; submitLabel: string }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" className="card mt-6 space-y-4" noValidate>
      <FormErrors errors={errors} />
      <Field name="password" type="password" label={t("password.new")} hint={t("password.rules")} autoComplete="new-password" required minLength={10} maxLength={200} errors={errors} />
      <Field name="confirm" type="password" label={t("password.confirm")} autoComplete="new-password" required errors={errors} />
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
