/**
 * The only module that knows about lucia. Lucia 3 is deprecated upstream (March 2025); everything
 * else talks to the small API exported here, so it can be replaced by hand-written session code
 * without touching routes (see docs/decisions/0002-sessions-lucia-behind-one-module.md).
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan, type DatabaseSession, type DatabaseUser } from "lucia";
import { getDb } from "../../db/connection";
import { sessions, users } from "../../db/schema";
import { prepared } from "~/models/prepared.server";

type SessionRow = { id: string; userId: string; expiresAt: number; active: number };

/**
 * The drizzle adapter, except for the lookup every signed-in request makes: one prepared statement
 * (the adapter builds two queries, one reading every user column, and compiles them each time).
 */
class SessionAdapter extends DrizzleSQLiteAdapter {
  override async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = prepared(
      "select s.id as id, s.user_id as userId, s.expires_at as expiresAt, u.active as active from sessions s join users u on u.id = s.user_id where s.id = ?",
    ).get(sessionId) as SessionRow | undefined;
    if (!row) return [null, null];
    return [
      { id: row.id, userId: row.userId, expiresAt: new Date(row.expiresAt * 1000), attributes: {} },
      { id: row.userId, attributes: { active: row.active } },
    ];
  }
}

function createLucia() {
  const adapter = new SessionAdapter(getDb(), sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: "ambassade_session",
      attributes: {
        secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
        sameSite: "lax",
        path: "/",
      },
    },
    getUserAttributes: (attributes) => ({ active: attributes.active }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: { active: boolean | number };
  }
}

const globalForLucia = globalThis as unknown as { __ambassadeLucia?: ReturnType<typeof createLucia> };
function lucia() {
  globalForLucia.__ambassadeLucia ??= createLucia();
  return globalForLucia.__ambassadeLucia;
}

export type ValidatedSession = {
  sessionId: string;
  userId: string;
  /** A Set-Cookie value to send back when the session was extended or is no longer valid. */
  setCookie: string | null;
};

export async function createSession(userId: string): Promise<string> {
  const session = await lucia().createSession(userId, {});
  return lucia().createSessionCookie(session.id).serialize();
}

export async function validateSessionCookie(cookieHeader: string | null): Promise<ValidatedSession | null> {
  const sessionId = lucia().readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session || !user) return null;
  if (!user.active) {
    await lucia().invalidateUserSessions(user.id);
    return null;
  }
  return {
    sessionId: session.id,
    userId: user.id,
    setCookie: session.fresh ? lucia().createSessionCookie(session.id).serialize() : null,
  };
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}

export function hasSessionCookie(cookieHeader: string | null): boolean {
  return lucia().readSessionCookie(cookieHeader ?? "") !== null;
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await lucia().invalidateSession(sessionId);
}

export async function invalidateAllSessions(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId);
}

export async function deleteExpiredSessions(): Promise<void> {
  await lucia().deleteExpiredSessions();
}
