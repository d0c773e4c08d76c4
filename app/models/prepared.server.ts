/**
 * Prepared statements for the hot paths (the posting gate, token checks), kept per connection so that
 * each SQL text is compiled once. Everything else goes through drizzle's query builder.
 */
import type Database from "better-sqlite3";
import { getDb } from "../../db/connection";

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
