/** SCIM discovery (RFC 7644 §4): what this service provider supports. Public: it describes, it reveals nothing. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { scimBase, scimJson, serviceProviderConfig, withScim } from "~/utils/scim.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return withScim(() => scimJson(serviceProviderConfig(scimBase(request))));
}
