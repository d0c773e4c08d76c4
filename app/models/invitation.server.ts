import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { invitations, users, type Locale, type Role } from "../../db/schema";
import { queueInvitationMail } from "~/mail/templates.server";
import { InputError } from "~/utils/errors";
import { hashToken, newId, newToken } from "~/utils/ids.server";
import { recordAudit } from "./audit.server";
import { insertUser } from "./user.server";

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export type InvitationMail = { inviter: string; locale: Locale };

export type InviteResult =
  /** Invited: the person exists now and their invitation mail is queued. */
  | { kind: "invited"; userId: string; token: string }
  /**
   * Nothing was done because the address already has an account the inviting manager may not see:
   * the manager is answered exactly as if the invitation had been sent, so that inviting never tells
   * whether an address has an account outside their teams (ASVS 2.x / 4.x enumeration). An audit row
   * tells the administrators.
   */
  | { kind: "concealed" };

/**
 * Creates the person (without a password) and a single-use invitation, and queues its mail, in one
 * transaction. `visibleTeamIds` is the inviter's scope (a manager's teams); undefined means everyone.
 */
export function invitePerson(
  actorId: string,
  input: { email: string; name: string; teamId: string; roles: Role[] },
  mail: InvitationMail,
  options: { visibleTeamIds?: readonly string[] } = {},
  now = new Date(),
): InviteResult {
  const token = newToken();
  return getDb().transaction((tx): InviteResult => {
    const existing = tx.select({ id: users.id, teamId: users.teamId }).from(users).where(eq(users.email, input.email.trim().toLowerCase())).get();
    if (existing && options.visibleTeamIds && !(existing.teamId && options.visibleTeamIds.includes(existing.teamId))) {
      recordAudit(tx, { actorId, action: "person.invite_existing", subjectType: "user", subjectId: existing.id, data: { teamId: input.teamId } });
      return { kind: "concealed" };
    }
    const id = insertUser(tx, { email: input.email, name: input.name, teamId: input.teamId, roles: input.roles });
    tx.insert(invitations)
      .values({ id: newId(), tokenHash: hashToken(token), userId: id, invitedBy: actorId, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) })
      .run();
    recordAudit(tx, {
      actorId,
      action: "person.invited",
      subjectType: "user",
      subjectId: id,
      toState: "invited",
      data: { teamId: input.teamId, roles: input.roles },
    });
    queueInvitationMail(tx, { userId: id, to: input.email, name: input.name, inviter: mail.inviter, token, locale: mail.locale });
    return { kind: "invited", userId: id, token };
  });
}

/** A new link for someone who has not accepted yet, its mail queued; earlier links stop working. */
export function reissueInvitation(actorId: string, userId: string, mail: InvitationMail, now = new Date()): { token: string } {
  const token = newToken();
  getDb().transaction((tx) => {
    const user = tx.select({ passwordHash: users.passwordHash, email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new InputError({ form: "errors.notFound" }, 404);
    if (user.passwordHash) throw new InputError({ form: "errors.alreadyAccepted" }, 409);
    tx.update(invitations)
      .set({ usedAt: now })
      .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt)))
      .run();
    tx.insert(invitations)
      .values({ id: newId(), tokenHash: hashToken(token), userId, invitedBy: actorId, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) })
      .run();
    recordAudit(tx, { actorId, action: "person.reinvited", subjectType: "user", subjectId: userId });
    queueInvitationMail(tx, { userId, to: user.email, name: user.name, inviter: mail.inviter, token, locale: mail.locale });
  });
  return { token };
}

/** The invitation behind a token, if it can still be used. */
export function findUsableInvitation(token: string, now = new Date()) {
  return (
    getDb()
      .select({ id: invitations.id, userId: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now), eq(users.active, true)))
      .get() ?? null
  );
}

/** Sets the password and burns the link, atomically: a link works once even under a double submit. */
export function acceptInvitation(token: string, passwordHash: string, now = new Date()): string {
  return getDb().transaction((tx) => {
    const invitation = tx
      .select({ id: invitations.id, userId: invitations.userId })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now), eq(users.active, true)))
      .get();
    if (!invitation) throw new InputError({ form: "errors.linkInvalid" }, 410);
    tx.update(invitations)
      .set({ usedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt)))
      .run();
    tx.update(users).set({ passwordHash }).where(eq(users.id, invitation.userId)).run();
    recordAudit(tx, {
      actorId: invitation.userId,
      action: "person.accepted",
      subjectType: "user",
      subjectId: invitation.userId,
      fromState: "invited",
      toState: "active",
    });
    return invitation.userId;
  });
}
