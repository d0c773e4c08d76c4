/**
 * The SCIM 2.0 endpoints in the OpenAPI document (app/utils/openapi.server.ts merges these in). The
 * protocol itself is RFC 7644; this says what Ambassade supports of it and what it maps.
 */
import { SCIM, SCIM_MAX_PAGE } from "~/domain/scim";
import { GROUP_FILTER_ATTRIBUTES, USER_FILTER_ATTRIBUTES } from "~/models/scim.server";
import { SCIM_MAX_BODY_BYTES } from "./scim.server";

const SCIM_JSON = "application/scim+json";

const scimError = (description: string) => ({ description, content: { [SCIM_JSON]: { schema: { $ref: "#/components/schemas/ScimError" } } } });

const common = {
  "400": scimError("Invalid request: `scimType` says which (invalidSyntax, invalidValue, invalidPath, invalidFilter, noTarget, mutability, tooMany)."),
  "401": scimError("Missing, unknown, expired or revoked SCIM token."),
  "403": scimError("A token of another scope (an API token)."),
};

const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const page = [
  { name: "startIndex", in: "query", schema: { type: "integer", minimum: 1, default: 1 }, description: "1-based index of the first result." },
  {
    name: "count",
    in: "query",
    schema: { type: "integer", minimum: 0, maximum: SCIM_MAX_PAGE, default: 100 },
    description: `Results per page (at most ${SCIM_MAX_PAGE}; 0 gives the total only).`,
  },
  {
    name: "attributes",
    in: "query",
    schema: { type: "string" },
    description: "Comma-separated top-level attributes to return (id, schemas and meta always are).",
  },
  { name: "excludedAttributes", in: "query", schema: { type: "string" }, description: "Comma-separated top-level attributes to leave out (e.g. `members`)." },
];
const filter = (attributes: readonly string[]) => ({
  name: "filter",
  in: "query",
  schema: { type: "string" },
  description: `\`<attribute> eq "<value>"\`, joined with \`and\`. Attributes: ${attributes.map((a) => `\`${a}\``).join(", ")}.`,
  example: 'userName eq "jane.doe@example.com"',
});
const body = (schema: string) => ({
  required: true,
  content: { [SCIM_JSON]: { schema: { $ref: `#/components/schemas/${schema}` } }, "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } },
});
const ok = (schema: string, description = "The resource.") => ({
  description,
  content: { [SCIM_JSON]: { schema: { $ref: `#/components/schemas/${schema}` } } },
});
const security = [{ scimBearer: [] }];

export function scimPaths() {
  return {
    "/scim/v2/Users": {
      get: {
        tags: ["scim"],
        operationId: "scimListUsers",
        summary: "List or find people.",
        security,
        parameters: [filter(USER_FILTER_ATTRIBUTES), ...page],
        responses: { "200": ok("ScimListResponse", "A page of Users."), ...common },
      },
      post: {
        tags: ["scim"],
        operationId: "scimCreateUser",
        summary: "Create a person (role employee, no team until a group adds them). A person deleted earlier with the same userName comes back.",
        security,
        requestBody: body("ScimUser"),
        responses: {
          "201": ok("ScimUser", "Created; `Location` is its URL."),
          ...common,
          "409": scimError("userName, email or externalId already taken (`scimType: uniqueness`)."),
        },
      },
    },
    "/scim/v2/Users/{id}": {
      parameters: [idParam],
      get: {
        tags: ["scim"],
        operationId: "scimGetUser",
        summary: "One person.",
        security,
        responses: { "200": ok("ScimUser"), ...common, "404": scimError("No such User (or deleted).") },
      },
      put: {
        tags: ["scim"],
        operationId: "scimReplaceUser",
        summary: "Replace a person's attributes (Okta's updates). `active: false` deactivates.",
        security,
        requestBody: body("ScimUser"),
        responses: { "200": ok("ScimUser"), ...common, "404": scimError("No such User."), "409": scimError("Uniqueness.") },
      },
      patch: {
        tags: ["scim"],
        operationId: "scimPatchUser",
        summary:
          'Change attributes: add/replace/remove, with or without a path; `active` may be a boolean or "True"/"False" (Entra ID). `active: false` deactivates: sessions end at once and the gate answers not allowed.',
        security,
        requestBody: body("ScimPatchOp"),
        responses: { "200": ok("ScimUser"), ...common, "404": scimError("No such User."), "409": scimError("Uniqueness.") },
      },
      delete: {
        tags: ["scim"],
        operationId: "scimDeleteUser",
        summary: "Deactivate the person and stop listing them (the record stays for the audit trail).",
        security,
        responses: { "204": { description: "Done." }, ...common, "404": scimError("No such User.") },
      },
    },
    "/scim/v2/Groups": {
      get: {
        tags: ["scim"],
        operationId: "scimListGroups",
        summary: "List or find teams.",
        security,
        parameters: [filter(GROUP_FILTER_ATTRIBUTES), ...page],
        responses: { "200": ok("ScimListResponse", "A page of Groups."), ...common },
      },
      post: {
        tags: ["scim"],
        operationId: "scimCreateGroup",
        summary: "Create a team, with members (each moved into it: one team per person).",
        security,
        requestBody: body("ScimGroup"),
        responses: { "201": ok("ScimGroup"), ...common, "409": scimError("A team of that name or externalId exists.") },
      },
    },
    "/scim/v2/Groups/{id}": {
      parameters: [idParam],
      get: {
        tags: ["scim"],
        operationId: "scimGetGroup",
        summary: "One team with its members (`excludedAttributes=members` to leave them out).",
        security,
        responses: { "200": ok("ScimGroup"), ...common, "404": scimError("No such Group.") },
      },
      put: {
        tags: ["scim"],
        operationId: "scimReplaceGroup",
        summary: "Replace name, externalId and members.",
        security,
        requestBody: body("ScimGroup"),
        responses: { "200": ok("ScimGroup"), ...common, "404": scimError("No such Group.") },
      },
      patch: {
        tags: ["scim"],
        operationId: "scimPatchGroup",
        summary:
          'Rename; add members (moved into this team); remove members (`members` with values, or `members[value eq "<id>"]`). The team\'s managers are set in Ambassade.',
        security,
        requestBody: body("ScimPatchOp"),
        responses: { "204": { description: "Done (no body)." }, ...common, "404": scimError("No such Group.") },
      },
      delete: {
        tags: ["scim"],
        operationId: "scimDeleteGroup",
        summary: "Delete the team; its members stay, without a team.",
        security,
        responses: { "204": { description: "Done." }, ...common, "404": scimError("No such Group.") },
      },
    },
    "/scim/v2/ServiceProviderConfig": {
      get: {
        tags: ["scim"],
        operationId: "scimServiceProviderConfig",
        summary: "What is supported (public).",
        security: [],
        responses: { "200": { description: "RFC 7643 §5." } },
      },
    },
    "/scim/v2/ResourceTypes": {
      get: {
        tags: ["scim"],
        operationId: "scimResourceTypes",
        summary: "User and Group (public).",
        security: [],
        responses: { "200": { description: "ListResponse of ResourceTypes." } },
      },
    },
    "/scim/v2/Schemas": {
      get: {
        tags: ["scim"],
        operationId: "scimSchemas",
        summary: "User, EnterpriseUser and Group schemas (public).",
        security: [],
        responses: { "200": { description: "ListResponse of Schemas." } },
      },
    },
  };
}

