import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { passwordResets, sessions, users, type Locale } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { hashToken, newId, newToken } from "~/utils/ids.server";
import { queuePasswordResetMail } from "~/mail/templates.server";
import { recordAudit } from "./audit.server";
import { findUserByEmail } from "./user.server";

export const RESET_TTL_MS = 60 * 60_000;

/** A reset token for an active person with a password, or null (the caller answers the same either way). */
export function createPasswordReset(userId: string, now = new Date()): string {
  const token = newToken();
  getDb()
    .insert(passwordResets)
    .values({ id: newId(), tokenHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + RESET_TTL_MS) })
    .run();
  return token;
}

/**
 * "Forgot password": for an active person with a password, a reset token and its mail, queued in one
 * transaction; for anyone else, nothing. Either way it returns without waiting for a mail server, so
 * the answer and its timing are the same (the mail is sent after the reply).
 */
export function requestPasswordReset(email: string, fallbackLocale: Locale, now = new Date()): void {
  const user = findUserByEmail(email);
  if (!user?.active || !user.passwordHash) return;
  const token = newToken();
  getDb().transaction((tx) => {
    tx.insert(passwordResets)
      .values({ id: newId(), tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_TTL_MS) })
      .run();
    queuePasswordResetMail(tx, { userId: user.id, to: user.email, name: user.name, token, locale: user.locale ?? fallbackLocale });
  });
}

/** Whose a usable reset token is (name and email, for the password strength check), or null. */
export function resetTokenHolder(token: string, now = new Date()): { name: string; email: string } | null {
  return (
    getDb()
      .select({ name: users.name, email: users.email })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now), eq(users.active, true)))
      .get() ?? null
  );
}

export function isResetTokenUsable(token: string, now = new Date()): boolean {
  return Boolean(
    getDb()
      .select({ id: passwordResets.id })
      .from(passwordResets)
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .get(),
  );
}

/** Sets the new password, burns the token and signs the person out everywhere. */
export function resetPassword(token: string, passwordHash: string, now = new Date()): string {
  return getDb().transaction((tx) => {
    const reset = tx
      .select({ id: passwordResets.id, userId: passwordResets.userId })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now), eq(users.active, true)))
      .get();
    if (!reset) throw new InputError({ form: "errors.linkInvalid" }, 410);
    tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.userId, reset.userId)).run();
    tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, reset.userId)).run();
    recordAudit(tx, { actorId: reset.userId, action: "person.password_reset", subjectType: "user", subjectId: reset.userId });
    return reset.userId;
  });
}
