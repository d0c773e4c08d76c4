/**
 * Time-based accreditation work, safe to run often and from several processes: expiries (through the
 * state machine) and the 30-day expiry notice (through app/models/notifications.server.ts). The server runs it on start and every 10 minutes.
 */
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { accreditations, teamManagers, users } from "../../db/schema";
import { RENEWAL_WINDOW_DAYS, expiryNoticeDue, statesFrom } from "~/domain/accreditation";
import { InputError } from "~/utils/errors";
import { applyTransition } from "./accreditation-transition.server";
import { recordAudit } from "./audit.server";
import { channelLabels, offeredChannels } from "./channels.server";
import { enqueueTeamChat } from "./team-chat.server";
import { notify, withNotificationBatch, type Notice } from "./notifications.server";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Expires accreditations past their end date, and sends the 30-day expiry notice once per validity
 * period (to the person and the managers of their team).
 */
export async function runAccreditationJobs(now = new Date()): Promise<{ notices: number; expired: number }> {
  const db = getDb();
  // The rows the machine lets expire (and so the rows whose end is worth a notice).
  const expiring = statesFrom("expire");
  const due = db
    .select({
      id: accreditations.id,
      userId: accreditations.userId,
      status: accreditations.status,
      version: accreditations.version,
      validUntil: accreditations.validUntil,
    })
    .from(accreditations)
    .where(and(inArray(accreditations.status, expiring), lte(accreditations.validUntil, now)))
    .all();
  let expired = 0;
  for (const row of due) {
    try {
      db.transaction((tx) => applyTransition(tx, { row, transition: "expire", by: "system", facts: { now, validUntil: row.validUntil }, actorId: null }));
      expired += 1;
    } catch (error) {
      // Someone else changed it meanwhile (a revocation, another process): nothing to do.
      if (!(error instanceof InputError)) throw error;
    }
  }

  // Notices.
  const horizon = new Date(now.getTime() + RENEWAL_WINDOW_DAYS * DAY_MS);
  const candidates = db
    .select({ row: accreditations, name: users.name, email: users.email, locale: users.locale, teamId: users.teamId, active: users.active })
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(
      and(
        inArray(accreditations.status, expiring),
        isNull(accreditations.expiryNoticeSentAt),
        gt(accreditations.validUntil, now),
        lte(accreditations.validUntil, horizon),
      ),
    )
    .all()
    .filter((c) => expiryNoticeDue(c.row, now));
  const teamIds = [...new Set(candidates.map((c) => c.teamId).filter((t): t is string => t !== null))];
  const managers = teamIds.length
    ? db
        .select({ teamId: teamManagers.teamId, id: users.id })
        .from(teamManagers)
        .innerJoin(users, eq(users.id, teamManagers.userId))
        .where(and(inArray(teamManagers.teamId, teamIds), eq(users.active, true)))
        .all()
    : [];
  const offered = offeredChannels();
  // One transaction for the whole run: each notice is claimed (so that two runs never send it twice)
  // and told in it; a manager with several people expiring gets one digest.
  const notices = db.transaction((tx) =>
    withNotificationBatch(
      tx,
      () => {
        let claimedCount = 0;
        for (const c of candidates) {
          const result = tx
            .update(accreditations)
            .set({ expiryNoticeSentAt: now })
            .where(and(eq(accreditations.id, c.row.id), isNull(accreditations.expiryNoticeSentAt)))
            .run();
          if (result.changes !== 1) continue;
          recordAudit(tx, {
            actorId: null,
            action: "accreditation.expiry_notice",
            subjectType: "accreditation",
            subjectId: c.row.id,
            fromState: c.row.status,
            toState: c.row.status,
            data: { userId: c.row.userId, validUntil: c.row.validUntil?.toISOString() },
          });
          claimedCount += 1;
          const params = { person: c.name, channels: channelLabels(c.row.channels, offered).join(", "), date: c.row.validUntil!.toISOString() };
          const told: Notice[] = [{ userId: c.row.userId, kind: "expiring", params, link: "/accreditation", refId: c.row.id }];
          for (const m of managers.filter((m) => m.teamId === c.teamId && m.id !== c.row.userId)) {
            told.push({ userId: m.id, kind: "team_expiring", params, link: `/team/requests/${c.row.id}`, refId: c.row.id });
          }
          notify(tx, told, now);
          if (c.teamId)
            enqueueTeamChat(tx, { kind: "expiring", teamId: c.teamId, accreditationId: c.row.id, person: c.name, validUntil: c.row.validUntil! }, now);
        }
        return claimedCount;
      },
      now,
    ),
  );
  return { notices, expired };
}
