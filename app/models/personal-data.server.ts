/**
 * Everything Ambassade holds about one person (GDPR art. 15 and 20, Québec Law 25): the registry of
 * where personal data lives (`PERSONAL_DATA_SOURCES`), and the export built from it: a ZIP with a
 * readable HTML summary and one JSON file per kind of record, their credentials included.
 *
 * The registry is read generically (`select *`, minus secrets), so a new column is exported without an
 * edit; a new TABLE that references users must be added here, or tests/integration/privacy.test.ts
 * fails (it lists every column of the schema that points at users). See docs/privacy.md, ADR 0024.
 */
import { eq } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { users, type Locale } from "../../db/schema";
import { getT } from "~/i18n/i18n.server";
import { InputError } from "~/utils/errors";
import { recordAudit } from "./audit.server";

/**
 * One kind of record. `where` selects the person's rows (named parameters @userId and @email);
 * `covers` lists the columns that point at the person (the coverage test checks them against the
 * schema); `role` says whether the rows are about the person (`subject`: every column but `redact`)
 * or record something the person did to others' records (`actor`: only `columns`, so that nobody
 * else's data leaks into the export).
 */
export type PersonalDataSource = {
  kind: string;
  table: string;
  where: string;
  covers: readonly string[];
  role: "subject" | "actor";
  /** Secrets never exported (hashes of tokens and passwords, signing secrets). */
  redact?: readonly string[];
  /** For `actor` rows: the columns exported. */
  columns?: readonly string[];
};

const ofPerson = (column = "user_id") => `${column} = @userId`;

