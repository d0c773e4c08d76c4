import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/guards.server";
import { startOidcSignIn } from "~/auth/oidc.server";
import { startSsoResponse } from "~/auth/sso.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoErrorPage } from "~/components/sso";
import { getSsoConfig } from "~/models/sso.server";
import { titled } from "~/utils/meta";

export const meta = titled;

/** "Sign in with <name>" (OpenID Connect): to the IdP, or a page that says why not. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getViewer(request, context)) throw redirect("/home");
  const config = getSsoConfig().oidc;
  return startSsoResponse(request, config ? (origin, redirectTo) => startOidcSignIn(config, origin, redirectTo) : null);
}

export default function OidcStart() {
  const data = useLoaderData<typeof loader>();
  return <SsoErrorPage code={data.error} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
