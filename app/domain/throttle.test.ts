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
