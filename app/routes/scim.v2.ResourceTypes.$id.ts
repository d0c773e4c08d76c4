/** SCIM discovery: one resource type (User or Group). Public. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ScimError } from "~/domain/scim";
import { resourceTypes, scimBase, scimJson, withScim } from "~/utils/scim.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withScim(() => {
    const type = resourceTypes(scimBase(request)).find((t) => t.id === params.id);
    if (!type) throw new ScimError(404, `no resource type ${params.id}`);
    return scimJson(type);
  });
}
