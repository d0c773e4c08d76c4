/**
 * SCIM 2.0 (RFC 7643/7644) rules without I/O: the error type, what a User resource in a request may
 * hold, the PATCH operations Microsoft Entra ID and Okta send applied to a person's attributes, and
 * the small filters they use. The model (app/models/scim.server.ts) stores the result; the routes
 * under app/routes/scim.v2.* speak HTTP. See docs/decisions/0018-scim-and-csv-provisioning.md.
 */

export const SCIM = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  enterpriseUser: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  listResponse: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
  serviceProviderConfig: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  resourceType: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  schema: "urn:ietf:params:scim:schemas:core:2.0:Schema",
} as const;

/**
 * Schema URNs a client may list in `schemas` besides ours and whose attributes we accept: Entra ID
 * adds its own to every group it creates.
 */
const TOLERATED_SCHEMAS = ["http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"];

/** RFC 7644 §3.12 error types used here. */
export type ScimType = "invalidFilter" | "uniqueness" | "mutability" | "invalidSyntax" | "invalidPath" | "noTarget" | "invalidValue" | "tooMany";

/** A refused SCIM request; becomes `{ schemas: [Error], status, scimType, detail }`. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

export function scimErrorBody(error: ScimError) {
  return { schemas: [SCIM.error], status: String(error.status), ...(error.scimType ? { scimType: error.scimType } : {}), detail: error.detail };
}

/** What Ambassade keeps of a SCIM User. `name` is the display name shown everywhere in the app. */
export type ScimPerson = {
  userName: string;
  email: string;
  externalId: string | null;
  name: string;
  givenName: string | null;
  familyName: string | null;
  active: boolean;
  locale: "fr" | "en" | null;
};

// Attributes of the core User schema and of the enterprise extension (RFC 7643 §4.1, §4.3): accepted,
// and ignored unless mapped below. Anything else is refused, so that a mapping typo does not vanish.
const USER_ATTRIBUTES = new Set(
  [
    "schemas",
    "id",
    "meta",
    "externalId",
    "userName",
    "name",
    "displayName",
    "nickName",
    "profileUrl",
    "title",
    "userType",
    "preferredLanguage",
    "locale",
    "timezone",
    "active",
    "password",
    "emails",
    "phoneNumbers",
    "ims",
    "photos",
    "addresses",
    "groups",
    "entitlements",
    "roles",
    "x509Certificates",
  ].map((a) => a.toLowerCase()),
);
const NAME_ATTRIBUTES = new Set(["formatted", "familyname", "givenname", "middlename", "honorificprefix", "honorificsuffix"]);
const ENTERPRISE_ATTRIBUTES = new Set(["employeenumber", "costcenter", "organization", "division", "department", "manager"]);
const GROUP_ATTRIBUTES = new Set(["schemas", "id", "meta", "externalid", "displayname", "members"]);

/** Entra ID sends booleans as the strings "True"/"False" in some PATCH requests. */
export function scimBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw new ScimError(400, `${attribute} must be true or false`, "invalidValue");
}

/** "fr", "fr-FR", "fr_CA", "en-US"… → the interface language; anything else → null (the person chooses). */
export function localeFromScim(value: unknown): "fr" | "en" | null {
  if (typeof value !== "string") return null;
  const tag = value.trim().toLowerCase().slice(0, 2);
  return tag === "fr" || tag === "en" ? tag : null;
}

function text(value: unknown, attribute: string, max = 254): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new ScimError(400, `${attribute} must be a string`, "invalidValue");
  const trimmed = value.trim();
  if (trimmed.length > max) throw new ScimError(400, `${attribute} is longer than ${max} characters`, "invalidValue");
  return trimmed || null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function requireEmail(value: string, attribute: string): string {
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw new ScimError(400, `${attribute} is not a valid email address`, "invalidValue");
  return email;
}

/** The primary email, else the work one, else the first. */
function emailOf(emails: unknown): string | null {
  if (emails === undefined || emails === null) return null;
  if (!Array.isArray(emails)) throw new ScimError(400, "emails must be an array", "invalidValue");
  const list = emails.filter((e): e is { value?: unknown; primary?: unknown; type?: unknown } => typeof e === "object" && e !== null);
  const chosen = list.find((e) => e.primary === true || e.primary === "True" || e.primary === "true") ?? list.find((e) => e.type === "work") ?? list[0];
  const value = text(chosen?.value, "emails.value");
  return value ? requireEmail(value, "emails.value") : null;
}

