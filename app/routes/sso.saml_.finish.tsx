import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/guards.server";
import { finishSamlSignIn } from "~/auth/saml.server";
import { completeSsoSignIn, readFlowCookie, ssoErrorResponse } from "~/auth/sso.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoErrorPage } from "~/components/sso";
import { titled } from "~/utils/meta";

export const meta = titled;

/** After the ACS: this browser's cookie must name a sign-in with a verified answer (used once). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (viewer) throw redirect("/home");
  try {
    const { profile, redirectTo } = finishSamlSignIn(await readFlowCookie(request));
    return await completeSsoSignIn(profile, redirectTo);
  } catch (error) {
    return ssoErrorResponse(error, request);
  }
}

export default function SamlFinish() {
  const data = useLoaderData<typeof loader>();
  return <SsoErrorPage code={data.error} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
