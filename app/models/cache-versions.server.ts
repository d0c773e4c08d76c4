/**
 * The counters of what processes keep in memory (`cache_versions`): bumped by triggers in the same
 * transaction as any change to the content, the settings or the API tokens (migration 0010), read by
 * each process at most every 250 ms (app/server/cache-sync.ts, ADR 0025).
 */
import { prepared } from "./prepared.server";

export const CACHE_KEYS = ["content", "settings", "api_tokens"] as const;
export type CacheKey = (typeof CACHE_KEYS)[number];

/** Every counter, in one read of a three-row table. */
export function readCacheVersions(): Map<string, number> {
  const rows = prepared("select key, version from cache_versions").all() as { key: string; version: number }[];
  return new Map(rows.map((row) => [row.key, row.version]));
}
