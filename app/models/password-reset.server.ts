import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { passwordResets, sessions, users } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { hashToken, newId, newToken } from "~/utils/ids.server";
import { recordAudit } from "./audit.server";

export const RESET_TTL_MS = 60 * 60_000;

/** A reset token for an active person with a password, or null (the caller answers the same either way). */
export function createPasswordReset(userId: string, now = new Date()): string {
  const token = newToken();
  getDb().insert(passwordResets).values({ id: newId(), tokenHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + RESET_TTL_MS) }).run();
  return token;
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
