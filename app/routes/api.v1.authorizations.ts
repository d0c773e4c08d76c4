/**
 * The posting gate (public API, bearer token): may this person post for the company on this channel?
 *   GET  /api/v1/authorizations?email=<email>&channel=<channel>  → one answer
 *   POST /api/v1/authorizations { "checks": [{ "email", "channel" }, …] } → { "results": [...] }, in order
 * The contract, reason codes and limits are in /api/v1/openapi.json and the README ("API").
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { API_MAX_BODY_BYTES, GATE_BATCH_LIMIT } from "~/domain/gate";
import { offeredChannelsCached, resolveChannel } from "~/models/channels.server";
import { checkGate } from "~/models/gate.server";
import {
  ApiError,
  apiErrorReply,
  apiJson,
  apiReply,
  describeIssues,
  readJsonBody,
  requireApiToken,
  requireApiTokenHeader,
  toResponse,
  withApiErrors,
  type ApiReply,
} from "~/utils/api.server";
import { z } from "~/utils/forms.server";

function email() {
  return z
    .string({ error: "email is required" })
    .trim()
    .min(1, "email is required")
    .max(254, "email is too long")
    .pipe(z.email("email is not a valid address"))
    .transform((v) => v.toLowerCase());
}

function channel() {
  return z.string({ error: "channel is required" }).trim().min(1, "channel is required").max(60, "channel is too long");
}

// Built on first use and kept: zod 4 compiles each schema, too slow to redo on every gate request.
let query: ReturnType<typeof buildQuerySchema> | undefined;
let batch: ReturnType<typeof buildBatchSchema> | undefined;
const querySchema = () => (query ??= buildQuerySchema());
const batchSchema = () => (batch ??= buildBatchSchema());

function buildQuerySchema() {
  return z.object({ email: email(), channel: channel() }).strict();
}

function buildBatchSchema() {
  return z
    .object({
      checks: z
        .array(z.object({ email: email(), channel: channel() }).strict(), { error: "checks must be an array" })
        .min(1, "checks must hold at least one check"),
    })
    .strict();
}

function knownChannel(raw: string, where = ""): string {
  const id = resolveChannel(raw);
  if (!id)
    throw new ApiError("unknown_channel", {
      channel: `${raw.slice(0, 60)}${where}`,
      offered: offeredChannelsCached()
        .map((c) => c.id)
        .join(", "),
    });
  return id;
}

/** What a GET carries that the gate reads: no Web Request object is needed. */
export type GateQueryInput = { authorization: string | null; acceptLanguage: string | null; search: string };

/**
 * One check from a query string. The HTTP server's fast lane calls this directly for GET (the gate
 * answers thousands of times a second, see app/server/http.ts); the loader is the same through Remix.
 */
export function answerGateQuery(input: GateQueryInput): ApiReply {
  try {
    requireApiTokenHeader(input.authorization);
    const params = new URLSearchParams(input.search);
    const raw: Record<string, string> = {};
    for (const key of new Set(params.keys())) {
      const values = params.getAll(key);
      if (values.length > 1) throw new ApiError("invalid_request", { detail: `${key}: given more than once` });
      raw[key] = values[0]!;
    }
    const parsed = querySchema().safeParse(raw);
    if (!parsed.success) throw new ApiError("invalid_request", { detail: describeIssues(parsed.error) });
    const [answer] = checkGate([{ email: parsed.data.email, channel: knownChannel(parsed.data.channel) }]);
    return apiReply(answer);
  } catch (error) {
    if (error instanceof ApiError) return apiErrorReply(input.acceptLanguage, error);
    throw error;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { headers } = request;
  const search = new URL(request.url).search;
  return toResponse(answerGateQuery({ authorization: headers.get("Authorization"), acceptLanguage: headers.get("Accept-Language"), search }));
}

export async function action({ request }: ActionFunctionArgs) {
  return withApiErrors(request, async () => {
    requireApiToken(request);
    if (request.method !== "POST") throw new ApiError("method_not_allowed", { allow: "GET, POST" }, { Allow: "GET, POST" });
    const body = await readJsonBody(request, API_MAX_BODY_BYTES);
    const checks = (body as { checks?: unknown } | null)?.checks;
    if (Array.isArray(checks) && checks.length > GATE_BATCH_LIMIT) throw new ApiError("batch_too_large", { max: GATE_BATCH_LIMIT, count: checks.length });
    const parsed = batchSchema().safeParse(body);
    if (!parsed.success) throw new ApiError("invalid_request", { detail: describeIssues(parsed.error) });
    const resolved = parsed.data.checks.map((check, i) => ({ email: check.email, channel: knownChannel(check.channel, ` (checks[${i}].channel)`) }));
    const answers = checkGate(resolved);
    return apiJson({ results: answers.map((answer, i) => ({ email: resolved[i]!.email, ...answer })) });
  });
}
