import { describe, expect, it } from "vitest";
import type { AccreditationState } from "./accreditation";
import { decideGate, type GateFacts } from "./gate";

const now = new Date("2026-03-01T12:00:00Z");
const later = new Date("2026-12-31T00:00:00Z");
const earlier = new Date("2026-02-01T00:00:00Z");

function facts(overrides: {
  person?: null;
  status?: AccreditationState;
  channels?: string[];
  validUntil?: Date | null;
  noAccreditation?: boolean;
  charterInForce?: boolean;
  charterSigned?: boolean;
  channel?: string;
}): GateFacts {
  if (overrides.person === null) return { person: null, channel: overrides.channel ?? "linkedin", now };
  return {
    person: {
      accreditation: overrides.noAccreditation
        ? null
        : {
            id: "acc-1",
            status: overrides.status ?? "granted",
            channels: overrides.channels ?? ["linkedin"],
            validFrom: earlier,
            validUntil: overrides.validUntil === undefined ? later : overrides.validUntil,
          },
      charterInForce: overrides.charterInForce ?? true,
      charterSigned: overrides.charterSigned ?? true,
    },
    channel: overrides.channel ?? "linkedin",
    now,
  };
}

describe("decideGate", () => {
  it("allows a granted accreditation on a granted channel, charter signed, before its end", () => {
    const answer = decideGate(facts({}));
    expect(answer).toEqual({
      allowed: true,
      channel: "linkedin",
      reasons: [],
      accreditation: { id: "acc-1", status: "granted", channels: ["linkedin"], validFrom: earlier.toISOString(), validUntil: later.toISOString() },
    });
  });

  it("still allows while a renewal is pending", () => {
    expect(decideGate(facts({ status: "renewal_requested" })).allowed).toBe(true);
  });

  it("unknown_person: no active account, alone and without accreditation", () => {
    expect(decideGate(facts({ person: null }))).toEqual({ allowed: false, channel: "linkedin", reasons: ["unknown_person"], accreditation: null });
  });

  it("not_accredited: never granted, alone", () => {
    expect(decideGate(facts({ noAccreditation: true, charterSigned: false }))).toEqual({
      allowed: false,
      channel: "linkedin",
      reasons: ["not_accredited"],
      accreditation: null,
    });
  });

  it("channel_not_granted: another channel than those granted", () => {
    const answer = decideGate(facts({ channel: "x" }));
    expect(answer.allowed).toBe(false);
    expect(answer.reasons).toEqual(["channel_not_granted"]);
    expect(answer.accreditation?.id).toBe("acc-1");
  });

  it("expired: by status, or by date before the job has run", () => {
    expect(decideGate(facts({ status: "expired", validUntil: earlier })).reasons).toEqual(["expired"]);
    expect(decideGate(facts({ status: "granted", validUntil: earlier })).reasons).toEqual(["expired"]);
    expect(decideGate(facts({ status: "granted", validUntil: now })).reasons).toEqual(["expired"]);
  });

  it("revoked: alone, whatever else is true", () => {
    const answer = decideGate(facts({ status: "revoked", channel: "x", charterSigned: false }));
    expect(answer.reasons).toEqual(["revoked"]);
    expect(answer.accreditation?.status).toBe("revoked");
  });

  it("suspended: with the unsigned charter that caused it", () => {
    expect(decideGate(facts({ status: "suspended" })).reasons).toEqual(["suspended"]);
    expect(decideGate(facts({ status: "suspended", charterSigned: false })).reasons).toEqual(["suspended", "charter_not_signed"]);
  });

  it("charter_not_signed: a charter is in force and the person has not signed it", () => {
    expect(decideGate(facts({ charterSigned: false })).reasons).toEqual(["charter_not_signed"]);
    // No charter published at all: nothing to sign.
    expect(decideGate(facts({ charterInForce: false, charterSigned: false })).allowed).toBe(true);
  });

  it("combines reasons in a fixed order", () => {
    expect(decideGate(facts({ status: "suspended", validUntil: earlier, channel: "tiktok", charterSigned: false })).reasons).toEqual([
      "suspended",
      "expired",
      "channel_not_granted",
      "charter_not_signed",
    ]);
  });
});
