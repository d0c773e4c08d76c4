import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { receiveSamlResponse } from "~/auth/saml.server";
import { publicOrigin, ssoErrorResponse } from "~/auth/sso.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoErrorPage } from "~/components/sso";
import { getSsoConfig, SsoError } from "~/models/sso.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";

export const meta: MetaFunction = ({ data }) => [{ title: (data as { title?: string } | undefined)?.title ?? "Ambassade" }];

const schema = () =>
  z.object({
    SAMLResponse: z.string({ error: "errors.required" }).min(1, "errors.required").max(200_000, "errors.tooLong"),
    RelayState: z.string().max(2000, "errors.tooLong").optional(),
  });

/** The ACS URL is only for the IdP's POST. */
export async function loader(_: LoaderFunctionArgs) {
  throw redirect("/login");
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
  return <SsoErrorPage code={data && "error" in data ? data.error : "badState"} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
