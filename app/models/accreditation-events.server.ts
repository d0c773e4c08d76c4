/**
 * What the outside world learns when an accreditation changes, written in the transaction of the
 * change: a credential on grant and renewal (app/models/credential.server.ts), and a webhook event
 * (app/models/webhook.server.ts). Called once, by applyTransition
 * (app/models/accreditation-transition.server.ts), the one place every transition goes through.
 */
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection";
import { accreditations, users, type WebhookEventType } from "../../db/schema";
import type { AccreditationState, Transition } from "~/domain/accreditation";
import { credentialUrl } from "~/domain/open-badge";
import { appUrl } from "~/utils/app-url.server";
import { issueCredential } from "./credential.server";
import { enqueueWebhookEvent } from "./webhook.server";

/**
 * The event a transition is reported as, or null when nothing changed for the outside world
 * (requests; a declined first request; a declined renewal that leaves the accreditation in force).
 */
export function eventTypeFor(transition: Transition, to: AccreditationState): WebhookEventType | null {
  switch (transition) {
    case "grant":
      return "accreditation.granted";
    case "renew":
      return "accreditation.renewed";
    case "suspend":
      return "accreditation.suspended";
    case "reinstate":
      return "accreditation.reinstated";
    case "expire":
      return "accreditation.expired";
    case "revoke":
      return "accreditation.revoked";
    case "decline":
      // A renewal declined after the end date: the accreditation is now expired.
      return to === "expired" ? "accreditation.expired" : null;
    default:
      return null;
  }
}

export type AccreditationEventData = {
  accreditation: {
    id: string;
    status: string;
    channels: string[];
    validFrom: string | null;
    validUntil: string | null;
    reason: string | null;
    /** The verifiable credential issued by this change (grant, renewal), or the latest one. */
    credential: string | null;
  };
  person: { email: string; name: string };
};

const latestCredential = sql<string | null>`(select c.id from credentials c where c.accreditation_id = ${accreditations.id} order by c.issued_at desc limit 1)`;

/** Issues the credential (grant, renewal) and enqueues the webhook event, in the caller's transaction. */
export function announceAccreditationChange(tx: Tx, change: { accreditationId: string; transition: Transition; to: AccreditationState; now: Date }): void {
  const type = eventTypeFor(change.transition, change.to);
  if (!type) return;
  const credentialId = type === "accreditation.granted" || type === "accreditation.renewed" ? issueCredential(tx, change.accreditationId, change.now) : null;
  const row = tx
    .select({
      id: accreditations.id,
      status: accreditations.status,
      channels: accreditations.channels,
      grantedAt: accreditations.grantedAt,
      validUntil: accreditations.validUntil,
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
      reason: row.reason,
      credential: credential ? credentialUrl(appUrl(), credential) : null,
    },
    person: { email: row.email, name: row.name },
  };
  enqueueWebhookEvent(tx, type, data, change.now);
}
