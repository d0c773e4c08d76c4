import { describe, expect, it } from "vitest";
import { evaluateEligibility, type EligibilityFacts } from "./eligibility";

const now = new Date("2026-06-01T12:00:00Z");
const all: EligibilityFacts = {
  now,
  level: "native",
  track: { total: 10, completed: 10 },
  lastPass: { gradedAt: new Date("2026-05-01T12:00:00Z"), score: 88 },
  examValidityMonths: 12,
  charter: { currentVersion: "2026-01", signedCurrent: true, signedVersion: "2026-01" },
};

describe("eligibility", () => {
  it("is met when placed, track complete, exam valid and current charter signed", () => {
    const result = evaluateEligibility(all);
    expect(result.eligible).toBe(true);
    expect(result.next).toBeNull();
    expect(result.checklist.map((c) => c.met)).toEqual([true, true, true, true]);
  });

  it("names the first unmet item as the next step, in the learner's order", () => {
    expect(evaluateEligibility({ ...all, level: null, track: null }).next).toBe("placed");
    expect(evaluateEligibility({ ...all, track: { total: 10, completed: 9 } }).next).toBe("track");
    expect(evaluateEligibility({ ...all, lastPass: null }).next).toBe("exam");
    expect(evaluateEligibility({ ...all, charter: { currentVersion: "2026-06", signedCurrent: false, signedVersion: "2026-01" } }).next).toBe("charter");
  });

  it("treats an empty track as not complete", () => {
    const result = evaluateEligibility({ ...all, track: { total: 0, completed: 0 } });
    expect(result.eligible).toBe(false);
    expect(result.next).toBe("track");
  });

  it("lapses an exam pass after its validity", () => {
    const result = evaluateEligibility({ ...all, lastPass: { gradedAt: new Date("2025-05-31T12:00:00Z"), score: 90 } });
    expect(result.eligible).toBe(false);
    expect(result.checklist[2]).toMatchObject({ item: "exam", met: false, lapsed: true });
    expect(evaluateEligibility({ ...all, examValidityMonths: 1 }).checklist[2]).toMatchObject({ met: false, validUntil: new Date("2026-06-01T12:00:00Z") });
    expect(evaluateEligibility({ ...all, now: new Date("2026-06-01T11:59:59Z"), examValidityMonths: 1 }).eligible).toBe(true);
  });

  it("is not met when no charter is published", () => {
    expect(evaluateEligibility({ ...all, charter: { currentVersion: null, signedCurrent: false, signedVersion: null } }).next).toBe("charter");
  });
});
