/**
 * One SCIM User (RFC 7644 §3.4.1, §3.5, §3.6): read, replace (PUT, as Okta updates), PATCH (as Entra
 * ID and Okta send it), DELETE. `active: false` and DELETE deactivate through the leaver path.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { parsePatch, personFromScimUser } from "~/domain/scim";
import { deleteScimUser, getScimUser, patchScimUser, personOf, replaceScimUser } from "~/models/scim.server";
import { methodNotAllowed, project, readScimBody, requireScimToken, scimBase, scimJson, userResource, withScim } from "~/utils/scim.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withScim(() => {
    requireScimToken(request);
    const row = getScimUser(params.id!);
    return scimJson(project(userResource(row, scimBase(request)), new URL(request.url).searchParams));
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withScim(async () => {
    const actor = requireScimToken(request);
    const id = params.id!;
    const base = scimBase(request);
    switch (request.method) {
      case "PUT": {
        const body = await readScimBody(request);
        const current = personOf(getScimUser(id));
        return scimJson(userResource(replaceScimUser(actor, id, personFromScimUser(body, current)), base));
      }
      case "PATCH": {
        const operations = parsePatch(await readScimBody(request));
        return scimJson(userResource(patchScimUser(actor, id, operations), base));
      }
      case "DELETE":
        deleteScimUser(actor, id);
        return new Response(null, { status: 204 });
      default:
        throw methodNotAllowed("GET, PUT, PATCH, DELETE");
    }
  });
}
