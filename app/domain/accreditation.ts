/**
 * The accreditation state machine: the one place that says which transition is allowed from which
 * state, under which guard, and into which state. Pure: the model (app/models/accreditation.server.ts)
 * gathers the facts, asks `decide`, and writes the result with an audit row in one transaction.
 * See docs/decisions/0006-accreditation-state-machine.md.
 */

export const ACCREDITATION_STATES = ["requested", "granted", "declined", "suspended", "expired", "revoked", "renewal_requested"] as const;
export type AccreditationState = (typeof ACCREDITATION_STATES)[number];

/** "none": the person has no accreditation row that is open or expired (never requested, or declined/revoked). */
export type PersonState = AccreditationState | "none";
export const PERSON_STATES: readonly PersonState[] = ["none", ...ACCREDITATION_STATES];

export const TRANSITIONS = ["request", "grant", "decline", "suspend", "reinstate", "expire", "revoke", "request_renewal", "renew"] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** Open rows: at most one per person (a unique index enforces it). */
export const OPEN_STATES: readonly AccreditationState[] = ["requested", "granted", "suspended", "renewal_requested"];
export const PENDING_STATES: readonly AccreditationState[] = ["requested", "renewal_requested"];

/** Lengths of a request's statement of purpose and of a decision's reason (characters). */
export const STATEMENT_MIN = 20;
export const STATEMENT_MAX = 500;
export const REASON_MAX = 500;

/** How many days before expiry the notice is sent and a renewal may be requested. */
export const RENEWAL_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type GuardFacts = {
  now: Date;
  /** The accreditation's current end of validity (null before any grant). */
  validUntil?: Date | null;
  /** The person meets every eligibility condition (app/domain/eligibility.ts). */
  eligible?: boolean;
  /** The person passed the exam after the accreditation's last grant or renewal. */
  recertified?: boolean;
  /** The person has signed the charter version currently in force. */
  currentCharterSigned?: boolean;
  /** Channels asked for (request, request_renewal) or decided (grant, renew). */
  channels?: readonly string[];
  /** Channels the person asked for, for grant and renew. */
  requestedChannels?: readonly string[];
  /** Channels the organisation offers (setting accreditation.channels). */
  offeredChannels?: readonly string[];
  /** New end of validity, for grant and renew. */
  newValidUntil?: Date | null;
  reason?: string | null;
};

/** Error keys are i18n keys (accreditation.errors.*); `field` says which form field they belong to. */
export type Refusal = { ok: false; field: "form" | "channels" | "validUntil" | "reason"; error: string };
export type Decision = { ok: true; to: AccreditationState } | Refusal;

type Rule = {
  from: readonly PersonState[];
  guard: (facts: GuardFacts, from: PersonState) => Refusal | null;
  to: (facts: GuardFacts, from: PersonState) => AccreditationState;
};

const refuse = (field: Refusal["field"], error: string): Refusal => ({ ok: false, field, error: `accreditation.errors.${error}` });

function needReason(facts: GuardFacts): Refusal | null {
  return facts.reason && facts.reason.trim().length > 0 ? null : refuse("reason", "reasonRequired");
}

function needEligible(facts: GuardFacts): Refusal | null {
  return facts.eligible ? null : refuse("form", "notEligible");
}

/** Requested channels: at least one, each offered. */
function checkRequestedChannels(facts: GuardFacts): Refusal | null {
  const channels = facts.channels ?? [];
  if (channels.length === 0) return refuse("channels", "channelsRequired");
  const offered = new Set(facts.offeredChannels ?? []);
  if (channels.some((c) => !offered.has(c))) return refuse("channels", "channelNotOffered");
  return null;
}

/** Decided channels: at least one, each both requested and offered; and a future end of validity. */
function checkDecision(facts: GuardFacts): Refusal | null {
  const channels = facts.channels ?? [];
  if (channels.length === 0) return refuse("channels", "channelsRequired");
  const requested = new Set(facts.requestedChannels ?? []);
  const offered = new Set(facts.offeredChannels ?? []);
  if (channels.some((c) => !requested.has(c))) return refuse("channels", "channelNotRequested");
  if (channels.some((c) => !offered.has(c))) return refuse("channels", "channelNotOffered");
  if (!facts.newValidUntil || facts.newValidUntil.getTime() <= facts.now.getTime()) return refuse("validUntil", "validUntilPast");
  return null;
}

const stillValid = (facts: GuardFacts) => Boolean(facts.validUntil && facts.validUntil.getTime() > facts.now.getTime());

