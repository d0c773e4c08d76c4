/**
 * The one way an accreditation row changes state: ask the state machine, update the row only if its
 * `version` is still the one the caller read (optimistic concurrency), and write the audit row, all
 * inside the caller's transaction. Used by app/models/accreditation.server.ts (decisions, jobs) and
 * app/models/charter.server.ts (suspension on publication, reinstatement on signature).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection";
import { accreditations } from "../../db/schema";
import { decide, type AccreditationState, type GuardFacts, type PersonState, type Transition } from "~/domain/accreditation";
import { InputError } from "~/utils/errors";
import { announceAccreditationChange } from "./accreditation-events.server";
import { recordAudit } from "./audit.server";

export type AccreditationRow = typeof accreditations.$inferSelect;
type Patch = Partial<Omit<AccreditationRow, "id" | "userId" | "status" | "version">>;

/** Refusals of the machine become 4xx with the message on the right field; "not allowed" is a 409. */
export function refusalError(field: string, error: string): InputError {
  return new InputError({ [field]: error }, error === "accreditation.errors.transitionNotAllowed" ? 409 : 400);
}

export function conflictError(): InputError {
  return new InputError({ form: "accreditation.errors.conflict" }, 409);
}

export function applyTransition(
  tx: Tx,
  input: {
    row: Pick<AccreditationRow, "id" | "userId" | "status" | "version">;
    transition: Transition;
    facts: GuardFacts;
    actorId: string | null;
    /** The version the deciding person saw; defaults to the row's (for jobs). */
    expectedVersion?: number;
    patch?: Patch;
    data?: Record<string, unknown>;
  },
): AccreditationState {
  const { row, transition, facts } = input;
  const expected = input.expectedVersion ?? row.version;
  if (expected !== row.version) throw conflictError();
  const decision = decide(row.status as PersonState, transition, facts);
  if (!decision.ok) throw refusalError(decision.field, decision.error);
  const updated = tx
    .update(accreditations)
    .set({ ...input.patch, status: decision.to, version: sql`${accreditations.version} + 1`, updatedAt: facts.now })
    .where(and(eq(accreditations.id, row.id), eq(accreditations.version, expected)))
    .run();
  if (updated.changes !== 1) throw conflictError();
  recordAudit(tx, {
    actorId: input.actorId,
    action: `accreditation.${transition}`,
    subjectType: "accreditation",
    subjectId: row.id,
    fromState: row.status,
    toState: decision.to,
    reason: facts.reason?.trim() || null,
    data: { userId: row.userId, ...input.data },
  });
  // Credential on grant/renewal and the webhook event, in this same transaction (issue 6).
  announceAccreditationChange(tx, { accreditationId: row.id, transition, to: decision.to, now: facts.now });
  return decision.to;
}
