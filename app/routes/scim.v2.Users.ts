/**
 * SCIM 2.0 Users (RFC 7644 §3.3, §3.4.2): list with `filter` (userName, externalId, emails.value,
 * active) and `startIndex`/`count`; create. Token of scope `scim`. See README "Provisioning".
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pageFrom, personFromScimUser } from "~/domain/scim";
import { createScimUser, listScimUsers, USER_FILTER_ATTRIBUTES } from "~/models/scim.server";
import {
  filterFrom,
  listResponse,
  methodNotAllowed,
  project,
  readScimBody,
  requireScimToken,
  scimBase,
  scimJson,
  userResource,
  withScim,
} from "~/utils/scim.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return withScim(async () => {
    requireScimToken(request);
    const params = new URL(request.url).searchParams;
    const page = pageFrom(params);
    const { total, rows } = listScimUsers(await filterFrom(params, USER_FILTER_ATTRIBUTES), page);
    const base = scimBase(request);
    return scimJson(
      listResponse(
        rows.map((row) => project(userResource(row, base), params)),
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
    const person = personFromScimUser(await readScimBody(request));
    const { row } = createScimUser(actor, person);
    const resource = userResource(row, scimBase(request));
    return scimJson(resource, 201, { Location: resource.meta.location });
  });
}
