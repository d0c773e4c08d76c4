/**
 * What the outside world learns when an accreditation changes, written in the transaction of the
 * change: a credential on grant and renewal (app/models/credential.server.ts), and a webhook event
 * (app/models/webhook.server.ts) whose type the state machine's table gives (`eventOf`). Called
 * once, by `recordTransition` (app/models/accreditation-transition.server.ts), the one place every
 * transition goes through: notifications of a transition belong next to the webhook event here.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection";
import { accreditations, charterPublications, teamManagers, users } from "../../db/schema";
import { eventOf, noticeOf, type AccreditationState, type ReasonKind, type StateReason, type Transition } from "~/domain/accreditation";
import type { NoticeParams } from "~/domain/notifications";
import { credentialUrl } from "~/domain/open-badge";
import { appUrl } from "~/utils/app-url.server";
import { channelLabels, offeredChannels } from "./channels.server";
import { issueCredential } from "./credential.server";
import { notify, type Notice } from "./notifications.server";
import { enqueueTeamChat } from "./team-chat.server";
import { enqueueWebhookEvent } from "./webhook.server";

export type AccreditationEventData = {
  accreditation: {
    id: string;
    status: string;
    channels: string[];
    validFrom: string | null;
    validUntil: string | null;
    /** Why it is in its state: the kind (decision, charter, left_organisation) and its detail (a manager's words, a charter version, the leaver's source). */
    reasonKind: ReasonKind | null;
    reason: string | null;
    /** The verifiable credential issued by this change (grant, renewal), or the latest one. */
    credential: string | null;
  };
  person: { email: string; name: string };
};

const latestCredential = sql<string | null>`(select c.id from credentials c where c.accreditation_id = ${accreditations.id} order by c.issued_at desc limit 1)`;

/** Issues the credential (grant, renewal) and enqueues the webhook event, in the caller's transaction. */
export function announceAccreditationChange(tx: Tx, change: { accreditationId: string; transition: Transition; to: AccreditationState; now: Date }): void {
  const type = eventOf(change.transition, change.to);
  if (!type) return;
  const credentialId = type === "accreditation.granted" || type === "accreditation.renewed" ? issueCredential(tx, change.accreditationId, change.now) : null;
  const row = tx
    .select({
      id: accreditations.id,
      status: accreditations.status,
      channels: accreditations.channels,
      grantedAt: accreditations.grantedAt,
      validUntil: accreditations.validUntil,
      reasonKind: accreditations.reasonKind,
      reason: accreditations.reason,
      email: users.email,
      name: users.name,
      latestCredential,
    })
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(eq(accreditations.id, change.accreditationId))
    .get();
  if (!row) return;
  const credential = credentialId ?? row.latestCredential;
  const data: AccreditationEventData = {
    accreditation: {
      id: row.id,
      status: row.status,
      channels: row.channels,
      validFrom: row.grantedAt?.toISOString() ?? null,
      validUntil: row.validUntil?.toISOString() ?? null,
      reasonKind: row.reasonKind,
      reason: row.reason,
      credential: credential ? credentialUrl(appUrl(), credential) : null,
    },
    person: { email: row.email, name: row.name },
  };
  enqueueWebhookEvent(tx, type, data, change.now);
}

/**
 * Tells the people concerned by a transition (inbox and mail, app/models/notifications.server.ts), in
 * the caller's transaction. Who is told of what is the state table's `notify` column (`noticeOf`);
 * nobody is told of what they did themselves, and managers are the active managers of the holder's team.
 */
export function notifyAccreditationChange(
  tx: Tx,
  change: {
    accreditationId: string;
    transition: Transition;
    from: AccreditationState | null;
    to: AccreditationState;
    actorId: string | null;
    reason: StateReason | null;
    now: Date;
  },
): void {
  const who = noticeOf(change.transition, change.to);
  if (!who.holder && !who.managers) return;
  const row = tx
    .select({ row: accreditations, name: users.name, teamId: users.teamId })
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(eq(accreditations.id, change.accreditationId))
    .get();
  if (!row) return;
  const a = row.row;
  const offered = offeredChannels();
  const labels = (ids: readonly string[]) => channelLabels(ids, offered).join(", ");
  const reason = change.reason ?? null;
  const charterVersion = reason?.kind === "charter" ? reason.version : null;
  const summary = charterVersion
    ? tx
        .select({ fr: charterPublications.summaryFr, en: charterPublications.summaryEn })
        .from(charterPublications)
        .where(eq(charterPublications.version, charterVersion))
        .get()
    : undefined;
  const params: NoticeParams = {
    person: row.name,
    channels: labels(a.channels.length > 0 && change.transition !== "request" && change.transition !== "request_renewal" ? a.channels : a.requestedChannels),
    date: a.validUntil?.toISOString() ?? null,
    renewal: change.transition === "request_renewal" || change.from === "renewal_requested" ? 1 : 0,
    reason: reason?.kind === "decision" ? reason.text.trim() : null,
    reasonKind: reason?.kind ?? null,
    version: charterVersion,
    summaryFr: summary?.fr ?? null,
    summaryEn: summary?.en ?? null,
  };
  if (change.transition === "grant" || change.transition === "renew") {
    const missing = a.requestedChannels.filter((c) => !a.channels.includes(c));
    params.notGranted = missing.length > 0 ? labels(missing) : null;
  }
  const notices: Notice[] = [];
  if (who.holder && a.userId !== change.actorId) {
    const link = who.holder === "suspended" && charterVersion ? "/charter" : "/accreditation";
    notices.push({ userId: a.userId, kind: who.holder, params, link, refId: a.id });
  }
  if (who.managers && row.teamId) {
    const managers = tx
      .select({ id: users.id })
      .from(teamManagers)
      .innerJoin(users, eq(users.id, teamManagers.userId))
      .where(and(eq(teamManagers.teamId, row.teamId), eq(users.active, true)))
      .all();
    for (const m of managers) {
      if (m.id === a.userId || m.id === change.actorId) continue;
      notices.push({ userId: m.id, kind: who.managers, params, link: `/team/requests/${a.id}`, refId: a.id });
    }
  }
  notify(tx, notices, change.now);
  // The team's chat channel, when it has one, hears of requests waiting (names and links only).
  if (who.managers === "request_waiting" && row.teamId) {
    enqueueTeamChat(tx, { kind: "request_waiting", teamId: row.teamId, accreditationId: a.id, person: row.name, renewal: params.renewal === 1 }, change.now);
  }
}
