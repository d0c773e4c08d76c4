/**
 * SCIM's HTTP plumbing, shared by the resource routes under /scim/v2: bearer tokens of scope `scim`,
 * `application/scim+json` answers, errors as RFC 7644 §3.12 bodies, a size-limited JSON body reader,
 * filters parsed by SCIMMY (scimmy's Types.Filter), and the resource representations.
 */
import { SCIM, ScimError, scimErrorBody, supportedFilter, type ScimFilter } from "~/domain/scim";
import { authenticateApiToken } from "~/models/api-token.server";
import { personOf, type ScimActor, type ScimGroupRow, type ScimUserRow } from "~/models/scim.server";
import { readBodyWithin } from "./body.server";

export const SCIM_MAX_BODY_BYTES = 1024 * 1024;

/** SCIMMY, loaded by the first SCIM filter or schema asked for, not by every process at start (ADR 0039). */
async function loadScimmy() {
  return (await import("scimmy")).default;
}
const HEADERS = { "Content-Type": "application/scim+json; charset=utf-8", "Cache-Control": "no-store" };

export function scimJson(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { ...HEADERS, ...headers } });
}

/** Runs a SCIM handler; a refused request becomes its SCIM error body. Anything else is a real bug (500). */
export async function withScim(handler: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof ScimError) {
      const headers: Record<string, string> = {};
      if (error.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="ambassade-scim"';
      if (error.status === 405) headers.Allow = error.detail.replace(/^.*: /, "");
      return scimJson(scimErrorBody(error), error.status, headers);
    }
    throw error;
  }
}

/** The first line of every SCIM handler that reads or writes people: a valid token of scope `scim`. */
export function requireScimToken(request: Request): ScimActor {
  const result = authenticateApiToken(request.headers.get("Authorization"), Date.now(), "scim");
  if (result.ok) return { tokenId: result.id, tokenName: result.name };
  if (result.error === "insufficient_scope")
    throw new ScimError(403, "this token is not a SCIM token: create one of scope scim under Administration → Provisioning");
  if (result.error === "missing_token") throw new ScimError(401, "authentication required: send Authorization: Bearer <SCIM token>");
  throw new ScimError(401, "this SCIM token is unknown, expired or revoked");
}

export function methodNotAllowed(allow: string): ScimError {
  return new ScimError(405, `method not allowed here; allowed: ${allow}`);
}

/** A JSON body of at most 1 MiB, declared as SCIM or plain JSON. */
export async function readScimBody(request: Request): Promise<unknown> {
  const type = (request.headers.get("Content-Type") ?? "").trim();
  if (!/^application\/(scim\+)?json\s*(;|$)/i.test(type)) throw new ScimError(415, "the body must be JSON (Content-Type: application/scim+json)");
  const body = await readBodyWithin(request, SCIM_MAX_BODY_BYTES);
  if (!body) throw new ScimError(413, `the body is larger than ${SCIM_MAX_BODY_BYTES} bytes`);
  const text = body.toString("utf8");
  if (!text.trim()) throw new ScimError(400, "empty body", "invalidSyntax");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ScimError(400, "the body is not valid JSON", "invalidSyntax");
  }
}

/** `?filter=` parsed with SCIMMY, then narrowed to what the store answers. */
export async function filterFrom(params: URLSearchParams, allowed: readonly string[]): Promise<ScimFilter[]> {
  const raw = params.get("filter");
  if (raw === null || !raw.trim()) return [];
  if (raw.length > 1000) throw new ScimError(400, "filter is too long", "invalidFilter");
  const SCIMMY = await loadScimmy();
  let parsed: Array<Record<string, unknown>>;
  try {
    parsed = [...new SCIMMY.Types.Filter(raw)] as Array<Record<string, unknown>>;
  } catch (error) {
    throw new ScimError(400, `invalid filter: ${(error as Error).message}`, "invalidFilter");
  }
  return supportedFilter(parsed, allowed, raw);
}

export function scimBase(request: Request): string {
  return `${new URL(request.url).origin}/scim/v2`;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : undefined);

