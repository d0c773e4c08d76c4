/**
 * Keeps this process's in-memory caches in step with the database when another process (a worker of
 * the cluster, the CLI) changes what they hold: every 250 ms, one read of `cache_versions` (three rows,
 * bumped by triggers in the writer's own transaction); a counter that moved drops what it covers.
 * A change made in this process is seen the same way, one tick later (its own caches were already
 * refreshed by the code that made it; the second refresh is harmless). ADR 0025.
 */
import { loadedContentLibrary, reloadContentLibrary } from "../content/library.server";
import { forgetCachedTokens } from "../models/api-token.server";
import { readCacheVersions, type CacheKey } from "../models/cache-versions.server";
import { forgetCachedChannels } from "../models/channels.server";
import { settingsChanged } from "../models/settings.server";

export const CACHE_SYNC_INTERVAL_MS = 250;

/**
 * The content library is rebuilt only where one is loaded, and only when it is older than the change
 * (the process that published has already rebuilt its own: its library says which counter it saw).
 */
async function refreshContent(version: number): Promise<void> {
  const loaded = loadedContentLibrary();
  if (!loaded) return;
  const library = await loaded.catch(() => null);
  if (library && library.overlayVersion >= version) return;
  await reloadContentLibrary();
}

const INVALIDATE: Record<CacheKey, (version: number) => Promise<unknown> | void> = {
  content: (version) => refreshContent(version),
  settings: () => {
    settingsChanged();
    forgetCachedChannels();
  },
  api_tokens: () => forgetCachedTokens(),
};

type Sync = { timer: NodeJS.Timeout; seen: Map<string, number> };
const globalForSync = globalThis as unknown as { __ambassadeCacheSync?: Sync };

/** Compares the counters with those last seen and drops what changed. Returns the keys that did. */
export async function syncCaches(sync: Pick<Sync, "seen">): Promise<CacheKey[]> {
  const now = readCacheVersions();
  const changed: CacheKey[] = [];
  for (const [key, version] of now) {
    if (!(key in INVALIDATE)) continue;
    const before = sync.seen.get(key);
    sync.seen.set(key, version);
    if (before !== undefined && before !== version) changed.push(key as CacheKey);
  }
  for (const key of changed) {
    const started = Date.now();
    await INVALIDATE[key](now.get(key)!);
    if (process.env.AMBASSADE_WORKER_HEADER === "1") console.info(`[cache-sync] ${process.pid}: ${key} changed, dropped in ${Date.now() - started} ms`);
  }
  return changed;
}

/** Starts the check (once per process); the timer does not keep the process alive. */
export function startCacheSync(intervalMs = CACHE_SYNC_INTERVAL_MS): void {
  if (globalForSync.__ambassadeCacheSync) return;
  const sync: Sync = { seen: new Map(), timer: undefined as unknown as NodeJS.Timeout };
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    syncCaches(sync)
      .catch((error: unknown) => console.error("[cache-sync] check failed", error))
      .finally(() => (running = false));
  };
  // The first read only records where the counters stand.
  try {
    for (const [key, version] of readCacheVersions()) sync.seen.set(key, version);
  } catch (error) {
    console.error("[cache-sync] first read failed", error);
  }
  sync.timer = setInterval(tick, intervalMs);
  sync.timer.unref();
  globalForSync.__ambassadeCacheSync = sync;
}
