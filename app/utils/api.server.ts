/**
 * The public API's plumbing, shared by the resource routes under /api/v1: JSON responses that are
 * never cached, errors as `{ error, message }` with a stable code, bearer-token authentication, and
 * a JSON body reader that refuses what is too big or not JSON before parsing it.
 *
 * Error messages are for the developer reading them: in the language of Accept-Language, English
 * when the client sends none.
 */
import type { z } from "zod";
import type { Locale } from "../../db/schema";
import { fromAcceptLanguage } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { authenticateApiToken } from "~/models/api-token.server";
import { readBodyWithin } from "./body.server";

export const API_ERROR_CODES = [
  "missing_token",
  "invalid_token",
  "insufficient_scope",
  "invalid_request",
  "unknown_channel",
  "batch_too_large",
  "payload_too_large",
  "unsupported_media_type",
  "method_not_allowed",
  "not_found",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

const STATUS: Record<ApiErrorCode, number> = {
  missing_token: 401,
  invalid_token: 401,
  insufficient_scope: 403,
  invalid_request: 400,
  unknown_channel: 400,
  batch_too_large: 413,
  payload_too_large: 413,
  unsupported_media_type: 415,
  method_not_allowed: 405,
  not_found: 404,
};

/** A refused API request: thrown below the route, turned into a JSON error by `withApiErrors`. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = "ApiError";
  }
}

/** The language of Accept-Language when it names French or English; English otherwise (API clients often send `*`). */
export function apiLocale(acceptLanguage: string | null): Locale {
  return acceptLanguage && /(^|,)\s*(fr|en)\b/i.test(acceptLanguage) ? fromAcceptLanguage(acceptLanguage) : "en";
}

/**
 * An API answer before it becomes an HTTP response: routes wrap it in a Response, and the HTTP
 * server's fast lane writes it directly (app/server/http.ts).
 */
export type ApiReply = { status: number; headers: Record<string, string>; body: string };

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export function apiReply(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): ApiReply {
  return { status: init.status ?? 200, headers: { ...JSON_HEADERS, ...init.headers }, body: JSON.stringify(data) };
}

export function toResponse(reply: ApiReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

export function apiJson(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return toResponse(apiReply(data, init));
}

export function apiErrorReply(acceptLanguage: string | null, error: ApiError): ApiReply {
  const t = getT(apiLocale(acceptLanguage));
  const message = t(`api.errors.${error.code}`, error.params);
  const headers: Record<string, string> = { ...error.headers };
  if (error.code === "missing_token" || error.code === "invalid_token" || error.code === "insufficient_scope") {
    headers["WWW-Authenticate"] = error.code === "missing_token" ? 'Bearer realm="ambassade"' : `Bearer realm="ambassade", error="${error.code}"`;
  }
  return apiReply({ error: error.code, message }, { status: STATUS[error.code], headers });
}

export function apiErrorResponse(request: Request, error: ApiError): Response {
  return toResponse(apiErrorReply(request.headers.get("Accept-Language"), error));
}

/** Runs an API handler; a refused request becomes its JSON error. Anything else is a real bug (500). */
export async function withApiErrors(request: Request, handler: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof ApiError) return apiErrorResponse(request, error);
    throw error;
  }
}

/** The first line of every authenticated API handler: a valid, unrevoked bearer token, or 401. */
export function requireApiToken(request: Request): { id: string; name: string } {
  return requireApiTokenHeader(request.headers.get("Authorization"));
}

export function requireApiTokenHeader(authorization: string | null): { id: string; name: string } {
  const result = authenticateApiToken(authorization);
  if (!result.ok) throw new ApiError(result.error);
  return { id: result.id, name: result.name };
}

/**
 * Reads a JSON body of at most `maxBytes`: 415 when it is not declared as JSON, 413 when it is
 * bigger (by its Content-Length or while streaming, so a lying client cannot push more), 400 when it
 * does not parse.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type.trim())) throw new ApiError("unsupported_media_type");
  const body = await readBodyWithin(request, maxBytes);
  if (!body) throw new ApiError("payload_too_large", { max: maxBytes });
  const text = body.toString("utf8");
  if (!text.trim()) throw new ApiError("invalid_request", { detail: "empty body" });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("invalid_request", { detail: "the body is not valid JSON" });
  }
}

/** zod issues → one readable line naming where the problem is, e.g. `checks[3].email: invalid email`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.reduce<string>(
        (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
        "",
      );
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

export function methodNotAllowed(allow: string): ApiError {
  return new ApiError("method_not_allowed", { allow }, { Allow: allow });
}
