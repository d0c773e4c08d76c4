/** Any other path under /scim: a SCIM error body (404), never the HTML page people get. Bulk and /Me are not offered. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ScimError } from "~/domain/scim";
import { withScim } from "~/utils/scim.server";

export async function loader(_args: LoaderFunctionArgs) {
  // Public: nothing here but the answer that there is nothing here.
  return withScim(() => {
    throw new ScimError(404, "no such SCIM endpoint: see /scim/v2/ResourceTypes");
  });
}

export async function action(_args: ActionFunctionArgs) {
  return withScim(() => {
    throw new ScimError(404, "no such SCIM endpoint: see /scim/v2/ResourceTypes");
  });
}
