import { describe, expect, it } from "vitest";
import { afterFailure, isLocked, THROTTLE_RULES } from "./throttle";

describe("sign-in throttling", () => {
  const t0 = 1_700_000_000_000;

  it("locks an account after its maximum of failures within the window", () => {
    let state = undefined as ReturnType<typeof afterFailure> | undefined;
    for (let i = 1; i < THROTTLE_RULES.email.maxFailures; i++) {
      state = afterFailure("email", state, t0 + i * 1000);
      expect(isLocked(state, t0 + i * 1000)).toBe(false);
    }
    state = afterFailure("email", state, t0 + 10_000);
    expect(isLocked(state, t0 + 10_000)).toBe(true);
    expect(isLocked(state, t0 + 10_000 + THROTTLE_RULES.email.lockMs + 1)).toBe(false);
  });

  it("forgets failures older than the window", () => {
    let state = afterFailure("email", undefined, t0);
    for (let i = 0; i < THROTTLE_RULES.email.maxFailures - 2; i++) state = afterFailure("email", state, t0 + 1000);
    const later = t0 + THROTTLE_RULES.email.windowMs + 1;
    state = afterFailure("email", state, later);
    expect(state.failures).toBe(1);
    expect(isLocked(state, later)).toBe(false);
  });

  it("tolerates more failures from one address than for one account (shared offices)", () => {
    expect(THROTTLE_RULES.ip.maxFailures).toBeGreaterThan(THROTTLE_RULES.email.maxFailures);
    let state = undefined as ReturnType<typeof afterFailure> | undefined;
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures; i++) state = afterFailure("ip", state, t0 + i);
    expect(isLocked(state, t0 + THROTTLE_RULES.ip.maxFailures)).toBe(true);
  });
});

describe("reserving attempts before verifying", () => {
  const t0 = 1_700_000_000_000;

  it("allows exactly the maximum of reservations in a burst, then refuses without counting", async () => {
    const { reserveAttempt } = await import("./throttle");
    let state: ReturnType<typeof afterFailure> | undefined;
    let allowed = 0;
    for (let i = 0; i < 100; i++) {
      const r = reserveAttempt("email", state, t0);
      state = r.state;
      if (r.allowed) allowed++;
    }
    expect(allowed).toBe(THROTTLE_RULES.email.maxFailures);
    expect(state!.failures).toBe(THROTTLE_RULES.email.maxFailures);
  });

  it("a refund after success forgets the attempt and unlocks below the maximum", async () => {
    const { reserveAttempt, refundAttempt } = await import("./throttle");
    let state: ReturnType<typeof afterFailure> | undefined;
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures; i++) state = reserveAttempt("ip", state, t0).state;
    expect(isLocked(state, t0)).toBe(true);
    state = refundAttempt("ip", state!, t0);
    expect(state.failures).toBe(THROTTLE_RULES.ip.maxFailures - 1);
    expect(isLocked(state, t0)).toBe(false);
  });
});
