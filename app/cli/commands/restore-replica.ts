import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "../../../db/connection";
import { litestreamBinary, replicaTarget } from "../../server/replica";
import { UsageError, type CliCommand } from "../args";

/**
 * Rebuilds the database from the live replica (REPLICA_URL, ADR 0025) with Litestream's own restore:
 * the latest snapshot plus every write-ahead-log segment shipped after it. Writes to <target>
 * (default: DATABASE_PATH) only when nothing is there, then checks the file's integrity. The signing
 * key, the cookie secret and the images are not in the database: `backup --all` keeps those.
 */
export const restoreReplicaCommand: CliCommand = {
  name: ["restore-replica"],
  usage: "restore-replica <replica folder or URL> [<target file>]",
  summary: "rebuild the database from the live replica (REPLICA_URL) into <target> (default DATABASE_PATH), which must not exist",
  async run(args) {
    const words = args.filter((a) => !a.startsWith("-"));
    const unknown = args.find((a) => a.startsWith("-"));
    if (unknown) throw new UsageError(`Unknown option: ${unknown}`);
    if (words.length === 0) throw new UsageError("Give the replica: the folder or URL that REPLICA_URL named.");
    if (words.length > 2) throw new UsageError(`One replica and one target at most (got ${words.length} arguments).`);
    const replica = replicaTarget(words[0]!);
    const target = path.resolve(words[1] ?? databasePath());
    for (const file of [target, `${target}-wal`, `${target}-shm`]) {
      if (fs.existsSync(file)) {
        console.error(`${file} exists: restore into a new path (or stop the server and move the old database away first).`);
        return 1;
      }
    }
    if (replica.startsWith("file://") && !fs.existsSync(new URL(replica))) {
      console.error(`No replica at ${new URL(replica).pathname}.`);
      return 1;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const result = spawnSync(litestreamBinary(), ["restore", "-o", target, replica], { stdio: ["ignore", "inherit", "inherit"] });
    if (result.status !== 0) {
      console.error(`Litestream could not restore from ${replica} (exit ${result.status ?? result.signal}).`);
      return 1;
    }
    const db = new Database(target, { readonly: true });
    try {
      const integrity = db.pragma("integrity_check", { simple: true });
      if (integrity !== "ok") {
        console.error(`The restored database failed its integrity check: ${String(integrity)}`);
        return 1;
      }
    } finally {
      db.close();
    }
    console.info(
      `Restored ${target} from ${replica}. Start the server with DATABASE_PATH=${target} (the signing key, secret and images come from your backup --all).`,
    );
  },
};
