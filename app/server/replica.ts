/**
 * The live replica (ADR 0025): with REPLICA_URL set, `npm start` runs the server under Litestream
 * (`litestream replicate -exec …`), which copies every commit of the database to the replica within
 * about a second, and, when the server exits (even killed), ships what is left of the write-ahead log
 * before it exits itself. The binary comes from the npm package @flydotio/litestream.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Set in the server's environment once it runs under Litestream. */
export const UNDER_REPLICA = "AMBASSADE_UNDER_REPLICA";
/** The pid of the `npm start` process that started Litestream, for the server to watch. */
export const LAUNCHER_PID = "AMBASSADE_LAUNCHER_PID";

/**
 * Under Litestream, calls `stop` once the `npm start` process that launched it is gone (killed without
 * a chance to pass the signal on): the server drains and exits, then Litestream ships the rest and exits.
 */
export function stopWithLauncher(stop: () => void): void {
  const launcher = Number(process.env[LAUNCHER_PID]);
  if (!launcher) return;
  const timer = setInterval(() => {
    try {
      process.kill(launcher, 0);
    } catch {
      clearInterval(timer);
      stop();
    }
  }, 1_000);
  timer.unref();
}

const REMOTE = /^(s3|gcs|abs|sftp|file|webdav):\/\//i;

/** REPLICA_URL as Litestream reads it: a folder becomes a file:// URL; s3://, gcs://, abs://, sftp:// pass. */
export function replicaTarget(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new Error("REPLICA_URL is empty: set it to a folder (e.g. /var/backups/ambassade-replica) or an S3 URL (s3://bucket/path).");
  if (REMOTE.test(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed))
    throw new Error(`REPLICA_URL: Litestream does not replicate to "${trimmed.split("://")[0]}://"; use a folder, s3://, gcs://, abs:// or sftp://.`);
  return pathToFileURL(path.resolve(trimmed)).href;
}

/** The Litestream binary shipped by @flydotio/litestream for this platform. */
export function litestreamBinary(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve(`@flydotio/litestream-${process.platform}-${process.arch}/litestream`);
  } catch {
    throw new Error(
      `REPLICA_URL is set, but @flydotio/litestream has no Litestream binary for ${process.platform}-${process.arch}: install Litestream and run it beside Ambassade yourself (https://litestream.io).`,
    );
  }
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs this same command (node, its flags, the entry script) under `litestream replicate -exec`, and
 * resolves with its exit code. SIGTERM and SIGINT are passed to Litestream, which passes them on to
 * the server and exits once the server has drained and the replica is up to date.
 */
export function runUnderReplica(databaseFile: string, replicaUrl: string): Promise<number> {
  const command = [process.execPath, ...process.execArgv, ...process.argv.slice(1)].map(shellQuote).join(" ");
  const child = spawn(litestreamBinary(), ["replicate", "-exec", command, databaseFile, replicaTarget(replicaUrl)], {
    stdio: "inherit",
    env: { ...process.env, [UNDER_REPLICA]: "1", [LAUNCHER_PID]: String(process.pid) },
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
