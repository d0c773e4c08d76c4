/**
 * Telling people what happened: one inbox row per notice and, per recipient, one mail (a digest when
 * one change brings several), both written in the transaction of the change. Mandatory kinds are
 * always mailed; the others unless the person turned them off (account page). People who left the
 * organisation (inactive) are told nothing. The words are written in each reader's language:
 * mails when queued, inbox lines when read. See docs/decisions/0020-notifications.md.
 *
 *     notify(tx, [{ userId, kind, params, link }])          // delivered now, in tx
 *     withNotificationBatch(tx, () => { …many notify… })    // delivered at the end: one mail per person
 */
import { and, count, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../../db/connection";
import { notificationOptOuts, notifications, users, type Locale } from "../../db/schema";
import { OPTIONAL_KINDS, isMandatory, isNotificationKind, mailPlan, type NoticeParams, type NotificationKind } from "~/domain/notifications";
import { composeNotificationMail, noticeText } from "~/mail/notification-mail.server";
import { queueMail } from "~/mail/outbox.server";
import { linkTo } from "~/mail/templates.server";
import { getT } from "~/i18n/i18n.server";
import { newId } from "~/utils/ids.server";

export type Notice = {
  userId: string;
  kind: NotificationKind;
  params: NoticeParams;
  /** A path on this Ambassade. */
  link: string;
  /** The record the notice is about (an accreditation id…), kept with the mail. */
  refId?: string | null;
};

type Writer = Db | Tx;

// Notices gathered while a batch is open on a transaction (keyed by the transaction object).
const batches = new WeakMap<object, Notice[]>();

/** Runs `fn` with notices gathered, then delivers them all: one mail per recipient. */
export function withNotificationBatch<T>(tx: Writer, fn: () => T, now = new Date()): T {
  if (batches.has(tx)) return fn();
  const gathered: Notice[] = [];
  batches.set(tx, gathered);
  try {
    const result = fn();
    deliver(tx, gathered, now);
    return result;
  } finally {
    batches.delete(tx);
  }
}

/** Tells people (inbox and mail), in the caller's transaction; inside a batch, at the batch's end. */
export function notify(tx: Writer, notices: readonly Notice[], now = new Date()): void {
  if (notices.length === 0) return;
  const batch = batches.get(tx);
  if (batch) batch.push(...notices);
  else deliver(tx, notices, now);
}

function deliver(tx: Writer, notices: readonly Notice[], now: Date): void {
  if (notices.length === 0) return;
  const userIds = [...new Set(notices.map((n) => n.userId))];
  const people = tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, active: users.active })
    .from(users)
    .where(inArray(users.id, userIds))
    .all();
  const optOuts = tx
    .select({ userId: notificationOptOuts.userId, kind: notificationOptOuts.kind })
    .from(notificationOptOuts)
    .where(inArray(notificationOptOuts.userId, userIds))
    .all();
  const byPerson = new Map<string, Notice[]>();
  for (const n of notices) byPerson.set(n.userId, [...(byPerson.get(n.userId) ?? []), n]);
  const optedOut = new Map<string, Set<NotificationKind>>();
  for (const o of optOuts) optedOut.set(o.userId, (optedOut.get(o.userId) ?? new Set()).add(o.kind));
  for (const person of people) {
    if (!person.active) continue;
    const mine = byPerson.get(person.id) ?? [];
    for (const n of mine)
      tx.insert(notifications).values({ id: newId(), userId: person.id, kind: n.kind, params: n.params, link: n.link, createdAt: now }).run();
    const plan = mailPlan(mine, optedOut.get(person.id) ?? new Set());
    if (!plan) continue;
    const mail = composeNotificationMail({
      locale: person.locale ?? "fr",
      name: person.name,
      notices: plan.notices.map((n) => ({ kind: n.kind, params: n.params, url: linkTo(n.link) })),
      accountUrl: linkTo("/account#notifications"),
    });
    const refId = plan.digest ? null : (plan.notices[0]!.refId ?? null);
    // Due at once (the clock's now, not the change's: a job may run with another time).
    queueMail(tx, {
      kind: plan.digest ? "notification_digest" : `notification.${plan.notices[0]!.kind}`,
      ...(refId ? { refId } : {}),
      to: person.email,
      ...mail,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The inbox
// ---------------------------------------------------------------------------------------------

export function unreadCount(userId: string): number {
  return (
    getDb()
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

export type InboxItem = { id: string; kind: NotificationKind; text: string; link: string; createdAt: Date; read: boolean };

export const INBOX_PAGE_SIZE = 30;

/** A person's notices, newest first, written in `locale`; `before` pages to older ones. */
export function listInbox(userId: string, locale: Locale, page = 1): { items: InboxItem[]; total: number; unread: number } {
  const db = getDb();
  const total = db.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId)).get()?.n ?? 0;
  const rows = db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE)
    .all();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      text: noticeText(locale, r.kind, r.params).inbox,
      link: r.link,
      createdAt: r.createdAt,
      read: r.readAt !== null,
    })),
    total,
    unread: unreadCount(userId),
  };
}

