/** SCIM discovery (RFC 7644 §4): the resource types, User and Group. Public. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listResponse, resourceTypes, scimBase, scimJson, withScim } from "~/utils/scim.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return withScim(() => {
    const types = resourceTypes(scimBase(request));
    return scimJson(listResponse(types, types.length, 1));
  });
}
