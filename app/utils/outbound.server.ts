/**
 * Outgoing HTTP requests to URLs an admin typed (webhooks, team chat hooks): never to this machine or
 * the company's network. A URL is refused when its host is, or resolves to, an address that is not
 * public unicast (loopback, private, link-local, unique-local, carrier-grade NAT, multicast, broadcast,
 * unspecified, reserved, and IPv4 addresses wrapped in IPv6). The check runs when the URL is saved and
 * again at each connection, on the addresses the connection really uses (no DNS rebinding between the
 * check and the request). Classification is ipaddr.js's, a maintained library.
 *
 * `OUTBOUND_ALLOW_PRIVATE=1` lifts the address check, for local testing only (documented in
 * docs/security.md); the scheme and credential rules still apply.
 */
import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import type { Agent } from "undici";

/** Why an outgoing request did not get an answer: the only words the delivery logs keep (no address, no port). */
export type OutboundFailure = "address_not_allowed" | "dns_failure" | "timeout" | "connection_failed";

export class OutboundRefused extends Error {
  constructor(readonly kind: "address_not_allowed" | "dns_failure") {
    super(kind);
    this.name = "OutboundRefused";
  }
}

export function privateTargetsAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.OUTBOUND_ALLOW_PRIVATE === "1";
}

/** Whether an address is public unicast, the only kind an admin-typed URL may reach. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

/** The hostname as `net` wants it: brackets off an IPv6 literal. */
function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/** Every address a hostname resolves to (an IP literal is its own). */
async function addressesOf(hostname: string): Promise<string[]> {
  const host = bareHost(hostname);
  if (net.isIP(host)) return [host];
  try {
    return (await dns.promises.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw new OutboundRefused("dns_failure");
  }
}

/** Refuses a URL whose host is, or resolves to, an address other than public unicast (when saving it). */
export async function assertPublicTarget(url: URL, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (privateTargetsAllowed(env)) return;
  const addresses = await addressesOf(url.hostname);
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) throw new OutboundRefused("address_not_allowed");
}

/**
 * The connection's own DNS lookup, refusing non-public answers: what the socket connects to is what was
 * checked. (An IP literal never reaches a lookup: `safeFetch` checks it before connecting.)
 */
function checkedLookup(
  hostname: string,
  options: dns.LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
): void {
  dns.lookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const list = addresses as dns.LookupAddress[];
    if (list.length === 0 || !list.every((a) => isPublicAddress(a.address))) {
      return callback(Object.assign(new OutboundRefused("address_not_allowed"), { code: "ADDRESS_NOT_ALLOWED" }), "");
    }
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

/** undici, loaded by the first outgoing request (the job process's deliveries), not by every process at start (ADR 0039). */
function loadUndici() {
  return import("undici");
}

let guardedAgent: Agent | null = null;
function agent(undici: Awaited<ReturnType<typeof loadUndici>>): Agent {
  guardedAgent ??= new undici.Agent({ connect: { lookup: checkedLookup as never } });
  return guardedAgent;
}

/** Maps any failure of an outgoing request to a kind that says nothing about the target's network. */
export function failureKind(error: unknown): OutboundFailure {
  if (error instanceof OutboundRefused) return error.kind;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof OutboundRefused) return cause.kind;
  if ((cause as { code?: string } | undefined)?.code === "ADDRESS_NOT_ALLOWED") return "address_not_allowed";
  if ((cause as { name?: string } | undefined)?.name === "ConnectTimeoutError") return "timeout";
  return "connection_failed";
}

export type SafeFetchInit = { method: "POST"; headers: Record<string, string>; body: string; signal: AbortSignal };

/**
 * POSTs to an admin-typed URL: no redirect followed, no address other than public unicast (checked on
 * the literal, then by the connection's own lookup). Throws `OutboundRefused` before any connection
 * when the target is not allowed.
 */
export async function safeFetch(url: string, init: SafeFetchInit, env: NodeJS.ProcessEnv = process.env): Promise<{ status: number }> {
  const target = new URL(url);
  const undici = await loadUndici();
  if (privateTargetsAllowed(env)) {
    const response = await undici.fetch(target, { ...init, redirect: "manual" });
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status };
  }
  const host = bareHost(target.hostname);
  if (net.isIP(host) && !isPublicAddress(host)) throw new OutboundRefused("address_not_allowed");
  const response = await undici.fetch(target, { ...init, redirect: "manual", dispatcher: agent(undici) });
  await response.body?.cancel().catch(() => undefined);
  return { status: response.status };
}

export type OutboundFetch = (url: string, init: SafeFetchInit) => Promise<{ status: number }>;
/** What an attempt came to: a 2xx, another status, or a failure kind (never an address or a system error text). */
export type PostOutcome = { ok: boolean; statusCode: number | null; error: string | null };

/** POSTs a JSON body (webhooks, teams' chat webhooks) and says what came of it; never throws. */
export async function postJson(fetchImpl: OutboundFetch, url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome> {
  try {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, statusCode: null, error: failureKind(error) };
  }
}
