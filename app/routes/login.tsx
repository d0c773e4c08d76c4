import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { getViewer } from "~/auth/guards.server";
import { Field, FormErrors } from "~/components/form";
import { signIn } from "~/models/session.server";
import { fields, parseForm, withFormErrors, z } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/redirect";

export const meta: MetaFunction = () => [{ title: "Ambassade" }];


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
  return json({});
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const form = await parseForm(request, schema());
    const result = await signIn(form.email, form.password, context.clientIp);
    if (!result.ok) {
      const key = result.reason === "throttled" ? "login.throttled" : "login.invalid";
      return json({ fieldErrors: { form: key } }, { status: result.reason === "throttled" ? 429 : 401 });
    }
    return redirect(safeRedirect(form.redirectTo), { headers: { "Set-Cookie": result.cookie } });
  });
}

export default function Login() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const [params] = useSearchParams();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">{t("login.title")}</h1>
      <p className="mt-2 text-slate-700">{t("login.intro")}</p>
      {/* Reloads the page: the next one loads the strings of the person's roles and language (ADR 0011). */}
      <Form method="post" reloadDocument className="card mt-6 space-y-4" noValidate>
        <FormErrors errors={errors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/home"} />
        <Field name="email" type="email" label={t("login.email")} autoComplete="username" required errors={errors} autoFocus />
        <Field name="password" type="password" label={t("login.password")} autoComplete="current-password" required errors={errors} />
        <button type="submit" className="btn-primary w-full">
          {t("login.submit")}
        </button>
        <p className="text-sm">
          <Link to="/forgot-password" className="link">
            {t("login.forgot")}
          </Link>
        </p>
      </Form>
      <p className="mt-4 text-sm text-slate-600">{t("login.demoHint")}</p>
    </div>
  );
}
