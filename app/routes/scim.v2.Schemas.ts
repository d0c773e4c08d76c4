/** SCIM discovery (RFC 7644 §4): the schemas of User, the enterprise extension and Group. Public. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listResponse, schemaDocuments, scimBase, scimJson, withScim } from "~/utils/scim.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return withScim(async () => {
    const schemas = await schemaDocuments(scimBase(request));
    return scimJson(listResponse(schemas, schemas.length, 1));
  });
}