function joinName(given: string | null, family: string | null): string | null {
  const joined = [given, family].filter(Boolean).join(" ").trim();
  return joined || null;
}

/** Lower-cased keys, so that attribute names match case-insensitively as RFC 7643 §2.1 says. */
function lowerKeys(value: Record<string, unknown>): Map<string, [string, unknown]> {
  return new Map(Object.entries(value).map(([k, v]) => [k.toLowerCase(), [k, v]]));
}

function checkSchemas(body: Record<string, unknown>, core: string, extensions: readonly string[]) {
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.every((s) => typeof s === "string"))
    throw new ScimError(400, "schemas must be an array of schema URNs", "invalidSyntax");
  if (!schemas.some((s) => s.toLowerCase() === core.toLowerCase())) throw new ScimError(400, `schemas must include ${core}`, "invalidSyntax");
  const known = [core, ...extensions, ...TOLERATED_SCHEMAS].map((s) => s.toLowerCase());
  const unknown = (schemas as string[]).find((s) => !known.includes(s.toLowerCase()));
  if (unknown) throw new ScimError(400, `unknown schema ${unknown}`, "invalidSyntax");
}

function refuseUnknown(keys: Iterable<string>, allowed: Set<string>, where: string, ignorePrefixes: readonly string[] = []) {
  for (const key of keys) {
    const lower = key.toLowerCase();
    if (allowed.has(lower) || ignorePrefixes.some((p) => lower === p.toLowerCase())) continue;
    throw new ScimError(400, `unknown attribute ${where}${key}`, "invalidSyntax");
  }
}

/**
 * A User resource from a POST or PUT → what Ambassade keeps. `current` (for PUT) supplies nothing:
 * PUT replaces, as RFC 7644 §3.5.1 says, except that an absent `active` keeps the current state.
 */
export function personFromScimUser(body: unknown, current?: ScimPerson): ScimPerson {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ScimError(400, "the body must be a JSON object", "invalidSyntax");
  const record = body as Record<string, unknown>;
  checkSchemas(record, SCIM.user, [SCIM.enterpriseUser]);
  const attrs = lowerKeys(record);
  refuseUnknown(
    [...attrs.values()].map(([k]) => k),
    USER_ATTRIBUTES,
    "",
    [SCIM.enterpriseUser, ...TOLERATED_SCHEMAS],
  );
  const enterprise = attrs.get(SCIM.enterpriseUser.toLowerCase())?.[1];
  if (enterprise !== undefined) {
    if (typeof enterprise !== "object" || enterprise === null) throw new ScimError(400, `${SCIM.enterpriseUser} must be an object`, "invalidSyntax");
    refuseUnknown(Object.keys(enterprise), ENTERPRISE_ATTRIBUTES, `${SCIM.enterpriseUser}:`);
  }
  const get = (name: string) => attrs.get(name.toLowerCase())?.[1];
  const userName = text(get("userName"), "userName");
  if (!userName) throw new ScimError(400, "userName is required", "invalidValue");
  const nameValue = get("name");
  let given: string | null = null;
  let family: string | null = null;
  let formatted: string | null = null;
  if (nameValue !== undefined && nameValue !== null) {
    if (typeof nameValue !== "object" || Array.isArray(nameValue)) throw new ScimError(400, "name must be an object", "invalidValue");
    const parts = lowerKeys(nameValue as Record<string, unknown>);
    refuseUnknown(
      [...parts.values()].map(([k]) => k),
      NAME_ATTRIBUTES,
      "name.",
    );
    given = text(parts.get("givenname")?.[1], "name.givenName", 120);
    family = text(parts.get("familyname")?.[1], "name.familyName", 120);
    formatted = text(parts.get("formatted")?.[1], "name.formatted", 200);
  }
  const displayName = text(get("displayName"), "displayName", 200);
  const email = emailOf(get("emails")) ?? (EMAIL.test(userName) ? requireEmail(userName, "userName") : null);
  if (!email) throw new ScimError(400, "an email is required: send emails, or a userName that is an email address", "invalidValue");
  const activeValue = get("active");
  const language = get("preferredLanguage") ?? get("locale");
  return {
    userName: userName.toLowerCase(),
    email,
    externalId: text(get("externalId"), "externalId"),
    name: displayName ?? formatted ?? joinName(given, family) ?? userName,
    givenName: given,
    familyName: family,
    active: activeValue === undefined || activeValue === null ? (current?.active ?? true) : scimBoolean(activeValue, "active"),
    // No language sent: the person's own choice (or the current one) stays.
    locale: language === undefined || language === null ? (current?.locale ?? null) : localeFromScim(language),
  };
}