/** Marks one of the person's notices read and returns where it leads; another person's, or none, is null. */
export function markRead(userId: string, id: string, now = new Date()): string | null {
  const where = and(eq(notifications.userId, userId), eq(notifications.id, id));
  const row = getDb().select({ link: notifications.link }).from(notifications).where(where).get();
  if (!row) return null;
  getDb()
    .update(notifications)
    .set({ readAt: now })
    .where(and(where, isNull(notifications.readAt)))
    .run();
  return row.link;
}

/** Marks all the person's notices read; returns how many were unread. */
export function markAllRead(userId: string, now = new Date()): number {
  return getDb()
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes;
}

/** Housekeeping: read notices older than `days` are forgotten. */
export function purgeReadNotifications(days = 180, now = new Date()): number {
  return getDb()
    .delete(notifications)
    .where(and(lt(notifications.readAt, new Date(now.getTime() - days * 86_400_000))))
    .run().changes;
}

// ---------------------------------------------------------------------------------------------
// Preferences
// ---------------------------------------------------------------------------------------------

/** The optional kinds, each with whether the person gets its mail, and its label in `locale`. */
export function mailPreferences(userId: string, locale: Locale): { kind: NotificationKind; label: string; mailed: boolean }[] {
  const off = new Set(
    getDb()
      .select({ kind: notificationOptOuts.kind })
      .from(notificationOptOuts)
      .where(eq(notificationOptOuts.userId, userId))
      .all()
      .map((r) => r.kind),
  );
  const t = (kind: NotificationKind) => noticeLabel(locale, kind);
  return OPTIONAL_KINDS.map((kind) => ({ kind, label: t(kind), mailed: !off.has(kind) }));
}

/** The mandatory kinds' labels, for the account page to say what cannot be turned off. */
export function mandatoryLabels(locale: Locale): string[] {
  return (["granted", "suspended", "reinstated", "revoked"] as const).filter(isMandatory).map((k) => noticeLabel(locale, k));
}

function noticeLabel(locale: Locale, kind: NotificationKind): string {
  return getT(locale)(`notifications.kinds.${kind}.label`);
}

/** Saves which optional kinds are mailed: `mailed` lists the kinds kept on; every other optional kind is turned off. */
export function saveMailPreferences(userId: string, mailed: readonly string[], now = new Date()): void {
  const keep = new Set(mailed.filter(isNotificationKind));
  getDb().transaction((tx) => {
    tx.delete(notificationOptOuts).where(eq(notificationOptOuts.userId, userId)).run();
    for (const kind of OPTIONAL_KINDS) if (!keep.has(kind)) tx.insert(notificationOptOuts).values({ userId, kind, createdAt: now }).run();
  });
}
