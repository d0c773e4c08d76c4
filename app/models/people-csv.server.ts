/**
 * CSV import and export of people (admin). An import is read in full and compared with the database
 * first (the preview: who is created, what changes, which lines are refused and why); nothing is
 * written until the admin applies it, and then in one transaction, only when no line is refused.
 * The uploaded file waits between the two steps in <data folder>/imports/<sha256>.csv.
 * Lines are parsed by csv-parse (streamed), the export written by csv-stringify (streamed from the database).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { stringify } from "csv-stringify";
import { eq } from "drizzle-orm";
import { isoDay } from "~/utils/dates";
import { databasePath, getDb } from "../../db/connection";
import { auditLog, ROLES, teamManagers, teams, userRoles, users, type Role } from "../../db/schema";
import {
  CSV_MAX_LINES,
  EXPORT_COLUMNS,
  EXPORT_ONLY_COLUMNS,
  IMPORT_COLUMNS,
  checkLine,
  detectDelimiter,
  type CheckedLine,
  type ImportColumn,
  type LineProblem,
} from "~/domain/people-csv";
import { trackOrder } from "~/domain/track";
import { LEVELS, type Level } from "~/domain/placement";
import { loadContentLibrary } from "~/content/library.server";
import { newId } from "~/utils/ids.server";
import type { AuditAction } from "~/domain/audit";
import { recordAudit, type AuditSource } from "./audit.server";
import { prepared } from "./prepared.server";

/** The whole file is refused (encoding, header, syntax): an i18n key of `peopleCsv.errors.*`. */
export class CsvFileError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly status = 400,
  ) {
    super(key);
    this.name = "CsvFileError";
  }
}

type Existing = { id: string; name: string; teamId: string | null; locale: "fr" | "en" | null; roles: Role[]; manages: string[] };

export type FieldChange = { field: "name" | "team" | "roles" | "manager" | "language"; from: string; to: string };
export type PlannedCreate = { line: number; email: string; name: string; team: string | null; roles: Role[]; manages: string[]; language: "fr" | "en" | null };
export type PlannedChange = { line: number; email: string; userId: string; changes: FieldChange[]; next: CheckedLine };
export type Refusal = { line: number; email: string; problems: LineProblem[] };

export type ImportPlan = {
  fileId: string;
  fileName: string;
  lines: number;
  creates: PlannedCreate[];
  changes: PlannedChange[];
  refused: Refusal[];
  unchanged: number;
  newTeams: string[];
  ignoredColumns: string[];
};

const sortRoles = (roles: Role[]) => [...roles].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
const sortNames = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

function importsDir(): string {
  return path.join(path.dirname(databasePath()), "imports");
}

/** Text of an upload: UTF-8 (a BOM is fine) or refused, as is anything with NUL bytes (a binary file). */
function decode(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CsvFileError("encoding");
  }
  if (text.includes("\u0000")) throw new CsvFileError("binary");
  return text.replace(/^\uFEFF/, "");
}

