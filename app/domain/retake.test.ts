import { describe, expect, it } from "vitest";
import { DAY_MS, mayTakeDiagnostic, retakeStatus } from "./retake";

const placedAt = new Date("2026-03-01T10:00:00Z");
const after = (days: number, extraMs = 0) => new Date(placedAt.getTime() + days * DAY_MS + extraMs);

describe("retakeStatus", () => {
  it("lets someone never placed take the questionnaire", () => {
    const status = retakeStatus(null, 90, placedAt);
    expect(status).toEqual({ kind: "first_time" });
    expect(mayTakeDiagnostic(status)).toBe(true);
  });

  it("blocks a retake during the waiting period and says when it opens", () => {
    const status = retakeStatus({ createdAt: placedAt, retakeAllowed: false }, 90, after(10));
    expect(status).toEqual({ kind: "waiting", availableAt: after(90), daysLeft: 80 });
    expect(mayTakeDiagnostic(status)).toBe(false);
  });

  it("opens exactly when the waiting period ends, not a millisecond before", () => {
    const current = { createdAt: placedAt, retakeAllowed: false };
    const justBefore = retakeStatus(current, 90, after(90, -1));
    expect(justBefore.kind).toBe("waiting");
    expect(justBefore.kind === "waiting" && justBefore.daysLeft).toBe(1);
    expect(retakeStatus(current, 90, after(90))).toEqual({ kind: "waited" });
    expect(retakeStatus(current, 90, after(400))).toEqual({ kind: "waited" });
  });

  it("lets a trainer's reset win over the waiting period", () => {
    expect(retakeStatus({ createdAt: placedAt, retakeAllowed: true }, 90, after(0))).toEqual({ kind: "reset" });
  });

  it("a waiting period of 0 days allows a retake at once", () => {
    expect(retakeStatus({ createdAt: placedAt, retakeAllowed: false }, 0, placedAt)).toEqual({ kind: "waited" });
  });

  it("follows the admin's setting", () => {
    const current = { createdAt: placedAt, retakeAllowed: false };
    expect(retakeStatus(current, 30, after(31)).kind).toBe("waited");
    expect(retakeStatus(current, 365, after(31)).kind).toBe("waiting");
  });
});
