/**
 * The posting gate: may this person post for the company on this channel, now? Pure; the model
 * (app/models/gate.server.ts) reads the facts in one indexed query and asks `decideGate`.
 *
 * The person's "most relevant accreditation" is chosen by the query, in the order the state machine
 * gives (`gateOrderSql` in app/domain/accreditation.ts):
 *   1. a row whose state stands in force (`granted`, `renewal_requested`);
 *   2. a `suspended` row;
 *   3. otherwise the most recently requested row that was ever granted (`expired` or `revoked`).
 * A pending first request (`requested`) or a declined one was never granted: the person is
 * `not_accredited` and the answer carries no accreditation. Whether it lets the person post is the
 * machine's one definition of "in force" (`standingProblems`), plus the channel.
 *
 * Reason codes (a stable public contract; `reasons` is empty exactly when `allowed` is true):
 * - `unknown_person`: no active account has this email (never invited, or deactivated: a person who
 *   left the organisation). Alone.
 * - `not_accredited`: the person has never been granted an accreditation. Alone.
 * - `revoked`: the most relevant accreditation was revoked (final). Alone.
 * - `suspended`: the accreditation is suspended (a new charter version awaits their signature).
 * - `expired`: its end date has passed (whether or not the nightly job has marked it expired yet).
 * - `channel_not_granted`: the channel is not among the accreditation's granted channels.
 * - `charter_not_signed`: a charter version is in force and the person has not signed it.
 * The last four combine, always in this order, e.g. `["suspended", "charter_not_signed"]`.
 */

import { standingProblems, type AccreditationState } from "./accreditation";

export const GATE_REASONS = ["unknown_person", "not_accredited", "revoked", "suspended", "expired", "channel_not_granted", "charter_not_signed"] as const;
export type GateReason = (typeof GATE_REASONS)[number];

export type GateFacts = {
  /** Null when no active account has this email. */
  person: {
    /** The person's most relevant once-granted accreditation, or null. */
    accreditation: {
      id: string;
      status: AccreditationState;
      /** Channel ids (see channelId in app/models/channels.server.ts). */
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
  status: AccreditationState;
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
  const problems = standingProblems(acc, now, { inForce: person.charterInForce, signed: person.charterSigned });
  if (problems.includes("not_accredited")) return answer(["not_accredited"], null);
  if (problems.includes("revoked")) return answer(["revoked"], view);
  // The channel comes after the accreditation's own problems and before the charter's.
  // Every problem the state machine can give is a gate reason (a compile error otherwise).
  const reasons: GateReason[] = problems.filter((p) => p !== "charter_not_signed");
  if (!acc.channels.includes(channel)) reasons.push("channel_not_granted");
  if (problems.includes("charter_not_signed")) reasons.push("charter_not_signed");
  return answer(reasons, view);
}

/** The maximum number of checks in one batch request. */
export const GATE_BATCH_LIMIT = 100;
/** The maximum size of a JSON request body to the API, in bytes. */
export const API_MAX_BODY_BYTES = 64 * 1024;
