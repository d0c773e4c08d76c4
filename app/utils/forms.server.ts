import { json, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { InputError } from "./errors";
import { readBodyWithin } from "./body.server";
import { FORBIDDEN_CHARACTERS, hasForbiddenCharacters } from "./text";
import { isStorageUnavailable } from "~/models/health.server";

const MAX_FORM_BYTES = 256 * 1024;

export type FieldErrors = Record<string, string>;

/**
 * Form data as a plain object: repeated fields become arrays, single ones strings (the last one).
 * One pass over the entries: a form of thousands of distinct fields must not cost thousands of scans.
 */
export function formToObject(form: FormData, arrayFields: readonly string[] = []): Record<string, unknown> {
  const values = new Map<string, string[]>();
  for (const [key, value] of form.entries()) {
    const text = typeof value === "string" ? value : "";
    const list = values.get(key);
    if (list) list.push(text);
    else values.set(key, [text]);
  }
  const out: Record<string, unknown> = {};
  for (const [key, list] of values) out[key] = arrayFields.includes(key) ? list : list[list.length - 1];
  for (const key of arrayFields) out[key] ??= [];
  return out;
}

/**
 * Reads a request's form, refused with a 413 past MAX_FORM_BYTES whether the client declared its
 * length or streamed the body without one (chunked): the body is never buffered beyond the limit.
 * A body that is not a readable form is a 400.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const body = await readBodyWithin(request, MAX_FORM_BYTES);
  if (!body) throw new InputError({ form: "errors.tooLong" }, 413);
  try {
    const headers = { "Content-Type": request.headers.get("Content-Type") ?? "" };
    return await new Request(request.url, { method: "POST", headers, body }).formData();
  } catch {
    throw new InputError({ form: "errors.invalidInput" });
  }
}

/** zod issues → one i18n key per field (the first issue wins). Issue messages are i18n keys. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message.startsWith("errors.") || issue.message.startsWith("security.errors.") ? issue.message : "errors.invalidInput";
  }
  return errors;
}

/**
 * Wraps an action so that a rejected form (an InputError from parseForm or from a model) becomes a
 * 4xx response with per-field messages that the page shows next to the fields. Nothing was written.
 */
export async function withFormErrors<T>(args: ActionFunctionArgs, action: (args: ActionFunctionArgs) => Promise<T>) {
  try {
    return await action(args);
  } catch (error) {
    if (error instanceof InputError) return fieldErrorResponse(error.fieldErrors, error.status);
    // A database that is read-only, full or locked is not a bug in the page: a 503 that says so (the
    // operator finds the cause in the log and on /healthz), not a 500.
    if (isStorageUnavailable(error)) {
      console.error(`[storage] a form could not be saved: ${(error as { code?: string }).code} ${(error as Error).message}`);
      return fieldErrorResponse({ form: "security.errors.storageUnavailable" }, 503);
    }
    throw error;
  }
}

/** Reads and validates a form; a bad one throws a 400 (or 413) response carrying per-field i18n keys. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S, options: { arrayFields?: readonly string[] } = {}): Promise<z.infer<S>> {
  const form = await readFormData(request);
  const parsed = schema.safeParse(formToObject(form, options.arrayFields));
  if (!parsed.success) throw new InputError(toFieldErrors(parsed.error));
  return parsed.data;
}

export function fieldErrorResponse(fieldErrors: FieldErrors, status = 400) {
  return json({ fieldErrors }, { status });
}

/**
 * THE rule for every name and free-text field (names, team names, token names, reasons, statements,
 * comments, notes): refuses control, bidirectional-override and zero-width characters with a clear
 * message. `multiline` keeps line breaks and tabs (free text); a name is one line.
 */
export function safeText(options: { max: number; multiline?: boolean; required?: boolean }) {
  const base = z.string({ error: "errors.required" }).trim();
  const sized = options.required ? base.min(1, "errors.required").max(options.max, "errors.tooLong") : base.max(options.max, "errors.tooLong");
  return sized.refine((v) => !hasForbiddenCharacters(v, { multiline: options.multiline }), FORBIDDEN_CHARACTERS);
}

/** Reusable field rules with i18n keys as messages. */
export const fields = {
  email: () =>
    z
      .string({ error: "errors.required" })
      .trim()
      .min(1, "errors.required")
      .max(254, "errors.tooLong")
      .pipe(z.email("errors.emailInvalid"))
      .transform((v) => v.toLowerCase()),
  /** A required one-line text: a name, a team's name. */
  text: (max: number) => safeText({ max, required: true }),
  /** An optional one-line text. */
  optionalText: (max: number) => safeText({ max }).optional().default(""),
  /** Optional free text that may span lines: a reason, a statement, a comment, a note. */
  freeText: (max: number) => safeText({ max, multiline: true }).default(""),
  newPassword: () => z.string({ error: "errors.required" }).min(12, "security.errors.passwordTooShort").max(200, "errors.tooLong"),
};

// Routes import zod from here: a .server module is emptied in the browser build, so form schemas
// (built on demand in actions and loaders) never ship zod to the browser.
export { z };
