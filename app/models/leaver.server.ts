/**
 * The leaver path: the ONE function that deactivates a person, whoever asks (an admin today; SCIM,
 * a CSV import or SSO later), and its counterpart for a person who comes back. See ADR 0015.
 *
 * Deactivating, in one transaction: the account is inactive, every session ends, every open
 * accreditation stops (granted, renewal pending or suspended → suspended with the reason "left the
 * organisation"; a first request still pending → declined with that reason), each change through
 * the state machine (audit row and webhook event), and an audit row for the person with the source.
 * The posting gate then answers `unknown_person`, and the credential verifies as not valid
 * (`left_organisation`).
 *
 * Reactivating gives the account back and nothing else: a suspension for leaving is lifted only by
 * the person's manager, explicitly (`reinstateAccreditation`), or they request again.
 */
import { and, eq, inArray } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../../db/connection";
import { accreditations, sessions, users } from "../../db/schema";
import { OPEN_STATES, RULES, reasonColumns, type LeaverSource, type StateReason, type Transition } from "~/domain/accreditation";
import { InputError } from "~/utils/errors";
import { applyTransition } from "./accreditation-transition.server";
import { recordAudit } from "./audit.server";
import { assertNotLastAdmin } from "./user.server";

/** Who asked: the kind of source and a label to recognise it in the audit log (an admin's email, a directory's name). */
export type PersonSource = { kind: LeaverSource; label: string };
export type PersonActor = { id: string | null };

/** Anything that can open a transaction: the database (the default), or a caller's transaction (a savepoint then: SCIM, CSV). */
type Transactional = Pick<Db, "transaction"> | Pick<Tx, "transaction">;

/** The system's transition that stops an open accreditation of a leaver: suspend when it was ever granted, decline a first request. */
function leaverTransition(status: (typeof OPEN_STATES)[number]): Transition | null {
  return (["suspend", "decline"] as const).find((t) => RULES[t].from.includes(status) && RULES[t].by.includes("system")) ?? null;
}

export type Deactivation = { changed: boolean; suspended: number; declined: number };

/** Deactivates a person (see the file's comment). Deactivating someone already inactive changes nothing. */
export function deactivatePerson(input: { userId: string; actor: PersonActor; source: PersonSource; now?: Date }, db: Transactional = getDb()): Deactivation {
  const now = input.now ?? new Date();
  return db.transaction(
    (tx) => {
      const person = tx.select({ active: users.active }).from(users).where(eq(users.id, input.userId)).get();
      if (!person) throw new InputError({ form: "errors.notFound" }, 404);
      if (!person.active) return { changed: false, suspended: 0, declined: 0 };
      assertNotLastAdmin(tx, input.userId);
      tx.update(users).set({ active: false, deactivatedAt: now }).where(eq(users.id, input.userId)).run();
      tx.delete(sessions).where(eq(sessions.userId, input.userId)).run();
      recordAudit(tx, {
        actorId: input.actor.id,
        action: "person.deactivated",
        subjectType: "user",
        subjectId: input.userId,
        fromState: "active",
        toState: "inactive",
        data: { source: input.source },
      });
      const reason: StateReason = { kind: "left_organisation", source: input.source.kind };
      const open = tx
        .select()
        .from(accreditations)
        .where(and(eq(accreditations.userId, input.userId), inArray(accreditations.status, [...OPEN_STATES])))
        .all();
      const result = { changed: true, suspended: 0, declined: 0 };
      for (const row of open) {
        const transition = leaverTransition(row.status);
        if (!transition) continue;
        const to = applyTransition(tx, {
          row,
          transition,
          by: "system",
          facts: { now, reason, validUntil: row.validUntil, holderActive: false },
          actorId: input.actor.id,
          patch: { decidedAt: now, ...reasonColumns(reason) },
          data: { source: input.source },
        });
        if (to === "suspended") result.suspended += 1;
        else result.declined += 1;
      }
      return result;
    },
    { behavior: "immediate" },
  );
}

/** Gives a deactivated person their account back; their accreditations stay as they are (see the file's comment). */
export function reactivatePerson(
  input: { userId: string; actor: PersonActor; source: PersonSource; now?: Date },
  db: Transactional = getDb(),
): { changed: boolean } {
  return db.transaction(
    (tx) => {
      const person = tx.select({ active: users.active, erasedAt: users.erasedAt }).from(users).where(eq(users.id, input.userId)).get();
      if (!person) throw new InputError({ form: "errors.notFound" }, 404);
      if (person.active) return { changed: false };
      // An erased person's account is a pseudonym with nothing behind it: it never comes back (ADR 0024).
      if (person.erasedAt) throw new InputError({ form: "privacyAdmin.errors.alreadyErased" }, 409);
      tx.update(users).set({ active: true, deactivatedAt: null }).where(eq(users.id, input.userId)).run();
      recordAudit(tx, {
        actorId: input.actor.id,
        action: "person.reactivated",
        subjectType: "user",
        subjectId: input.userId,
        fromState: "inactive",
        toState: "active",
        data: { source: input.source },
      });
      return { changed: true };
    },
    { behavior: "immediate" },
  );
}
