/**
 * Prepared statements for the hot paths (the posting gate, token checks). Everything else goes through
 * drizzle's query builder; the connection compiles each SQL text once either way.
 */
import type Database from "better-sqlite3";
import { getDb, type Db } from "../../db/connection";

/** A statement for hand-written SQL, compiled once per connection (the connection keeps them: db/connection.ts). */
export function prepared(sql: string): Database.Statement {
  return getDb().$client.prepare(sql);
}

/**
 * A drizzle query built and compiled once per connection: `build` receives the connection and returns
 * `query.prepare()` with `sql.placeholder(...)` parameters; call the result to get it. For the
 * queries every page makes, where building the SQL again each time cost more than running it.
 */
export function preparedQuery<T>(build: (db: Db) => T): () => T {
  const byConnection = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let query = byConnection.get(db);
    if (query === undefined) {
      query = build(db);
      byConnection.set(db, query);
    }
    return query;
  };
}
