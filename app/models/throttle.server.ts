import { eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { loginThrottle } from "../../db/schema";
import { afterFailure, isLocked, type ThrottleKind } from "~/domain/throttle";

export type ThrottleKey = { kind: ThrottleKind; key: string };

export function throttleKeys(email: string, ip: string): ThrottleKey[] {
  return [
    { kind: "email", key: `email:${email.trim().toLowerCase()}` },
    { kind: "ip", key: `ip:${ip}` },
  ];
}

export function isThrottled(keys: ThrottleKey[], now = Date.now()): boolean {
  const rows = getDb().select().from(loginThrottle).where(inArray(loginThrottle.key, keys.map((k) => k.key))).all();
  return rows.some((r) =>
    isLocked({ failures: r.failures, windowStartedAt: r.windowStartedAt.getTime(), lockedUntil: r.lockedUntil?.getTime() ?? null }, now),
  );
}

export function recordFailure(keys: ThrottleKey[], now = Date.now()): void {
  const db = getDb();
  db.transaction((tx) => {
    for (const { kind, key } of keys) {
      const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
      const next = afterFailure(
        kind,
        row && { failures: row.failures, windowStartedAt: row.windowStartedAt.getTime(), lockedUntil: row.lockedUntil?.getTime() ?? null },
        now,
      );
      const values = {
        failures: next.failures,
        windowStartedAt: new Date(next.windowStartedAt),
        lockedUntil: next.lockedUntil ? new Date(next.lockedUntil) : null,
      };
      tx.insert(loginThrottle).values({ key, ...values }).onConflictDoUpdate({ target: loginThrottle.key, set: values }).run();
    }
  });
}

/** A successful sign-in clears the account's counter (not the address's). */
export function clearFailures(keys: ThrottleKey[]): void {
  const accountKeys = keys.filter((k) => k.kind === "email").map((k) => k.key);
  if (accountKeys.length) getDb().delete(loginThrottle).where(inArray(loginThrottle.key, accountKeys)).run();
}
