import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "../../../db/connection";
import { mediaDir } from "../../models/media.server";
import { issuerKeyFile } from "../../utils/issuer-key.server";
import { appSecretFile } from "../../utils/secret.server";
import { parseCli, UsageError, type CliCommand } from "../args";
import { BACKUP, checkBackupFolder, sha256File, type ManifestFile } from "../backup-folder";
import { migrationJournal } from "./backup";

/**
 * Puts a `backup --all` folder back: database, signing key, cookie secret and images, where this
 * environment keeps them (DATABASE_PATH, ISSUER_KEY_FILE). The whole folder is checked against its
 * manifest before anything is written; every file is then copied beside its destination under a
 * temporary name, checked again, and only when all are ready renamed into place. ADR 0014.
 */
export const restoreCommand: CliCommand = {
  name: ["restore"],
  usage: "restore <folder> [--force]",
  summary: "put a `backup --all` folder back (server stopped); --force replaces existing data",
  async run(args) {
    const { values, positionals: folders } = parseCli(args, { force: { type: "boolean" } }, true);
    const force = values.force === true;
    if (folders.length === 0) throw new UsageError("Give the backup folder to restore from.");
    if (folders.length > 1) throw new UsageError(`One backup folder at a time (got ${folders.length}: ${folders.join(", ")}).`);

    const folder = path.resolve(folders[0]!);
    if (!fs.existsSync(folder)) {
      console.error(`${folder} does not exist.`);
      return 1;
    }
    if (!fs.statSync(folder).isDirectory()) {
      console.error(`${folder} is a file, not a backup folder. A database-only backup (backup <file>) is restored by hand: see README › Backups.`);
      return 1;
    }
    const check = checkBackupFolder(folder);
    if (!check.ok) {
      console.error(`The backup in ${folder} is damaged or incomplete; nothing was restored:\n${check.problems.map((p) => `  - ${p}`).join("\n")}`);
      return 1;
    }
    const { manifest } = check;
    const journal = migrationJournal();
    if (manifest.migration && !journal.some((entry) => entry.tag === manifest.migration)) {
      console.error(
        `The backup's database is at migration ${manifest.migration}, which this version of Ambassade does not know: restore it with the version that wrote it (${manifest.appVersion}) or a later one.`,
      );
      return 1;
    }

    const database = databasePath();
    const destination = (entry: ManifestFile): string => {
      if (entry.path === BACKUP.database) return database;
      if (entry.path === BACKUP.issuerKey) return issuerKeyFile();
      if (entry.path === BACKUP.secret) return appSecretFile();
      return path.join(mediaDir(), path.basename(entry.path));
    };

    // Images are named by their content: one already there is the same image, never a conflict.
    const replaced = manifest.files
      .filter((f) => !f.path.startsWith(`${BACKUP.media}/`))
      .map(destination)
      .filter((file) => fs.existsSync(file));
    if (replaced.length && !force) {
      console.error(
        `These files exist and would be replaced:\n${replaced.map((f) => `  - ${f}`).join("\n")}\nAdd --force to replace them (take a backup first if you may want them back).`,
      );
      return 1;
    }
    // Checked only once the database is to be replaced: the check itself rewrites its header (see below).
    if (fs.existsSync(database) && databaseInUse(database)) {
      console.error(`${database} is open in another process (is the server running?): stop it, then restore.`);
      return 1;
    }

    // Stage: each file copied beside its destination (same filesystem, so the rename is atomic) and checked.
    const staged: { temporary: string; target: string }[] = [];
    try {
      for (const entry of manifest.files) {
        const target = destination(entry);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const temporary = `${target}.restore-${process.pid}`;
        staged.push({ temporary, target });
        const secret = entry.path === BACKUP.issuerKey || entry.path === BACKUP.secret;
        fs.copyFileSync(path.join(folder, entry.path), temporary, fs.constants.COPYFILE_EXCL);
        if (secret) fs.chmodSync(temporary, 0o600);
        if (sha256File(temporary) !== entry.sha256) throw new Error(`the copy of ${entry.path} at ${temporary} does not match the backup`);
      }
    } catch (error) {
      for (const { temporary } of staged) fs.rmSync(temporary, { force: true });
      console.error(`Restore failed, nothing was replaced: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }

    // Put in place: the database last. Its old write-ahead log goes first: left beside the restored
    // file, SQLite would replay the old database's pages into it.
    staged.sort((a, b) => Number(a.target === database) - Number(b.target === database));
    const placed: string[] = [];
    try {
      for (const { temporary, target } of staged) {
        if (target === database) for (const side of [`${database}-wal`, `${database}-shm`, `${database}-journal`]) fs.rmSync(side, { force: true });
        fs.renameSync(temporary, target);
        placed.push(target);
      }
    } catch (error) {
      // Rare (renames within one folder), and not undoable: say exactly what is where.
      for (const { temporary } of staged) fs.rmSync(temporary, { force: true });
      console.error(
        `Restore failed while putting files in place: ${error instanceof Error ? error.message : String(error)}\nAlready replaced: ${placed.join(", ") || "nothing"}. Run the restore again once the cause is fixed.`,
      );
      return 1;
    }

    const images = manifest.files.filter((f) => f.path.startsWith(`${BACKUP.media}/`)).length;
    console.info(
      `Restored from ${folder} (taken ${manifest.createdAt}, database at ${manifest.migration ?? "no migration"}): ${database}, ${manifest.issuerKey === "file" ? "signing key" : "no signing key"}, ${manifest.secret === "file" ? "secret" : "no secret file"}, ${images} image${images === 1 ? "" : "s"}.`,
    );
    if (manifest.issuerKey === "missing")
      console.info("The backup holds no signing key (none had been created when it was taken): a new one is created on first use.");
    if (manifest.secret === "APP_SECRET")
      console.info("The cookie secret was APP_SECRET when the backup was taken: start the server with the same APP_SECRET, or everyone signs in again.");
    else if (manifest.secret === "file" && process.env.APP_SECRET)
      console.info(`APP_SECRET is set here and wins over the restored ${appSecretFile()}: unset it to use the restored secret.`);
    console.info("Start the server: it applies any newer migrations.");
    return 0;
  },
};

/**
 * Whether another process has the database open. A running server keeps a WAL-mode connection,
 * which holds a shared lock on the -shm file for as long as it is open; leaving WAL mode needs that
 * no other connection exists, so SQLite refuses (SQLITE_BUSY) while one does. When nobody has it
 * open the switch succeeds and folds any leftover WAL into the file, which is replaced next anyway.
 * Limits: it sees processes on this machine only (locks are not reliable on network filesystems),
 * and a server started after this check is not stopped.
 */
function databaseInUse(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma("journal_mode = DELETE");
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Anything else (not a database, unreadable) is not a running server: the file is replaced.
    return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
  } finally {
    db?.close();
  }
}
