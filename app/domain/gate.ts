/**
 * The posting gate: may this person post for the company on this channel, now? Pure; the model
 * (app/models/gate.server.ts) reads the facts in one indexed query and asks `decideGate`.
 *
 * The person's "most relevant accreditation" is chosen by the query, in this order:
 *   1. the row in force or being renewed (status `granted` or `renewal_requested`);
 *   2. a `suspended` row;
 *   3. otherwise the most recently requested row that was ever granted (`expired` or `revoked`).
 * A pending first request (`requested`) or a declined one was never granted: the person is
 * `not_accredited` and the answer carries no accreditation.
 *
 * Reason codes (a stable public contract; `reasons` is empty exactly when `allowed` is true):
 * - `unknown_person`: no active account has this email (never invited, or deactivated). Alone.
 * - `not_accredited`: the person has never been granted an accreditation. Alone.
 * - `revoked`: the most relevant accreditation was revoked (final). Alone.
 * - `suspended`: the accreditation is suspended (a new charter version awaits their signature).
 * - `expired`: its end date has passed (whether or not the nightly job has marked it expired yet).
 * - `channel_not_granted`: the channel is not among the accreditation's granted channels.
 * - `charter_not_signed`: a charter version is in force and the person has not signed it.
 * The last four combine, always in this order, e.g. `["suspended", "charter_not_signed"]`.
 */

export const GATE_REASONS = [
  "unknown_person",
  "not_accredited",
  "revoked",
  "suspended",
  "expired",
  "channel_not_granted",
  "charter_not_signed",
] as const;
export type GateReason = (typeof GATE_REASONS)[number];

/** Statuses a relevant (once granted) accreditation can be in. */
export type GateAccreditationStatus = "granted" | "renewal_requested" | "suspended" | "expired" | "revoked";

export type GateFacts = {
  /** Null when no active account has this email. */
  person: {
    /** The person's most relevant once-granted accreditation, or null. */
    accreditation: {
      id: string;
      status: string;
      /** Channel ids (see channelId in app/models/accreditation.server.ts). */
      channels: readonly string[];
      validFrom: Date | null;
      validUntil: Date | null;
    } | null;
    /** Whether a charter version is in force, and whether the person signed it. */
    charterInForce: boolean;
    charterSigned: boolean;
  } | null;
  /** The channel asked about, as an id. */
  channel: string;
  now: Date;
};

export type GateAccreditation = {
  id: string;
  status: string;
  channels: string[];
  validFrom: string | null;
  validUntil: string | null;
};

export type GateAnswer = {
  allowed: boolean;
  channel: string;
  reasons: GateReason[];
  accreditation: GateAccreditation | null;
};

export function decideGate(facts: GateFacts): GateAnswer {
  const { person, channel, now } = facts;
  const answer = (reasons: GateReason[], accreditation: GateAccreditation | null): GateAnswer => ({
    allowed: reasons.length === 0,
    channel,
    reasons,
    accreditation,
  });
  if (!person) return answer(["unknown_person"], null);
  const acc = person.accreditation;
  if (!acc) return answer(["not_accredited"], null);
  const view: GateAccreditation = {
    id: acc.id,
    status: acc.status,
    channels: [...acc.channels],
    validFrom: acc.validFrom?.toISOString() ?? null,
    validUntil: acc.validUntil?.toISOString() ?? null,
  };
  if (acc.status === "revoked") return answer(["revoked"], view);
  const inForceStatus = acc.status === "granted" || acc.status === "renewal_requested";
  if (!inForceStatus && acc.status !== "suspended" && acc.status !== "expired") return answer(["not_accredited"], null);
  const reasons: GateReason[] = [];
  if (acc.status === "suspended") reasons.push("suspended");
  const pastEnd = !acc.validUntil || acc.validUntil.getTime() <= now.getTime();
  if (acc.status === "expired" || pastEnd) reasons.push("expired");
  if (!acc.channels.includes(channel)) reasons.push("channel_not_granted");
  if (person.charterInForce && !person.charterSigned) reasons.push("charter_not_signed");
  return answer(reasons, view);
}

/** The maximum number of checks in one batch request. */
export const GATE_BATCH_LIMIT = 100;
/** The maximum size of a JSON request body to the API, in bytes. */
export const API_MAX_BODY_BYTES = 64 * 1024;
