import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { getViewer } from "~/auth/guards.server";
import { Field, FormErrors } from "~/components/form";
import { SsoButtons } from "~/components/sso";
import { signIn } from "~/models/session.server";
import { mayUsePassword, signInOptions } from "~/models/sso.server";
import { fields, parseForm, withFormErrors, z } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/redirect";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
import "~/i18n/load/account.client";
import { Button, PageHeader } from "~/components/ui";

export const meta = titled;

function schema() {
  return z.object({
    email: fields.email(),
    password: z.string({ error: "errors.required" }).min(1, "errors.required").max(200, "errors.tooLong"),
    redirectTo: z.string().optional(),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (viewer) throw redirect("/home");
  return json({ sso: signInOptions(), title: titleFor(request, null, "login") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const form = await parseForm(request, schema());
    const result = await signIn(form.email, form.password, context.clientIp, mayUsePassword);
    if (!result.ok) {
      const key = result.reason === "throttled" ? "login.throttled" : result.reason === "notAllowed" ? "sso.passwordNotAllowed" : "login.invalid";
      return json({ fieldErrors: { form: key } }, { status: result.reason === "throttled" ? 429 : result.reason === "notAllowed" ? 403 : 401 });
    }
    return redirect(safeRedirect(form.redirectTo), { headers: { "Set-Cookie": result.cookie } });
  });
}

export default function Login() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const [params] = useSearchParams();
  const { sso } = useLoaderData<typeof loader>();
  // Password sign-in for admins only: the form is then the break-glass access at /login?password=1.
  const breakGlass = !sso.passwordForEveryone && params.get("password") === "1";
  return (
    <div className="page-auth">
      <PageHeader
        title={t("login.title")}
        description={sso.passwordForEveryone || breakGlass ? <p>{t(breakGlass ? "sso.breakGlassIntro" : "login.intro")}</p> : undefined}
      />
      <SsoButtons providers={sso.providers} redirectTo={params.get("redirectTo") ?? "/home"} />
      {sso.passwordForEveryone || breakGlass ? (
        <PasswordForm errors={errors} redirectTo={params.get("redirectTo") ?? "/home"} />
      ) : (
        <p className="muted mt-4 text-sm">
          {t("sso.passwordOff")}{" "}
          <Link to="/login?password=1" className="link">
            {t("sso.breakGlass")}
          </Link>
        </p>
      )}
    </div>
  );
}

function PasswordForm({ errors, redirectTo }: { errors: Record<string, string> | null; redirectTo: string }) {
  const { t } = useTranslation();
  return (
    <>
      {/* Reloads the page: the next one loads the strings of the person's roles and language (ADR 0011). */}
      <Form method="post" reloadDocument className="card mt-6 space-y-4" noValidate>
        <FormErrors errors={errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="email" type="email" label={t("login.email")} autoComplete="username" required errors={errors} autoFocus />
        <Field name="password" type="password" label={t("login.password")} autoComplete="current-password" required errors={errors} />
        <Button type="submit" className="w-full">
          {t("login.submit")}
        </Button>
        <p className="text-sm">
          <Link to="/forgot-password" className="link">
            {t("login.forgot")}
          </Link>
        </p>
      </Form>
      <p className="muted mt-4 text-sm">{t("login.demoHint")}</p>
    </>
  );
}
