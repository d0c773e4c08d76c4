/**
 * Sign-in throttling rules, pure. A key is an account (`email:…`) or an address (`ip:…`).
 * After `maxFailures` failures within `window`, the key is locked for `lock`.
 */
export const THROTTLE_RULES = {
  email: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

export type ThrottleKind = keyof typeof THROTTLE_RULES;
export type ThrottleState = { failures: number; windowStartedAt: number; lockedUntil: number | null };

export function isLocked(state: ThrottleState | undefined, now: number): boolean {
  return Boolean(state?.lockedUntil && state.lockedUntil > now);
}

export function afterFailure(kind: ThrottleKind, state: ThrottleState | undefined, now: number): ThrottleState {
  const rule = THROTTLE_RULES[kind];
  const fresh = !state || now - state.windowStartedAt > rule.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const lockedUntil = failures >= rule.maxFailures ? now + rule.lockMs : null;
  return { failures, windowStartedAt, lockedUntil };
}
