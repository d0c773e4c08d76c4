import { inArray, lt } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { loginThrottle } from "../../db/schema";
import { isLocked, refundAttempt, reserveAttempt, THROTTLE_RULES, type ThrottleKind, type ThrottleState } from "~/domain/throttle";

export type ThrottleKey = { kind: ThrottleKind; key: string };

export function throttleKeys(email: string, ip: string): ThrottleKey[] {
  return [
    { kind: "email", key: `email:${email.trim().toLowerCase()}` },
    { kind: "ip", key: `ip:${ip}` },
  ];
}

function readStates(tx: Tx, keys: ThrottleKey[]): Map<string, ThrottleState> {
  const rows = tx
    .select()
    .from(loginThrottle)
    .where(
      inArray(
        loginThrottle.key,
        keys.map((k) => k.key),
      ),
    )
    .all();
  return new Map(
    rows.map((r) => [r.key, { failures: r.failures, windowStartedAt: r.windowStartedAt.getTime(), lockedUntil: r.lockedUntil?.getTime() ?? null }]),
  );
}

function writeState(tx: Tx, key: string, state: ThrottleState) {
  const values = {
    failures: state.failures,
    windowStartedAt: new Date(state.windowStartedAt),
    lockedUntil: state.lockedUntil ? new Date(state.lockedUntil) : null,
  };
  tx.insert(loginThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.key, set: values })
    .run();
}

export function isThrottled(keys: ThrottleKey[], now = Date.now()): boolean {
  const states = getDb().transaction((tx) => readStates(tx, keys));
  return [...states.values()].some((s) => isLocked(s, now));
}

/**
 * Reserves one attempt on every key, atomically, BEFORE the password is verified: one IMMEDIATE
 * transaction (the database's write lock, so also across processes) reads the counters and writes them.
 * Refused, with nothing counted, when any key is locked. Every request of a burst passes here one at a
 * time, so no more attempts than the limit ever reach the verification.
 */
export function reserveSignInAttempt(keys: ThrottleKey[], now = Date.now()): boolean {
  return getDb().transaction(
    (tx) => {
      const states = readStates(tx, keys);
      const next = keys.map(({ kind, key }) => ({ key, ...reserveAttempt(kind, states.get(key), now) }));
      if (next.some((n) => !n.allowed)) return false;
      for (const n of next) writeState(tx, n.key, n.state!);
      return true;
    },
    { behavior: "immediate" },
  );
}

/** A successful sign-in gives its reservation back: the account's counter is cleared, the address's decremented. */
export function refundSignInAttempt(keys: ThrottleKey[], now = Date.now()): void {
  getDb().transaction(
    (tx) => {
      const states = readStates(tx, keys);
      for (const { kind, key } of keys) {
        const state = states.get(key);
        if (!state) continue;
        if (kind === "email")
          tx.delete(loginThrottle)
            .where(inArray(loginThrottle.key, [key]))
            .run();
        else writeState(tx, key, refundAttempt(kind, state, now));
      }
    },
    { behavior: "immediate" },
  );
}

/** Housekeeping: counters whose window and lock are both over carry no information any more. */
export function deleteStaleThrottles(now = Date.now()): number {
  const longest = Math.max(...Object.values(THROTTLE_RULES).map((r) => r.windowMs + r.lockMs));
  return getDb()
    .delete(loginThrottle)
    .where(lt(loginThrottle.windowStartedAt, new Date(now - longest)))
    .run().changes;
}
