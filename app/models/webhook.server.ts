/**
 * Webhooks: endpoints an admin registers, events written in the SAME transaction as the change they
 * report (so a crash or restart loses nothing), and an in-process worker that delivers them.
 *
 * Delivery: POST of the event's JSON body with
 *   Ambassade-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the endpoint's secret>
 *   Ambassade-Event-Id: <event id>    Ambassade-Event-Type: <type>
 * A 2xx answer within 10 s is a success; anything else (other status, redirect, timeout, network
 * error) is retried after 30 s, 2 min, 10 min, 1 h and 6 h; after the 6th failed attempt the
 * delivery is `failed` and an admin may retry it by hand (one more attempt each time).
 *
 * The worker claims due deliveries with a lease (next_attempt_at pushed a minute ahead) inside a
 * transaction before sending, so that two ticks, or two processes, never send the same attempt twice;
 * a process that dies mid-delivery leaves the lease to expire and the attempt is made again.
 */
import { createHmac, randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { webhookDeliveries, webhookEndpoints, webhookEvents, type WebhookEventType } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { deliverAll, startBackgroundWorker, wakeBackgroundWorker, type DeliveryStatus, type DeliveryTotals } from "~/utils/background.server";
import { assertPublicTarget, OutboundRefused, postJson, safeFetch, type OutboundFetch, type PostOutcome } from "~/utils/outbound.server";
import { recordAudit } from "./audit.server";

export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const DELIVERY_TIMEOUT_MS = 10_000;
const LEASE_MS = 60_000;
const MAX_ENDPOINTS = 50;
const SECRET_MIN = 16;
const SECRET_MAX = 200;

// ---------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A webhook URL: http(s), no user or password in it, at most 2,000 characters. In production
 * (NODE_ENV=production) it must be https, except on this machine (localhost, 127.0.0.1, [::1]).
 */
export function validateWebhookUrl(raw: string, nodeEnv = process.env.NODE_ENV): string {
  const value = raw.trim();
  if (!value) throw new InputError({ url: "errors.required" });
  if (value.length > 2000) throw new InputError({ url: "errors.tooLong" });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError({ url: "api.webhooks.errors.urlInvalid" });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new InputError({ url: "api.webhooks.errors.urlInvalid" });
  if (url.username || url.password) throw new InputError({ url: "api.webhooks.errors.urlCredentials" });
  if (nodeEnv === "production" && url.protocol !== "https:" && !LOCAL_HOSTS.has(url.hostname)) {
    throw new InputError({ url: "api.webhooks.errors.httpsRequired" });
  }
  return url.toString();
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/**
 * Registers an endpoint. Without a secret, one is generated; the caller shows it once. Refused when the
 * URL's host is, or resolves to, anything but a public address (app/utils/outbound.server.ts).
 */
export async function createWebhookEndpoint(
  actorId: string | null,
  input: { url: string; secret?: string | null },
): Promise<{ id: string; url: string; secret: string; generated: boolean }> {
  const url = validateWebhookUrl(input.url);
  try {
    await assertPublicTarget(new URL(url));
  } catch (error) {
    if (!(error instanceof OutboundRefused)) throw error;
    throw new InputError({ url: error.kind === "dns_failure" ? "api.webhooks.errors.urlUnresolvable" : "api.webhooks.errors.urlNotPublic" });
  }
  const typed = input.secret?.trim() ?? "";
  if (typed && (typed.length < SECRET_MIN || typed.length > SECRET_MAX)) throw new InputError({ secret: "api.webhooks.errors.secretLength" });
  const secret = typed || newWebhookSecret();
  const id = newId();
  getDb().transaction((tx) => {
    const count =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(webhookEndpoints)
        .get()?.n ?? 0;
    if (count >= MAX_ENDPOINTS) throw new InputError({ url: "api.webhooks.errors.tooMany" });
    tx.insert(webhookEndpoints).values({ id, url, secret, createdBy: actorId }).run();
    recordAudit(tx, { actorId, action: "webhook.created", subjectType: "webhook_endpoint", subjectId: id, toState: "enabled", data: { url } });
  });
  return { id, url, secret, generated: !typed };
}

function endpointOrThrow(id: string) {
  const row = getDb()
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, enabled: webhookEndpoints.enabled })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id))
    .get();
  if (!row) throw new InputError({ form: "api.webhooks.errors.notFound" }, 404);
  return row;
}

