/**
 * A signed-in person changes their password from the account page: the current one first, then a new
 * one by the same rule as everywhere else (app/auth/password-strength.server.ts). Their other sessions
 * end; this one stays. Audited as `person.password_changed`.
 */
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { sessions, users } from "../../db/schema";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { assertAcceptablePassword } from "~/auth/password-strength.server";
import { InputError } from "~/utils/errors";
import { recordAudit } from "./audit.server";

export async function changePassword(viewer: { id: string; sessionId: string }, input: { current: string; password: string }): Promise<void> {
  const user = getDb().select({ passwordHash: users.passwordHash, name: users.name, email: users.email }).from(users).where(eq(users.id, viewer.id)).get();
  if (!user) throw new InputError({ form: "errors.invalidInput" }, 404);
  if (!user.passwordHash) throw new InputError({ form: "account.passwordNone" }, 409);
  if (!(await verifyPassword(user.passwordHash, input.current))) throw new InputError({ current: "account.passwordWrong" });
  await assertAcceptablePassword(input.password, user);
  const passwordHash = await hashPassword(input.password);
  getDb().transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, viewer.id)).run();
    tx.delete(sessions)
      .where(and(eq(sessions.userId, viewer.id), ne(sessions.id, viewer.sessionId)))
      .run();
    recordAudit(tx, { actorId: viewer.id, action: "person.password_changed", subjectType: "user", subjectId: viewer.id });
  });
}