export const PERSONAL_DATA_SOURCES: readonly PersonalDataSource[] = [
  { kind: "account", table: "users", where: "id = @userId", covers: ["id"], role: "subject", redact: ["password_hash"] },
  { kind: "roles", table: "user_roles", where: ofPerson(), covers: ["user_id"], role: "subject" },
  { kind: "managed_teams", table: "team_managers", where: ofPerson(), covers: ["user_id"], role: "subject" },
  { kind: "sessions", table: "sessions", where: ofPerson(), covers: ["user_id"], role: "subject", redact: ["id"] },
  { kind: "invitations", table: "invitations", where: ofPerson(), covers: ["user_id"], role: "subject", redact: ["token_hash"] },
  {
    kind: "invitations_sent",
    table: "invitations",
    where: ofPerson("invited_by"),
    covers: ["invited_by"],
    role: "actor",
    columns: ["id", "created_at", "used_at"],
  },
  { kind: "password_resets", table: "password_resets", where: ofPerson(), covers: ["user_id"], role: "subject", redact: ["token_hash"] },
  { kind: "sign_in_counters", table: "login_throttle", where: "key = 'email:' || @email", covers: [], role: "subject" },
  { kind: "identities", table: "identities", where: ofPerson(), covers: ["user_id"], role: "subject" },
  { kind: "questionnaire_runs", table: "diagnostic_runs", where: ofPerson(), covers: ["user_id"], role: "subject" },
  {
    kind: "questionnaire_answers",
    table: "diagnostic_answers",
    where: "run_id in (select id from diagnostic_runs where user_id = @userId)",
    covers: [],
    role: "subject",
  },
  { kind: "placements", table: "placements", where: ofPerson(), covers: ["user_id"], role: "subject" },
  {
    kind: "placements_set",
    table: "placements",
    where: ofPerson("set_by"),
    covers: ["set_by"],
    role: "actor",
    columns: ["id", "level", "source", "created_at"],
  },
  { kind: "module_progress", table: "module_progress", where: ofPerson(), covers: ["user_id"], role: "subject" },
  { kind: "check_answers", table: "check_answers", where: ofPerson(), covers: ["user_id"], role: "subject" },
  { kind: "reflections", table: "reflections", where: ofPerson(), covers: ["user_id"], role: "subject" },
  {
    kind: "reflections_reviewed",
    table: "reflections",
    where: ofPerson("reviewed_by"),
    covers: ["reviewed_by"],
    role: "actor",
    columns: ["module_id", "reflection_id", "review_comment", "reviewed_at"],
  },
  { kind: "charter_signatures", table: "charter_signatures", where: ofPerson(), covers: ["user_id"], role: "subject" },
  {
    kind: "charter_publications",
    table: "charter_publications",
    where: ofPerson("published_by"),
    covers: ["published_by"],
    role: "actor",
    columns: ["version", "created_at"],
  },
  { kind: "exam_attempts", table: "exam_attempts", where: ofPerson(), covers: ["user_id"], role: "subject" },
  { kind: "exam_answers", table: "exam_answers", where: "attempt_id in (select id from exam_attempts where user_id = @userId)", covers: [], role: "subject" },
  { kind: "accreditations", table: "accreditations", where: ofPerson(), covers: ["user_id"], role: "subject" },
  {
    kind: "accreditation_decisions",
    table: "accreditations",
    where: "(granted_by = @userId or decided_by = @userId) and user_id <> @userId",
    covers: ["granted_by", "decided_by"],
    role: "actor",
    columns: ["id", "status", "granted_at", "decided_at"],
  },
  {
    kind: "credentials",
    table: "credentials",
    where: "accreditation_id in (select id from accreditations where user_id = @userId)",
    covers: [],
    role: "subject",
  },
  {
    kind: "webhook_events",
    table: "webhook_events",
    where:
      "json_extract(body, '$.data.accreditation.id') in (select id from accreditations where user_id = @userId) or json_extract(body, '$.data.person.id') = @userId",
    covers: [],
    role: "subject",
  },
  {
    kind: "mails",
    table: "mail_outbox",
    where: "to_address = @email or ref_id = @userId or ref_id in (select id from accreditations where user_id = @userId)",
    covers: [],
    role: "subject",
  },
  {
    kind: "api_tokens_created",
    table: "api_tokens",
    where: "created_by = @userId or revoked_by = @userId",
    covers: ["created_by", "revoked_by"],
    role: "actor",
    columns: ["id", "name", "prefix", "scope", "created_at", "revoked_at"],
  },
  {
    kind: "webhooks_created",
    table: "webhook_endpoints",
    where: ofPerson("created_by"),
    covers: ["created_by"],
    role: "actor",
    columns: ["id", "url", "created_at"],
  },
  {
    kind: "module_versions_authored",
    table: "module_versions",
    where: ofPerson("author"),
    covers: ["author"],
    role: "actor",
    columns: ["id", "module_id", "number", "change_note", "created_at"],
  },
  {
    kind: "module_drafts_edited",
    table: "module_drafts",
    where: ofPerson("updated_by"),
    covers: ["updated_by"],
    role: "actor",
    columns: ["module_id", "revision", "updated_at"],
  },
  {
    kind: "track_versions_authored",
    table: "track_versions",
    where: ofPerson("author"),
    covers: ["author"],
    role: "actor",
    columns: ["id", "note", "created_at"],
  },
  {
    kind: "charter_drafts_edited",
    table: "charter_drafts",
    where: "created_by = @userId or updated_by = @userId",
    covers: ["created_by", "updated_by"],
    role: "actor",
    columns: ["version", "revision", "updated_at"],
  },
  { kind: "charter_texts_authored", table: "charter_texts", where: ofPerson("author"), covers: ["author"], role: "actor", columns: ["version", "created_at"] },
  {
    kind: "media_uploaded",
    table: "media",
    where: ofPerson("uploaded_by"),
    covers: ["uploaded_by"],
    role: "actor",
    columns: ["id", "file_name", "mime", "size", "created_at"],
  },
  { kind: "privacy_notices_seen", table: "privacy_notice_views", where: ofPerson(), covers: ["user_id"], role: "subject" },
  { kind: "notifications", table: "notifications", where: ofPerson(), covers: ["user_id"], role: "subject" },
  { kind: "notification_opt_outs", table: "notification_opt_outs", where: ofPerson(), covers: ["user_id"], role: "subject" },
  { kind: "weekly_summaries", table: "weekly_summaries", where: ofPerson(), covers: ["user_id"], role: "subject" },
  {
    kind: "privacy_notices_published",
    table: "privacy_notices",
    where: ofPerson("published_by"),
    covers: ["published_by"],
    role: "actor",
    columns: ["version", "created_at"],
  },
  { kind: "legal_hold", table: "legal_holds", where: ofPerson(), covers: ["user_id"], role: "subject" },
  { kind: "legal_holds_set", table: "legal_holds", where: "set_by = @userId and user_id <> @userId", covers: ["set_by"], role: "actor", columns: ["set_at"] },
  {
    kind: "audit_log",
    table: "audit_log",
    where:
      "(subject_type = 'user' and subject_id = @userId) or json_extract(data, '$.userId') = @userId or actor_id = @userId or (subject_type = 'accreditation' and subject_id in (select id from accreditations where user_id = @userId))",
    covers: ["actor_id"],
    role: "subject",
  },
];

export type ExportRecord = Record<string, unknown>;
export type PersonalDataExport = {
  person: { id: string; name: string; email: string; active: boolean; erased: boolean };
  generatedAt: string;
  kinds: { kind: string; table: string; role: "subject" | "actor"; rows: ExportRecord[] }[];
};

const TIME_COLUMNS = /(_at|^at|deadline|valid_until)$/;

