/**
 * What the outside world learns when an accreditation changes, written in the transaction of the
 * change: a credential on grant and renewal (app/models/credential.server.ts), and a webhook event
 * (app/models/webhook.server.ts) whose type the state machine's table gives (`eventOf`). Called
 * once, by `recordTransition` (app/models/accreditation-transition.server.ts), the one place every
 * transition goes through: notifications of a transition belong next to the webhook event here.
 */
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/connection";
import { accreditations, users } from "../../db/schema";
import { eventOf, type AccreditationState, type ReasonKind, type Transition } from "~/domain/accreditation";
import { credentialUrl } from "~/domain/open-badge";
import { appUrl } from "~/utils/app-url.server";
import { issueCredential } from "./credential.server";
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
