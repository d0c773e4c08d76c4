import { sql } from "drizzle-orm";
import { getDb } from "../../db/connection";

export function pingDatabase(): boolean {
  return getDb().get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
}
