/**
 * Sessions, the Lucia guide's way (lucia-auth.com, "Basic API"), with node:crypto: the cookie holds a
 * random secret token (160 bits); the database holds only its SHA-256, so neither a backup nor a read
 * of the table opens anyone's session (ASVS 3.2.2, 3.2.3). A session ends after an idle limit and an
 * absolute limit (ASVS 3.3.1, 3.3.2), both admin settings (`session.idleHours`, default 12 h, and
 * `session.absoluteDays`, default 30 days). The cookie is HttpOnly, SameSite=Lax, and Secure in
 * production (ASVS 3.4.1-3.4.3). See docs/decisions/0016-safe-to-deploy.md (replacing lucia 3, which
 * was deprecated upstream; ADR 0002 kept it behind one module for this).
 */
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { sessions } from "../../db/schema";
import { isStorageUnavailable } from "~/models/health.server";
import { prepared } from "~/models/prepared.server";
import { getSetting } from "~/models/settings.server";
import { secureCookies } from "~/utils/cookies.server";

export const SESSION_COOKIE = "ambassade_session";
/** An active session's idle deadline is written again at most this often (one write per person per 5 minutes). */
const EXTEND_EVERY_S = 5 * 60;

export type ValidatedSession = {
  sessionId: string;
  userId: string;
  /** A Set-Cookie value to send back when the session was extended or is no longer valid. */
  setCookie: string | null;
};

type Limits = { idleS: number; absoluteS: number };
// On globalThis: the server entry and the Remix bundle each hold a copy of this module.
const cache = globalThis as unknown as { __ambassadeSessionLimits?: { at: number; version: number; limits: Limits }; __ambassadeSettingsVersion?: number };

/**
 * The two limits, read from the settings on every signed-in request: cached for 30 s, and read again
 * at once when the settings change (updateSettings bumps the version).
 */
function limits(now = Date.now()): Limits {
  const version = cache.__ambassadeSettingsVersion ?? 0;
  const cached = cache.__ambassadeSessionLimits;
  if (!cached || cached.version !== version || now - cached.at > 30_000) {
    cache.__ambassadeSessionLimits = {
      at: now,
      version,
      limits: { idleS: getSetting("session.idleHours") * 3600, absoluteS: getSetting("session.absoluteDays") * 86_400 },
    };
  }
  return cache.__ambassadeSessionLimits!.limits;
}

/** Forgets the cached limits (tests that change the settings table directly). */
export function resetSessionLimitsCache(): void {
  cache.__ambassadeSessionLimits = undefined;
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function serializeCookie(value: string, maxAgeS: number): string {
  const parts = [`${SESSION_COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${Math.max(0, Math.floor(maxAgeS))}`];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}

function readToken(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      return /^[A-Za-z0-9_-]{20,64}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** Opens a session; returns the Set-Cookie value carrying its token. */
export async function createSession(userId: string): Promise<string> {
  const token = randomBytes(20).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const { idleS, absoluteS } = limits();
  getDb()
    .insert(sessions)
    .values({ id: hashSessionToken(token), userId, createdAt: now, expiresAt: now + Math.min(idleS, absoluteS) })
    .run();
  return serializeCookie(token, absoluteS);
}

type SessionRow = { id: string; userId: string; expiresAt: number; createdAt: number; active: number };

export async function validateSessionCookie(cookieHeader: string | null): Promise<ValidatedSession | null> {
  const token = readToken(cookieHeader);
  if (!token) return null;
  const id = hashSessionToken(token);
  const row = prepared(
    "select s.id as id, s.user_id as userId, s.expires_at as expiresAt, s.created_at as createdAt, u.active as active from sessions s join users u on u.id = s.user_id where s.id = ?",
  ).get(id) as SessionRow | undefined;
  if (!row) return null;
  const now = Math.floor(Date.now() / 1000);
  const { idleS, absoluteS } = limits();
  const absoluteEnd = row.createdAt + absoluteS;
  if (now >= row.expiresAt || now >= absoluteEnd) {
    prepared("delete from sessions where id = ?").run(id);
    return null;
  }
  if (!row.active) {
    prepared("delete from sessions where user_id = ?").run(row.userId);
    return null;
  }
  const idleEnd = Math.min(now + idleS, absoluteEnd);
  if (idleEnd - row.expiresAt >= EXTEND_EVERY_S) {
    try {
      prepared("update sessions set expires_at = ? where id = ?").run(idleEnd, id);
    } catch (error) {
      // A read-only database must not turn every page into an error: the session simply is not extended.
      if (!isStorageUnavailable(error)) throw error;
    }
  }
  return { sessionId: id, userId: row.userId, setCookie: null };
}

export function blankSessionCookie(): string {
  return serializeCookie("", 0);
}

export function hasSessionCookie(cookieHeader: string | null): boolean {
  return Boolean(cookieHeader && new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`).test(cookieHeader));
}

export async function invalidateSession(sessionId: string): Promise<void> {
  getDb().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export async function invalidateAllSessions(userId: string): Promise<void> {
  getDb().delete(sessions).where(eq(sessions.userId, userId)).run();
}

/** Housekeeping (the server's hourly job): sessions past their idle or absolute limit. */
export async function deleteExpiredSessions(nowMs = Date.now()): Promise<number> {
  const now = Math.floor(nowMs / 1000);
  const { absoluteS } = limits(nowMs);
  return prepared("delete from sessions where expires_at <= ? or created_at <= ?").run(now, now - absoluteS).changes;
}
