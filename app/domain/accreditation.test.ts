import { describe, expect, it } from "vitest";
import {
  ACCREDITATION_EVENTS,
  ACCREDITATION_STATUSES,
  ACTORS,
  OPEN_STATES,
  PENDING_STATES,
  PERSON_STATES,
  TRANSITIONS,
  addMonths,
  availableTransitions,
  decide,
  eventOf,
  expiryNoticeDue,
  gateOrderSql,
  isInForce,
  latestValidUntil,
  nextStep,
  personState,
  reasonColumns,
  reasonFrom,
  standingProblems,
  statusIn,
  type AccreditationState,
  type Actor,
  type GuardFacts,
  type PersonState,
  type StateReason,
  type Transition,
} from "./accreditation";

const now = new Date("2026-03-01T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const days = (n: number) => new Date(now.getTime() + n * DAY);
const offered = ["linkedin", "x", "facebook"];
const decision = (text: string): StateReason => ({ kind: "decision", text });

/** Facts that satisfy each transition's guard, so that only the from-state and the actor decide. */
const passing: Record<Transition, GuardFacts> = {
  request: { now, eligible: true, channels: ["linkedin"], offeredChannels: offered, revokedAt: days(-100), revokedWaitDays: 90 },
  grant: {
    now,
    eligible: true,
    channels: ["linkedin"],
    requestedChannels: ["linkedin", "x"],
    offeredChannels: offered,
    newValidUntil: days(365),
    maxValidityMonths: 24,
  },
  decline: { now, reason: decision("Not yet"), validUntil: days(10) },
  suspend: { now, reason: { kind: "charter", version: "2026-06" } },
  reinstate: { now, currentCharterSigned: true, validUntil: days(100), currentReason: { kind: "charter", version: "2026-06" }, holderActive: true },
  expire: { now, validUntil: days(-1) },
  revoke: { now, reason: decision("Posted confidential figures") },
  reopen: { now, revokedAt: days(-1), revokedWaitDays: 90 },
  request_renewal: { now, eligible: true, recertified: true, validUntil: days(20), channels: ["linkedin"], offeredChannels: offered },
  renew: {
    now,
    eligible: true,
    channels: ["linkedin"],
    requestedChannels: ["linkedin"],
    offeredChannels: offered,
    newValidUntil: days(365),
    maxValidityMonths: 24,
  },
};

/** The expected table, written out independently of RULES: from-state → transition → [resulting state, actors]. */
const ALLOWED: Partial<Record<PersonState, Partial<Record<Transition, [AccreditationState, Actor[]]>>>> = {
  none: { request: ["requested", ["holder"]] },
  requested: { grant: ["granted", ["manager"]], decline: ["declined", ["manager", "system"]] },
  granted: {
    suspend: ["suspended", ["system"]],
    expire: ["expired", ["system"]],
    revoke: ["revoked", ["manager"]],
    request_renewal: ["renewal_requested", ["holder"]],
  },
  suspended: {
    suspend: ["suspended", ["system"]],
    reinstate: ["granted", ["system", "manager"]],
    expire: ["expired", ["system"]],
    revoke: ["revoked", ["manager"]],
  },
  expired: { request_renewal: ["renewal_requested", ["holder"]] },
  renewal_requested: {
    renew: ["granted", ["manager"]],
    decline: ["granted", ["manager", "system"]],
    revoke: ["revoked", ["manager"]],
    suspend: ["suspended", ["system"]],
  },
  declined: {},
  revoked: { request: ["requested", ["holder"]], reopen: ["revoked", ["manager"]] },
};

describe("the accreditation state machine: every state × transition × actor", () => {
  const cases = PERSON_STATES.flatMap((from) => TRANSITIONS.flatMap((transition) => ACTORS.map((actor) => ({ from, transition, actor }))));

  it("covers every triple", () => {
    expect(cases).toHaveLength(PERSON_STATES.length * TRANSITIONS.length * ACTORS.length);
    expect(PERSON_STATES).toHaveLength(8);
  });

  it.each(cases)("$transition from $from by $actor", ({ from, transition, actor }) => {
    const expected = ALLOWED[from]?.[transition];
    const result = decide(from, transition, passing[transition], actor);
    if (expected && expected[1].includes(actor)) expect(result).toEqual({ ok: true, to: expected[0] });
    else expect(result).toEqual({ ok: false, field: "form", error: "accreditation.errors.transitionNotAllowed" });
  });
});

describe("availableTransitions: what each viewer may do in each state", () => {
  const viewers = [
    { name: "holder", viewer: { kind: "holder" } as const, actor: "holder" as Actor },
    { name: "manager", viewer: { kind: "manager", ownCase: false } as const, actor: "manager" as Actor },
    { name: "manager on their own case", viewer: { kind: "manager", ownCase: true } as const, actor: null },
    { name: "system", viewer: { kind: "system" } as const, actor: "system" as Actor },
  ];
  const cases = PERSON_STATES.flatMap((from) => viewers.map((v) => ({ from, ...v })));

  it.each(cases)("$name in $from", ({ from, viewer, actor }) => {
    const expected = TRANSITIONS.filter((transition) => actor !== null && ALLOWED[from]?.[transition]?.[1].includes(actor));
    const available = TRANSITIONS.filter((transition) => availableTransitions(viewer, from, passing[transition]).includes(transition));
    expect(available).toEqual(expected);
  });

  it("leaves out what the preconditions refuse, not what the viewer has yet to submit", () => {
    // No channels chosen yet: the request is still offered.
    expect(availableTransitions({ kind: "holder" }, "none", { now, eligible: true })).toEqual(["request"]);
    expect(availableTransitions({ kind: "holder" }, "none", { now, eligible: false })).toEqual([]);
    expect(availableTransitions({ kind: "holder" }, "granted", { ...passing.request_renewal, validUntil: days(60) })).toEqual([]);
    expect(availableTransitions({ kind: "manager", ownCase: false }, "requested", { now, eligible: true })).toEqual(["grant", "decline"]);
  });
});

describe("guards", () => {
  it("refuses a request from a person who is not eligible", () => {
    expect(decide("none", "request", { ...passing.request, eligible: false }, "holder")).toMatchObject({
      ok: false,
      error: "accreditation.errors.notEligible",
    });
  });

  it("refuses a request with no channel or a channel not offered", () => {
    expect(decide("none", "request", { ...passing.request, channels: [] }, "holder")).toMatchObject({
      ok: false,
      field: "channels",
      error: "accreditation.errors.channelsRequired",
    });
    expect(decide("none", "request", { ...passing.request, channels: ["myspace"] }, "holder")).toMatchObject({
      ok: false,
      error: "accreditation.errors.channelNotOffered",
    });
  });

  it("grants only channels both requested and offered, until a future date within the longest validity", () => {
    const grant = (facts: Partial<GuardFacts>) => decide("requested", "grant", { ...passing.grant, ...facts }, "manager");
    expect(grant({ channels: ["facebook"] })).toMatchObject({ ok: false, error: "accreditation.errors.channelNotRequested" });
    expect(grant({ channels: ["x"], offeredChannels: ["linkedin"] })).toMatchObject({ ok: false, error: "accreditation.errors.channelNotOffered" });
    expect(grant({ newValidUntil: days(-1) })).toMatchObject({ ok: false, field: "validUntil" });
    expect(grant({ channels: [] })).toMatchObject({ ok: false, field: "channels" });
    expect(grant({ eligible: false })).toMatchObject({ ok: false, error: "accreditation.errors.notEligible" });
    expect(grant({ newValidUntil: new Date("9999-12-31T23:59:59.999Z") })).toEqual({
      ok: false,
      field: "validUntil",
      error: "lifecycle.errors.validUntilTooFar",
    });
    expect(grant({ newValidUntil: latestValidUntil(now, 24) })).toEqual({ ok: true, to: "granted" });
    expect(grant({ newValidUntil: new Date(latestValidUntil(now, 24).getTime() + 1) })).toMatchObject({
      ok: false,
      error: "lifecycle.errors.validUntilTooFar",
    });
    expect(grant({ maxValidityMonths: undefined })).toMatchObject({ ok: false, field: "validUntil" });
  });

  it("needs a reason to decline, suspend and revoke", () => {
    for (const [from, transition, actor] of [
      ["requested", "decline", "manager"],
      ["granted", "suspend", "system"],
      ["granted", "revoke", "manager"],
    ] as const) {
      expect(decide(from, transition, { now, reason: decision("  ") }, actor)).toMatchObject({
        ok: false,
        field: "reason",
        error: "accreditation.errors.reasonRequired",
      });
      expect(decide(from, transition, { now }, actor)).toMatchObject({ ok: false, field: "reason" });
    }
  });

  it("declining a renewal leaves the accreditation in force, or expired once past its end", () => {
    expect(decide("renewal_requested", "decline", { now, reason: decision("No"), validUntil: days(5) }, "manager")).toEqual({ ok: true, to: "granted" });
    expect(decide("renewal_requested", "decline", { now, reason: decision("No"), validUntil: days(-5) }, "manager")).toEqual({ ok: true, to: "expired" });
  });

  it("reinstates only with the current charter signed and before the end date", () => {
    expect(decide("suspended", "reinstate", { ...passing.reinstate, currentCharterSigned: false }, "system")).toMatchObject({
      ok: false,
      error: "accreditation.errors.charterNotSigned",
    });
    expect(decide("suspended", "reinstate", { ...passing.reinstate, validUntil: days(-1) }, "system")).toMatchObject({
      ok: false,
      error: "accreditation.errors.alreadyPastEnd",
    });
  });

  it("a suspension for leaving is lifted only by a manager, once the person is active again", () => {
    const left = { ...passing.reinstate, currentReason: { kind: "left_organisation", source: "admin" } as StateReason };
    expect(decide("suspended", "reinstate", left, "system")).toMatchObject({ ok: false, error: "lifecycle.errors.leftOrganisation" });
    expect(decide("suspended", "reinstate", { ...left, holderActive: false }, "manager")).toMatchObject({
      ok: false,
      error: "lifecycle.errors.holderInactive",
    });
    expect(decide("suspended", "reinstate", left, "manager")).toEqual({ ok: true, to: "granted" });
  });

  it("expires only once the end date has passed", () => {
    expect(decide("granted", "expire", { now, validUntil: days(1) }, "system")).toMatchObject({ ok: false, error: "accreditation.errors.notYetExpired" });
    expect(decide("granted", "expire", { now, validUntil: now }, "system")).toEqual({ ok: true, to: "expired" });
  });

  it("a revoked person requests again only after the waiting period, or once reopened", () => {
    const waiting = { ...passing.request, revokedAt: days(-10), revokedWaitDays: 90 };
    expect(decide("revoked", "request", waiting, "holder")).toEqual({ ok: false, field: "form", error: "lifecycle.errors.revokedWaiting" });
    expect(decide("revoked", "request", { ...waiting, revokedAt: days(-90) }, "holder")).toEqual({ ok: true, to: "requested" });
    expect(decide("revoked", "request", { ...waiting, reopened: true }, "holder")).toEqual({ ok: true, to: "requested" });
    expect(decide("revoked", "reopen", waiting, "manager")).toEqual({ ok: true, to: "revoked" });
    expect(decide("revoked", "reopen", { ...waiting, reopened: true }, "manager")).toMatchObject({ ok: false, error: "lifecycle.errors.alreadyReopened" });
  });

  it("accepts a renewal request only after recertification, and before expiry only within 30 days of it", () => {
    const renewal = (from: PersonState, facts: Partial<GuardFacts>) => decide(from, "request_renewal", { ...passing.request_renewal, ...facts }, "holder");
    expect(renewal("granted", { validUntil: days(31) })).toMatchObject({ ok: false, error: "accreditation.errors.renewalTooEarly" });
    expect(renewal("granted", { recertified: false })).toMatchObject({ ok: false, error: "accreditation.errors.notRecertified" });
    expect(renewal("expired", { validUntil: days(-400) })).toEqual({ ok: true, to: "renewal_requested" });
    expect(renewal("expired", { eligible: false })).toMatchObject({ ok: false, error: "accreditation.errors.notEligible" });
  });

  it("renews with the same checks as a grant", () => {
    expect(decide("renewal_requested", "renew", { ...passing.renew, channels: ["x"] }, "manager")).toMatchObject({
      ok: false,
      error: "accreditation.errors.channelNotRequested",
    });
    expect(decide("renewal_requested", "renew", { ...passing.renew, newValidUntil: null }, "manager")).toMatchObject({ ok: false, field: "validUntil" });
    expect(decide("renewal_requested", "renew", { ...passing.renew, newValidUntil: days(3650) }, "manager")).toMatchObject({
      ok: false,
      error: "lifecycle.errors.validUntilTooFar",
    });
  });
});

describe("what is derived from the table", () => {
  it("the schema's enum and the partial indexes' state lists", () => {
    expect(ACCREDITATION_STATUSES).toEqual(["requested", "granted", "declined", "suspended", "expired", "revoked", "renewal_requested"]);
    expect(statusIn(OPEN_STATES)).toBe("status in ('requested', 'granted', 'suspended', 'renewal_requested')");
    expect(statusIn(PENDING_STATES)).toBe("status in ('requested', 'renewal_requested')");
  });

  it("the gate's SQL order: in force first, then suspended", () => {
    expect(gateOrderSql("x.status")).toBe(
      "case when x.status = 'granted' then 0 when x.status = 'suspended' then 1 when x.status = 'renewal_requested' then 0 else 2 end",
    );
  });

  it("every webhook event is emitted by some transition, and only the table's events", () => {
    const emitted = new Set(TRANSITIONS.flatMap((t) => ACCREDITATION_STATUSES.map((to) => eventOf(t, to))).filter((e) => e !== null));
    expect([...emitted].sort()).toEqual([...ACCREDITATION_EVENTS].sort());
    expect(eventOf("decline", "declined")).toBeNull();
    expect(eventOf("decline", "expired")).toBe("accreditation.expired");
    expect(eventOf("request", "requested")).toBeNull();
    expect(eventOf("reopen", "revoked")).toBeNull();
  });

  it("reasons are stored structurally and read back the same", () => {
    const reasons: StateReason[] = [decision("Posted figures"), { kind: "charter", version: "2026-06" }, { kind: "left_organisation", source: "scim" }];
    for (const reason of reasons) expect(reasonFrom(reasonColumns(reason))).toEqual(reason);
    expect(reasonColumns({ kind: "charter", version: "2026-06" })).toEqual({ reasonKind: "charter", reason: "2026-06" });
    expect(reasonFrom({ reasonKind: null, reason: null })).toBeNull();
  });
});

describe("in force: the one definition", () => {
  it("maps a person's latest row to the machine's state", () => {
    expect(personState(null)).toBe("none");
    expect(personState({ status: "declined" })).toBe("none");
    expect(personState({ status: "revoked" })).toBe("revoked");
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

  it("names every problem, in the gate's order", () => {
    expect(standingProblems({ status: "suspended", validUntil: days(-1) }, now, { inForce: true, signed: false })).toEqual([
      "suspended",
      "expired",
      "charter_not_signed",
    ]);
    expect(standingProblems({ status: "revoked", validUntil: days(-1) }, now, { inForce: true, signed: false })).toEqual(["revoked"]);
    expect(standingProblems({ status: "requested", validUntil: null }, now)).toEqual(["not_accredited"]);
    expect(standingProblems({ status: "expired", validUntil: days(10) }, now)).toEqual(["expired"]);
    expect(standingProblems({ status: "granted", validUntil: days(10) }, now, { inForce: false, signed: false })).toEqual([]);
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
    expect(latestValidUntil(new Date("2026-03-15T10:00:00Z"), 24).toISOString()).toBe("2028-03-15T23:59:59.999Z");
  });
});

describe("the next step, as a key", () => {
  const base = { available: [] as Transition[], inForce: false, inRenewalWindow: false, recertified: false, unmet: null, currentReason: null };
  it("for each state", () => {
    expect(nextStep({ ...base, state: "none", available: ["request"] })).toBe("request");
    expect(nextStep({ ...base, state: "none", unmet: "track" })).toBe("track");
    expect(nextStep({ ...base, state: "requested" })).toBe("pending");
    expect(nextStep({ ...base, state: "renewal_requested" })).toBe("pending");
    expect(nextStep({ ...base, state: "suspended", currentReason: { kind: "charter", version: "2" } })).toBe("resign");
    expect(nextStep({ ...base, state: "suspended", currentReason: { kind: "left_organisation", source: "admin" } })).toBe("contactManager");
    expect(nextStep({ ...base, state: "granted", inForce: true })).toBe("inForce");
    expect(nextStep({ ...base, state: "granted", inForce: true, inRenewalWindow: true })).toBe("recertify");
    expect(nextStep({ ...base, state: "granted", available: ["request_renewal"] })).toBe("renew");
    expect(nextStep({ ...base, state: "expired", recertified: true })).toBe("none");
    expect(nextStep({ ...base, state: "expired" })).toBe("recertify");
    expect(nextStep({ ...base, state: "revoked" })).toBe("waiting");
    expect(nextStep({ ...base, state: "revoked", available: ["request"] })).toBe("request");
    expect(nextStep({ ...base, state: "declined" })).toBe("none");
  });

  it("while the exam is locked after a failure, points at what can be done meanwhile", () => {
    expect(nextStep({ ...base, state: "none", unmet: "exam", examLocked: true, charterUnsigned: true })).toBe("charter");
    expect(nextStep({ ...base, state: "none", unmet: "exam", examLocked: true, charterUnsigned: false })).toBe("exam");
    expect(nextStep({ ...base, state: "none", unmet: "exam", examLocked: false, charterUnsigned: true })).toBe("exam");
    expect(nextStep({ ...base, state: "expired", examLocked: true, charterUnsigned: true })).toBe("charter");
    expect(nextStep({ ...base, state: "none", unmet: "track", examLocked: true, charterUnsigned: true })).toBe("track");
  });
});
