import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databasePath(): string {
  return path.resolve(process.env.DATABASE_PATH ?? "./data/ambassade.db");
}

/** Opens a connection with the pragmas every connection needs. Creates the folder if missing. */
export function openDatabase(file = databasePath()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL makes NORMAL durable across application crashes; only an OS crash may lose the last commits.
  sqlite.pragma("synchronous = NORMAL");
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  // Several processes write to this file (the cluster's workers, the CLI). A deferred transaction that
  // reads and then writes fails at once with SQLITE_BUSY when another process committed in between (the
  // busy timeout cannot help: its snapshot is stale). Taking the write lock at BEGIN makes it wait its
  // turn instead (ADR 0025); transactions are short, so the wait is too.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as Db["transaction"];
  return db;
}

/** How many compiled statements a connection keeps (the app's queries are a few hundred SQL texts). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Compiles each SQL text once per connection. Drizzle prepares every query it runs, and SQLite's compile
 * was a measurable share of a page's CPU (ADR 0035). A statement in use by an iteration is not shared (a
 * new one is compiled); raw mode, which drizzle turns on for some queries, is turned off on reuse so a
 * caller that did not ask for it gets objects. The oldest entry is dropped when the cache is full.
 */
function cacheStatements(sqlite: Database.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = statements.get(source);
    if (cached && !cached.busy) {
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = compile(source);
    if (!cached) {
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      statements.set(source, statement);
    }
    return statement;
  }) as Database.Database["prepare"];
}

// One connection per process; kept on globalThis so that it survives module reloads and is shared
// between the server entry (tsx) and the Remix bundle, which each hold their own copy of this module.
const globalForDb = globalThis as unknown as { __ambassadeDb?: Db };

export function getDb(): Db {
  globalForDb.__ambassadeDb ??= openDatabase();
  return globalForDb.__ambassadeDb;
}

export function closeDb(): void {
  globalForDb.__ambassadeDb?.$client.close();
  globalForDb.__ambassadeDb = undefined;
}

/** A transaction handle, for model functions that run inside their caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