/** Enables or disables an endpoint; a disabled endpoint receives nothing (its pending deliveries wait). */
export function setWebhookEndpointEnabled(actorId: string | null, id: string, enabled: boolean): void {
  const row = endpointOrThrow(id);
  if (row.enabled === enabled) return;
  getDb().transaction((tx) => {
    tx.update(webhookEndpoints).set({ enabled, updatedAt: new Date() }).where(eq(webhookEndpoints.id, id)).run();
    recordAudit(tx, {
      actorId,
      action: enabled ? "webhook.enabled" : "webhook.disabled",
      subjectType: "webhook_endpoint",
      subjectId: id,
      fromState: row.enabled ? "enabled" : "disabled",
      toState: enabled ? "enabled" : "disabled",
      data: { url: row.url },
    });
  });
  if (enabled) wakeWebhookWorker();
}

/** Deletes an endpoint with its deliveries. */
export function deleteWebhookEndpoint(actorId: string | null, id: string): void {
  const row = endpointOrThrow(id);
  getDb().transaction((tx) => {
    tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).run();
    recordAudit(tx, {
      actorId,
      action: "webhook.deleted",
      subjectType: "webhook_endpoint",
      subjectId: id,
      fromState: row.enabled ? "enabled" : "disabled",
      toState: null,
      data: { url: row.url },
    });
  });
}

export type WebhookEndpointItem = { id: string; url: string; enabled: boolean; createdAt: Date; pending: number; failed: number };

/** Every endpoint with its count of pending and failed deliveries, in one query. */
export function listWebhookEndpoints(): WebhookEndpointItem[] {
  return getDb()
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      enabled: webhookEndpoints.enabled,
      createdAt: webhookEndpoints.createdAt,
      pending: sql<number>`(select count(*) from webhook_deliveries d where d.endpoint_id = ${webhookEndpoints.id} and d.status = 'pending')`,
      failed: sql<number>`(select count(*) from webhook_deliveries d where d.endpoint_id = ${webhookEndpoints.id} and d.status = 'failed')`,
    })
    .from(webhookEndpoints)
    .orderBy(asc(webhookEndpoints.createdAt))
    .all();
}

// ---------------------------------------------------------------------------------------------
// Events and the delivery log
// ---------------------------------------------------------------------------------------------

export type WebhookEvent<D = unknown> = { id: string; type: WebhookEventType; createdAt: string; data: D };

/**
 * Writes an event and one pending delivery per enabled endpoint, in the caller's transaction: the
 * event exists exactly when the change it reports was committed. Wakes the worker once the
 * transaction is over (a rolled-back event simply is not found).
 */
