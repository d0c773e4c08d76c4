import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/guards.server";
import { startSamlSignIn } from "~/auth/saml.server";
import { flowCookieFor, publicOrigin, ssoErrorResponse } from "~/auth/sso.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoErrorPage } from "~/components/sso";
import { getSsoConfig, SsoError } from "~/models/sso.server";
import { safeRedirect } from "~/utils/redirect";
import { titled } from "~/utils/meta";

export const meta = titled;

/**
 * "Sign in with <name>" (SAML 2.0): a link, not a form, because the page's Content-Security-Policy
 * (form-action 'self') forbids a form whose answer redirects to the IdP. Remembers the sign-in
 * (server-side, single use, tied to this browser by a signed cookie) and sends the browser to the IdP.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (viewer) throw redirect("/home");
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  try {
    const config = getSsoConfig().saml;
    if (!config) throw new SsoError("notConfigured");
    const { url, flowId } = await startSamlSignIn(config, publicOrigin(request), redirectTo);
    return redirect(url, { headers: { "Set-Cookie": await flowCookieFor(flowId), "Cache-Control": "no-store" } });
  } catch (error) {
    return ssoErrorResponse(error, request);
  }
}

export default function SamlStart() {
  const data = useLoaderData<typeof loader>();
  return <SsoErrorPage code={data.error} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
