/**
 * A team's optional chat webhook (Slack or Microsoft Teams incoming webhook, ADR 0031), set by the
 * team's managers or an admin, and the queue of messages posted there: a request waiting for a
 * decision, an accreditation about to end. Messages hold names and links from APP_URL only.
 *
 * - The URL goes through the outbound rules (app/utils/outbound.server.ts) when it is saved and again
 *   at each delivery (`safeFetch`): no private, loopback, link-local or reserved address, no redirect.
 * - A message is queued in the transaction of the change (`enqueueTeamChat`) and posted after it by the
 *   worker (`startTeamChatWorker`), retried on the webhooks' schedule, then marked failed.
 * - The URL is a secret (whoever holds it may post in the channel): it is never shown back whole and
 *   never written to the audit log (its host only).
 */
import { and, asc, eq, inArray, lt, lte, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { chatMessages, teamChatHooks, teams, type ChatFormat, type ChatMessageKind, type Locale } from "../../db/schema";
import { chatPayload, formatOfHost, maskedHookUrl, type ChatMessage } from "~/domain/team-chat";
import { getT } from "~/i18n/i18n.server";
import { appUrl } from "~/utils/app-url.server";
import { formatDate } from "~/utils/dates";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { deliverAll, startBackgroundWorker, wakeBackgroundWorker, type DeliveryStatus, type DeliveryTotals } from "~/utils/background.server";
import { assertPublicTarget, OutboundRefused, postJson, safeFetch, type OutboundFetch, type PostOutcome } from "~/utils/outbound.server";
import { recordAudit } from "./audit.server";
import { getSetting } from "./settings.server";
import { DELIVERY_TIMEOUT_MS, nextRetryAt, validateWebhookUrl } from "./webhook.server";

const LEASE_MS = 60_000;
/** Delivered or failed messages are deleted after this long (they hold names). */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export type TeamChatView = { host: string; format: ChatFormat; locale: Locale; lastError: string | null; lastDeliveredAt: string | null } | null;

/** What the team page shows of a team's hook: the URL's host, the format, the language, how the last message went. */
export function teamChatView(teamId: string): TeamChatView {
  const db = getDb();
  const hook = db.select().from(teamChatHooks).where(eq(teamChatHooks.teamId, teamId)).get();
  if (!hook) return null;
  const last = db
    .select({ status: chatMessages.status, lastError: chatMessages.lastError, updatedAt: chatMessages.updatedAt })
    .from(chatMessages)
    .where(and(eq(chatMessages.teamId, teamId), ne(chatMessages.status, "pending")))
    .orderBy(sql`${chatMessages.updatedAt} desc`)
    .limit(1)
    .get();
  return {
    host: maskedHookUrl(hook.url),
    format: hook.format,
    locale: hook.locale,
    lastError: last?.status === "failed" ? last.lastError : null,
    lastDeliveredAt: last?.status === "succeeded" ? last.updatedAt.toISOString() : null,
  };
}

/**
 * Saves a team's hook (replacing any). The format is the host's when it is a known one (Slack, Teams),
 * else the one chosen. Refused (400, nothing written) for a URL that is not http(s), carries
 * credentials, or leads to a non-public address.
 */
export async function setTeamChatHook(actorId: string, teamId: string, input: { url: string; format: ChatFormat; locale: Locale }): Promise<ChatFormat> {
  const url = validateWebhookUrl(input.url);
  try {
    await assertPublicTarget(new URL(url));
  } catch (error) {
    if (!(error instanceof OutboundRefused)) throw error;
    throw new InputError({ url: error.kind === "dns_failure" ? "api.webhooks.errors.urlUnresolvable" : "api.webhooks.errors.urlNotPublic" });
  }
  const format = formatOfHost(url) ?? input.format;
  getDb().transaction((tx) => {
    if (!tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).get()) throw new InputError({ form: "errors.notFound" }, 404);
    const now = new Date();
    tx.insert(teamChatHooks)
      .values({ teamId, url, format, locale: input.locale, updatedAt: now })
      .onConflictDoUpdate({ target: teamChatHooks.teamId, set: { url, format, locale: input.locale, updatedAt: now } })
      .run();
    recordAudit(tx, {
      actorId,
      action: "team.chat_webhook_set",
      subjectType: "team",
      subjectId: teamId,
      toState: format,
      data: { host: new URL(url).host, locale: input.locale },
    });
  });
  return format;
}

/** Removes a team's hook; its messages not yet posted are dropped. */
export function removeTeamChatHook(actorId: string, teamId: string): void {
  getDb().transaction((tx) => {
    const removed = tx.delete(teamChatHooks).where(eq(teamChatHooks.teamId, teamId)).run().changes;
    if (!removed) return;
    tx.delete(chatMessages)
      .where(and(eq(chatMessages.teamId, teamId), eq(chatMessages.status, "pending")))
      .run();
    recordAudit(tx, { actorId, action: "team.chat_webhook_removed", subjectType: "team", subjectId: teamId });
  });
}

