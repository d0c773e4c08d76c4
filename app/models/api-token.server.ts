/**
 * API tokens: created and revoked by an admin (page /admin/api, or `npm run cli -- token create`),
 * presented as `Authorization: Bearer amb_…` to the public API. Only the sha256 of a token is kept.
 *
 * The gate must stay fast, so a token that authenticated is remembered in memory for a few seconds
 * (keyed by its hash, on globalThis so that the Remix bundle and the server entry share it), and its
 * last-used time is written at most once a minute. Revoking removes it from that memory at once.
 */
import { createHash, randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { apiTokens, users, type ApiTokenScope } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { recordAudit } from "./audit.server";
import { prepared } from "./prepared.server";

export const TOKEN_PREFIX = "amb_";
const TOKEN_PATTERN = /^amb_[A-Za-z0-9_-]{43}$/;
const CACHE_TTL_MS = 10_000;
const LAST_USED_EVERY_MS = 60_000;

type CachedToken = { id: string; name: string; scope: ApiTokenScope; expiresAt: number | null; cachedAt: number };
type TokenMemory = { byHash: Map<string, CachedToken>; lastUsedWrite: Map<string, number> };

const globalForTokens = globalThis as unknown as { __ambassadeApiTokens?: TokenMemory };
function memory(): TokenMemory {
  globalForTokens.__ambassadeApiTokens ??= { byHash: new Map(), lastUsedWrite: new Map() };
  return globalForTokens.__ambassadeApiTokens;
}

/** Drops every remembered token (one was revoked or changed in another process: app/server/cache-sync.ts). */
export function forgetCachedTokens(): void {
  memory().byHash.clear();
}

function hash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type ApiTokenListItem = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  scope: ApiTokenScope;
  expiresAt: Date | null;
};

/**
 * Creates a token and returns it: this is the only time the token itself exists outside the client.
 * `scope` says what it opens (the public API, or SCIM provisioning); `expiresAt` an optional end.
 */
export function createApiToken(
  actorId: string | null,
  name: string,
  options: { scope?: ApiTokenScope; expiresAt?: Date | null } = {},
): { id: string; name: string; token: string; prefix: string; scope: ApiTokenScope } {
  const trimmed = name.trim();
  const scope = options.scope ?? "api";
  if (!trimmed) throw new InputError({ name: "errors.required" });
  if (trimmed.length > 80) throw new InputError({ name: "errors.tooLong" });
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const id = newId();
  const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
  getDb().transaction((tx) => {
    tx.insert(apiTokens)
      .values({ id, name: trimmed, prefix, tokenHash: hash(token), createdBy: actorId, scope, expiresAt: options.expiresAt ?? null })
      .run();
    recordAudit(tx, {
      actorId,
      action: "api_token.created",
      subjectType: "api_token",
      subjectId: id,
      toState: "active",
      data: { name: trimmed, prefix, scope },
    });
  });
  return { id, name: trimmed, token, prefix, scope };
}

export function listApiTokens(scope?: ApiTokenScope): ApiTokenListItem[] {
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      createdByName: users.name,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      scope: apiTokens.scope,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(scope ? eq(apiTokens.scope, scope) : undefined)
    .orderBy(desc(apiTokens.createdAt))
    .limit(500)
    .all();
}

/** Revokes a token; it stops working at once in this process. Revoking twice changes nothing. */
export function revokeApiToken(actorId: string | null, id: string): { name: string } {
  const row = getDb().select().from(apiTokens).where(eq(apiTokens.id, id)).get();
  if (!row) throw new InputError({ form: "api.errors.tokenNotFound" }, 404);
  if (!row.revokedAt) {
    getDb().transaction((tx) => {
      tx.update(apiTokens).set({ revokedAt: new Date(), revokedBy: actorId }).where(eq(apiTokens.id, id)).run();
      recordAudit(tx, {
        actorId,
        action: "api_token.revoked",
        subjectType: "api_token",
        subjectId: id,
        fromState: "active",
        toState: "revoked",
        data: { name: row.name, prefix: row.prefix },
      });
    });
  }
  memory().byHash.delete(row.tokenHash);
  memory().lastUsedWrite.delete(id);
  return { name: row.name };
}

export type ApiAuthFailure = "missing_token" | "invalid_token" | "insufficient_scope";

/**
 * Checks an Authorization header for a token of `scope`. One indexed lookup on a cache miss, none on
 * a hit; records the last use at most once a minute per token. An expired token is invalid; a valid
 * token of another scope is `insufficient_scope` (a SCIM token does not open the gate, nor the reverse).
 */
export function authenticateApiToken(
  header: string | null,
  now = Date.now(),
  scope: ApiTokenScope = "api",
): { ok: true; id: string; name: string } | { ok: false; error: ApiAuthFailure } {
  if (!header) return { ok: false, error: "missing_token" };
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (!match) return { ok: false, error: "missing_token" };
  const token = match[1]!;
  if (!TOKEN_PATTERN.test(token)) return { ok: false, error: "invalid_token" };
  const tokenHash = hash(token);
  const mem = memory();
  let found = mem.byHash.get(tokenHash);
  if (!found || now - found.cachedAt > CACHE_TTL_MS) {
    const row = prepared("select id, name, scope, expires_at as expiresAt from api_tokens where token_hash = ? and revoked_at is null").get(tokenHash) as
      { id: string; name: string; scope: ApiTokenScope; expiresAt: number | null } | undefined;
    if (!row) {
      mem.byHash.delete(tokenHash);
      return { ok: false, error: "invalid_token" };
    }
    found = { id: row.id, name: row.name, scope: row.scope, expiresAt: row.expiresAt, cachedAt: now };
    mem.byHash.set(tokenHash, found);
  }
  if (found.expiresAt !== null && found.expiresAt <= now) return { ok: false, error: "invalid_token" };
  if (found.scope !== scope) return { ok: false, error: "insufficient_scope" };
  const lastWrite = mem.lastUsedWrite.get(found.id) ?? 0;
  if (now - lastWrite >= LAST_USED_EVERY_MS) {
    mem.lastUsedWrite.set(found.id, now);
    prepared("update api_tokens set last_used_at = ? where id = ?").run(now, found.id);
  }
  return { ok: true, id: found.id, name: found.name };
}
