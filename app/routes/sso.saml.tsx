import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { getViewer } from "~/auth/guards.server";
import { startSamlSignIn } from "~/auth/saml.server";
import { flowCookieFor, publicOrigin, ssoErrorResponse, ssoErrorTitle } from "~/auth/sso.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoErrorPage, SsoNothingHere } from "~/components/sso";
import { getSsoConfig, SsoError } from "~/models/sso.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/redirect";

export const meta: MetaFunction = ({ data }) => [{ title: (data as { title?: string } | undefined)?.title ?? "Ambassade" }];

const schema = () => z.object({ redirectTo: z.string().max(2000, "errors.tooLong").optional() });

/**
 * Nothing to show on its own (the sign-in starts from the button of /login, a POST). Not a redirect:
 * after a POST, Remix runs this loader to render the action's answer (an error page with its status).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return json({ title: ssoErrorTitle(request) });
}

/** "Sign in with <name>" (SAML 2.0): remembers the sign-in, then sends the browser to the IdP. */
export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await getViewer(request, context);
    if (viewer) throw redirect("/home");
    const form = await parseForm(request, schema());
    try {
      const saml = getSsoConfig().saml;
      if (!saml) throw new SsoError("notConfigured");
      const { url, flowId } = await startSamlSignIn(saml, publicOrigin(request), safeRedirect(form.redirectTo));
      return redirect(url, { headers: { "Set-Cookie": await flowCookieFor(flowId) } });
    } catch (error) {
      return ssoErrorResponse(error, request);
    }
  });
}

export default function SamlStart() {
  const data = useActionData<typeof action>();
  return data && "error" in data ? <SsoErrorPage code={data.error} /> : <SsoNothingHere />;
}

export const ErrorBoundary = GeneralErrorBoundary;
