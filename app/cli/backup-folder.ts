/**
 * What `backup --all` writes and `restore` reads: a folder holding the database copy, the credential
 * signing key, the cookie secret and the uploaded images, with a manifest that lists every file's size
 * and sha256. Both commands check a folder against its manifest with the same function, so a backup
 * is checked once when written and again before anything is restored from it.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { MEDIA_FILE } from "../domain/media";

/** Fixed names inside the folder, whatever the files are called where they live (ISSUER_KEY_FILE may be anything). */
export const BACKUP = { manifest: "manifest.json", database: "database.db", issuerKey: "issuer-ed25519.pem", secret: "app-secret", media: "media" } as const;

const FILE_PATH = new RegExp(`^(${BACKUP.database}|${BACKUP.issuerKey}|${BACKUP.secret}|${BACKUP.media}/[0-9a-f]{64}\\.(png|jpg|webp|gif))$`);

const manifestSchema = z.object({
  format: z.literal("ambassade-backup"),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  sqliteVersion: z.string(),
  /** The last migration applied to the database copy (drizzle's journal tag), null when it has none. */
  migration: z.string().nullable(),
  /** Where the cookie secret came from: the file (in the backup), APP_SECRET (not in it), or nowhere yet. */
  secret: z.enum(["file", "APP_SECRET", "missing"]),
  issuerKey: z.enum(["file", "missing"]),
  files: z.array(z.object({ path: z.string().regex(FILE_PATH), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = Manifest["files"][number];

/** sha256 of a file, read in chunks: a database may be larger than we want in memory. */
export function sha256File(file: string): string {
  const hash = createHash("sha256");
  const buffer = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, "r");
  try {
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

export function describeFile(folder: string, relative: string): ManifestFile {
  const file = path.join(folder, relative);
  return { path: relative, size: fs.statSync(file).size, sha256: sha256File(file) };
}

/**
 * The online copy of the live database (SQLite's backup API), checked with quick_check and made a
 * single self-contained file. Throws on failure; the caller removes `target` and its side files.
 */
export async function copyDatabase(source: string, target: string): Promise<{ totalPages: number }> {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // Returning the pages left copies them all in one step: no restart when the server writes meanwhile.
    const { totalPages } = await db.backup(target, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) });
    const copy = new Database(target, { fileMustExist: true });
    try {
      const check = copy.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new Error(`the copy failed its check: ${String(check)}`);
      // A single self-contained file: no -wal to carry along.
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    return { totalPages };
  } finally {
    db.close();
  }
}

/** The tag of the last migration applied to a database file (drizzle records each one's journal `when`). */
export function lastMigration(file: string, journal: readonly { when: number; tag: string }[]): string | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!table) return null;
    const row = db.prepare("select created_at as createdAt from __drizzle_migrations order by created_at desc limit 1").get() as
      { createdAt: number } | undefined;
    if (!row) return null;
    return journal.find((entry) => entry.when === Number(row.createdAt))?.tag ?? `unknown (${row.createdAt})`;
  } finally {
    db.close();
  }
}

/** The media store's files worth keeping: stored images, not the `.tmp` of an upload in progress. */
export function mediaFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => MEDIA_FILE.test(name))
    .sort();
}

/**
 * Reads a backup folder's manifest and checks every file it lists (present, same size, same sha256).
 * Returns the manifest, or the problems found; never throws for a damaged folder.
 */
export function checkBackupFolder(folder: string): { ok: true; manifest: Manifest } | { ok: false; problems: string[] } {
  const manifestFile = path.join(folder, BACKUP.manifest);
  if (!fs.existsSync(manifestFile)) return { ok: false, problems: [`no ${BACKUP.manifest}: not a folder written by \`backup --all\``] };
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  } catch (error) {
    return { ok: false, problems: [`${BACKUP.manifest} is not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((issue) => `${BACKUP.manifest}: ${issue.path.join(".") || "(root)"}: ${issue.message}`) };
  const manifest = parsed.data;

  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  if (!listed.has(BACKUP.database)) problems.push(`${BACKUP.manifest} lists no ${BACKUP.database}`);
  if ((manifest.issuerKey === "file") !== listed.has(BACKUP.issuerKey))
    problems.push(`${BACKUP.manifest}: issuerKey says "${manifest.issuerKey}" but ${BACKUP.issuerKey} is ${listed.has(BACKUP.issuerKey) ? "" : "not "}listed`);
  if ((manifest.secret === "file") !== listed.has(BACKUP.secret))
    problems.push(`${BACKUP.manifest}: secret says "${manifest.secret}" but ${BACKUP.secret} is ${listed.has(BACKUP.secret) ? "" : "not "}listed`);
  for (const entry of manifest.files) {
    const file = path.join(folder, entry.path);
    if (!fs.existsSync(file)) problems.push(`${entry.path} is missing`);
    else if (fs.statSync(file).size !== entry.size) problems.push(`${entry.path} has ${fs.statSync(file).size} bytes, the manifest says ${entry.size}`);
    else if (sha256File(file) !== entry.sha256) problems.push(`${entry.path} does not match its sha256 in the manifest`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, manifest };
}
