import { describe, expect, it } from "vitest";
import {
  PERSON_STATES,
  TRANSITIONS,
  addMonths,
  decide,
  expiryNoticeDue,
  isInForce,
  personState,
  type AccreditationState,
  type GuardFacts,
  type PersonState,
  type Transition,
} from "./accreditation";

const now = new Date("2026-03-01T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 24 * 60 * 60 * 1000);
const offered = ["linkedin", "x", "facebook"];

/** Facts that satisfy each transition's guard, so that only the from-state decides. */
const passing: Record<Transition, GuardFacts> = {
  request: { now, eligible: true, channels: ["linkedin"], offeredChannels: offered },
  grant: { now, eligible: true, channels: ["linkedin"], requestedChannels: ["linkedin", "x"], offeredChannels: offered, newValidUntil: days(365) },
  decline: { now, reason: "Not yet", validUntil: days(10) },
  suspend: { now, reason: "charter 2026-06 published" },
  reinstate: { now, currentCharterSigned: true, validUntil: days(100) },
  expire: { now, validUntil: days(-1) },
  revoke: { now, reason: "Posted confidential figures" },
  request_renewal: { now, eligible: true, recertified: true, validUntil: days(20), channels: ["linkedin"], offeredChannels: offered },
  renew: { now, eligible: true, channels: ["linkedin"], requestedChannels: ["linkedin"], offeredChannels: offered, newValidUntil: days(365) },
};

/** The expected table, written out independently of RULES: from-state → transition → resulting state. */
const ALLOWED: Partial<Record<PersonState, Partial<Record<Transition, AccreditationState>>>> = {
  none: { request: "requested" },
  requested: { grant: "granted", decline: "declined" },
  granted: { suspend: "suspended", expire: "expired", revoke: "revoked", request_renewal: "renewal_requested" },
  suspended: { reinstate: "granted", expire: "expired", revoke: "revoked" },
  expired: { request_renewal: "renewal_requested" },
  renewal_requested: { renew: "granted", decline: "granted", revoke: "revoked" },
  declined: {},
  revoked: {},
};

describe("the accreditation state machine", () => {
  const cases = PERSON_STATES.flatMap((from) => TRANSITIONS.map((transition) => ({ from, transition })));

  it("covers every state × transition pair", () => {
    expect(cases).toHaveLength(8 * 9);
  });

  it.each(cases)("$transition from $from", ({ from, transition }) => {
    const expected = ALLOWED[from]?.[transition];
    const decision = decide(from, transition, passing[transition]);
    if (expected) expect(decision).toEqual({ ok: true, to: expected });
    else expect(decision).toEqual({ ok: false, field: "form", error: "accreditation.errors.transitionNotAllowed" });
  });
});

describe("guards", () => {
  it("refuses a request from a person who is not eligible", () => {
    expect(decide("none", "request", { ...passing.request, eligible: false })).toMatchObject({ ok: false, error: "accreditation.errors.notEligible" });
  });

  it("refuses a request with no channel or a channel not offered", () => {
    expect(decide("none", "request", { ...passing.request, channels: [] })).toMatchObject({ ok: false, field: "channels", error: "accreditation.errors.channelsRequired" });
    expect(decide("none", "request", { ...passing.request, channels: ["myspace"] })).toMatchObject({ ok: false, error: "accreditation.errors.channelNotOffered" });
  });

  it("grants only channels both requested and offered, until a future date", () => {
    expect(decide("requested", "grant", { ...passing.grant, channels: ["facebook"] })).toMatchObject({ ok: false, error: "accreditation.errors.channelNotRequested" });
    expect(decide("requested", "grant", { ...passing.grant, channels: ["x"], offeredChannels: ["linkedin"] })).toMatchObject({ ok: false, error: "accreditation.errors.channelNotOffered" });
    expect(decide("requested", "grant", { ...passing.grant, newValidUntil: days(-1) })).toMatchObject({ ok: false, field: "validUntil" });
    expect(decide("requested", "grant", { ...passing.grant, channels: [] })).toMatchObject({ ok: false, field: "channels" });
    expect(decide("requested", "grant", { ...passing.grant, eligible: false })).toMatchObject({ ok: false, error: "accreditation.errors.notEligible" });
  });

  it("needs a reason to decline, suspend and revoke", () => {
    for (const [from, transition] of [["requested", "decline"], ["granted", "suspend"], ["granted", "revoke"]] as const) {
      expect(decide(from, transition, { now, reason: "  " })).toMatchObject({ ok: false, field: "reason", error: "accreditation.errors.reasonRequired" });
      expect(decide(from, transition, { now })).toMatchObject({ ok: false, field: "reason" });
    }
  });

  it("declining a renewal leaves the accreditation in force, or expired once past its end", () => {
    expect(decide("renewal_requested", "decline", { now, reason: "No", validUntil: days(5) })).toEqual({ ok: true, to: "granted" });
    expect(decide("renewal_requested", "decline", { now, reason: "No", validUntil: days(-5) })).toEqual({ ok: true, to: "expired" });
  });

  it("reinstates only with the current charter signed and before the end date", () => {
    expect(decide("suspended", "reinstate", { ...passing.reinstate, currentCharterSigned: false })).toMatchObject({ ok: false, error: "accreditation.errors.charterNotSigned" });
    expect(decide("suspended", "reinstate", { ...passing.reinstate, validUntil: days(-1) })).toMatchObject({ ok: false, error: "accreditation.errors.alreadyPastEnd" });
  });

  it("expires only once the end date has passed", () => {
    expect(decide("granted", "expire", { now, validUntil: days(1) })).toMatchObject({ ok: false, error: "accreditation.errors.notYetExpired" });
    expect(decide("granted", "expire", { now, validUntil: now })).toEqual({ ok: true, to: "expired" });
  });

  it("accepts a renewal request only after recertification, and before expiry only within 30 days of it", () => {
    expect(decide("granted", "request_renewal", { ...passing.request_renewal, validUntil: days(31) })).toMatchObject({ ok: false, error: "accreditation.errors.renewalTooEarly" });
    expect(decide("granted", "request_renewal", { ...passing.request_renewal, recertified: false })).toMatchObject({ ok: false, error: "accreditation.errors.notRecertified" });
    expect(decide("expired", "request_renewal", { ...passing.request_renewal, validUntil: days(-400) })).toEqual({ ok: true, to: "renewal_requested" });
    expect(decide("expired", "request_renewal", { ...passing.request_renewal, eligible: false })).toMatchObject({ ok: false, error: "accreditation.errors.notEligible" });
  });

  it("renews with the same checks as a grant", () => {
    expect(decide("renewal_requested", "renew", { ...passing.renew, channels: ["x"] })).toMatchObject({ ok: false, error: "accreditation.errors.channelNotRequested" });
    expect(decide("renewal_requested", "renew", { ...passing.renew, newValidUntil: null })).toMatchObject({ ok: false, field: "validUntil" });
  });
});

describe("helpers", () => {
  it("maps a person's latest row to the machine's state", () => {
    expect(personState(null)).toBe("none");
    expect(personState({ status: "declined" })).toBe("none");
    expect(personState({ status: "revoked" })).toBe("none");
    expect(personState({ status: "expired" })).toBe("expired");
    expect(personState({ status: "suspended" })).toBe("suspended");
  });

  it("an accreditation is in force only when granted, before its end and with the current charter signed", () => {
    expect(isInForce({ status: "granted", validUntil: days(1) }, now, true)).toBe(true);
    expect(isInForce({ status: "renewal_requested", validUntil: days(1) }, now, true)).toBe(true);
    expect(isInForce({ status: "granted", validUntil: days(1) }, now, false)).toBe(false);
    expect(isInForce({ status: "granted", validUntil: days(-1) }, now, true)).toBe(false);
    expect(isInForce({ status: "suspended", validUntil: days(1) }, now, true)).toBe(false);
    expect(isInForce(null, now, true)).toBe(false);
  });

  it("the expiry notice is due once, within 30 days of the end", () => {
    const base = { status: "granted" as const, expiryNoticeSentAt: null };
    expect(expiryNoticeDue({ ...base, validUntil: days(31) }, now)).toBe(false);
    expect(expiryNoticeDue({ ...base, validUntil: days(30) }, now)).toBe(true);
    expect(expiryNoticeDue({ ...base, validUntil: days(-1) }, now)).toBe(false);
    expect(expiryNoticeDue({ ...base, validUntil: days(10), expiryNoticeSentAt: now }, now)).toBe(false);
    expect(expiryNoticeDue({ ...base, status: "revoked", validUntil: days(10) }, now)).toBe(false);
  });

  it("adds months and clamps to the end of shorter months", () => {
    expect(addMonths(new Date("2026-01-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonths(new Date("2026-03-15T00:00:00Z"), 12).toISOString()).toBe("2027-03-15T00:00:00.000Z");
  });
});
