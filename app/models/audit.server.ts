import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Tx as DbTx } from "../../db/connection";
import { getDb } from "../../db/connection";
import { auditLog, users } from "../../db/schema";

type Tx = Pick<DbTx, "insert">;

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
};

/**
 * Where a change came from, kept in the audit row's data as `source`: an admin's page, a SCIM
 * provisioning token (by name), a CSV file (by name), single sign-on.
 */
export type AuditSource =
  | { kind: "admin" }
  | { kind: "scim"; tokenId: string; tokenName: string }
  | { kind: "csv"; file: string }
  | { kind: "sso"; provider: string };

/** Writes one append-only audit row; call it inside the transaction that makes the change. */
export function recordAudit(tx: Tx, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      reason: entry.reason ?? null,
      data: entry.data ?? null,
    })
    .run();
}

export type AuditFilter = {
  action?: string;
  /** Actions starting with this text, e.g. "accreditation." */
  actionPrefix?: string;
  /** Rows about this person: their own record, or a record whose data names them (data.userId). */
  personId?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit?: number;
};

export function listAudit(filter: AuditFilter = {}) {
  const where: SQL[] = [];
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.actionPrefix) where.push(sql`substr(${auditLog.action}, 1, ${filter.actionPrefix.length}) = ${filter.actionPrefix}`);
  if (filter.personId) where.push(sql`(${auditLog.subjectId} = ${filter.personId} or json_extract(${auditLog.data}, '$.userId') = ${filter.personId})`);
  if (filter.subjectType) where.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId) where.push(eq(auditLog.subjectId, filter.subjectId));
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lt(auditLog.at, filter.to));
  if (filter.before) where.push(lt(auditLog.id, filter.before));
  return getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      fromState: auditLog.fromState,
      toState: auditLog.toState,
      reason: auditLog.reason,
      actorId: auditLog.actorId,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit ?? 50)
    .all();
}
