/**
 * The audit log's filters, shared by the page (routes/admin.audit.tsx) and its CSV export
 * (routes/admin.audit[.]csv.ts): who did it (name or email), whom it is about (name or email), which
 * action (one, or every action of a kind: `person.*`), and a date range in the reader's time zone.
 */
import { AUDIT_KINDS, isAuditAction } from "~/domain/audit";
import { peopleMatching, type AuditFilter } from "~/models/audit.server";
import { startOfDayIn } from "./dates";
import { z, type FieldErrors } from "./forms.server";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function querySchema() {
  const text = z
    .string()
    .trim()
    .max(254, "errors.invalidInput")
    .optional()
    .transform((v) => v || undefined);
  return z
    .object({
      actor: text,
      person: text,
      action: z
        .string()
        .trim()
        .max(60, "audit.errors.action")
        .optional()
        .transform((v) => v || undefined)
        .refine((v) => v === undefined || isAuditAction(v) || (v.endsWith(".*") && AUDIT_KINDS.includes(v.slice(0, -2))), "audit.errors.action"),
      from: z
        .string()
        .trim()
        .optional()
        .transform((v) => v || undefined)
        .refine((v) => v === undefined || DAY.test(v), "audit.errors.date"),
      to: z
        .string()
        .trim()
        .optional()
        .transform((v) => v || undefined)
        .refine((v) => v === undefined || DAY.test(v), "audit.errors.date"),
      before: z.coerce.number().int().positive().optional().catch(undefined),
      after: z.coerce.number().int().positive().optional().catch(undefined),
      // The one sortable column is the date: newest first unless asked otherwise.
      dir: z.enum(["asc", "desc"]).catch("desc"),
    })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "audit.errors.order" });
}

/** One message key per field (the first issue wins); this form's keys are its own (`audit.errors.*`). */
function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues)
    errors[String(issue.path[0] ?? "form")] ??= issue.message.startsWith("audit.errors.") ? issue.message : "errors.invalidInput";
  return errors;
}

export type AuditQuery = {
  actor?: string;
  person?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
  after?: number;
  dir?: "asc" | "desc";
};

/** The filters of a request, as typed (to fill the form again) and as the model's filter; field errors when invalid. */
export function parseAuditQuery(url: URL, timeZone: string): { q: AuditQuery; filter: AuditFilter; errors: FieldErrors | null } {
  const raw = Object.fromEntries(
    ["actor", "person", "action", "from", "to", "before", "after", "dir"].flatMap((k) => (url.searchParams.has(k) ? [[k, url.searchParams.get(k)!]] : [])),
  );
  const parsed = querySchema().safeParse(raw);
  if (!parsed.success) {
    const keep = (k: string) => (typeof raw[k] === "string" ? String(raw[k]).slice(0, 254) : undefined);
    return {
      q: { actor: keep("actor"), person: keep("person"), action: keep("action"), from: keep("from"), to: keep("to") },
      filter: {},
      errors: fieldErrors(parsed.error),
    };
  }
  const q = parsed.data;
  const filter: AuditFilter = {};
  if (q.action) {
    if (q.action.endsWith(".*")) filter.actionPrefix = q.action.slice(0, -1);
    else filter.action = q.action;
  }
  if (q.actor) filter.actorIds = peopleMatching(q.actor);
  if (q.person) filter.personIds = peopleMatching(q.person);
  const from = q.from ? startOfDayIn(q.from, timeZone) : null;
  const to = q.to ? startOfDayIn(q.to, timeZone) : null;
  if (q.from && !from) return { q, filter: {}, errors: { from: "audit.errors.date" } };
  if (q.to && !to) return { q, filter: {}, errors: { to: "audit.errors.date" } };
  if (from) filter.from = from;
  // "to" is the last day included.
  if (to) filter.to = new Date(to.getTime() + 24 * 60 * 60 * 1000);
  if (q.dir === "asc") {
    filter.order = "asc";
    if (q.after) filter.after = q.after;
  } else if (q.before) filter.before = q.before;
  return { q, filter, errors: null };
}

/** The query string of the same filters (for the export link and the next page), without the cursor or the order. */
export function auditQueryString(q: AuditQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["actor", "person", "action", "from", "to"] as const) if (q[key]) params.set(key, q[key]!);
  return params;
}