export function enqueueWebhookEvent<D>(tx: Tx, type: WebhookEventType, data: D, now = new Date()): WebhookEvent<D> {
  const event: WebhookEvent<D> = { id: `evt_${newId().replace(/-/g, "")}`, type, createdAt: now.toISOString(), data };
  tx.insert(webhookEvents)
    .values({ id: event.id, type, body: JSON.stringify(event), createdAt: now })
    .run();
  const endpoints = tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.enabled, true)).all();
  if (endpoints.length) {
    tx.insert(webhookDeliveries)
      .values(
        endpoints.map((e) => ({
          id: newId(),
          endpointId: e.id,
          eventId: event.id,
          status: "pending" as const,
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .run();
    wakeWebhookWorker();
  }
  return event;
}

export type WebhookDeliveryItem = {
  id: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  eventId: string;
  eventType: WebhookEventType;
  endpointId: string;
  endpointUrl: string;
};

/** The delivery log, newest first, in one query. */
export function listWebhookDeliveries(
  options: { limit?: number; endpointId?: string; status?: "pending" | "succeeded" | "failed" } = {},
): WebhookDeliveryItem[] {
  const where = [];
  if (options.endpointId) where.push(eq(webhookDeliveries.endpointId, options.endpointId));
  if (options.status) where.push(eq(webhookDeliveries.status, options.status));
  return getDb()
    .select({
      id: webhookDeliveries.id,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      eventId: webhookEvents.id,
      eventType: webhookEvents.type,
      endpointId: webhookEndpoints.id,
      endpointUrl: webhookEndpoints.url,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(Math.min(options.limit ?? 50, 200))
    .all();
}

/** An admin asks for one more attempt of a failed delivery, now. */
export function retryWebhookDelivery(actorId: string | null, id: string, now = new Date()): void {
  getDb().transaction((tx) => {
    const row = tx
      .select({ status: webhookDeliveries.status, eventId: webhookDeliveries.eventId })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, id))
      .get();
    if (!row) throw new InputError({ form: "api.webhooks.errors.deliveryNotFound" }, 404);
    if (row.status !== "failed") throw new InputError({ form: "api.webhooks.errors.notFailed" }, 409);
    tx.update(webhookDeliveries).set({ status: "pending", nextAttemptAt: now, updatedAt: now }).where(eq(webhookDeliveries.id, id)).run();
    recordAudit(tx, {
      actorId,
      action: "webhook.delivery_retried",
      subjectType: "webhook_delivery",
      subjectId: id,
      fromState: "failed",
      toState: "pending",
      data: { eventId: row.eventId },
    });
  });
  wakeWebhookWorker();
}

// ---------------------------------------------------------------------------------------------
// Signing and delivering
// ---------------------------------------------------------------------------------------------

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` */
export function signWebhookBody(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

/** When the next attempt is due after `attempts` failed ones, or null when it is time to give up. */
export function nextRetryAt(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

export type WebhookWorkerOptions = {
  /** The clock (tests move it instead of sleeping). */
  now?: () => Date;
  /** The HTTP client (defaults to the guarded one that reaches public addresses only). */
  fetch?: OutboundFetch;
  timeoutMs?: number;
  batchSize?: number;
};

type Claimed = { id: string; attempts: number; url: string; secret: string; body: string; eventId: string; type: string };

function claimDue(now: Date, batchSize: number): Claimed[] {
  return getDb().transaction((tx) => {
    const due = tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, now), eq(webhookEndpoints.enabled, true)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(batchSize)
      .all()
      .map((r) => r.id);
    if (due.length === 0) return [];
    tx.update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(and(inArray(webhookDeliveries.id, due), eq(webhookDeliveries.status, "pending")))
      .run();
    return tx
      .select({
        id: webhookDeliveries.id,
        attempts: webhookDeliveries.attempts,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
        body: webhookEvents.body,
        eventId: webhookEvents.id,
        type: webhookEvents.type,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(inArray(webhookDeliveries.id, due))
      .all();
  });
}

/**
 * What the delivery log keeps of a failure: a status code or a generic kind (`timeout`,
 * `connection_failed`, `address_not_allowed`, `dns_failure`), never an address, a port or a system error
 * text, so the log cannot be used to map the network.
 */
function send(delivery: Claimed, now: Date, fetchImpl: OutboundFetch, timeoutMs: number): Promise<PostOutcome> {
  return postJson(
    fetchImpl,
    delivery.url,
    delivery.body,
    {
      "User-Agent": "Ambassade-Webhooks/1",
      "Ambassade-Signature": signWebhookBody(delivery.secret, delivery.body, Math.floor(now.getTime() / 1000)),
      "Ambassade-Event-Id": delivery.eventId,
      "Ambassade-Event-Type": delivery.type,
    },
    timeoutMs,
  );
}

function record(delivery: Claimed, outcome: PostOutcome, now: Date): DeliveryStatus {
  const attempts = delivery.attempts + 1;
  const retryAt = outcome.ok ? null : nextRetryAt(attempts, now);
  const status = outcome.ok ? "succeeded" : retryAt ? "pending" : "failed";
  getDb()
    .update(webhookDeliveries)
    .set({ status, attempts, nextAttemptAt: retryAt, lastAttemptAt: now, lastStatusCode: outcome.statusCode, lastError: outcome.error, updatedAt: now })
    .where(eq(webhookDeliveries.id, delivery.id))
    .run();
  return status;
}

/**
 * One pass of the worker: claims the due deliveries (at most `batchSize`), sends them in parallel
 * and records each outcome. Never throws for a receiver's failure.
 */
export async function deliverDueWebhooks(options: WebhookWorkerOptions = {}): Promise<DeliveryTotals> {
  const clock = options.now ?? (() => new Date());
  const fetchImpl = options.fetch ?? safeFetch;
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  return deliverAll(claimDue(clock(), options.batchSize ?? 20), async (delivery) =>
    record(delivery, await send(delivery, clock(), fetchImpl, timeoutMs), clock()),
  );
}

// ---------------------------------------------------------------------------------------------
// The in-process worker (app/utils/background.server.ts)
// ---------------------------------------------------------------------------------------------

/** Asks the running worker (if any) for a pass as soon as the current transaction is over. */
export function wakeWebhookWorker(): void {
  wakeBackgroundWorker("webhooks");
}

/** Starts the worker: a pass every `intervalMs` and one whenever an event is enqueued; passes never overlap. */
export function startWebhookWorker(options: WebhookWorkerOptions & { intervalMs?: number } = {}): { stop: () => void; tick: () => Promise<void> } {
  return startBackgroundWorker("webhooks", () => deliverDueWebhooks(options), { intervalMs: options.intervalMs ?? 2_000 });
}
