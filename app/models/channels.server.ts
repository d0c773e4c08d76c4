/**
 * The channels one can be accredited for (setting accreditation.channels): ids, labels, and what a
 * client's channel name resolves to. Its own small model so that accreditations, credentials and the
 * posting gate read channels without importing each other.
 */
import { getSetting } from "./settings.server";

export type Channel = { id: string; label: string };

/** "TikTok" → "tiktok": the id stored with accreditations and used by the posting gate. */
export function channelId(label: string): string {
  return label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** The channels one can be accredited for (setting accreditation.channels), in their order. */
export function offeredChannels(): Channel[] {
  const seen = new Set<string>();
  const out: Channel[] = [];
  for (const label of getSetting("accreditation.channels").split(",")) {
    const trimmed = label.trim();
    const id = channelId(trimmed);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, label: trimmed });
  }
  return out;
}

// The offered channels change rarely and are read by every gate request: keep them for a moment.
const CHANNELS_TTL_MS = 2_000;
const globalForChannels = globalThis as unknown as { __ambassadeGateChannels?: { at: number; channels: Channel[] } };

/** `offeredChannels()`, remembered for two seconds: for the posting gate's hot path and the API. */
export function offeredChannelsCached(now = Date.now()): Channel[] {
  const cached = globalForChannels.__ambassadeGateChannels;
  if (cached && now - cached.at < CHANNELS_TTL_MS) return cached.channels;
  const channels = offeredChannels();
  globalForChannels.__ambassadeGateChannels = { at: now, channels };
  return channels;
}

/** Drops the remembered channels (another process changed the settings: app/server/cache-sync.ts). */
export function forgetCachedChannels(): void {
  globalForChannels.__ambassadeGateChannels = undefined;
}

/**
 * The channel id for what a client sent ("LinkedIn", "linkedin", " X "), or null when the
 * organisation does not offer it.
 */
export function resolveChannel(raw: string): string | null {
  const id = channelId(raw);
  return offeredChannelsCached().some((c) => c.id === id) ? id : null;
}

/** Labels for channel ids, including channels no longer offered (shown as their id). */
export function channelLabels(ids: readonly string[], offered = offeredChannels()): string[] {
  const byId = new Map(offered.map((c) => [c.id, c.label]));
  return ids.map((id) => byId.get(id) ?? id);
}
