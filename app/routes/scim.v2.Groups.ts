/**
 * SCIM 2.0 Groups = Ambassade's teams: list with `filter` (displayName, externalId, id,
 * members[value eq …]) and `startIndex`/`count`, `excludedAttributes=members`; create.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { groupFromScim, pageFrom } from "~/domain/scim";
import { createScimGroup, GROUP_FILTER_ATTRIBUTES, listScimGroups } from "~/models/scim.server";
import {
  filterFrom,
  groupResource,
  listResponse,
  methodNotAllowed,
  project,
  readScimBody,
  requireScimToken,
  scimBase,
  scimJson,
  wantsMembers,
  withScim,
} from "~/utils/scim.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return withScim(async () => {
    requireScimToken(request);
    const params = new URL(request.url).searchParams;
    const page = pageFrom(params);
    const { total, rows } = listScimGroups(await filterFrom(params, GROUP_FILTER_ATTRIBUTES), page, wantsMembers(params));
    const base = scimBase(request);
    return scimJson(
      listResponse(
        rows.map((row) => project(groupResource(row, base), params)),
        total,
        page.startIndex,
      ),
    );
  });
}

export async function action({ request }: ActionFunctionArgs) {
  return withScim(async () => {
    const actor = requireScimToken(request);
    if (request.method !== "POST") throw methodNotAllowed("GET, POST");
    const group = createScimGroup(actor, groupFromScim(await readScimBody(request)));
    const resource = groupResource(group, scimBase(request));
    return scimJson(resource, 201, { Location: resource.meta.location });
  });
}
