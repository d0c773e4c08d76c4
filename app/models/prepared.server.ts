/**
 * Prepared statements for the hot paths (the posting gate, token checks), kept per connection so that
 * each SQL text is compiled once. Everything else goes through drizzle's query builder.
 */
import type Database from "better-sqlite3";
import { getDb, type Db } from "../../db/connection";

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(sql: string): Database.Statement {
  const client = getDb().$client;
  let statements = cache.get(client);
  if (!statements) {
    statements = new Map();
    cache.set(client, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = client.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
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
