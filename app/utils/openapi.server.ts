/**
 * The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json. Written by hand
 * next to the code it describes: the reason codes, error codes and limits are imported, not copied.
 */
import { API_MAX_BODY_BYTES, GATE_BATCH_LIMIT, GATE_REASONS } from "~/domain/gate";
import { CREDENTIAL_STATUSES } from "~/domain/open-badge";
import { VERIFY_FAILURES } from "~/models/credential.server";
import { API_ERROR_CODES } from "./api.server";
import { scimPaths, scimSchemas, scimSecurityScheme } from "./openapi-scim.server";

const REASON_DESCRIPTIONS: Record<(typeof GATE_REASONS)[number], string> = {
  unknown_person: "No active account has this email (never invited, or deactivated). Always alone.",
  not_accredited: "The person has never been granted an accreditation (none requested, a request pending or declined). Always alone.",
  revoked: "The person's most relevant accreditation was revoked by a manager (final). Always alone.",
  suspended: "The accreditation is suspended: a new charter version awaits the person's signature.",
  expired: "The accreditation's end date (validUntil) has passed.",
  channel_not_granted: "The channel asked about is not among the accreditation's granted channels.",
  charter_not_signed: "A charter version is in force and the person has not signed it.",
};

export function openApiDocument(serverUrl: string, channels: readonly { id: string; label: string }[]) {
  const error = (description: string, example: { error: string; message: string }) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" }, example } },
  });
  const unauthorized = {
    description: "Missing, malformed, unknown or revoked token. The response carries `WWW-Authenticate: Bearer`.",
    headers: { "WWW-Authenticate": { schema: { type: "string" }, example: 'Bearer realm="ambassade", error="invalid_token"' } },
    content: {
      "application/json": {
        schema: { $ref: "#/components/schemas/Error" },
        example: { error: "invalid_token", message: "This API token is unknown or has been revoked." },
      },
    },
  };
  const channelIds = channels.map((c) => c.id);
  return {
    openapi: "3.1.0",
    info: {
      title: "Ambassade API",
      version: "1.0.0",
      summary: "The posting gate and credential verification.",
      description: [
        "Nobody posts for the company without an accreditation: other systems (a scheduler, an intranet, a bot) ask the **posting gate** whether a person may post on a channel, and are told when the answer changes through **webhooks** (configured by an admin at /admin/webhooks; see the README).",
        "Anyone can check an accreditation: it is an Open Badges 3.0 verifiable credential, signed as a VC-JWT (EdDSA, Ed25519) whose public key is published at /.well-known/jwks.json, with a public page at its id (/verify/{id}).",
        "",
        'Every JSON response is sent with `Cache-Control: no-store`. Errors are `{ "error": <code>, "message": <text> }`; the code is stable, the message is for people (in the language of `Accept-Language`, English by default).',
        "",
        "**Reason codes** (`reasons` is empty exactly when `allowed` is true; the last four combine, in this order):",
        ...GATE_REASONS.map((r) => `- \`${r}\`: ${REASON_DESCRIPTIONS[r]}`),
        "",
        "The person's *most relevant accreditation* is the one in force or being renewed, else a suspended one, else the most recent one that was ever granted (expired or revoked).",
        "",
        `**Limits**: at most ${GATE_BATCH_LIMIT} checks per batch; request bodies of at most ${API_MAX_BODY_BYTES} bytes.`,
      ].join("\n"),
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: serverUrl }],
    tags: [
      { name: "gate", description: "May this person post for the company? (bearer token)" },
      { name: "credentials", description: "Verifiable credentials (public)" },
      { name: "scim", description: "SCIM 2.0 provisioning of people and teams (RFC 7643/7644; token of scope scim)" },
    ],
    paths: {
      "/api/v1/authorizations": {
        get: {
          tags: ["gate"],
          operationId: "checkAuthorization",
          summary: "May this person post for the company on this channel, now?",
          security: [{ bearerAuth: [] }],
          parameters: [
            {
              name: "email",
              in: "query",
              required: true,
              description: "The person's email (case-insensitive).",
              schema: { type: "string", format: "email", maxLength: 254 },
            },
            {
              name: "channel",
              in: "query",
              required: true,
              description:
                "A channel id (case-insensitive; the display name is accepted too). The channels are the organisation's setting `accreditation.channels`.",
              schema: { type: "string", maxLength: 60, examples: channelIds },
            },
          ],
          responses: {
            "200": {
              description: "The answer.",
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/Authorization" },
                  examples: {
                    allowed: {
                      value: {
                        allowed: true,
                        channel: "linkedin",
                        reasons: [],
                        accreditation: {
                          id: "3f1c…",
                          status: "granted",
                          channels: ["linkedin"],
                          validFrom: "2026-01-15T09:00:00.000Z",
                          validUntil: "2027-01-15T09:00:00.000Z",
                        },
                      },
                    },
                    notGranted: {
                      value: {
                        allowed: false,
                        channel: "x",
                        reasons: ["channel_not_granted"],
                        accreditation: {
                          id: "3f1c…",
                          status: "granted",
                          channels: ["linkedin"],
                          validFrom: "2026-01-15T09:00:00.000Z",
                          validUntil: "2027-01-15T09:00:00.000Z",
                        },
                      },
                    },
                    notAccredited: { value: { allowed: false, channel: "linkedin", reasons: ["not_accredited"], accreditation: null } },
                  },
                },
              },
            },
            "400": error(
              "Missing, repeated, unknown or malformed parameter (`invalid_request`), or a channel the organisation does not offer (`unknown_channel`).",
              { error: "unknown_channel", message: 'Unknown channel: "myspace". Channels offered: linkedin, x.' },
            ),
            "401": unauthorized,
          },
        },
        post: {
          tags: ["gate"],
          operationId: "checkAuthorizations",
          summary: `Several checks at once (at most ${GATE_BATCH_LIMIT}); the results come in the order of the checks.`,
          security: [{ bearerAuth: [] }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  additionalProperties: false,
                  required: ["checks"],
                  properties: {
                    checks: {
                      type: "array",
                      minItems: 1,
                      maxItems: GATE_BATCH_LIMIT,
                      items: {
                        type: "object",
                        additionalProperties: false,
                        required: ["email", "channel"],
                        properties: { email: { type: "string", format: "email", maxLength: 254 }, channel: { type: "string", maxLength: 60 } },
                      },
                    },
                  },
                },
                example: {
                  checks: [
                    { email: "ambassador@ambassade.test", channel: "linkedin" },
                    { email: "learner@ambassade.test", channel: "linkedin" },
                  ],
                },
              },
            },
          },
          responses: {
            "200": {
              description: "One result per check, in order; each is an Authorization plus the (normalised) email it answers.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["results"],
                    properties: {
                      results: {
                        type: "array",
                        items: {
                          allOf: [
                            { $ref: "#/components/schemas/Authorization" },
                            { type: "object", required: ["email"], properties: { email: { type: "string" } } },
                          ],
                        },
                      },
                    },
                  },
                },
              },
            },
            "400": error(
              "Malformed JSON, an unknown field, an empty list, a malformed email (`invalid_request`), or a channel not offered (`unknown_channel`). Nothing is checked.",
              { error: "invalid_request", message: 'Invalid request: checks[0].nickname: Unrecognized key: "nickname".' },
            ),
            "401": unauthorized,
            "413": error(`More than ${GATE_BATCH_LIMIT} checks (\`batch_too_large\`) or a body over ${API_MAX_BODY_BYTES} bytes (\`payload_too_large\`).`, {
              error: "batch_too_large",
              message: `Too many checks in one batch: 250 (at most ${GATE_BATCH_LIMIT}).`,
            }),
            "415": error("The body is not declared as JSON (`unsupported_media_type`).", {
              error: "unsupported_media_type",
              message: "The request body must be JSON (Content-Type: application/json).",
            }),
          },
        },
      },
      "/api/v1/verify": {
        post: {
          tags: ["credentials"],
          operationId: "verifyCredential",
          summary: "Is this credential genuine, and what is its status now? (public)",
          description:
            "Send the credential as its VC-JWT (the signature is checked against /.well-known/jwks.json) or as its JSON form (it must be exactly the content signed under that id). A tampered or foreign credential gets `valid: false` with a reason; input that is not shaped like a credential gets a 400.",
          security: [],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  additionalProperties: false,
                  required: ["credential"],
                  properties: {
                    credential: {
                      oneOf: [
                        { type: "string", description: "The VC-JWT (compact JWS, EdDSA)." },
                        { type: "object", description: "The credential's JSON form (OpenBadgeCredential).", required: ["id", "type"] },
                      ],
                    },
                  },
                },
              },
            },
          },
          responses: {
            "200": { description: "The verdict.", content: { "application/json": { schema: { $ref: "#/components/schemas/Verification" } } } },
            "400": error("Not JSON, unknown fields, or not a credential (`invalid_request`).", {
              error: "invalid_request",
              message: "Invalid request: credential is not a VC-JWT (header.payload.signature, base64url).",
            }),
            "413": error(`A body over ${API_MAX_BODY_BYTES} bytes (\`payload_too_large\`).`, {
              error: "payload_too_large",
              message: `Request body too large (at most ${API_MAX_BODY_BYTES} bytes).`,
            }),
            "415": error("The body is not declared as JSON.", {
              error: "unsupported_media_type",
              message: "The request body must be JSON (Content-Type: application/json).",
            }),
          },
        },
      },
      "/api/v1/credentials/{id}": {
        get: {
          tags: ["credentials"],
          operationId: "getCredential",
          summary: "A credential with its current status (public). Also served at /verify/{id} to clients that prefer JSON.",
          security: [],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The credential.", content: { "application/json": { schema: { $ref: "#/components/schemas/CredentialDocument" } } } },
            "404": error("No such credential.", { error: "not_found", message: "Not found." }),
            "410": {
              description: "The holder's data was erased: the credential is no longer available.",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["status", "checkedAt"],
                    properties: { status: { type: "string", enum: ["no_longer_available"] }, checkedAt: { type: "string", format: "date-time" } },
                  },
                },
              },
            },
          },
        },
      },
      "/verify/{id}": {
        get: {
          tags: ["credentials"],
          operationId: "verifyPage",
          summary: "A credential's id: a public page (text/html), or its JSON form when the Accept header prefers application/json or application/ld+json.",
          security: [],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": {
              description: "The page, or the credential document.",
              content: { "text/html": { schema: { type: "string" } }, "application/json": { schema: { $ref: "#/components/schemas/CredentialDocument" } } },
            },
            "404": { description: "No such credential." },
            "410": { description: "The holder's data was erased: the page (or JSON) says the credential is no longer available." },
          },
        },
      },
      "/.well-known/jwks.json": {
        get: {
          tags: ["credentials"],
          operationId: "jwks",
          summary: "The issuer's public keys (JWKS; Ed25519, `kid` = RFC 7638 thumbprint).",
          security: [],
          responses: { "200": { description: "JWKS." } },
        },
      },
      "/issuer": {
        get: {
          tags: ["credentials"],
          operationId: "issuer",
          summary: "The issuer's Open Badges Profile.",
          security: [],
          responses: { "200": { description: "Profile (JSON-LD)." } },
        },
      },
      ...scimPaths(),
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "amb_<43 characters>",
          description: "A token created by an admin at /admin/api or with `npm run cli -- token create --name <name>`.",
        },
        scimBearer: scimSecurityScheme,
      },
      schemas: {
        ...scimSchemas(),
        Error: {
          type: "object",
          required: ["error", "message"],
          properties: { error: { type: "string", enum: [...API_ERROR_CODES] }, message: { type: "string" } },
        },
        Authorization: {
          type: "object",
          required: ["allowed", "channel", "reasons", "accreditation"],
          properties: {
            allowed: { type: "boolean" },
            channel: { type: "string", description: "The channel id asked about.", examples: channelIds },
            reasons: { type: "array", items: { type: "string", enum: [...GATE_REASONS] }, description: "Empty when allowed." },
            accreditation: {
              description: "The person's most relevant accreditation; null for unknown_person and not_accredited.",
              oneOf: [
                { type: "null" },
                {
                  type: "object",
                  required: ["id", "status", "channels", "validFrom", "validUntil"],
                  properties: {
                    id: { type: "string" },
                    status: { type: "string", enum: ["granted", "renewal_requested", "suspended", "expired", "revoked"] },
                    channels: { type: "array", items: { type: "string" } },
                    validFrom: { type: ["string", "null"], format: "date-time" },
                    validUntil: { type: ["string", "null"], format: "date-time" },
                  },
                },
              ],
            },
          },
        },
        Verification: {
          type: "object",
          required: ["valid", "signatureValid", "status", "reason", "credential", "checkedAt"],
          properties: {
            valid: { type: "boolean", description: "Genuine AND currently valid." },
            signatureValid: { type: "boolean" },
            status: { oneOf: [{ type: "null" }, { type: "string", enum: [...CREDENTIAL_STATUSES] }] },
            reason: { oneOf: [{ type: "null" }, { type: "string", enum: [...VERIFY_FAILURES] }], description: "Why it is not valid; null when valid." },
            credential: {
              oneOf: [
                { type: "null" },
                {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    holder: { type: "string" },
                    channels: { type: "array", items: { type: "string" } },
                    validFrom: { type: "string", format: "date-time" },
                    validUntil: { type: "string", format: "date-time" },
                    issuer: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
                  },
                },
              ],
            },
            checkedAt: { type: "string", format: "date-time" },
          },
        },
        CredentialDocument: {
          type: "object",
          required: ["status", "accreditationStatus", "checkedAt", "credential", "jwt"],
          properties: {
            status: { type: "string", enum: [...CREDENTIAL_STATUSES], description: "Now: the accreditation's state wins over the credential's dates." },
            accreditationStatus: { type: "string" },
            checkedAt: { type: "string", format: "date-time" },
            credential: {
              type: "object",
              description: "The OpenBadgeCredential as signed (VC data model 2.0; channels are credentialSubject.result[].value).",
            },
            jwt: { type: "string", description: "The VC-JWT." },
          },
        },
      },
    },
  };
}
