import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Field, FormErrors } from "./form";
import { Button } from "./ui";
import "~/i18n/load/account.client";

/** New password + confirmation, used by the invitation and the reset pages. */
export function SetPasswordForm({ errors, submitLabel }: { errors: Record<string, string> | null; submitLabel: string }) {
  const { t } = useTranslation();
  return (
    // Reloads the page: accepting an invitation signs the person in, and the next page loads the strings
    // of their roles and language (ADR 0011).
    <Form method="post" reloadDocument className="card mt-6 space-y-4" noValidate>
      <FormErrors errors={errors} />
      <Field
        name="password"
        type="password"
        label={t("password.new")}
        hint={t("password.rules")}
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={200}
        errors={errors}
      />
      <Field name="confirm" type="password" label={t("password.confirm")} autoComplete="new-password" required errors={errors} />
      <Button type="submit" className="w-full">
        {submitLabel}
      </Button>
    </Form>
  );
}
