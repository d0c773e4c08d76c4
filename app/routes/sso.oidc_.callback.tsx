import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/guards.server";
import { finishOidcSignIn } from "~/auth/oidc.server";
import { completeSsoSignIn, readFlowCookie, ssoErrorResponse } from "~/auth/sso.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoErrorPage } from "~/components/sso";
import { getSsoConfig, SsoError } from "~/models/sso.server";
import { titled } from "~/utils/meta";

export const meta = titled;

/**
 * The IdP sends the browser back here with `code` and `state` (or `error`). The state must be the one
 * this browser's cookie names, used once; then the code is exchanged and the ID token checked, and
 * the person signed in. Any failure is a page saying what to do next, with a 4xx, and writes nothing.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (viewer) throw redirect("/home");
  try {
    const oidc = getSsoConfig().oidc;
    if (!oidc) throw new SsoError("notConfigured");
    const { profile, redirectTo } = await finishOidcSignIn(oidc, new URL(request.url), await readFlowCookie(request));
    return await completeSsoSignIn(profile, redirectTo);
  } catch (error) {
    return ssoErrorResponse(error, request);
  }
}

export default function OidcCallback() {
  const data = useLoaderData<typeof loader>();
  return <SsoErrorPage code={data.error} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
