/**
 * Kept so that existing imports still work: sessions are now the Lucia guide's own code, without the
 * deprecated lucia 3 package (./session.server.ts, docs/decisions/0016-safe-to-deploy.md). Import from
 * "~/auth/session.server" in new code.
 */
export {
  blankSessionCookie,
  createSession,
  deleteExpiredSessions,
  hasSessionCookie,
  invalidateAllSessions,
  invalidateSession,
  validateSessionCookie,
  type ValidatedSession,
} from "./session.server";