export const RULES: Record<Transition, Rule> = {
  /** A person with nothing open asks for an accreditation. */
  request: {
    from: ["none"],
    guard: (facts) => needEligible(facts) ?? checkRequestedChannels(facts),
    to: () => "requested",
  },
  /** A manager grants some of the requested channels until a date. */
  grant: {
    from: ["requested"],
    guard: (facts) => needEligible(facts) ?? checkDecision(facts),
    to: () => "granted",
  },
  /**
   * A manager declines a request with a reason. Declining a renewal leaves the accreditation as it
   * was: in force until its end date, or expired if that date has passed.
   */
  decline: {
    from: ["requested", "renewal_requested"],
    guard: (facts) => needReason(facts),
    to: (facts, from) => (from === "requested" ? "declined" : stillValid(facts) ? "granted" : "expired"),
  },
  /** A new charter version was published and the person has not signed it. */
  suspend: {
    from: ["granted"],
    guard: (facts) => needReason(facts),
    to: () => "suspended",
  },
  /** The person signed the current charter; valid again until the end date. */
  reinstate: {
    from: ["suspended"],
    guard: (facts) => {
      if (!facts.currentCharterSigned) return refuse("form", "charterNotSigned");
      if (!stillValid(facts)) return refuse("form", "alreadyPastEnd");
      return null;
    },
    to: () => "granted",
  },
  /** The end date has passed (run by the jobs). */
  expire: {
    from: ["granted", "suspended"],
    guard: (facts) => (facts.validUntil && facts.validUntil.getTime() <= facts.now.getTime() ? null : refuse("form", "notYetExpired")),
    to: () => "expired",
  },
  /** A manager withdraws the accreditation, with a reason. Final. */
  revoke: {
    from: ["granted", "suspended", "renewal_requested"],
    guard: (facts) => needReason(facts),
    to: () => "revoked",
  },
  /**
   * After recertification (exam passed again, current charter signed), the person asks for a renewal:
   * once expired, or within the renewal window before expiry.
   */
  request_renewal: {
    from: ["granted", "expired"],
    guard: (facts, from) => {
      if (from === "granted") {
        const end = facts.validUntil?.getTime() ?? 0;
        if (end - facts.now.getTime() > RENEWAL_WINDOW_DAYS * DAY_MS) return refuse("form", "renewalTooEarly");
      }
      if (!facts.recertified) return refuse("form", "notRecertified");
      return needEligible(facts) ?? checkRequestedChannels(facts);
    },
    to: () => "renewal_requested",
  },
  /** A manager renews: a new end date and channel list. */
  renew: {
    from: ["renewal_requested"],
    guard: (facts) => needEligible(facts) ?? checkDecision(facts),
    to: () => "granted",
  },
};

/** Whether `transition` may happen from `from` given the facts, and into which state. */
export function decide(from: PersonState, transition: Transition, facts: GuardFacts): Decision {
  const rule = RULES[transition];
  if (!rule.from.includes(from)) return refuse("form", "transitionNotAllowed");
  const refusal = rule.guard(facts, from);
  if (refusal) return refusal;
  return { ok: true, to: rule.to(facts, from) };
}

export function isAllowedFrom(from: PersonState, transition: Transition): boolean {
  return RULES[transition].from.includes(from);
}

/** The person's state for the machine: their open row's, an expired last row's, or "none". */
export function personState(latest: { status: AccreditationState } | null): PersonState {
  if (!latest) return "none";
  if (OPEN_STATES.includes(latest.status) || latest.status === "expired") return latest.status;
  return "none";
}

/**
 * Whether the accreditation lets the person speak for the company now: granted (or granted with a
 * renewal pending), not past its end date, and the charter in force signed.
 */
export function isInForce(
  accreditation: { status: AccreditationState; validUntil: Date | null } | null,
  now: Date,
  currentCharterSigned: boolean,
): boolean {
  if (!accreditation || !accreditation.validUntil) return false;
  if (accreditation.status !== "granted" && accreditation.status !== "renewal_requested") return false;
  return accreditation.validUntil.getTime() > now.getTime() && currentCharterSigned;
}

/** Whether the 30-day expiry notice is due. */
export function expiryNoticeDue(
  accreditation: { status: AccreditationState; validUntil: Date | null; expiryNoticeSentAt: Date | null },
  now: Date,
): boolean {
  if (accreditation.expiryNoticeSentAt || !accreditation.validUntil) return false;
  if (accreditation.status !== "granted" && accreditation.status !== "suspended") return false;
  const left = accreditation.validUntil.getTime() - now.getTime();
  return left > 0 && left <= RENEWAL_WINDOW_DAYS * DAY_MS;
}

/** Adds calendar months in UTC, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
