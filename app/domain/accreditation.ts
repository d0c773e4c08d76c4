/**
 * The accreditation state machine: ONE typed table (STATES for the states, RULES for the transitions)
 * from which everything else is derived:
 * - the schema's status enum and its partial indexes (db/schema.ts: ACCREDITATION_STATUSES, OPEN_STATES,
 *   PENDING_STATES, `statusIn`);
 * - what a viewer may do now (`availableTransitions`), which loaders hand views as `can: {…}`;
 * - the learner's next step, as a key (`nextStep`; the view maps keys to links);
 * - "in force" (`standingProblems` / `isInForce`), used by the posting gate (TS and the SQL order
 *   `GATE_ORDER_SQL`), the credential status (app/domain/open-badge.ts) and the views;
 * - the webhook event each transition emits (`eventOf`, ACCREDITATION_EVENTS);
 * - who is told of each transition, and of what (`noticeOf`; app/domain/notifications.ts).
 * Pure: the models gather the facts, ask `decide`, and write the result with an audit row in one
 * transaction (app/models/accreditation-transition.server.ts). See docs/decisions/0015-one-state-table.md.
 *
 * Adding a state: add one entry to STATES; the compiler then points at every exhaustive `switch` that
 * must say what the state means (standing, next step, badge, explanation); add or extend RULES entries.
 */

import type { TransitionNotice } from "./notifications";

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------------

/**
 * How the outside world sees a row in a state:
 * - `in_force`: lets the person post (while before its end date and the charter is signed);
 * - `suspended`, `expired`, `revoked`: once granted, not usable now (the gate's reason codes);
 * - `never_granted`: a request that was never granted (the gate says `not_accredited`).
 */
export type Standing = "in_force" | "suspended" | "expired" | "revoked" | "never_granted";

type StateSpec = {
  /** At most one open row per person (the partial unique index `accreditations_open_idx`). */
  open: boolean;
  /** Awaiting a manager's decision (the managers' queue; index `accreditations_pending_idx`). */
  pending: boolean;
  standing: Standing;
  /**
   * Whether the person's state stays this one when it is their latest row (`personState`), or
   * becomes `none` (they may start over with a new request).
   */
  sticky: boolean;
};

export const STATES = {
  requested: { open: true, pending: true, standing: "never_granted", sticky: true },
  granted: { open: true, pending: false, standing: "in_force", sticky: true },
  declined: { open: false, pending: false, standing: "never_granted", sticky: false },
  suspended: { open: true, pending: false, standing: "suspended", sticky: true },
  expired: { open: false, pending: false, standing: "expired", sticky: true },
  /** Sticky: a revoked person waits (setting accreditation.revokedWaitDays) or is reopened by a manager. */
  revoked: { open: false, pending: false, standing: "revoked", sticky: true },
  renewal_requested: { open: true, pending: true, standing: "in_force", sticky: true },
} as const satisfies Record<string, StateSpec>;

export type AccreditationState = keyof typeof STATES;
/** The schema's enum (db/schema.ts), in the table's order. */
export const ACCREDITATION_STATUSES = Object.keys(STATES) as [AccreditationState, ...AccreditationState[]];

const statesWhere = (test: (spec: StateSpec) => boolean) => ACCREDITATION_STATUSES.filter((s) => test(STATES[s]));
/** Open rows: at most one per person. */
export const OPEN_STATES: readonly AccreditationState[] = statesWhere((s) => s.open);
/** Rows awaiting a manager. */
export const PENDING_STATES: readonly AccreditationState[] = statesWhere((s) => s.pending);
/** Rows that let the person post (before their end date, charter signed). */
export const IN_FORCE_STATES: readonly AccreditationState[] = statesWhere((s) => s.standing === "in_force");

function standingOf(status: AccreditationState): Standing {
  return STATES[status].standing;
}

/** `status in ('a', 'b')` for SQL written by hand (partial indexes, the gate's query). */
export function statusIn(states: readonly AccreditationState[], column = "status"): string {
  return `${column} in (${states.map((s) => `'${s}'`).join(", ")})`;
}

/** "none": no sticky latest row (never requested, or the last request was declined). */
export type PersonState = AccreditationState | "none";
export const PERSON_STATES: readonly PersonState[] = ["none", ...ACCREDITATION_STATUSES];