// ─────────────────────────────── PATCH ───────────────────────────────

export type PatchOperation = { op: "add" | "replace" | "remove"; path: string | null; value: unknown };

/** Checks a PatchOp message (RFC 7644 §3.5.2); operation names are case-insensitive (Entra sends "Replace"). */
export function parsePatch(body: unknown): PatchOperation[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ScimError(400, "the body must be a JSON object", "invalidSyntax");
  const record = body as Record<string, unknown>;
  const schemas = record.schemas;
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === "string" && s.toLowerCase() === SCIM.patchOp.toLowerCase())) {
    throw new ScimError(400, `a PATCH body must list the schema ${SCIM.patchOp}`, "invalidSyntax");
  }
  const ops = record.Operations ?? record.operations;
  if (!Array.isArray(ops) || ops.length === 0) throw new ScimError(400, "Operations must be a non-empty array", "invalidSyntax");
  if (ops.length > 1000) throw new ScimError(400, "at most 1000 operations per PATCH", "tooMany");
  return ops.map((raw, i) => {
    if (typeof raw !== "object" || raw === null) throw new ScimError(400, `Operations[${i}] must be an object`, "invalidSyntax");
    const o = raw as Record<string, unknown>;
    const op = typeof o.op === "string" ? o.op.toLowerCase() : "";
    if (op !== "add" && op !== "replace" && op !== "remove") throw new ScimError(400, `Operations[${i}].op must be add, replace or remove`, "invalidSyntax");
    if (o.path !== undefined && o.path !== null && typeof o.path !== "string")
      throw new ScimError(400, `Operations[${i}].path must be a string`, "invalidPath");
    const path = typeof o.path === "string" && o.path.trim() ? o.path.trim() : null;
    if (op === "remove" && !path) throw new ScimError(400, `Operations[${i}]: remove needs a path`, "noTarget");
    if (op !== "remove" && o.value === undefined) throw new ScimError(400, `Operations[${i}]: ${op} needs a value`, "invalidValue");
    return { op, path, value: o.value };
  });
}

/** Strips a leading schema URN from a path: `urn:…:User:name.givenName` → `name.givenName`. */
function localPath(path: string): { path: string; enterprise: boolean } {
  const lower = path.toLowerCase();
  for (const urn of [SCIM.user, SCIM.enterpriseUser]) {
    if (lower === urn.toLowerCase()) return { path: "", enterprise: urn === SCIM.enterpriseUser };
    if (lower.startsWith(urn.toLowerCase() + ":")) return { path: path.slice(urn.length + 1), enterprise: urn === SCIM.enterpriseUser };
  }
  return { path, enterprise: false };
}

/**
 * Applies the operations of a User PATCH to a person and returns the new state. Handles what Entra ID
 * and Okta send: `replace` with a path or with an object of attributes (Entra's keys may be dotted,
 * "name.givenName"), "True"/"False" strings for `active`, `emails[type eq "work"].value`, and the
 * enterprise extension (accepted, not kept).
 */
