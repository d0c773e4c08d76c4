/** Helpers of the single sign-on tests: people of their own, settings, and what the audit log says. */
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { auditLog, identities, users, type Role } from "../../db/schema";
import { hashPassword } from "../../app/auth/password.server";
import { createTeam } from "../../app/models/team.server";
import { updateSettings, type SettingValues } from "../../app/models/settings.server";
import { insertUser } from "../../app/models/user.server";
import { deactivatePerson } from "../../app/models/leaver.server";

export const PASSWORD = "a-long-enough-password";

export async function createPerson(
  email: string,
  options: { roles?: Role[]; teamId?: string | null; password?: boolean; name?: string } = {},
): Promise<string> {
  const passwordHash = options.password === false ? null : await hashPassword(PASSWORD);
  return getDb().transaction((tx) =>
    insertUser(tx, { email, name: options.name ?? email.split("@")[0]!, teamId: options.teamId ?? null, roles: options.roles ?? ["employee"], passwordHash }),
  );
}

export function deactivate(userId: string): void {
  deactivatePerson({ userId, actor: { id: null }, source: { kind: "admin", label: "test" } });
}

export function newTeam(name: string): string {
  return createTeam(null as unknown as string, name);
}

/** Settings written as the admin page writes them (validated, audited). */
export function configure(values: Partial<SettingValues>): void {
  updateSettings(null as unknown as string, values);
}

export function userByEmail(email: string) {
  return getDb().select().from(users).where(eq(users.email, email)).get();
}

export function identitiesOfUser(userId: string) {
  return getDb().select().from(identities).where(eq(identities.userId, userId)).all();
}

export function auditOf(userId: string, action: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, userId), eq(auditLog.action, action)))
    .all();
}