/** The person's state for the machine: their latest row's when sticky, otherwise "none". */
export function personState(latest: { status: AccreditationState } | null): PersonState {
  if (!latest) return "none";
  return STATES[latest.status].sticky ? latest.status : "none";
}

// ---------------------------------------------------------------------------------------------
// Reasons, stored structurally (columns reason_kind + reason)
// ---------------------------------------------------------------------------------------------

export const LEAVER_SOURCES = ["admin", "scim", "csv", "sso"] as const;
export type LeaverSource = (typeof LEAVER_SOURCES)[number];

/**
 * Why a row is in its state:
 * - `decision`: a manager's own words (decline, revoke);
 * - `charter`: a new charter version (`version`) awaits the person's signature (suspension);
 * - `left_organisation`: the person was deactivated (`source`: admin, SCIM, CSV import or SSO).
 */
export type StateReason = { kind: "decision"; text: string } | { kind: "charter"; version: string } | { kind: "left_organisation"; source: LeaverSource };
export type ReasonKind = StateReason["kind"];
export const REASON_KINDS = ["decision", "charter", "left_organisation"] as const satisfies readonly ReasonKind[];

/** The two columns a reason is stored in. */
export function reasonColumns(reason: StateReason | null): { reasonKind: ReasonKind | null; reason: string | null } {
  if (!reason) return { reasonKind: null, reason: null };
  switch (reason.kind) {
    case "decision":
      return { reasonKind: "decision", reason: reason.text.trim() };
    case "charter":
      return { reasonKind: "charter", reason: reason.version };
    case "left_organisation":
      return { reasonKind: "left_organisation", reason: reason.source };
    default:
      return unreachable(reason);
  }
}

/** The reason read back from its two columns (null when the row has none). */
export function reasonFrom(row: { reasonKind: ReasonKind | null; reason: string | null }): StateReason | null {
  if (!row.reasonKind) return null;
  switch (row.reasonKind) {
    case "decision":
      return { kind: "decision", text: row.reason ?? "" };
    case "charter":
      return { kind: "charter", version: row.reason ?? "" };
    case "left_organisation":
      return { kind: "left_organisation", source: (LEAVER_SOURCES as readonly string[]).includes(row.reason ?? "") ? (row.reason as LeaverSource) : "admin" };
    default:
      return unreachable(row.reasonKind);
  }
}

// ---------------------------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------------------------

export const TRANSITIONS = ["request", "grant", "decline", "suspend", "reinstate", "expire", "revoke", "reopen", "request_renewal", "renew"] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** Who performs a transition: the person themselves, their manager, or the system (jobs, charter, leaver path). */
export const ACTORS = ["holder", "manager", "system"] as const;
export type Actor = (typeof ACTORS)[number];

/** The webhook events (db/schema.ts uses this list as the events table's enum). */
export const ACCREDITATION_EVENTS = [
  "accreditation.granted",
  "accreditation.renewed",
  "accreditation.suspended",
  "accreditation.reinstated",
  "accreditation.expired",
  "accreditation.revoked",
] as const;
export type AccreditationEvent = (typeof ACCREDITATION_EVENTS)[number];

/** Lengths of a request's statement of purpose and of a decision's reason (characters). */
export const STATEMENT_MIN = 20;
export const STATEMENT_MAX = 500;
export const REASON_MAX = 500;

/** How many days before expiry the notice is sent and a renewal may be requested. */
export const RENEWAL_WINDOW_DAYS = 30;

export type GuardFacts = {
  now: Date;
  /** The accreditation's current end of validity (null before any grant). */
  validUntil?: Date | null;
  /** The person meets every eligibility condition (app/domain/eligibility.ts). */
  eligible?: boolean;
  /** The person passed the exam after the accreditation's last grant or renewal (see `isRecertified`). */
  recertified?: boolean;
  /** The person has signed the charter version currently in force. */
  currentCharterSigned?: boolean;
  /** The person's account is active (false once they left the organisation). */
  holderActive?: boolean;
  /** Why the row is in its current state (a suspension's cause decides who may reinstate it). */
  currentReason?: StateReason | null;
  /** When a revoked row was revoked, whether a manager reopened it, and the waiting period (days). */
  revokedAt?: Date | null;
  reopened?: boolean;
  revokedWaitDays?: number;
  /** Channels asked for (request, request_renewal) or decided (grant, renew). */
  channels?: readonly string[];
  /** Channels the person asked for, for grant and renew. */
  requestedChannels?: readonly string[];
  /** Channels the organisation offers (setting accreditation.channels). */
  offeredChannels?: readonly string[];
  /** New end of validity, for grant and renew, and the longest validity allowed (months). */
  newValidUntil?: Date | null;
  maxValidityMonths?: number;
  /** The new reason (decline, suspend, revoke). */
  reason?: StateReason | null;
};

