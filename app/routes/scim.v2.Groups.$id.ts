/**
 * One SCIM Group (a team): read, replace, PATCH (membership add/remove as Entra ID and Okta send it;
 * adding a person moves them to this team), DELETE. The team's managers stay set in Ambassade.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { groupFromScim, parsePatch } from "~/domain/scim";
import { deleteScimGroup, getScimGroup, patchScimGroup, replaceScimGroup } from "~/models/scim.server";
import { groupResource, methodNotAllowed, project, readScimBody, requireScimToken, scimBase, scimJson, wantsMembers, withScim } from "~/utils/scim.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return withScim(() => {
    requireScimToken(request);
    const search = new URL(request.url).searchParams;
    return scimJson(project(groupResource(getScimGroup(params.id!, wantsMembers(search)), scimBase(request)), search));
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return withScim(async () => {
    const actor = requireScimToken(request);
    const id = params.id!;
    switch (request.method) {
      case "PUT":
        return scimJson(groupResource(replaceScimGroup(actor, id, groupFromScim(await readScimBody(request))), scimBase(request)));
      case "PATCH":
        patchScimGroup(actor, id, parsePatch(await readScimBody(request)));
        // No body, as RFC 7644 §3.5.2 allows: a group of thousands is not sent back for each change.
        return new Response(null, { status: 204 });
      case "DELETE":
        deleteScimGroup(actor, id);
        return new Response(null, { status: 204 });
      default:
        throw methodNotAllowed("GET, PUT, PATCH, DELETE");
    }
  });
}
