import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { receiveSamlResponse } from "~/auth/saml.server";
import { publicOrigin, ssoErrorResponse, ssoErrorTitle } from "~/auth/sso.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoErrorPage, SsoNothingHere } from "~/components/sso";
import { getSsoConfig, SsoError } from "~/models/sso.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";

export const meta = titled;

const schema = () =>
  z.object({
    SAMLResponse: z.string({ error: "errors.required" }).min(1, "errors.required").max(200_000, "errors.tooLong"),
    RelayState: z.string().max(2000, "errors.tooLong").optional(),
  });

/**
 * Nothing to show on its own (the sign-in starts from the button of /login, a POST). Not a redirect:
 * after a POST, Remix runs this loader to render the action's answer (an error page with its status).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return json({ title: ssoErrorTitle(request) });
}

/**
 * The Assertion Consumer Service: the IdP's page posts the signed answer here (HTTP-POST binding, a
 * cross-site POST, exempt from the origin check for this path only: the signed assertion and its
 * InResponseTo are what is checked). Verified and stored on its request, then the browser goes on to
 * /sso/saml/finish, where its own cookie (sent on that same-site navigation) opens the session.
 */
export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request }) => {
    const form = await parseForm(request, schema());
    try {
      const saml = getSsoConfig().saml;
      if (!saml) throw new SsoError("notConfigured");
      await receiveSamlResponse(saml, publicOrigin(request), form.SAMLResponse);
      return redirect("/sso/saml/finish", 303);
    } catch (error) {
      return ssoErrorResponse(error, request);
    }
  });
}

export default function SamlAcs() {
  const data = useActionData<typeof action>();
  return data && "error" in data ? <SsoErrorPage code={data.error} /> : <SsoNothingHere />;
}

export const ErrorBoundary = GeneralErrorBoundary;
