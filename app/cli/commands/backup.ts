import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "../../../db/connection";
import { MIGRATIONS_FOLDER } from "../../../db/migrate";
import { mediaDir } from "../../models/media.server";
import { issuerKeyFile } from "../../utils/issuer-key.server";
import { appSecretFile } from "../../utils/secret.server";
import { parseCli, UsageError, type CliCommand } from "../args";
import { BACKUP, checkBackupFolder, copyDatabase, describeFile, lastMigration, mediaFiles, sha256File, type Manifest } from "../backup-folder";

/**
 * An online, consistent copy of the database while the app keeps serving: SQLite's online backup
 * API (better-sqlite3's `db.backup`). It copies every page in one step, inside one read transaction,
 * so the copy is the database as it was at one instant even while the server writes (WAL: readers do
 * not block the writer). It writes to a temporary file beside the target, checks it, then renames it:
 * a failed backup never leaves a half-written file, and `--force` replaces an old backup only with a
 * good one. Restoring is described in the README ("Backups").
 *
 * `--all` writes a folder instead: the same database copy plus what lives beside the database and
 * not in it (signing key, cookie secret, uploaded images) and a manifest; `restore` puts it back.
 * ADR 0014.
 */
export const backupCommand: CliCommand = {
  name: ["backup"],
  usage: "backup <file> [--force] | backup --all <folder> [--force]",
  summary: "copy the live database to <file>; --all: database, signing key, secret and images to <folder>",
  async run(args) {
    const { values, positionals: files } = parseCli(args, { force: { type: "boolean" }, all: { type: "boolean" } }, true);
    const force = values.force === true;
    const all = values.all === true;
    if (files.length === 0) throw new UsageError(all ? "Give the folder to write the backup to." : "Give the file to write the backup to.");
    if (files.length > 1) throw new UsageError(`One backup ${all ? "folder" : "file"} at a time (got ${files.length}: ${files.join(", ")}).`);

    const source = databasePath();
    const target = path.resolve(files[0]!);
    if (!fs.existsSync(source)) {
      console.error(`No database at ${source} (set DATABASE_PATH to the file the server uses).`);
      return 1;
    }
    if (target === source || target === `${source}-wal` || target === `${source}-shm`) {
      console.error(`The backup cannot be written over the database itself (${source}).`);
      return 1;
    }
    if (!fs.existsSync(path.dirname(target)) || !fs.statSync(path.dirname(target)).isDirectory()) {
      console.error(`The folder ${path.dirname(target)} does not exist.`);
      return 1;
    }
    return all ? backupFolder(source, target, force) : backupFile(source, target, force);
  },
};