export function userResource(row: ScimUserRow, base: string) {
  const person = personOf(row);
  return {
    schemas: [SCIM.user],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: person.userName,
    name: { formatted: row.name, ...(row.givenName ? { givenName: row.givenName } : {}), ...(row.familyName ? { familyName: row.familyName } : {}) },
    displayName: row.name,
    emails: [{ value: row.email, type: "work", primary: true }],
    active: row.active,
    ...(row.locale ? { preferredLanguage: row.locale, locale: row.locale } : {}),
    groups: row.teamId ? [{ value: row.teamId, display: row.teamName ?? undefined, $ref: `${base}/Groups/${row.teamId}`, type: "direct" }] : [],
    meta: { resourceType: "User", created: iso(row.createdAt), lastModified: iso(row.deactivatedAt ?? row.createdAt), location: `${base}/Users/${row.id}` },
  };
}

export function groupResource(row: ScimGroupRow, base: string) {
  return {
    schemas: [SCIM.group],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    displayName: row.name,
    ...(row.members ? { members: row.members.map((m) => ({ value: m.id, display: m.name, $ref: `${base}/Users/${m.id}`, type: "User" })) } : {}),
    meta: { resourceType: "Group", created: iso(row.createdAt), lastModified: iso(row.createdAt), location: `${base}/Groups/${row.id}` },
  };
}

/** `attributes` / `excludedAttributes` (top-level names; `id`, `schemas` and `meta` always stay). */
export function project<T extends Record<string, unknown>>(resource: T, params: URLSearchParams): Partial<T> {
  const list = (name: string) =>
    (params.get(name) ?? "")
      .split(",")
      .map(
        (a) =>
          a
            .trim()
            .toLowerCase()
            .replace(/^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/, "")
            .split(".")[0]!,
      )
      .filter(Boolean);
  const only = list("attributes");
  const excluded = list("excludedAttributes");
  const always = new Set(["id", "schemas", "meta"]);
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => {
      const k = key.toLowerCase();
      if (always.has(k)) return true;
      if (only.length) return only.includes(k);
      return !excluded.includes(k);
    }),
  ) as Partial<T>;
}

/** Whether a Group answer should carry its members (Entra asks `excludedAttributes=members`). */
export function wantsMembers(params: URLSearchParams): boolean {
  const has = (name: string) => (params.get(name) ?? "").split(",").some((a) => a.trim().toLowerCase() === "members");
  if (params.get("attributes")) return has("attributes");
  return !has("excludedAttributes");
}

export function listResponse(resources: unknown[], total: number, startIndex: number) {
  return { schemas: [SCIM.listResponse], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}

// ─────────────────────────────── Discovery (RFC 7644 §4) ───────────────────────────────

export function serviceProviderConfig(base: string) {
  return {
    schemas: [SCIM.serviceProviderConfig],
    documentationUri: `${base.replace(/\/scim\/v2$/, "")}/api/v1/openapi.json`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 500 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A SCIM token created by an Ambassade admin (Administration → Provisioning), sent as Authorization: Bearer <token>.",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: [SCIM.resourceType],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "A person: email, name, language, active. Roles and team managers stay set in Ambassade.",
      schema: SCIM.user,
      schemaExtensions: [{ schema: SCIM.enterpriseUser, required: false }],
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [SCIM.resourceType],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "A team. A person belongs to one team: adding them to a group moves them there.",
      schema: SCIM.group,
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
    },
  ];
}

/** The schema documents, as SCIMMY describes RFC 7643's User, EnterpriseUser and Group. */
export async function schemaDocuments(base: string) {
  const SCIMMY = await loadScimmy();
  return [SCIMMY.Schemas.User, SCIMMY.Schemas.EnterpriseUser, SCIMMY.Schemas.Group].map((schema) => {
    const document = schema.definition.describe() as { id: string; meta?: Record<string, unknown> };
    return { ...document, meta: { resourceType: "Schema", location: `${base}/Schemas/${document.id}` } };
  });
}
