/** SCIM discovery: one schema by its URN. Public. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ScimError } from "~/domain/scim";
import { schemaDocuments, scimBase, scimJson, withScim } from "~/utils/scim.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withScim(async () => {
    const schema = (await schemaDocuments(scimBase(request))).find((s) => s.id === params.id);
    if (!schema) throw new ScimError(404, `no schema ${params.id}`);
    return scimJson(schema);
  });
}