/** Readable values: instants as ISO dates (ms or, for sessions, seconds), JSON text as JSON. */
function readable(row: Record<string, unknown>): ExportRecord {
  const out: ExportRecord = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === "number" && TIME_COLUMNS.test(key) && value > 1e8) out[key] = new Date(value > 1e11 ? value : value * 1000).toISOString();
    else if (typeof value === "string" && /^[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value) as unknown;
      } catch {
        out[key] = value;
      }
    } else out[key] = value;
  }
  return out;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`);
  return `"${name}"`;
}

/**
 * Collects the person's data, source by source, in one read transaction. Works for an active,
 * deactivated or erased person (what is left of an erased one is what the erasure kept).
 */
export function collectPersonalData(userId: string, now = new Date()): PersonalDataExport {
  const db = getDb();
  const person = db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active, erasedAt: users.erasedAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!person) throw new InputError({ form: "errors.notFound" }, 404);
  const client = db.$client;
  const read = client.transaction(() =>
    PERSONAL_DATA_SOURCES.map((source) => {
      const columns = source.role === "actor" ? (source.columns ?? []).map(quoteIdent).join(", ") : "*";
      const rows = client.prepare(`select ${columns} from ${quoteIdent(source.table)} where ${source.where}`).all({ userId, email: person.email }) as Record<
        string,
        unknown
      >[];
      const redact = new Set(source.redact ?? []);
      return {
        kind: source.kind,
        table: source.table,
        role: source.role,
        rows: rows.map((row) => readable(Object.fromEntries(Object.entries(row).filter(([k]) => !redact.has(k))))),
      };
    }),
  );
  return {
    person: { id: person.id, name: person.name, email: person.email, active: person.active, erased: person.erasedAt !== null },
    generatedAt: now.toISOString(),
    kinds: read(),
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return escapeHtml(typeof value === "string" ? value : JSON.stringify(value));
}

/** The readable summary: who, when, then one section per kind with its rows as a table. */
export function summaryHtml(data: PersonalDataExport, locale: Locale): string {
  const t = getT(locale);
  const sections = data.kinds
    .map((k) => {
      const title = `${escapeHtml(t(`privacyExport.kinds.${k.kind}`))} <small>(${escapeHtml(k.kind)}.json)</small>`;
      if (k.rows.length === 0) return `<section><h2>${title}</h2><p>${escapeHtml(t("privacyExport.none"))}</p></section>`;
      const headers = [...new Set(k.rows.flatMap((r) => Object.keys(r)))];
      const body = k.rows.map((r) => `<tr>${headers.map((h) => `<td>${cell(r[h])}</td>`).join("")}</tr>`).join("\n");
      return `<section><h2>${title}</h2><p>${escapeHtml(t("privacyExport.count", { count: k.rows.length }))}</p><div class="scroll"><table><thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>\n${body}\n</tbody></table></div></section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${escapeHtml(t("privacyExport.title", { name: data.person.name }))}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #999;padding:.25rem .5rem;vertical-align:top;text-align:left}.scroll{overflow-x:auto}small{color:#555;font-weight:normal}</style></head>
<body>
<h1>${escapeHtml(t("privacyExport.title", { name: data.person.name }))}</h1>
<p>${escapeHtml(t("privacyExport.intro", { email: data.person.email, date: data.generatedAt }))}</p>
<p>${escapeHtml(t("privacyExport.files"))}</p>
${sections}
</body>
</html>
`;
}

/** The ZIP: summary.html, person.json, one <kind>.json per kind, and each credential as <id>.jwt. */
export async function exportZip(data: PersonalDataExport, locale: Locale): Promise<Uint8Array> {
  // fflate is loaded by the first export, not by every process at start (ADR 0039).
  const { strToU8, zipSync } = await import("fflate");
  const files: Record<string, Uint8Array> = {
    "summary.html": strToU8(summaryHtml(data, locale)),
    "person.json": strToU8(JSON.stringify({ person: data.person, generatedAt: data.generatedAt }, null, 2)),
  };
  for (const k of data.kinds) files[`${k.kind}.json`] = strToU8(JSON.stringify(k.rows, null, 2));
  const credentials = data.kinds.find((k) => k.kind === "credentials")?.rows ?? [];
  for (const c of credentials) if (typeof c.id === "string" && typeof c.jwt === "string" && c.jwt) files[`credentials/${c.id}.jwt`] = strToU8(c.jwt);
  return zipSync(files, { level: 6, mtime: new Date(data.generatedAt) });
}

/**
 * The export a request downloads: collected, zipped, and audit-logged (who exported whose data).
 * `actorId` is the person themselves or an admin.
 */
export async function exportPersonalData(input: {
  userId: string;
  actorId: string;
  locale: Locale;
  now?: Date;
}): Promise<{ fileName: string; zip: Uint8Array }> {
  const now = input.now ?? new Date();
  const data = collectPersonalData(input.userId, now);
  const zip = await exportZip(data, input.locale);
  getDb().transaction((tx) => {
    recordAudit(tx, {
      actorId: input.actorId,
      action: "person.data_exported",
      subjectType: "user",
      subjectId: input.userId,
      data: { by: input.actorId === input.userId ? "self" : "admin", bytes: zip.byteLength },
    });
  });
  return { fileName: `ambassade-data-${input.userId}-${now.toISOString().slice(0, 10)}.zip`, zip };
}
