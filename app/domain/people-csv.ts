/**
 * The people CSV file: its columns, and the check of one line (pure, no I/O). The model
 * (app/models/people-csv.server.ts) reads the file, compares with the database and applies.
 */
import { ROLES, type Role } from "./roles";

/** Columns an import reads; all but `email` may be left out (then that attribute is not touched). */
export const IMPORT_COLUMNS = ["email", "name", "team", "roles", "manager", "language"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** Columns an export adds; an import accepts and ignores them, so that an export can be imported back. */
export const EXPORT_ONLY_COLUMNS = ["level", "track_progress", "accreditation_status", "accreditation_expiry"] as const;
export const EXPORT_COLUMNS = [...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS] as const;

/** Upload limit (a 50,000-line file is about 5 MB) and line limit. */
export const CSV_MAX_BYTES = 16 * 1024 * 1024;
export const CSV_MAX_LINES = 100_000;

/** A problem with one line, as an i18n key of `peopleCsv.problems.*` and its parameters. */
export type LineProblem = { key: string; params?: Record<string, string | number> };

export type CheckedLine = {
  email: string;
  name?: string;
  /** Team name, or null for "no team"; undefined when the column is absent. */
  team?: string | null;
  roles?: Role[];
  /** Names of the teams the person manages. */
  manages?: string[];
  language?: "fr" | "en" | null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Several values in one cell: `employee|manager`, `employee, manager`; team names only with `|` (they may hold commas). */
export function splitList(value: string, separators: RegExp = /[|,;]/): string[] {
  return value
    .split(separators)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Checks one line's cells (by column name). Returns the line or its problems; never throws. */
export function checkLine(cells: Partial<Record<ImportColumn, string>>): { ok: true; line: CheckedLine } | { ok: false; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const email = (cells.email ?? "").trim().toLowerCase();
  if (!email) problems.push({ key: "emailMissing" });
  else if (!EMAIL.test(email) || email.length > 254) problems.push({ key: "emailInvalid", params: { value: email.slice(0, 80) } });
  const line: CheckedLine = { email };
  if (cells.name !== undefined) {
    const name = cells.name.trim();
    if (name.length > 120) problems.push({ key: "nameTooLong" });
    if (name) line.name = name;
  }
  if (cells.team !== undefined) {
    const team = cells.team.trim();
    if (team.length > 120) problems.push({ key: "teamTooLong" });
    line.team = team || null;
  }
  if (cells.roles !== undefined) {
    const roles: Role[] = [];
    for (const raw of splitList(cells.roles.toLowerCase())) {
      if ((ROLES as readonly string[]).includes(raw)) roles.push(raw as Role);
      else problems.push({ key: "roleUnknown", params: { value: raw.slice(0, 40), roles: ROLES.join(", ") } });
    }
    line.roles = [...new Set(roles)].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  }
  if (cells.manager !== undefined) {
    line.manages = [...new Set(splitList(cells.manager, /\|/))];
    if (line.manages.some((t) => t.length > 120)) problems.push({ key: "teamTooLong" });
  }
  if (cells.language !== undefined) {
    const language = cells.language.trim().toLowerCase().slice(0, 2);
    if (language && language !== "fr" && language !== "en") problems.push({ key: "languageUnknown", params: { value: cells.language.trim().slice(0, 20) } });
    else line.language = language ? (language as "fr" | "en") : null;
  }
  if (line.manages?.length && line.roles && !line.roles.includes("manager")) problems.push({ key: "managerWithoutRole" });
  return problems.length ? { ok: false, problems } : { ok: true, line };
}

/** The delimiter of a file, read from its header line: the one of `;` and `,` that appears more often. */
export function detectDelimiter(headerLine: string): ";" | "," {
  const count = (ch: string) => headerLine.split(ch).length - 1;
  return count(";") > count(",") ? ";" : ",";
}