export type TeamChatEvent =
  | { kind: "request_waiting"; teamId: string; accreditationId: string; person: string; renewal: boolean }
  | { kind: "expiring"; teamId: string; accreditationId: string; person: string; validUntil: Date };

function messageOf(event: TeamChatEvent, locale: Locale): ChatMessage {
  const t = getT(locale);
  const link = { label: t("teamChat.open"), url: `${appUrl()}/team/requests/${event.accreditationId}` };
  switch (event.kind) {
    case "request_waiting":
      return { text: t(event.renewal ? "teamChat.renewalWaiting" : "teamChat.requestWaiting", { person: event.person }), link };
    case "expiring":
      return {
        text: t("teamChat.expiring", {
          person: event.person,
          date: formatDate(event.validUntil, "date", { language: locale, timeZone: getSetting("organisation.timeZone") }),
        }),
        link,
      };
    default: {
      const never: never = event;
      throw new Error(`unknown team chat event ${JSON.stringify(never)}`);
    }
  }
}

/** Queues a message for the team's hook, if it has one, in the caller's transaction (posted after it). */
export function enqueueTeamChat(tx: Tx, event: TeamChatEvent, now = new Date()): void {
  const hook = tx
    .select({ format: teamChatHooks.format, locale: teamChatHooks.locale })
    .from(teamChatHooks)
    .where(eq(teamChatHooks.teamId, event.teamId))
    .get();
  if (!hook) return;
  const body = JSON.stringify(chatPayload(hook.format, messageOf(event, hook.locale)));
  tx.insert(chatMessages)
    .values({
      id: newId(),
      teamId: event.teamId,
      kind: event.kind satisfies ChatMessageKind,
      refId: event.accreditationId,
      text: body,
      status: "pending",
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  wakeTeamChatWorker();
}

export type TeamChatWorkerOptions = {
  now?: () => Date;
  fetch?: OutboundFetch;
  timeoutMs?: number;
  batchSize?: number;
};

/** One pass: claims the due messages, posts them to their team's current URL, records each outcome. */
export async function deliverDueTeamChat(options: TeamChatWorkerOptions = {}): Promise<DeliveryTotals> {
  const clock = options.now ?? (() => new Date());
  const fetchImpl = options.fetch ?? safeFetch;
  const db = getDb();
  const now = clock();
  const claimed = db.transaction((tx) => {
    const due = tx
      .select({ id: chatMessages.id })
      .from(chatMessages)
      .where(and(eq(chatMessages.status, "pending"), lte(chatMessages.nextAttemptAt, now)))
      .orderBy(asc(chatMessages.nextAttemptAt))
      .limit(options.batchSize ?? 20)
      .all()
      .map((r) => r.id);
    if (due.length === 0) return [];
    tx.update(chatMessages)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(chatMessages.id, due))
      .run();
    return tx
      .select({ id: chatMessages.id, attempts: chatMessages.attempts, body: chatMessages.text, url: teamChatHooks.url })
      .from(chatMessages)
      .leftJoin(teamChatHooks, eq(teamChatHooks.teamId, chatMessages.teamId))
      .where(inArray(chatMessages.id, due))
      .all();
  });
  const totals = await deliverAll(claimed, async (message) => {
    const outcome: PostOutcome = message.url
      ? await postJson(fetchImpl, message.url, message.body, { "User-Agent": "Ambassade-TeamChat/1" }, options.timeoutMs ?? DELIVERY_TIMEOUT_MS)
      : { ok: false, statusCode: null, error: "no_hook" };
    const at = clock();
    const attempts = message.attempts + 1;
    const retryAt = outcome.ok || !message.url ? null : nextRetryAt(attempts, at);
    const status: DeliveryStatus = outcome.ok ? "succeeded" : retryAt ? "pending" : "failed";
    db.update(chatMessages)
      .set({ status, attempts, nextAttemptAt: retryAt, lastStatusCode: outcome.statusCode, lastError: outcome.error, updatedAt: at })
      .where(eq(chatMessages.id, message.id))
      .run();
    return status;
  });
  // Names do not stay: finished messages go after a while.
  db.delete(chatMessages)
    .where(and(ne(chatMessages.status, "pending"), lt(chatMessages.updatedAt, new Date(now.getTime() - KEEP_MS))))
    .run();
  return totals;
}

/** Asks the running worker (if any) for a pass once the current transaction is over. */
export function wakeTeamChatWorker(): void {
  wakeBackgroundWorker("teamChat");
}

/** Starts the worker: a pass every `intervalMs` and whenever a message is queued; passes never overlap. */
export function startTeamChatWorker(options: TeamChatWorkerOptions & { intervalMs?: number } = {}): { stop: () => void; tick: () => Promise<void> } {
  return startBackgroundWorker("teamChat", () => deliverDueTeamChat(options), { intervalMs: options.intervalMs ?? 5_000 });
}
