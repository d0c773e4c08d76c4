import type { LoaderFunctionArgs } from "@remix-run/node";
import { samlMetadata } from "~/auth/saml.server";
import { publicOrigin } from "~/auth/sso.server";
import { getSsoConfig } from "~/models/sso.server";

/**
 * Ambassade's SAML service-provider metadata, public (the IdP imports it): entity id, ACS URL
 * (HTTP-POST), assertions signed. Its address is stable: <APP_URL>/sso/saml/metadata.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const xml = await samlMetadata(getSsoConfig().saml, publicOrigin(request));
  return new Response(xml, { headers: { "Content-Type": "application/samlmetadata+xml; charset=utf-8", "Cache-Control": "no-cache" } });
}
