/**
 * Accreditation requests (by the person) and decisions (by the manager of their team): one function
 * per transition, each in one transaction through `applyTransition` / `openAccreditation` (the state
 * machine, optimistic concurrency, the audit row and the announcement). The facts are in
 * accreditation-facts.server.ts, the pages' views in accreditation-views.server.ts, the time-based jobs
 * in accreditation-jobs.server.ts, the leaver path in leaver.server.ts. See ADR 0006 and 0015.
 */
import { and, desc, eq } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { accreditations, users } from "../../db/schema";
import { REASON_MAX, RULES, STATEMENT_MAX, STATEMENT_MIN, personState, reasonColumns, type AccreditationState, type StateReason } from "~/domain/accreditation";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { eligibilityFor, guardFactsFor } from "./accreditation-facts.server";
import { applyTransition, openAccreditation, type AccreditationRow } from "./accreditation-transition.server";
import { scopeCondition, type TeamScope } from "./accreditation-views.server";

type Row = AccreditationRow;

function latestRowIn(tx: Tx, userId: string): Row | null {
  return (
    tx
      .select()
      .from(accreditations)
      .where(eq(accreditations.userId, userId))
      .orderBy(desc(accreditations.requestedAt), desc(accreditations.updatedAt))
      .limit(1)
      .get() ?? null
  );
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export type RequestInput = { channels: string[]; statement: string };

function checkStatement(statement: string) {
  const length = statement.trim().length;
  if (length < STATEMENT_MIN || length > STATEMENT_MAX) throw new InputError({ statement: "accreditation.errors.statementLength" });
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** A person with nothing open asks for an accreditation. Refused (nothing written) unless eligible, and after a revocation unless the waiting period is over. */
export async function requestAccreditation(userId: string, input: RequestInput, now = new Date()): Promise<string> {
  checkStatement(input.statement);
  const person = await eligibilityFor(userId, now);
  const id = newId();
  try {
    getDb().transaction((tx) => {
      const latest = latestRowIn(tx, userId);
      const from = personState(latest);
      if (!RULES.request.from.includes(from)) {
        throw new InputError({ form: RULES.request_renewal.from.includes(from) ? "accreditation.errors.useRenewal" : "accreditation.errors.alreadyOpen" }, 409);
      }
      openAccreditation(tx, {
        id,
        userId,
        from,
        facts: { ...guardFactsFor(latest, person, now), channels: input.channels },
        values: { requestedChannels: [...new Set(input.channels)], statement: input.statement.trim() },
        data: { channels: input.channels },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InputError({ form: "accreditation.errors.alreadyOpen" }, 409);
    throw error;
  }
  return id;
}

/** After recertification, the person asks for their granted (within 30 days of its end) or expired accreditation to be renewed. */
export async function requestRenewal(userId: string, input: RequestInput, now = new Date()): Promise<void> {
  checkStatement(input.statement);
  const person = await eligibilityFor(userId, now);
  getDb().transaction((tx) => {
    const row = latestRowIn(tx, userId);
    if (!row) throw new InputError({ form: "accreditation.errors.transitionNotAllowed" }, 409);
    applyTransition(tx, {
      row,
      transition: "request_renewal",
      by: "holder",
      facts: { ...guardFactsFor(row, person, now), channels: input.channels },
      actorId: userId,
      patch: { requestedChannels: [...new Set(input.channels)], statement: input.statement.trim(), requestedAt: now },
      data: { channels: input.channels },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Managers' decisions
// ---------------------------------------------------------------------------------------------

export type Decider = { id: string; scope: TeamScope };

function rowInScope(tx: Tx, id: string, decider: Decider): Row & { holderActive: boolean } {
  const found = tx
    .select({ row: accreditations, active: users.active })
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(and(eq(accreditations.id, id), scopeCondition(decider.scope)))
    .get();
  if (!found) throw new InputError({ form: "accreditation.errors.notFound" }, 404);
  if (found.row.userId === decider.id) throw new InputError({ form: "accreditation.errors.ownRequest" }, 403);
  return { ...found.row, holderActive: found.active };
}

export type GrantInput = { expectedVersion: number; channels: string[]; validUntil: Date };

/**
 * Grants a request (`grant`) or a renewal request (`renew`): channels ⊆ requested ∩ offered, an end
 * date in the future and within the longest validity, and the person still eligible. Two managers
 * deciding at once: the second gets 409.
 */
export async function grantAccreditation(decider: Decider, id: string, input: GrantInput, now = new Date()): Promise<AccreditationState> {
  const target = getDb().select({ userId: accreditations.userId }).from(accreditations).where(eq(accreditations.id, id)).get();
  const person = target ? await eligibilityFor(target.userId, now) : null;
  return getDb().transaction((tx) => {
    const row = rowInScope(tx, id, decider);
    const transition = RULES.renew.from.includes(row.status) ? "renew" : "grant";
    const facts = person ? guardFactsFor(row, person, now, row.holderActive) : { now, eligible: false };
    return applyTransition(tx, {
      row,
      transition,
      by: "manager",
      expectedVersion: input.expectedVersion,
      facts: { ...facts, channels: input.channels, requestedChannels: row.requestedChannels, newValidUntil: input.validUntil },
      actorId: decider.id,
      patch: {
        channels: [...new Set(input.channels)],
        validUntil: input.validUntil,
        grantedAt: now,
        grantedBy: decider.id,
        decidedBy: decider.id,
        decidedAt: now,
        ...reasonColumns(null),
        charterVersion: person?.currentCharter ?? null,
        examAttemptId: person?.lastPass?.id ?? null,
        expiryNoticeSentAt: null,
      },
      data: { channels: input.channels, validUntil: input.validUntil.toISOString() },
    });
  });
}

function decisionReason(text: string): StateReason {
  if (text.trim().length > REASON_MAX) throw new InputError({ reason: "accreditation.errors.reasonTooLong" });
  return { kind: "decision", text: text.trim() };
}

/** Declines a request or a renewal request, with a reason. */
export function declineAccreditation(decider: Decider, id: string, input: { expectedVersion: number; reason: string }, now = new Date()): AccreditationState {
  const reason = decisionReason(input.reason);
  return getDb().transaction((tx) => {
    const row = rowInScope(tx, id, decider);
    const renewal = row.status === "renewal_requested";
    return applyTransition(tx, {
      row,
      transition: "decline",
      by: "manager",
      expectedVersion: input.expectedVersion,
      facts: { now, reason, validUntil: row.validUntil },
      actorId: decider.id,
      // A declined renewal leaves the accreditation as it was; the reason stays in the audit trail.
      patch: renewal ? { decidedBy: decider.id, decidedAt: now } : { decidedBy: decider.id, decidedAt: now, ...reasonColumns(reason) },
    });
  });
}

/** Revokes an accreditation at any time, with a reason. The person may ask again after the waiting period (or once reopened). */
export function revokeAccreditation(decider: Decider, id: string, input: { expectedVersion: number; reason: string }, now = new Date()): AccreditationState {
  const reason = decisionReason(input.reason);
  return getDb().transaction((tx) => {
    const row = rowInScope(tx, id, decider);
    return applyTransition(tx, {
      row,
      transition: "revoke",
      by: "manager",
      expectedVersion: input.expectedVersion,
      facts: { now, reason },
      actorId: decider.id,
      patch: { decidedBy: decider.id, decidedAt: now, reopenedAt: null, ...reasonColumns(reason) },
    });
  });
}

/** Lets a revoked person ask again now, before the waiting period is over (audited as `accreditation.reopen`). */
export async function reopenAccreditation(decider: Decider, id: string, input: { expectedVersion: number }, now = new Date()): Promise<AccreditationState> {
  const target = getDb().select({ userId: accreditations.userId }).from(accreditations).where(eq(accreditations.id, id)).get();
  const person = target ? await eligibilityFor(target.userId, now) : null;
  return getDb().transaction((tx) => {
    const row = rowInScope(tx, id, decider);
    return applyTransition(tx, {
      row,
      transition: "reopen",
      by: "manager",
      expectedVersion: input.expectedVersion,
      facts: person ? guardFactsFor(row, person, now, row.holderActive) : { now },
      actorId: decider.id,
      patch: { reopenedAt: now },
    });
  });
}

/**
 * After a person left and came back (reactivated), their manager reinstates their suspended
 * accreditation explicitly: their account active, the charter in force signed, before its end date.
 */
export async function reinstateAccreditation(decider: Decider, id: string, input: { expectedVersion: number }, now = new Date()): Promise<AccreditationState> {
  const target = getDb().select({ userId: accreditations.userId }).from(accreditations).where(eq(accreditations.id, id)).get();
  const person = target ? await eligibilityFor(target.userId, now) : null;
  return getDb().transaction((tx) => {
    const row = rowInScope(tx, id, decider);
    return applyTransition(tx, {
      row,
      transition: "reinstate",
      by: "manager",
      expectedVersion: input.expectedVersion,
      facts: person ? guardFactsFor(row, person, now, row.holderActive) : { now },
      actorId: decider.id,
      patch: { decidedBy: decider.id, decidedAt: now, ...reasonColumns(null) },
    });
  });
}
