/**
 * Time-based accreditation work, safe to run often and from several processes: expiries (through the
 * state machine) and the 30-day expiry notice. The server runs it on start and every 10 minutes.
 */
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { accreditations, teamManagers, users } from "../../db/schema";
import { RENEWAL_WINDOW_DAYS, expiryNoticeDue, statesFrom } from "~/domain/accreditation";
import { queueExpiryNoticeMail } from "~/mail/templates.server";
import { InputError } from "~/utils/errors";
import { applyTransition } from "./accreditation-transition.server";
import { recordAudit } from "./audit.server";
import { channelLabels, offeredChannels } from "./channels.server";

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
    .select({ id: accreditations.id, userId: accreditations.userId, status: accreditations.status, version: accreditations.version, validUntil: accreditations.validUntil })
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
    .where(and(inArray(accreditations.status, expiring), isNull(accreditations.expiryNoticeSentAt), gt(accreditations.validUntil, now), lte(accreditations.validUntil, horizon)))
    .all()
    .filter((c) => expiryNoticeDue(c.row, now));
  const teamIds = [...new Set(candidates.map((c) => c.teamId).filter((t): t is string => t !== null))];
  const managers = teamIds.length
    ? db
        .select({ teamId: teamManagers.teamId, name: users.name, email: users.email, locale: users.locale })
        .from(teamManagers)
        .innerJoin(users, eq(users.id, teamManagers.userId))
        .where(and(inArray(teamManagers.teamId, teamIds), eq(users.active, true)))
        .all()
    : [];
  const offered = offeredChannels();
  let notices = 0;
  for (const c of candidates) {
    // Claim the notice first, so that two runs never send it twice.
    const claimed = db.transaction((tx) => {
      const result = tx
        .update(accreditations)
        .set({ expiryNoticeSentAt: now })
        .where(and(eq(accreditations.id, c.row.id), isNull(accreditations.expiryNoticeSentAt)))
        .run();
      if (result.changes !== 1) return false;
      recordAudit(tx, { actorId: null, action: "accreditation.expiry_notice", subjectType: "accreditation", subjectId: c.row.id, fromState: c.row.status, toState: c.row.status, data: { userId: c.row.userId, validUntil: c.row.validUntil?.toISOString() } });
      return true;
    });
    if (!claimed) continue;
    notices += 1;
    const channels = channelLabels(c.row.channels, offered).join(", ");
    const validUntil = c.row.validUntil!;
    // Queued, sent by the mail worker (app/mail/outbox.server.ts); links come from APP_URL.
    if (c.active) queueExpiryNoticeMail(db, { to: c.email, name: c.name, person: c.name, channels, validUntil, pathname: "/accreditation", locale: c.locale ?? "fr", forManager: false, refId: c.row.id });
    for (const m of managers.filter((m) => m.teamId === c.teamId && m.email !== c.email)) {
      queueExpiryNoticeMail(db, { to: m.email, name: m.name, person: c.name, channels, validUntil, pathname: "/team/requests", locale: m.locale ?? "fr", forManager: true, refId: c.row.id });
    }
  }
  return { notices, expired };
}
