/**
 * Verifiable credentials for accreditations granted without one (demo data inserted directly, or
 * granted before credentials existed). Idempotent; called from seedDemo (db/seed.ts) after the
 * accreditation demo data, so that the demo ambassador's /verify page exists from the first start.
 */
import { and, inArray, isNotNull, isNull, eq } from "drizzle-orm";
import { issueCredential } from "../app/models/credential.server";
import type { Db } from "./connection";
import { accreditations, credentials } from "./schema";

export function seedDemoCredentials(db: Db, now = new Date()): number {
  return db.transaction((tx) => {
    const missing = tx
      .select({ id: accreditations.id, grantedAt: accreditations.grantedAt })
      .from(accreditations)
      .leftJoin(credentials, eq(credentials.accreditationId, accreditations.id))
      .where(
        and(
          inArray(accreditations.status, ["granted", "renewal_requested", "suspended"]),
          isNotNull(accreditations.grantedAt),
          isNotNull(accreditations.validUntil),
          isNull(credentials.id),
        ),
      )
      .all();
    for (const row of missing) issueCredential(tx, row.id, row.grantedAt ?? now);
    return missing.length;
  });
}
