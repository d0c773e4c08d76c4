import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "../../../db/connection";
import { UsageError, type CliCommand } from "../args";

/**
 * An online, consistent copy of the database while the app keeps serving: SQLite's online backup
 * API (better-sqlite3's `db.backup`). It copies every page in one step, inside one read transaction,
 * so the copy is the database as it was at one instant even while the server writes (WAL: readers do
 * not block the writer). It writes to a temporary file beside the target, checks it, then renames it:
 * a failed backup never leaves a half-written file, and `--force` replaces an old backup only with a
 * good one. Restoring is described in the README ("Backups").
 */
export const backupCommand: CliCommand = {
  name: ["backup"],
  usage: "backup <file> [--force]",
  summary: "copy the live database to <file> (online, consistent)",
  async run(args) {
    let force = false;
    const files: string[] = [];
    for (const arg of args) {
      if (arg === "--force") force = true;
      else if (arg.startsWith("-")) throw new UsageError(`Unknown option: ${arg}`);
      else files.push(arg);
    }
    if (files.length === 0) throw new UsageError("Give the file to write the backup to.");
    if (files.length > 1) throw new UsageError(`One backup file at a time (got ${files.length}: ${files.join(", ")}).`);

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
    const db = new Database(source, { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 5000");
      // Returning the pages left copies them all in one step: no restart when the server writes meanwhile.
      const { totalPages } = await db.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) });
      const copy = new Database(partial, { fileMustExist: true });
      try {
        const check = copy.pragma("quick_check", { simple: true });
        if (check !== "ok") throw new Error(`the copy failed its check: ${String(check)}`);
        // A single self-contained file: no -wal to carry along.
        copy.pragma("journal_mode = DELETE");
      } finally {
        copy.close();
      }
      fs.renameSync(partial, target);
      const size = fs.statSync(target).size;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.info(`Backup written: ${target} (${(size / 1024 / 1024).toFixed(1)} MB, ${totalPages} pages, ${seconds} s).`);
      return 0;
    } catch (error) {
      for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(f, { force: true });
      console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    } finally {
      db.close();
    }
  },
};