export function applyUserPatch(current: ScimPerson, operations: readonly PatchOperation[]): ScimPerson {
  const next = { ...current };
  // The display name follows given/family names while it was made of them.
  const derived = () => current.name === joinName(current.givenName, current.familyName);
  let displayNameSet = false;
  const set = (rawPath: string, value: unknown, op: PatchOperation["op"]) => {
    const { path, enterprise } = localPath(rawPath);
    if (enterprise) {
      const attribute = path.split(".")[0]!.toLowerCase();
      if (path && !ENTERPRISE_ATTRIBUTES.has(attribute)) throw new ScimError(400, `unknown attribute ${rawPath}`, "invalidPath");
      if (!path && value !== null && typeof value === "object") refuseUnknown(Object.keys(value), ENTERPRISE_ATTRIBUTES, `${SCIM.enterpriseUser}:`);
      return;
    }
    if (!path) {
      // A whole-resource value inside a schema URN path.
      if (typeof value !== "object" || value === null || Array.isArray(value))
        throw new ScimError(400, "a value without a path must be an object", "invalidValue");
      for (const [k, v] of Object.entries(value)) set(k, v, op);
      return;
    }
    const lower = path.toLowerCase();
    const remove = op === "remove";
    switch (lower) {
      case "active":
        if (remove) throw new ScimError(400, "active cannot be removed", "mutability");
        next.active = scimBoolean(value, "active");
        return;
      case "username": {
        const v = remove ? null : text(value, "userName");
        if (!v) throw new ScimError(400, "userName is required", "mutability");
        next.userName = v.toLowerCase();
        return;
      }
      case "externalid":
        next.externalId = remove ? null : text(value, "externalId");
        return;
      case "displayname":
      case "name.formatted": {
        const v = remove ? null : text(value, path, 200);
        if (v) {
          next.name = v;
          displayNameSet = lower === "displayname" || displayNameSet;
        }
        return;
      }
      case "name.givenname":
        next.givenName = remove ? null : text(value, "name.givenName", 120);
        return;
      case "name.familyname":
        next.familyName = remove ? null : text(value, "name.familyName", 120);
        return;
      case "name": {
        if (remove) {
          next.givenName = null;
          next.familyName = null;
          return;
        }
        if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ScimError(400, "name must be an object", "invalidValue");
        const parts = lowerKeys(value as Record<string, unknown>);
        refuseUnknown(
          [...parts.values()].map(([k]) => k),
          NAME_ATTRIBUTES,
          "name.",
        );
        for (const [key, [original, v]] of parts) if (key === "givenname" || key === "familyname" || key === "formatted") set(`name.${original}`, v, op);
        return;
      }
      case "preferredlanguage":
      case "locale":
        next.locale = remove ? null : localeFromScim(value);
        return;
      case "emails":
      case "emails.value":
      case 'emails[type eq "work"].value':
      case "emails[primary eq true].value": {
        if (remove) throw new ScimError(400, "the email cannot be removed: Ambassade needs one", "mutability");
        const email = Array.isArray(value) ? emailOf(value) : typeof value === "string" ? requireEmail(value, path) : emailOf([value]);
        if (email) next.email = email;
        return;
      }
    }
    const head = lower.split(/[.[]/)[0]!;
    const sub = lower.slice(head.length);
    if (head === "name" && sub.startsWith(".") && NAME_ATTRIBUTES.has(sub.slice(1))) return; // middle name, honorifics: not kept
    if (USER_ATTRIBUTES.has(head) && !["schemas", "id", "meta"].includes(head)) return; // known, not kept (title, phoneNumbers, roles…)
    throw new ScimError(400, `unknown attribute ${rawPath}`, "invalidPath");
  };
  for (const operation of operations) {
    if (operation.path) set(operation.path, operation.value, operation.op);
    else {
      const value = operation.value;
      if (typeof value !== "object" || value === null || Array.isArray(value))
        throw new ScimError(400, `${operation.op} without a path needs an object value`, "invalidValue");
      for (const [key, v] of Object.entries(value)) set(key, v, operation.op);
    }
  }
  if (!displayNameSet && derived() && (next.givenName !== current.givenName || next.familyName !== current.familyName)) {
    next.name = joinName(next.givenName, next.familyName) ?? next.name;
  }
  return next;
}

// ─────────────────────────────── Groups ───────────────────────────────

export type GroupInput = { displayName: string; externalId: string | null; members: string[] | null };

export function groupFromScim(body: unknown): GroupInput {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ScimError(400, "the body must be a JSON object", "invalidSyntax");
  const record = body as Record<string, unknown>;
  checkSchemas(record, SCIM.group, []);
  const attrs = lowerKeys(record);
  refuseUnknown(
    [...attrs.values()].map(([k]) => k),
    GROUP_ATTRIBUTES,
    "",
    TOLERATED_SCHEMAS,
  );
  const displayName = text(attrs.get("displayname")?.[1], "displayName", 120);
  if (!displayName) throw new ScimError(400, "displayName is required", "invalidValue");
  const members = attrs.get("members")?.[1];
  return { displayName, externalId: text(attrs.get("externalid")?.[1], "externalId"), members: members === undefined ? null : memberIds(members) };
}

/** `[{ "value": "<user id>", "display": … }, …]` → the ids. */
export function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((m, i) => {
    const id = typeof m === "object" && m !== null ? (m as { value?: unknown }).value : undefined;
    if (typeof id !== "string" || !id.trim()) throw new ScimError(400, `members[${i}].value must be a user id`, "invalidValue");
    return id.trim();
  });
}

/** What a Group PATCH does, in order: membership changes by user id, a new name or externalId. */
export type GroupChange =
  | { kind: "addMembers"; ids: string[] }
  | { kind: "removeMembers"; ids: string[] }
  | { kind: "replaceMembers"; ids: string[] }
  | { kind: "displayName"; value: string }
  | { kind: "externalId"; value: string | null };

const MEMBER_FILTER = /^members\s*\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i;

