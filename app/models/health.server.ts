import fs from "node:fs";
import path from "node:path";
import { databasePath, getDb } from "../../db/connection";

export type DatabaseHealth = { ok: true } | { ok: false; problem: string };

/** Below this much free space in the data folder, writes are about to fail: said before they do. */
const MIN_FREE_BYTES = 20 * 1024 * 1024;

/** SQLite result codes that mean "the database cannot take writes now", not a bug in the request. */
const STORAGE_CODES = /^SQLITE_(READONLY|CANTOPEN|FULL|IOERR|BUSY|LOCKED|CORRUPT|NOTADB|PERM)/;

/** Whether an error is the storage refusing (read-only, full, locked, unreadable) rather than a bug. */
export function isStorageUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && STORAGE_CODES.test(code);
}

/**
 * What /healthz reports: the database answers a read, takes a write (made in a transaction that is
 * rolled back, so nothing changes), and its folder has room. Says which of these fails.
 */
export function checkDatabase(): DatabaseHealth {
  let client;
  try {
    client = getDb().$client;
    client.prepare("select 1").get();
  } catch (error) {
    return { ok: false, problem: `database unreadable (${codeOf(error)})` };
  }
  try {
    client.exec("BEGIN IMMEDIATE");
    try {
      client.prepare("insert into settings (key, value) values ('health.probe', '0') on conflict(key) do update set value = excluded.value").run();
    } finally {
      client.exec("ROLLBACK");
    }
  } catch (error) {
    return {
      ok: false,
      problem: `database not writable (${codeOf(error)}): check the file's and its folder's permissions, the disk, and that no other process holds a lock`,
    };
  }
  try {
    const stats = fs.statfsSync(path.dirname(databasePath()));
    if (stats.bavail * stats.bsize < MIN_FREE_BYTES) return { ok: false, problem: "disk almost full in the data folder" };
  } catch {
    // statfs unsupported here: the write test above stands.
  }
  return { ok: true };
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "error";
}