/** Error keys are i18n keys (accreditation.errors.*); `field` says which form field they belong to. */
export type RefusalField = "form" | "channels" | "validUntil" | "reason";
export type Refusal = { ok: false; field: RefusalField; error: string };
export type Decision = { ok: true; to: AccreditationState } | Refusal;

type Check = (facts: GuardFacts, from: PersonState, actor: Actor) => Refusal | null;

type Rule = {
  from: readonly PersonState[];
  by: readonly Actor[];
  /** What must hold before the action is even offered (eligibility, windows, waiting periods). */
  precondition?: Check;
  /** Checks of what the actor submits (channels, dates, reason). */
  input?: Check;
  to: (facts: GuardFacts, from: PersonState) => AccreditationState;
  /** The webhook event this change is reported as, or null when nothing changed for the outside world. */
  event: (to: AccreditationState) => AccreditationEvent | null;
  /** Who is told (mail and inbox): the holder and/or the managers of their team, with the kind of notice. */
  notify: (to: AccreditationState) => TransitionNotice;
};

const tell = (holder: TransitionNotice["holder"], managers: TransitionNotice["managers"] = null): TransitionNotice => ({ holder, managers });

const refuse = (field: RefusalField, error: string): Refusal => ({ ok: false, field, error: `accreditation.errors.${error}` });
/** Refusals of the leaver path, the waiting period and the longest validity (strings in app/i18n/fr/lifecycle.ts and its English twin). */
const refuseLifecycle = (field: RefusalField, error: string): Refusal => ({ ok: false, field, error: `lifecycle.errors.${error}` });