/**
 * A Group PATCH as targeted changes, never a rewrite of the whole membership: Entra's
 * `add`/`remove` of `members` with values, Okta's `remove` of `members[value eq "id"]`, `replace` of
 * displayName with or without a path.
 */
export function groupChanges(operations: readonly PatchOperation[]): GroupChange[] {
  const out: GroupChange[] = [];
  const one = (op: PatchOperation["op"], rawPath: string, value: unknown) => {
    const path = localPath(rawPath).path;
    const lower = path.toLowerCase();
    const filtered = MEMBER_FILTER.exec(path);
    if (filtered) {
      if (op !== "remove") throw new ScimError(400, `${op} of ${path} is not supported: add members with path "members"`, "invalidPath");
      out.push({ kind: "removeMembers", ids: [filtered[1]!] });
    } else if (lower === "members") {
      if (op === "remove") out.push(value === undefined ? { kind: "replaceMembers", ids: [] } : { kind: "removeMembers", ids: memberIds(value) });
      else if (op === "add") out.push({ kind: "addMembers", ids: memberIds(value) });
      else out.push({ kind: "replaceMembers", ids: value === null ? [] : memberIds(value) });
    } else if (lower === "displayname") {
      const name = op === "remove" ? null : text(value, "displayName", 120);
      if (!name) throw new ScimError(400, "displayName is required", "mutability");
      out.push({ kind: "displayName", value: name });
    } else if (lower === "externalid") {
      out.push({ kind: "externalId", value: op === "remove" ? null : text(value, "externalId") });
    } else if (lower === "id" || lower === "meta" || lower === "schemas") {
      // Okta repeats the id in a replace without a path: read-only, ignored.
    } else throw new ScimError(400, `unknown attribute ${rawPath}`, "invalidPath");
  };
  for (const operation of operations) {
    if (operation.path) one(operation.op, operation.path, operation.value);
    else {
      const value = operation.value;
      if (typeof value !== "object" || value === null || Array.isArray(value))
        throw new ScimError(400, `${operation.op} without a path needs an object value`, "invalidValue");
      for (const [key, v] of Object.entries(value)) one(operation.op, key, v);
    }
  }
  return out;
}

// ─────────────────────────────── Filters and pages ───────────────────────────────

/** One comparison a store can answer: `<attribute> eq <value>`; a filter is an AND of them. */
export type ScimFilter = { attribute: string; value: string | boolean };

/** Parsed filter expression as SCIMMY's Filter gives it: an OR of ANDs of `{ attr: [op, value] }` (nested for `a.b` and `a[b …]`). */
type ParsedFilter = Array<Record<string, unknown>>;

/**
 * Narrows a parsed filter to the forms supported (`eq` comparisons of the given attributes, joined
 * by `and`: what Entra ID and Okta send) or refuses it with `invalidFilter`.
 */
export function supportedFilter(parsed: ParsedFilter, allowed: readonly string[], source: string): ScimFilter[] {
  const refuse = () =>
    new ScimError(400, `unsupported filter ${JSON.stringify(source)}: use ${allowed.map((a) => `${a} eq "…"`).join(", ")} (joined with and)`, "invalidFilter");
  if (parsed.length !== 1) throw refuse();
  const out: ScimFilter[] = [];
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, comparison] of Object.entries(node)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (!Array.isArray(comparison)) {
        if (typeof comparison !== "object" || comparison === null) throw refuse();
        walk(comparison as Record<string, unknown>, name);
        continue;
      }
      const match = allowed.find((a) => a.toLowerCase() === name.toLowerCase());
      if (!match || String(comparison[0]).toLowerCase() !== "eq") throw refuse();
      const value = comparison[1];
      if (typeof value !== "string" && typeof value !== "boolean") throw refuse();
      out.push({ attribute: match, value });
    }
  };
  walk(parsed[0]!, "");
  if (out.length === 0) throw refuse();
  return out;
}

export const SCIM_MAX_PAGE = 500;

/** `startIndex` (1-based) and `count` from a query string, clamped as RFC 7644 §3.4.2.4 says. */
export function pageFrom(params: URLSearchParams): { startIndex: number; count: number } {
  const int = (raw: string | null, fallback: number) => {
    if (raw === null || raw.trim() === "") return fallback;
    if (!/^-?\d{1,9}$/.test(raw.trim())) throw new ScimError(400, "startIndex and count must be integers", "invalidValue");
    return Number(raw);
  };
  return { startIndex: Math.max(1, int(params.get("startIndex"), 1)), count: Math.min(SCIM_MAX_PAGE, Math.max(0, int(params.get("count"), 100))) };
}
