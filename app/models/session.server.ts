/** Sign-in: the password check with throttling, and the session it opens. */
import { verifyDecoy, verifyPassword } from "~/auth/password.server";
import { createSession } from "~/auth/lucia.server";
import { isThrottled, refundSignInAttempt, reserveSignInAttempt, throttleKeys } from "./throttle.server";
import { findUserByEmail } from "./user.server";

export type SignInResult = { ok: true; userId: string; cookie: string } | { ok: false; reason: "invalid" | "throttled" | "notAllowed" };

/**
 * Unknown email, no password yet, deactivated and wrong password all answer "invalid", in the same time.
 * The attempt is reserved (counted) before the password is verified, atomically: under any concurrency,
 * no more passwords are verified than the limit; a success gives the reservation back.
 * `allow` may refuse a right password ("notAllowed": password sign-in reserved to admins, ADR 0017).
 */
export async function signIn(email: string, password: string, ip: string, allow: (userId: string) => boolean = () => true): Promise<SignInResult> {
  const keys = throttleKeys(email, ip);
  if (!reserveSignInAttempt(keys)) return { ok: false, reason: "throttled" };
  const user = findUserByEmail(email);
  const valid = user?.passwordHash && user.active ? await verifyPassword(user.passwordHash, password) : await verifyDecoy(password);
  if (!valid || !user) return { ok: false, reason: isThrottled(keys) ? "throttled" : "invalid" };
  refundSignInAttempt(keys);
  if (!allow(user.id)) return { ok: false, reason: "notAllowed" };
  return { ok: true, userId: user.id, cookie: await createSession(user.id) };
}