export const scimSecurityScheme = {
  type: "http",
  scheme: "bearer",
  bearerFormat: "amb_<43 characters>",
  description: `A token of scope \`scim\`, created by an admin at /admin/provisioning or with \`npm run cli -- token create --name <name> --scope scim\`. Bodies of at most ${SCIM_MAX_BODY_BYTES} bytes.`,
};

export function scimSchemas() {
  return {
    ScimError: {
      type: "object",
      required: ["schemas", "status", "detail"],
      properties: {
        schemas: { type: "array", items: { const: SCIM.error } },
        status: { type: "string", examples: ["409"] },
        scimType: { type: "string" },
        detail: { type: "string" },
      },
    },
    ScimUser: {
      type: "object",
      required: ["schemas", "userName"],
      description:
        "Kept: userName, emails (the primary, else the work one, else the first, is the sign-in email; a userName that is an email serves when there are none), name.givenName/familyName/formatted, displayName (the name shown), externalId, active, preferredLanguage or locale (fr/en). Other attributes of the core and enterprise schemas are accepted and ignored; attributes of no declared schema are refused.",
      properties: {
        schemas: { type: "array", items: { type: "string" } },
        id: { type: "string", readOnly: true },
        externalId: { type: "string" },
        userName: { type: "string" },
        name: { type: "object", properties: { givenName: { type: "string" }, familyName: { type: "string" }, formatted: { type: "string" } } },
        displayName: { type: "string" },
        emails: { type: "array", items: { type: "object", properties: { value: { type: "string" }, type: { type: "string" }, primary: { type: "boolean" } } } },
        active: { type: "boolean" },
        preferredLanguage: { type: "string" },
        locale: { type: "string" },
        groups: { type: "array", readOnly: true, items: { type: "object", properties: { value: { type: "string" }, display: { type: "string" } } } },
      },
    },
    ScimGroup: {
      type: "object",
      required: ["schemas", "displayName"],
      properties: {
        schemas: { type: "array", items: { type: "string" } },
        id: { type: "string", readOnly: true },
        externalId: { type: "string" },
        displayName: { type: "string" },
        members: {
          type: "array",
          items: { type: "object", required: ["value"], properties: { value: { type: "string", description: "A User id." }, display: { type: "string" } } },
        },
      },
    },
    ScimPatchOp: {
      type: "object",
      required: ["schemas", "Operations"],
      properties: {
        schemas: { type: "array", items: { const: SCIM.patchOp } },
        Operations: {
          type: "array",
          items: {
            type: "object",
            required: ["op"],
            properties: { op: { type: "string", description: "add, replace or remove (any case)." }, path: { type: "string" }, value: {} },
          },
        },
      },
    },
    ScimListResponse: {
      type: "object",
      required: ["schemas", "totalResults", "startIndex", "itemsPerPage", "Resources"],
      properties: {
        schemas: { type: "array", items: { const: SCIM.listResponse } },
        totalResults: { type: "integer" },
        startIndex: { type: "integer" },
        itemsPerPage: { type: "integer" },
        Resources: { type: "array", items: { type: "object" } },
      },
    },
  };
}
