/**
 * The one way an accreditation row is created or changes state: ask the state machine
 * (app/domain/accreditation.ts), write the row only if its `version` is still the one the caller read
 * (optimistic concurrency), write the audit row, and announce the change, all inside the caller's
 * transaction. Used by the requests and decisions (accreditation.server.ts), the jobs
 * (accreditation-jobs.server.ts), the charter (charter.server.ts) and the leaver path (leaver.server.ts).
 *
 * `recordTransition` below is the ONE place every transition passes through after it is written: the
 * audit row, then `announceAccreditationChange` (credential and webhook event), then
 * `notifyAccreditationChange` (inbox and mail to the holder and/or their managers).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection";
import { accreditations } from "../../db/schema";
import {
  decide,
  reasonFrom,
  type AccreditationState,
  type Actor,
  type GuardFacts,
  type PersonState,
  type StateReason,
  type Transition,
} from "~/domain/accreditation";
import { accreditationAction } from "~/domain/audit";
import { InputError } from "~/utils/errors";
import { announceAccreditationChange, notifyAccreditationChange } from "./accreditation-events.server";
import { recordAudit } from "./audit.server";
import { getSetting } from "./settings.server";

export type AccreditationRow = typeof accreditations.$inferSelect;
type Patch = Partial<Omit<AccreditationRow, "id" | "userId" | "status" | "version">>;

/** Refusals of the machine become 4xx with the message on the right field; "not allowed" is a 409. */
function refusalError(field: string, error: string): InputError {
  return new InputError({ [field]: error }, error === "accreditation.errors.transitionNotAllowed" ? 409 : 400);
}

function conflictError(): InputError {
  return new InputError({ form: "accreditation.errors.conflict" }, 409);
}

/** Facts every decision needs whoever calls: the longest validity allowed (setting), the row's current reason. */
function completeFacts(tx: Tx, rowId: string | null, facts: GuardFacts): GuardFacts {
  const out: GuardFacts = { ...facts, maxValidityMonths: facts.maxValidityMonths ?? getSetting("accreditation.maxValidityMonths") };
  if (rowId && facts.currentReason === undefined) {
    const current = tx
      .select({ reasonKind: accreditations.reasonKind, reason: accreditations.reason })
      .from(accreditations)
      .where(eq(accreditations.id, rowId))
      .get();
    out.currentReason = current ? reasonFrom(current) : null;
  }
  return out;
}

/**
 * The audit row and the announcement of a transition that was just written. Every transition, of
 * every caller, ends here: this is where the outside world learns of it (credential, webhook event)
 * and the people concerned are told (notifications).
 */
function recordTransition(
  tx: Tx,
  change: {
    accreditationId: string;
    userId: string;
    transition: Transition;
    from: AccreditationState | null;
    to: AccreditationState;
    actorId: string | null;
    reason: StateReason | null;
    now: Date;
    data?: Record<string, unknown>;
  },
): void {
  recordAudit(tx, {
    actorId: change.actorId,
    action: accreditationAction(change.transition),
    subjectType: "accreditation",
    subjectId: change.accreditationId,
    fromState: change.from,
    toState: change.to,
    reason: change.reason?.kind === "decision" ? change.reason.text.trim() : null,
    data: { userId: change.userId, ...(change.reason ? { reason: change.reason } : {}), ...change.data },
  });
  announceAccreditationChange(tx, { accreditationId: change.accreditationId, transition: change.transition, to: change.to, now: change.now });
  notifyAccreditationChange(tx, change);
}

/** Moves an existing row through `transition`, made by `by` (the state machine checks who may). */
export function applyTransition(
  tx: Tx,
  input: {
    row: Pick<AccreditationRow, "id" | "userId" | "status" | "version">;
    transition: Transition;
    by: Actor;
    facts: GuardFacts;
    actorId: string | null;
    /** The version the deciding person saw; defaults to the row's (for jobs). */
    expectedVersion?: number;
    patch?: Patch;
    data?: Record<string, unknown>;
  },
): AccreditationState {
  const { row, transition } = input;
  const expected = input.expectedVersion ?? row.version;
  if (expected !== row.version) throw conflictError();
  const facts = completeFacts(tx, row.id, input.facts);
  const decision = decide(row.status as PersonState, transition, facts, input.by);
  if (!decision.ok) throw refusalError(decision.field, decision.error);
  const updated = tx
    .update(accreditations)
    .set({ ...input.patch, status: decision.to, version: sql`${accreditations.version} + 1`, updatedAt: facts.now })
    .where(and(eq(accreditations.id, row.id), eq(accreditations.version, expected)))
    .run();
  if (updated.changes !== 1) throw conflictError();
  recordTransition(tx, {
    accreditationId: row.id,
    userId: row.userId,
    transition,
    from: row.status,
    to: decision.to,
    actorId: input.actorId,
    reason: facts.reason ?? null,
    now: facts.now,
    data: input.data,
  });
  return decision.to;
}

/** A new row, by a transition from the person's state (`request`): decided, inserted, audited and announced. */
export function openAccreditation(
  tx: Tx,
  input: {
    id: string;
    userId: string;
    from: PersonState;
    facts: GuardFacts;
    values: { requestedChannels: string[]; statement: string };
    data?: Record<string, unknown>;
  },
): AccreditationState {
  const facts = completeFacts(tx, null, input.facts);
  const decision = decide(input.from, "request", facts, "holder");
  if (!decision.ok) throw refusalError(decision.field, decision.error);
  tx.insert(accreditations)
    .values({ id: input.id, userId: input.userId, status: decision.to, ...input.values, requestedAt: facts.now, updatedAt: facts.now })
    .run();
  recordTransition(tx, {
    accreditationId: input.id,
    userId: input.userId,
    transition: "request",
    from: null,
    to: decision.to,
    actorId: input.userId,
    reason: null,
    now: facts.now,
    data: input.data,
  });
  return decision.to;
}