function needReason(facts: GuardFacts): Refusal | null {
  const reason = facts.reason;
  if (!reason) return refuse("reason", "reasonRequired");
  if (reason.kind === "decision" && reason.text.trim().length === 0) return refuse("reason", "reasonRequired");
  return null;
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

/** The last moment a grant decided at `now` may run to: the end of the UTC day `maxMonths` from now. */
export function latestValidUntil(now: Date, maxMonths: number): Date {
  const limit = addMonths(now, maxMonths);
  limit.setUTCHours(23, 59, 59, 999);
  return limit;
}

/** Decided channels: at least one, each both requested and offered; an end of validity in the future and within the longest validity. */
function checkDecision(facts: GuardFacts): Refusal | null {
  const channels = facts.channels ?? [];
  if (channels.length === 0) return refuse("channels", "channelsRequired");
  const requested = new Set(facts.requestedChannels ?? []);
  const offered = new Set(facts.offeredChannels ?? []);
  if (channels.some((c) => !requested.has(c))) return refuse("channels", "channelNotRequested");
  if (channels.some((c) => !offered.has(c))) return refuse("channels", "channelNotOffered");
  if (!facts.newValidUntil || facts.newValidUntil.getTime() <= facts.now.getTime()) return refuse("validUntil", "validUntilPast");
  if (facts.maxValidityMonths === undefined) return refuseLifecycle("validUntil", "validUntilTooFar");
  if (facts.newValidUntil.getTime() > latestValidUntil(facts.now, facts.maxValidityMonths).getTime()) return refuseLifecycle("validUntil", "validUntilTooFar");
  return null;
}

const stillValid = (facts: GuardFacts) => Boolean(facts.validUntil && facts.validUntil.getTime() > facts.now.getTime());

/** Whether a revoked person's waiting period is over (or a manager reopened their case). */
function waitingOver(facts: Pick<GuardFacts, "now" | "revokedAt" | "reopened" | "revokedWaitDays">): boolean {
  if (facts.reopened) return true;
  if (!facts.revokedAt) return true;
  return facts.revokedAt.getTime() + (facts.revokedWaitDays ?? 0) * DAY_MS <= facts.now.getTime();
}

/** When a revoked person may request again (null when they may already). */
export function requestAgainFrom(facts: Pick<GuardFacts, "now" | "revokedAt" | "reopened" | "revokedWaitDays">): Date | null {
  if (waitingOver(facts) || !facts.revokedAt) return null;
  return new Date(facts.revokedAt.getTime() + (facts.revokedWaitDays ?? 0) * DAY_MS);
}

export const RULES: Record<Transition, Rule> = {
  /** A person with nothing open asks for an accreditation; after a revocation, once the waiting period is over or reopened. */
  request: {
    from: ["none", "revoked"],
    by: ["holder"],
    precondition: (facts, from) => {
      if (from === "revoked" && !waitingOver(facts)) return refuseLifecycle("form", "revokedWaiting");
      return needEligible(facts);
    },
    input: (facts) => checkRequestedChannels(facts),
    to: () => "requested",
    event: () => null,
    notify: () => tell(null, "request_waiting"),
  },
  /** A manager grants some of the requested channels until a date (no later than the longest validity). */
  grant: {
    from: ["requested"],
    by: ["manager"],
    precondition: (facts) => needEligible(facts),
    input: (facts) => checkDecision(facts),
    to: () => "granted",
    event: () => "accreditation.granted",
    notify: () => tell("granted"),
  },
  /**
   * A manager declines a request with a reason (or the system, when the person leaves). Declining a
   * renewal leaves the accreditation as it was: in force until its end date, or expired after.
   */
  decline: {
    from: ["requested", "renewal_requested"],
    by: ["manager", "system"],
    input: (facts) => needReason(facts),
    to: (facts, from) => (from === "requested" ? "declined" : stillValid(facts) ? "granted" : "expired"),
    // A renewal declined after the end date: the accreditation is now expired.
    event: (to) => (to === "expired" ? "accreditation.expired" : null),
    notify: () => tell("declined"),
  },
  /** A new charter version awaits the person's signature, or the person left the organisation. */
  suspend: {
    from: ["granted", "renewal_requested", "suspended"],
    by: ["system"],
    input: (facts) => needReason(facts),
    to: () => "suspended",
    event: () => "accreditation.suspended",
    notify: () => tell("suspended", "team_suspended"),
  },
  /**
   * Valid again until the end date: when the person signs the current charter (the system), or, after
   * they left and came back, when their manager reinstates them explicitly (never silently).
   */
  reinstate: {
    from: ["suspended"],
    by: ["system", "manager"],
    precondition: (facts, _from, actor) => {
      if (facts.currentReason?.kind === "left_organisation") {
        if (actor !== "manager") return refuseLifecycle("form", "leftOrganisation");
        if (!facts.holderActive) return refuseLifecycle("form", "holderInactive");
      }
      if (!facts.currentCharterSigned) return refuse("form", "charterNotSigned");
      if (!stillValid(facts)) return refuse("form", "alreadyPastEnd");
      return null;
    },
    to: () => "granted",
    event: () => "accreditation.reinstated",
    notify: () => tell("reinstated"),
  },
  /** The end date has passed (run by the jobs). */
  expire: {
    from: ["granted", "suspended"],
    by: ["system"],
    precondition: (facts) => (facts.validUntil && facts.validUntil.getTime() <= facts.now.getTime() ? null : refuse("form", "notYetExpired")),
    to: () => "expired",
    event: () => "accreditation.expired",
    notify: () => tell("expired"),
  },
  /** A manager withdraws the accreditation, with a reason. The person waits before asking again. */
  revoke: {
    from: ["granted", "suspended", "renewal_requested"],
    by: ["manager"],
    input: (facts) => needReason(facts),
    to: () => "revoked",
    event: () => "accreditation.revoked",
    notify: () => tell("revoked"),
  },
  /** A manager lets a revoked person ask again before the waiting period is over. */
  reopen: {
    from: ["revoked"],
    by: ["manager"],
    precondition: (facts) => (waitingOver(facts) ? refuseLifecycle("form", "alreadyReopened") : null),
    to: () => "revoked",
    event: () => null,
    notify: () => tell("reopened"),
  },
  /**
   * After recertification (exam passed again, current charter signed), the person asks for a renewal:
   * once expired, or within the renewal window before expiry.
   */
  request_renewal: {
    from: ["granted", "expired"],
    by: ["holder"],
    precondition: (facts, from) => {
      if (from === "granted" && !inRenewalWindow(facts.validUntil ?? null, facts.now)) return refuse("form", "renewalTooEarly");
      if (!facts.recertified) return refuse("form", "notRecertified");
      return needEligible(facts);
    },
    input: (facts) => checkRequestedChannels(facts),
    to: () => "renewal_requested",
    event: () => null,
    notify: () => tell(null, "request_waiting"),
  },
  /** A manager renews: a new end date and channel list. */
  renew: {
    from: ["renewal_requested"],
    by: ["manager"],
    precondition: (facts) => needEligible(facts),
    input: (facts) => checkDecision(facts),
    to: () => "granted",
    event: () => "accreditation.renewed",
    notify: () => tell("renewed"),
  },
};

/** The states a transition may start from (e.g. what the expiry job looks for). */
export function statesFrom(transition: Transition): AccreditationState[] {
  return RULES[transition].from.filter((s): s is AccreditationState => s !== "none");
}

/** Whether `actor` may make `transition` from `from` given the facts, and into which state. */
export function decide(from: PersonState, transition: Transition, facts: GuardFacts, actor: Actor): Decision {
  const rule = RULES[transition];
  if (!rule.from.includes(from) || !rule.by.includes(actor)) return refuse("form", "transitionNotAllowed");
  const refusal = rule.precondition?.(facts, from, actor) ?? rule.input?.(facts, from, actor) ?? null;
  if (refusal) return refusal;
  return { ok: true, to: rule.to(facts, from) };
}

/** The webhook event of a transition that ended in `to`, or null. */
export function eventOf(transition: Transition, to: AccreditationState): AccreditationEvent | null {
  return RULES[transition].event(to);
}

/** Who is told of a transition that ended in `to` (the state table's `notify` column). */
export function noticeOf(transition: Transition, to: AccreditationState): TransitionNotice {
  return RULES[transition].notify(to);
}

/** Who looks at an accreditation: its holder, a manager (never on their own case), or the system. */
export type Viewer = { kind: "holder" } | { kind: "manager"; ownCase: boolean } | { kind: "system" };

/**
 * What a viewer may do now: the transitions allowed from this state, by this viewer, whose
 * preconditions hold (what the viewer will submit is checked by `decide`).
 */
export function availableTransitions(viewer: Viewer, from: PersonState, facts: GuardFacts): Transition[] {
  if (viewer.kind === "manager" && viewer.ownCase) return [];
  return TRANSITIONS.filter((transition) => {
    const rule = RULES[transition];
    return rule.from.includes(from) && rule.by.includes(viewer.kind) && !rule.precondition?.(facts, from, viewer.kind);
  });
}

// ---------------------------------------------------------------------------------------------
// In force: the one definition
// ---------------------------------------------------------------------------------------------

/** Why an accreditation does not let its holder post now; empty exactly when it is in force. */
export type StandingProblem = "not_accredited" | "revoked" | "suspended" | "expired" | "charter_not_signed";

/**
 * The one definition of "in force": a row whose state stands in force (granted, or granted with a
 * renewal pending), before its end date, with the charter in force signed (when the caller checks
 * it: the credential does not, its suspension covers the charter). Problems come in a fixed order;
 * `revoked` and `not_accredited` come alone.
 */
export function standingProblems(
  accreditation: { status: AccreditationState; validUntil: Date | null } | null,
  now: Date,
  charter?: { inForce: boolean; signed: boolean },
): StandingProblem[] {
  if (!accreditation) return ["not_accredited"];
  const problems: StandingProblem[] = [];
  const standing = standingOf(accreditation.status);
  switch (standing) {
    case "never_granted":
      return ["not_accredited"];
    case "revoked":
      return ["revoked"];
    case "suspended":
      problems.push("suspended");
      break;
    case "expired":
    case "in_force":
      break;
    default:
      return unreachable(standing);
  }
  const pastEnd = !accreditation.validUntil || accreditation.validUntil.getTime() <= now.getTime();
  if (standing === "expired" || pastEnd) problems.push("expired");
  if (charter && charter.inForce && !charter.signed) problems.push("charter_not_signed");
  return problems;
}

/** In force now (see `standingProblems`); `currentCharterSigned` is whether the charter in force is signed. */
export function isInForce(accreditation: { status: AccreditationState; validUntil: Date | null } | null, now: Date, currentCharterSigned: boolean): boolean {
  return standingProblems(accreditation, now, { inForce: true, signed: currentCharterSigned }).length === 0;
}

/** The SQL ordering term that picks a person's most relevant once-granted row: in force first, then suspended, then the rest. */
export function gateOrderSql(column = "status"): string {
  const rank = (standing: Standing): number => {
    switch (standing) {
      case "in_force":
        return 0;
      case "suspended":
        return 1;
      case "expired":
      case "revoked":
      case "never_granted":
        return 2;
      default:
        return unreachable(standing);
    }
  };
  const whens = ACCREDITATION_STATUSES.filter((s) => rank(standingOf(s)) < 2).map((s) => `when ${column} = '${s}' then ${rank(standingOf(s))}`);
  return `case ${whens.join(" ")} else 2 end`;
}

// ---------------------------------------------------------------------------------------------
// The person's road: recertification, renewal window, next step
// ---------------------------------------------------------------------------------------------

/** The person passed the exam after the accreditation's last grant or renewal. */
export function isRecertified(grantedAt: Date | null | undefined, lastPassAt: Date | null | undefined): boolean {
  return Boolean(grantedAt && lastPassAt && lastPassAt.getTime() > grantedAt.getTime());
}

/** Within the renewal window before the end date (or past it). */
export function inRenewalWindow(validUntil: Date | null, now: Date): boolean {
  return Boolean(validUntil && validUntil.getTime() - now.getTime() <= RENEWAL_WINDOW_DAYS * DAY_MS);
}

/** The eligibility condition still unmet, first first (app/domain/eligibility.ts). */
type UnmetItem = "placed" | "track" | "exam" | "charter";

export type NextStepKey = UnmetItem | "request" | "renew" | "recertify" | "resign" | "contactManager" | "waiting" | "pending" | "inForce" | "none";

/**
 * What the person should do next, as a key (the view maps keys to words and links). While the exam
 * cannot be taken now (a cooldown or the attempt limit after a failure: `examLocked`), a step that
 * would be the exam becomes what can be done meanwhile: signing the charter when it is unsigned.
 */
export function nextStep(input: {
  state: PersonState;
  available: readonly Transition[];
  inForce: boolean;
  inRenewalWindow: boolean;
  recertified: boolean;
  unmet: UnmetItem | null;
  currentReason: StateReason | null;
  examLocked?: boolean;
  charterUnsigned?: boolean;
}): NextStepKey {
  const step = nextStepBeforeLocks(input);
  if ((step === "exam" || step === "recertify") && input.examLocked && input.charterUnsigned) return "charter";
  return step;
}

function nextStepBeforeLocks(input: Parameters<typeof nextStep>[0]): NextStepKey {
  const { state, available, unmet } = input;
  const recertify = !input.recertified && (unmet === null || unmet === "exam");
  switch (state) {
    case "suspended":
      return input.currentReason?.kind === "left_organisation" ? "contactManager" : "resign";
    case "requested":
    case "renewal_requested":
      return "pending";
    case "none":
    case "declined":
      return available.includes("request") ? "request" : (unmet ?? "none");
    case "revoked":
      if (available.includes("request")) return "request";
      return unmet === null ? "waiting" : unmet;
    case "granted":
      if (available.includes("request_renewal")) return "renew";
      if (input.inForce && !input.inRenewalWindow) return "inForce";
      if (recertify) return "recertify";
      return unmet ?? "inForce";
    case "expired":
      if (available.includes("request_renewal")) return "renew";
      if (recertify) return "recertify";
      return unmet ?? "none";
    default:
      return unreachable(state);
  }
}

// ---------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------

/** Whether the 30-day expiry notice is due (rows the expiry job would expire, within the window). */
export function expiryNoticeDue(accreditation: { status: AccreditationState; validUntil: Date | null; expiryNoticeSentAt: Date | null }, now: Date): boolean {
  if (accreditation.expiryNoticeSentAt || !accreditation.validUntil) return false;
  if (!RULES.expire.from.includes(accreditation.status)) return false;
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

/** For exhaustive switches: a compile error when a case is missing. */
export function unreachable(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
