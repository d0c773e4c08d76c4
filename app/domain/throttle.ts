/**
 * Sign-in throttling rules, pure. A key is an account (`email:…`) or an address (`ip:…`).
 *
 * An attempt is RESERVED before the password is verified (ASVS 2.2.1): the reservation counts it, and
 * once a key has reached `maxFailures` counted attempts within `window`, it is locked for `lock` and
 * further attempts are refused without being verified. A successful sign-in gives its reservation back
 * (the account's counter is cleared, the address's decremented), so only failures are remembered.
 * Because the count happens before the slow verification, a burst of parallel requests cannot have
 * more passwords verified than the limit (see docs/decisions/0016-safe-to-deploy.md).
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

/** Counts one more attempt (or failure) on a key; the one that reaches the maximum locks it. */
export function afterFailure(kind: ThrottleKind, state: ThrottleState | undefined, now: number): ThrottleState {
  const rule = THROTTLE_RULES[kind];
  const fresh = !state || now - state.windowStartedAt > rule.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const lockedUntil = failures >= rule.maxFailures ? now + rule.lockMs : null;
  return { failures, windowStartedAt, lockedUntil };
}

/**
 * Reserves an attempt before verifying: refused (and nothing counted) when the key is locked;
 * otherwise counted, the attempt reaching the maximum being the last one allowed.
 */
export function reserveAttempt(kind: ThrottleKind, state: ThrottleState | undefined, now: number): { allowed: boolean; state: ThrottleState | undefined } {
  if (isLocked(state, now)) return { allowed: false, state };
  return { allowed: true, state: afterFailure(kind, state, now) };
}

/** Gives back a reservation whose attempt succeeded: one failure fewer, unlocked below the maximum. */
export function refundAttempt(kind: ThrottleKind, state: ThrottleState, now: number): ThrottleState {
  const failures = Math.max(0, state.failures - 1);
  const lockedUntil = failures >= THROTTLE_RULES[kind].maxFailures && state.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
  return { failures, windowStartedAt: state.windowStartedAt, lockedUntil };
}