async function backupFile(source: string, target: string, force: boolean): Promise<number> {
  if (fs.existsSync(target)) {
    if (!force) {
      console.error(`${target} already exists: choose another file, or add --force to replace it.`);
      return 1;
    }
    if (!fs.statSync(target).isFile()) {
      console.error(`${target} is not a file.`);
      return 1;
    }
  }

  const started = performance.now();
  const partial = `${target}.partial-${process.pid}`;
  try {
    const { totalPages } = await copyDatabase(source, partial);
    fs.renameSync(partial, target);
    const size = fs.statSync(target).size;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`Backup written: ${target} (${(size / 1024 / 1024).toFixed(1)} MB, ${totalPages} pages, ${seconds} s).`);
    return 0;
  } catch (error) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(f, { force: true });
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function backupFolder(source: string, target: string, force: boolean): Promise<number> {
  if (fs.existsSync(target)) {
    if (!force) {
      console.error(`${target} already exists: choose another folder, or add --force to replace it.`);
      return 1;
    }
    // --force replaces an earlier backup, never any other folder (it is removed recursively).
    if (!fs.statSync(target).isDirectory() || !fs.existsSync(path.join(target, BACKUP.manifest))) {
      console.error(`${target} is not a backup folder (no ${BACKUP.manifest}): it will not be replaced, even with --force.`);
      return 1;
    }
  }

  const started = performance.now();
  // mkdtemp makes it 0700, and the rename keeps that: the folder holds the signing key and the secret.
  const partial = fs.mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.partial-`));
  const notes: string[] = [];
  try {
    // The database first: every image it names was written before its row was committed, so it is in
    // the store when the images are copied next (a committed image is never deleted, ADR 0014).
    await copyDatabase(source, path.join(partial, BACKUP.database));
    const included = [BACKUP.database as string];

    const keyFile = issuerKeyFile();
    const hasKey = fs.existsSync(keyFile);
    if (hasKey) {
      copyPrivate(keyFile, path.join(partial, BACKUP.issuerKey));
      included.push(BACKUP.issuerKey);
    } else notes.push(`No signing key at ${keyFile}: no credential has been signed yet (it is created on first use).`);

    let secret: Manifest["secret"] = "missing";
    if (process.env.APP_SECRET) {
      secret = "APP_SECRET";
      notes.push("The cookie secret comes from APP_SECRET and is not in the backup: keep it with the backup, and set the same APP_SECRET after a restore.");
    } else if (fs.existsSync(appSecretFile())) {
      secret = "file";
      copyPrivate(appSecretFile(), path.join(partial, BACKUP.secret));
      included.push(BACKUP.secret);
    } else notes.push(`No cookie secret at ${appSecretFile()}: the server has not run yet (it is created on first start).`);

    const images = mediaFiles(mediaDir());
    if (images.length) fs.mkdirSync(path.join(partial, BACKUP.media));
    for (const name of images) {
      const relative = `${BACKUP.media}/${name}`;
      fs.copyFileSync(path.join(mediaDir(), name), path.join(partial, relative));
      // Images are named by their sha256: a mismatch means the store's copy is damaged. Kept as it is, and said.
      if (!name.startsWith(sha256File(path.join(partial, relative))))
        notes.push(`Warning: ${relative} does not match its name (damaged in the media store); copied as it is.`);
      included.push(relative);
    }

    const manifest: Manifest = {
      format: "ambassade-backup",
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      appVersion: appVersion(),
      sqliteVersion: sqliteVersion(),
      migration: lastMigration(path.join(partial, BACKUP.database), migrationJournal()),
      secret,
      issuerKey: hasKey ? "file" : "missing",
      files: included.map((relative) => describeFile(partial, relative)),
    };
    fs.writeFileSync(path.join(partial, BACKUP.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    // Read back what was written, with the check `restore` makes, before it takes the target's name.
    const check = checkBackupFolder(partial);
    if (!check.ok) throw new Error(`the written folder failed its check: ${check.problems.join("; ")}`);

    if (fs.existsSync(target)) {
      // The old backup is moved aside, the new one renamed in, and only then is the old one removed.
      const old = `${partial}.old`;
      fs.renameSync(target, old);
      fs.renameSync(partial, target);
      fs.rmSync(old, { recursive: true, force: true });
    } else fs.renameSync(partial, target);

    const size = manifest.files.reduce((sum, f) => sum + f.size, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    for (const note of notes) console.info(note);
    console.info(
      `Backup written: ${target} (${(size / 1024 / 1024).toFixed(1)} MB: database at ${manifest.migration ?? "no migration"}, ` +
        `${hasKey ? "signing key" : "no signing key"}, ${secret === "file" ? "secret" : "no secret file"}, ${images.length} image${images.length === 1 ? "" : "s"}; ${seconds} s).`,
    );
    return 0;
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Key and secret: readable by the owner only, in the backup as where they live. */
export function copyPrivate(from: string, to: string): void {
  fs.writeFileSync(to, fs.readFileSync(from), { mode: 0o600, flag: "wx" });
  fs.chmodSync(to, 0o600); // the mode given above is filtered by the umask: make it exactly 0600
}

export function migrationJournal(): { when: number; tag: string }[] {
  return (JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { when: number; tag: string }[] }).entries;
}

function sqliteVersion(): string {
  const memory = new Database(":memory:");
  try {
    return (memory.prepare("select sqlite_version() as v").get() as { v: string }).v;
  } finally {
    memory.close();
  }
}

function appVersion(): string {
  return (JSON.parse(fs.readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