async function readRecords(text: string, onRecord: (cells: string[], line: number) => void): Promise<void> {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const parser = Readable.from([text]).pipe(
    parse({ delimiter: detectDelimiter(firstLine), relax_column_count: true, skip_empty_lines: true, trim: true, info: true, max_record_size: 64 * 1024 }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      onRecord(record, info.lines);
    }
  } catch (error) {
    if (error instanceof CsvFileError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new CsvFileError("syntax", { line: line ?? 0, detail: String((error as Error).message).slice(0, 200) });
  }
}

function loadExisting(): { byEmail: Map<string, Existing>; teamByKey: Map<string, { id: string; name: string }>; teamNameById: Map<string, string> } {
  const teamRows = getDb().select({ id: teams.id, name: teams.name }).from(teams).all();
  const teamByKey = new Map(teamRows.map((t) => [t.name.toLowerCase(), t]));
  const teamNameById = new Map(teamRows.map((t) => [t.id, t.name]));
  const rows = prepared(
    `select u.id, u.email, u.name, u.team_id as teamId, u.locale,
       (select group_concat(role) from user_roles r where r.user_id = u.id) as roles,
       (select group_concat(team_id) from team_managers m where m.user_id = u.id) as manages
     from users u where u.scim_deleted_at is null`,
  ).all() as { id: string; email: string; name: string; teamId: string | null; locale: "fr" | "en" | null; roles: string | null; manages: string | null }[];
  const byEmail = new Map<string, Existing>();
  for (const r of rows) {
    byEmail.set(r.email, {
      id: r.id,
      name: r.name,
      teamId: r.teamId,
      locale: r.locale,
      roles: sortRoles((r.roles ?? "").split(",").filter((x): x is Role => (ROLES as readonly string[]).includes(x))),
      manages: sortNames(
        (r.manages ?? "")
          .split(",")
          .filter(Boolean)
          .map((id) => teamNameById.get(id) ?? id),
      ),
    });
  }
  return { byEmail, teamByKey, teamNameById };
}

/**
 * Reads a file and compares it with the database: the preview. Writes nothing but the upload, kept
 * for the apply step. `actor` may not remove their own admin role.
 */
export async function planImport(bytes: Uint8Array, fileName: string, actor: { email: string }): Promise<ImportPlan> {
  const text = decode(bytes);
  const fileId = createHash("sha256").update(bytes).digest("hex");
  const { byEmail, teamByKey, teamNameById } = loadExisting();
  const plan: ImportPlan = {
    fileId,
    fileName: fileName.slice(0, 200),
    lines: 0,
    creates: [],
    changes: [],
    refused: [],
    unchanged: 0,
    newTeams: [],
    ignoredColumns: [],
  };
  const newTeams = new Map<string, string>();
  const seen = new Map<string, number>();
  let columns: (ImportColumn | null)[] | null = null;

  const teamKnown = (name: string) => teamByKey.has(name.toLowerCase()) || newTeams.has(name.toLowerCase());
  const noteTeam = (name: string) => {
    if (!teamKnown(name)) newTeams.set(name.toLowerCase(), name);
  };

  await readRecords(text, (cells, line) => {
    if (!columns) {
      const header = cells.map((c) => c.trim().toLowerCase().replace(/\s+/g, "_"));
      const unknown = header.filter((h) => h && !(IMPORT_COLUMNS as readonly string[]).includes(h) && !(EXPORT_ONLY_COLUMNS as readonly string[]).includes(h));
      if (!header.includes("email")) throw new CsvFileError("noEmailColumn", { columns: IMPORT_COLUMNS.join(", ") });
      if (unknown.length)
        throw new CsvFileError("unknownColumns", { columns: unknown.slice(0, 5).join(", ").slice(0, 200), expected: EXPORT_COLUMNS.join(", ") });
      const duplicate = header.find((h, i) => h && header.indexOf(h) !== i);
      if (duplicate) throw new CsvFileError("duplicateColumn", { column: duplicate });
      columns = header.map((h) => ((IMPORT_COLUMNS as readonly string[]).includes(h) ? (h as ImportColumn) : null));
      plan.ignoredColumns = header.filter((h) => (EXPORT_ONLY_COLUMNS as readonly string[]).includes(h));
      return;
    }
    plan.lines++;
    if (plan.lines > CSV_MAX_LINES) throw new CsvFileError("tooManyLines", { max: CSV_MAX_LINES });
    const byColumn: Partial<Record<ImportColumn, string>> = {};
    columns.forEach((column, i) => {
      if (column) byColumn[column] = cells[i] ?? "";
    });
    const refuse = (problems: LineProblem[], email = byColumn.email ?? "") => plan.refused.push({ line, email: email.trim().slice(0, 254), problems });
    if (cells.length !== columns.length) return refuse([{ key: "columnCount", params: { expected: columns.length, found: cells.length } }]);
    const checked = checkLine(byColumn);
    if (!checked.ok) return refuse(checked.problems);
    const entry = checked.line;
    const first = seen.get(entry.email);
    if (first !== undefined) return refuse([{ key: "duplicateEmail", params: { line: first } }]);
    seen.set(entry.email, line);
    const existing = byEmail.get(entry.email);
    const roles = entry.roles ?? existing?.roles ?? ["employee"];
    const manages = entry.manages ?? existing?.manages ?? [];
    const problems: LineProblem[] = [];
    if (manages.length && !roles.includes("manager")) problems.push({ key: "managerWithoutRole" });
    if (entry.email === actor.email.toLowerCase() && !roles.includes("admin")) problems.push({ key: "ownAdminRole" });
    if (!existing && !entry.name) problems.push({ key: "nameMissing" });
    if (problems.length) return refuse(problems);
    if (entry.team) noteTeam(entry.team);
    for (const t of entry.manages ?? []) noteTeam(t);
    if (!existing) {
      plan.creates.push({
        line,
        email: entry.email,
        name: entry.name!,
        team: entry.team ?? null,
        roles: entry.roles?.length ? entry.roles : ["employee"],
        manages: entry.manages ?? [],
        language: entry.language ?? null,
      });
      return;
    }
    const changes: FieldChange[] = [];
    if (entry.name !== undefined && entry.name !== existing.name) changes.push({ field: "name", from: existing.name, to: entry.name });
    if (entry.team !== undefined) {
      const current = existing.teamId ? (teamNameById.get(existing.teamId) ?? "") : "";
      if ((entry.team ?? "").toLowerCase() !== current.toLowerCase()) changes.push({ field: "team", from: current, to: entry.team ?? "" });
    }
    if (entry.roles !== undefined && entry.roles.join("|") !== existing.roles.join("|"))
      changes.push({ field: "roles", from: existing.roles.join("|"), to: entry.roles.join("|") });
    if (entry.manages !== undefined) {
      const to = sortNames(entry.manages);
      if (to.map((n) => n.toLowerCase()).join("|") !== existing.manages.map((n) => n.toLowerCase()).join("|"))
        changes.push({ field: "manager", from: existing.manages.join("|"), to: to.join("|") });
    }
    if (entry.language !== undefined && entry.language !== existing.locale)
      changes.push({ field: "language", from: existing.locale ?? "", to: entry.language ?? "" });
    if (changes.length) plan.changes.push({ line, email: entry.email, userId: existing.id, changes, next: entry });
    else plan.unchanged++;
  });
  if (!columns) throw new CsvFileError("empty");
  plan.newTeams = [...newTeams.values()];
  fs.mkdirSync(importsDir(), { recursive: true });
  removeOldUploads();
  fs.writeFileSync(path.join(importsDir(), `${fileId}.csv`), bytes, { mode: 0o600 });
  return plan;
}

function removeOldUploads(now = Date.now()) {
  for (const file of fs.readdirSync(importsDir())) {
    const full = path.join(importsDir(), file);
    if (now - fs.statSync(full).mtimeMs > 24 * 60 * 60 * 1000) fs.rmSync(full, { force: true });
  }
}

/** The upload kept by the preview, by its id; null when it is gone (applied, or older than a day). */
export function readUpload(fileId: string): Uint8Array | null {
  if (!/^[a-f0-9]{64}$/.test(fileId)) return null;
  const file = path.join(importsDir(), `${fileId}.csv`);
  return fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : null;
}

/**
 * Applies a file previewed earlier: planned again against the database as it is now, refused whole
 * when any line is, then written in ONE transaction with an audit row per change (source: the file).
 */
export async function applyImport(actor: { id: string; email: string }, fileId: string, fileName: string): Promise<ImportPlan> {
  const bytes = readUpload(fileId);
  if (!bytes) throw new CsvFileError("uploadGone", {}, 410);
  const plan = await planImport(bytes, fileName, actor);
  if (plan.refused.length) return plan;
  const source: AuditSource = { kind: "csv", file: plan.fileName };
  const db = getDb();
  db.transaction((tx) => {
    const teamIds = new Map(
      tx
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .all()
        .map((t) => [t.name.toLowerCase(), t.id]),
    );
    for (const name of plan.newTeams) {
      const id = newId();
      tx.insert(teams).values({ id, name }).run();
      teamIds.set(name.toLowerCase(), id);
      recordAudit(tx, { actorId: actor.id, action: "team.created", subjectType: "team", subjectId: id, toState: name, data: { source } });
    }
    const teamId = (name: string | null | undefined) => (name ? teamIds.get(name.toLowerCase())! : null);
    const setManaged = (userId: string, names: string[]) => {
      tx.delete(teamManagers).where(eq(teamManagers.userId, userId)).run();
      const ids = [...new Set(names.map((n) => teamId(n)!))];
      if (ids.length)
        tx.insert(teamManagers)
          .values(ids.map((id) => ({ teamId: id, userId })))
          .run();
    };
    // New people in chunks of 500 rows per statement: a 50,000-line file is a few hundred statements, not 150,000.
    for (let start = 0; start < plan.creates.length; start += 500) {
      const chunk = plan.creates.slice(start, start + 500).map((c) => ({ ...c, id: newId() }));
      tx.insert(users)
        .values(chunk.map((c) => ({ id: c.id, email: c.email, name: c.name, teamId: teamId(c.team), locale: c.language, passwordHash: null })))
        .run();
      tx.insert(userRoles)
        .values(chunk.flatMap((c) => c.roles.map((role) => ({ userId: c.id, role }))))
        .run();
      tx.insert(auditLog)
        .values(
          chunk.map((c) => ({
            actorId: actor.id,
            action: "person.imported" satisfies AuditAction,
            subjectType: "user",
            subjectId: c.id,
            toState: "created",
            data: { source, line: c.line, teamId: teamId(c.team), roles: c.roles },
          })),
        )
        .run();
      for (const c of chunk) if (c.manages.length) setManaged(c.id, c.manages);
    }
    for (const change of plan.changes) {
      const next = change.next;
      const set: Partial<typeof users.$inferInsert> = {};
      for (const c of change.changes) {
        if (c.field === "name") set.name = next.name!;
        if (c.field === "team") set.teamId = teamId(next.team);
        if (c.field === "language") set.locale = next.language ?? null;
        if (c.field === "roles") {
          tx.delete(userRoles).where(eq(userRoles.userId, change.userId)).run();
          if (next.roles!.length)
            tx.insert(userRoles)
              .values(next.roles!.map((role) => ({ userId: change.userId, role })))
              .run();
        }
        if (c.field === "manager") setManaged(change.userId, next.manages!);
      }
      if (Object.keys(set).length) tx.update(users).set(set).where(eq(users.id, change.userId)).run();
      recordAudit(tx, {
        actorId: actor.id,
        action: "person.updated",
        subjectType: "user",
        subjectId: change.userId,
        fromState: JSON.stringify(Object.fromEntries(change.changes.map((c) => [c.field, c.from]))),
        toState: JSON.stringify(Object.fromEntries(change.changes.map((c) => [c.field, c.to]))),
        data: { source, line: change.line },
      });
    }
  });
  fs.rmSync(path.join(importsDir(), `${fileId}.csv`), { force: true });
  return plan;
}

// ─────────────────────────────── Export ───────────────────────────────

type ExportRow = {
  email: string;
  name: string;
  team: string | null;
  roles: string | null;
  manages: string | null;
  locale: string | null;
  level: Level | null;
  completed: string | null;
  status: string | null;
  validUntil: number | null;
};

const EXPORT_SQL = `
select u.email, u.name, t.name as team,
  (select group_concat(role) from user_roles r where r.user_id = u.id) as roles,
  (select group_concat(mt.name, char(31)) from team_managers m join teams mt on mt.id = m.team_id where m.user_id = u.id) as manages,
  u.locale, p.level,
  (select group_concat(module_id) from module_progress mp where mp.user_id = u.id and mp.status = 'completed') as completed,
  a.status, a.valid_until as validUntil
from users u
left join teams t on t.id = u.team_id
left join placements p on p.user_id = u.id and p.is_current = 1
left join accreditations a on a.id = (select x.id from accreditations x where x.user_id = u.id order by x.requested_at desc limit 1)
where u.scim_deleted_at is null and u.email > ?
order by u.email
limit 1000`;

/**
 * Everyone as CSV (UTF-8 with a BOM, for spreadsheets), streamed from the database row by row: the
 * import's columns, then level, track progress (completed/total modules of their track),
 * accreditation status and expiry (YYYY-MM-DD) of their latest accreditation.
 */
export async function exportPeopleCsv(): Promise<ReadableStream<Uint8Array>> {
  const library = await loadContentLibrary();
  const trackModules = new Map<Level, Set<string>>(
    LEVELS.map((level) => [level, new Set(library.tracks ? trackOrder(library.tracks, level).map((m) => m.id) : [])]),
  );
  // Pages of 1,000 by email, not one open cursor: the connection stays free for other requests between pages.
  function* rows(): Generator<ExportRow> {
    let after = "";
    for (;;) {
      const page = prepared(EXPORT_SQL).all(after) as ExportRow[];
      yield* page;
      if (page.length < 1000) return;
      after = page[page.length - 1]!.email;
    }
  }
  function* lines() {
    for (const r of rows()) {
      const track = r.level ? trackModules.get(r.level)! : null;
      const done = track ? (r.completed ?? "").split(",").filter((id) => track.has(id)).length : 0;
      yield [
        r.email,
        r.name,
        r.team ?? "",
        sortRoles((r.roles ?? "").split(",").filter((x): x is Role => (ROLES as readonly string[]).includes(x))).join("|"),
        sortNames((r.manages ?? "").split("\u001f").filter(Boolean)).join("|"),
        r.locale ?? "",
        r.level ?? "",
        track ? `${done}/${track.size}` : "",
        r.status ?? "",
        r.validUntil ? isoDay(r.validUntil) : "",
      ];
    }
  }
  const csv = Readable.from(lines()).pipe(stringify({ header: true, columns: [...EXPORT_COLUMNS], bom: true }));
  return Readable.toWeb(csv) as ReadableStream<Uint8Array>;
}
