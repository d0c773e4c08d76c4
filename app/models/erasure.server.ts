/**
 * Erasure of a person on request (GDPR art. 17, Québec Law 25), and the legal hold that forbids it.
 *
 * One transaction (ADR 0024): the leaver path first (`deactivatePerson`: sessions ended, open
 * accreditations suspended or declined through the state machine, webhook events), then the person's
 * identity and free text are removed or irreversibly replaced:
 * - the `users` row stays (so that counts, foreign keys and the audit trail keep their integrity) with
 *   a pseudonym (`erased-<6 hex>`), an address under `.invalid`, and no password or directory ids;
 * - deleted: questionnaire answers, exam answers, reflections, sessions, invitations, password resets,
 *   SSO identities, notice acknowledgements, team management, mails about the person, sign-in counters;
 * - blanked: accreditation statements and decision reasons, placement override reasons, the name typed
 *   to sign the charter (the pseudonym), credentials' signed JWT (the credential then verifies as
 *   "no longer available");
 * - audit rows about the person keep action, date, actor and states, with their reason and free text
 *   removed and any identity replaced by the pseudonym; webhook events keep their shape with the
 *   pseudonym in place of the person;
 * - any remaining occurrence of the person's email addresses, in any text column of any table, is
 *   replaced by the pseudonymous address (an admin's email is the audit "source" of what they did).
 * Then one `person.erased` audit row and one `person.erased` webhook event (accreditation ids, credential
 * URLs and the SHA-256 of the email, so that recipients can find and erase their own copies).
 * Refused (409, nothing written) under a legal hold, for the last admin, for one's own account, twice.
 * Backups made before the erasure still hold the data until they expire (docs/privacy.md).
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import {
  accreditations,
  auditLog,
  charterSignatures,
  chatMessages,
  credentials,
  diagnosticAnswers,
  diagnosticRuns,
  examAnswers,
  examAttempts,
  identities,
  invitations,
  legalHolds,
  loginThrottle,
  mailOutbox,
  notificationOptOuts,
  weeklySummaries,
  notifications,
  passwordResets,
  placements,
  privacyNoticeViews,
  reflections,
  sessions,
  teamManagers,
  users,
  webhookEvents,
} from "../../db/schema";
import { credentialUrl } from "~/domain/open-badge";
import { appUrl } from "~/utils/app-url.server";
import { InputError } from "~/utils/errors";
import { recordAudit } from "./audit.server";
import { deactivatePerson } from "./leaver.server";
import { enqueueWebhookEvent } from "./webhook.server";

export const ERASED_DOMAIN = "erased.invalid";
export const HOLD_REASON_MAX = 500;
const ERASED_TEXT = "[erased]";
/** Keys of audit data and event bodies that hold someone's own words or identity. */
const FREE_TEXT_KEYS = new Set([
  "text",
  "statement",
  "comment",
  "reviewComment",
  "name",
  "email",
  "signedName",
  "typedName",
  "label",
  "givenName",
  "familyName",
  "userName",
  "externalId",
]);

// ---------------------------------------------------------------------------------------------
// Legal hold
// ---------------------------------------------------------------------------------------------

export function getLegalHold(userId: string): { reason: string; setAt: Date; setBy: string | null } | null {
  return (
    getDb()
      .select({ reason: legalHolds.reason, setAt: legalHolds.setAt, setBy: users.name })
      .from(legalHolds)
      .leftJoin(users, eq(users.id, legalHolds.setBy))
      .where(eq(legalHolds.userId, userId))
      .get() ?? null
  );
}

/** Sets (or replaces) the hold with its reason; audited. Not on an erased person (nothing left to hold). */
export function setLegalHold(actorId: string, userId: string, reason: string, now = new Date()): void {
  getDb().transaction((tx) => {
    const person = tx.select({ erasedAt: users.erasedAt }).from(users).where(eq(users.id, userId)).get();
    if (!person) throw new InputError({ form: "errors.notFound" }, 404);
    if (person.erasedAt) throw new InputError({ form: "privacyAdmin.errors.alreadyErased" }, 409);
    const before = tx.select({ reason: legalHolds.reason }).from(legalHolds).where(eq(legalHolds.userId, userId)).get();
    tx.insert(legalHolds)
      .values({ userId, reason, setBy: actorId, setAt: now })
      .onConflictDoUpdate({ target: legalHolds.userId, set: { reason, setBy: actorId, setAt: now } })
      .run();
    recordAudit(tx, {
      actorId,
      action: "person.legal_hold_set",
      subjectType: "user",
      subjectId: userId,
      fromState: before ? "held" : "none",
      toState: "held",
      reason,
    });
  });
}

export function clearLegalHold(actorId: string, userId: string): { changed: boolean } {
  return getDb().transaction((tx) => {
    const removed = tx.delete(legalHolds).where(eq(legalHolds.userId, userId)).run().changes;
    if (removed === 0) return { changed: false };
    recordAudit(tx, { actorId, action: "person.legal_hold_cleared", subjectType: "user", subjectId: userId, fromState: "held", toState: "none" });
    return { changed: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Scrubbing helpers
// ---------------------------------------------------------------------------------------------

function replaceAll(text: string, needles: readonly string[], by: string): string {
  let out = text;
  for (const needle of needles) if (needle) out = out.split(needle).join(by);
  return out;
}

/** A JSON value with free-text keys erased and every identity replaced by the pseudonym. */
function scrubJson(value: unknown, needles: readonly string[], pseudonym: string, key?: string): unknown {
  if (typeof value === "string") {
    if (key && FREE_TEXT_KEYS.has(key)) return ERASED_TEXT;
    return replaceAll(value, needles, pseudonym);
  }
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, needles, pseudonym));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, needles, pseudonym, k)]));
  return value;
}

/** Every text column of every table (for the last pass on email addresses). */
function textColumns(): { table: string; column: string }[] {
  // The same connection as the transaction's (better-sqlite3 is synchronous): these run inside it.
  const client = getDb().$client;
  const tables = client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as {
    name: string;
  }[];
  return tables.flatMap((t) =>
    (client.prepare(`pragma table_info("${t.name}")`).all() as { name: string; type: string; pk: number }[])
      .filter((c) => /text/i.test(c.type) && c.pk === 0)
      .map((c) => ({ table: t.name, column: c.name })),
  );
}

/**
 * Removes details of audit rows about a person: the reason and free text go, identities become the
 * pseudonym. Also used by retention for people who left (with `needles` empty: only free text goes).
 */
export function scrubAuditRows(tx: Tx, userId: string, needles: readonly string[], pseudonym: string, options: { dropData?: boolean } = {}): number {
  const accIds = tx
    .select({ id: accreditations.id })
    .from(accreditations)
    .where(eq(accreditations.userId, userId))
    .all()
    .map((a) => a.id);
  const aboutPerson = sql`((${auditLog.subjectType} = 'user' and ${auditLog.subjectId} = ${userId}) or json_extract(${auditLog.data}, '$.userId') = ${userId}${
    accIds.length ? sql` or (${auditLog.subjectType} = 'accreditation' and ${auditLog.subjectId} in ${accIds})` : sql``
  })`;
  const rows = tx.select().from(auditLog).where(aboutPerson).all();
  let changed = 0;
  for (const row of rows) {
    const fix = (s: string | null) => (s === null ? null : replaceAll(s, needles, pseudonym));
    const data = options.dropData
      ? row.data
        ? { userId: (row.data as { userId?: unknown }).userId ?? undefined }
        : null
      : row.data
        ? (scrubJson(row.data, needles, pseudonym) as Record<string, unknown>)
        : null;
    const next = { reason: null, fromState: fix(row.fromState), toState: fix(row.toState), data };
    if (JSON.stringify(next) === JSON.stringify({ reason: row.reason, fromState: row.fromState, toState: row.toState, data: row.data })) continue;
    tx.update(auditLog).set(next).where(eq(auditLog.id, row.id)).run();
    changed += 1;
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------
// Erasure
// ---------------------------------------------------------------------------------------------

export type ErasureResult = { pseudonym: string; suspended: number; declined: number; removed: Record<string, number> };

/** Erases a person (see the file's comment). `actor` is the admin; the person may not be themselves. */
export function erasePerson(input: { userId: string; actorId: string; actorEmail: string; now?: Date }): ErasureResult {
  const now = input.now ?? new Date();
  if (input.userId === input.actorId) throw new InputError({ form: "privacyAdmin.errors.self" }, 409);
  return getDb().transaction(
    (tx) => {
      const person = tx.select().from(users).where(eq(users.id, input.userId)).get();
      if (!person) throw new InputError({ form: "errors.notFound" }, 404);
      if (person.erasedAt) throw new InputError({ form: "privacyAdmin.errors.alreadyErased" }, 409);
      const hold = tx.select({ reason: legalHolds.reason }).from(legalHolds).where(eq(legalHolds.userId, input.userId)).get();
      if (hold) throw new LegalHoldError(hold.reason);

      // 1. The leaver path: account inactive, sessions ended, accreditations stopped, events written.
      const left = deactivatePerson({ userId: input.userId, actor: { id: input.actorId }, source: { kind: "admin", label: input.actorEmail }, now }, tx);

      // 2. Who the person is, in every form stored.
      const short = randomBytes(3).toString("hex");
      const pseudonym = `erased-${short}`;
      const pseudoEmail = `erased-${randomBytes(8).toString("hex")}@${ERASED_DOMAIN}`;
      const emails = new Set([person.email]);
      for (const i of tx.select({ email: identities.email }).from(identities).where(eq(identities.userId, person.id)).all()) emails.add(i.email.toLowerCase());
      for (const a of tx
        .select({ from: auditLog.fromState, to: auditLog.toState })
        .from(auditLog)
        .where(and(eq(auditLog.action, "person.email"), eq(auditLog.subjectId, person.id)))
        .all()) {
        for (const e of [a.from, a.to]) if (e && e.includes("@")) emails.add(e.toLowerCase());
      }
      const signed = tx
        .select({ name: charterSignatures.signedName })
        .from(charterSignatures)
        .where(eq(charterSignatures.userId, person.id))
        .all()
        .map((s) => s.name);
      const names = [person.name, person.givenName, person.familyName, person.userName, person.externalId, ...signed].filter((n): n is string =>
        Boolean(n && n.trim().length >= 2),
      );
      // Longest first, so that "Karim Benali" is replaced before "Karim".
      const needles = [...emails, ...names].sort((a, b) => b.length - a.length);

      const accIds = tx
        .select({ id: accreditations.id })
        .from(accreditations)
        .where(eq(accreditations.userId, person.id))
        .all()
        .map((a) => a.id);
      const credentialIds = accIds.length
        ? tx
            .select({ id: credentials.id })
            .from(credentials)
            .where(inArray(credentials.accreditationId, accIds))
            .all()
            .map((c) => c.id)
        : [];
      const runIds = tx
        .select({ id: diagnosticRuns.id })
        .from(diagnosticRuns)
        .where(eq(diagnosticRuns.userId, person.id))
        .all()
        .map((r) => r.id);
      const attemptIds = tx
        .select({ id: examAttempts.id })
        .from(examAttempts)
        .where(eq(examAttempts.userId, person.id))
        .all()
        .map((r) => r.id);

      // 3. Removed.
      const removed: Record<string, number> = {};
      const count = (kind: string, n: number) => (removed[kind] = (removed[kind] ?? 0) + n);
      count("questionnaire_answers", runIds.length ? tx.delete(diagnosticAnswers).where(inArray(diagnosticAnswers.runId, runIds)).run().changes : 0);
      count("exam_answers", attemptIds.length ? tx.delete(examAnswers).where(inArray(examAnswers.attemptId, attemptIds)).run().changes : 0);
      count("reflections", tx.delete(reflections).where(eq(reflections.userId, person.id)).run().changes);
      count("sessions", tx.delete(sessions).where(eq(sessions.userId, person.id)).run().changes);
      count("invitations", tx.delete(invitations).where(eq(invitations.userId, person.id)).run().changes);
      count("password_resets", tx.delete(passwordResets).where(eq(passwordResets.userId, person.id)).run().changes);
      count("identities", tx.delete(identities).where(eq(identities.userId, person.id)).run().changes);
      count("privacy_notices_seen", tx.delete(privacyNoticeViews).where(eq(privacyNoticeViews.userId, person.id)).run().changes);
      // The person's inbox and mail choices, and the notices others got about them (they name the person).
      count(
        "notifications",
        tx
          .delete(notifications)
          .where(sql`${notifications.userId} = ${person.id} or json_extract(${notifications.params}, '$.person') = ${person.name}`)
          .run().changes,
      );
      count("notification_opt_outs", tx.delete(notificationOptOuts).where(eq(notificationOptOuts.userId, person.id)).run().changes);
      count("weekly_summaries", tx.delete(weeklySummaries).where(eq(weeklySummaries.userId, person.id)).run().changes);
      count("managed_teams", tx.delete(teamManagers).where(eq(teamManagers.userId, person.id)).run().changes);
      count(
        "sign_in_counters",
        tx
          .delete(loginThrottle)
          .where(
            inArray(
              loginThrottle.key,
              [...emails].map((e) => `email:${e}`),
            ),
          )
          .run().changes,
      );
      const mailRefs = [person.id, ...accIds];
      count("chat_messages", tx.delete(chatMessages).where(inArray(chatMessages.refId, mailRefs)).run().changes);
      count(
        "mails",
        tx
          .delete(mailOutbox)
          .where(sql`${mailOutbox.to} in ${[...emails]} or ${mailOutbox.refId} in ${mailRefs}`)
          .run().changes,
      );

      // 4. Blanked or pseudonymised.
      tx.update(users)
        .set({
          email: pseudoEmail,
          name: pseudonym,
          passwordHash: null,
          userName: null,
          externalId: null,
          givenName: null,
          familyName: null,
          locale: null,
          erasedAt: now,
        })
        .where(eq(users.id, person.id))
        .run();
      tx.update(charterSignatures).set({ signedName: pseudonym }).where(eq(charterSignatures.userId, person.id)).run();
      tx.update(placements).set({ reason: null }).where(eq(placements.userId, person.id)).run();
      if (accIds.length) {
        tx.update(accreditations).set({ statement: "" }).where(inArray(accreditations.id, accIds)).run();
        tx.update(accreditations)
          .set({ reason: null })
          .where(and(inArray(accreditations.id, accIds), eq(accreditations.reasonKind, "decision")))
          .run();
      }
      if (credentialIds.length) tx.update(credentials).set({ jwt: "", salt: "" }).where(inArray(credentials.id, credentialIds)).run();
      count("audit_rows_scrubbed", scrubAuditRows(tx, person.id, needles, pseudonym));
      // Webhook events about the person's accreditations: the person block becomes the pseudonym.
      if (accIds.length) {
        const events = tx
          .select({ id: webhookEvents.id, body: webhookEvents.body })
          .from(webhookEvents)
          .where(sql`json_extract(${webhookEvents.body}, '$.data.accreditation.id') in ${accIds}`)
          .all();
        for (const e of events) {
          const body = JSON.parse(e.body) as { data?: { person?: unknown; accreditation?: { reason?: unknown; reasonKind?: unknown } } };
          if (body.data) {
            body.data.person = { email: pseudoEmail, name: pseudonym };
            if (body.data.accreditation?.reasonKind === "decision") body.data.accreditation.reason = null;
          }
          tx.update(webhookEvents)
            .set({ body: JSON.stringify(body) })
            .where(eq(webhookEvents.id, e.id))
            .run();
        }
      }
      // 5. The last pass: the person's addresses anywhere else (e.g. as the source of an admin's actions).
      const client = getDb().$client;
      for (const { table, column } of textColumns()) {
        for (const email of emails) {
          client.prepare(`update "${table}" set "${column}" = replace("${column}", ?, ?) where instr("${column}", ?) > 0`).run(email, pseudoEmail, email);
        }
      }

      // 6. The record of the erasure, and the announcement.
      recordAudit(tx, {
        actorId: input.actorId,
        action: "person.erased",
        subjectType: "user",
        subjectId: person.id,
        fromState: person.active ? "active" : "inactive",
        toState: "erased",
        data: { removed },
      });
      enqueueWebhookEvent(
        tx,
        "person.erased",
        {
          person: { id: person.id, emailSha256: createHash("sha256").update(person.email).digest("hex") },
          accreditations: accIds,
          credentials: credentialIds.map((id) => credentialUrl(appUrl(), id)),
          erasedAt: now.toISOString(),
        },
        now,
      );
      return { pseudonym, suspended: left.suspended, declined: left.declined, removed };
    },
    { behavior: "immediate" },
  );
}

/** Erasure refused while a legal hold is set: the hold's reason is part of the answer. */
export class LegalHoldError extends InputError {
  constructor(public readonly holdReason: string) {
    super({ form: "privacyAdmin.errors.legalHold" }, 409);
  }
}

/** People erased so far (for counts on admin pages). */
export function erasedCount(): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(sql`${users.erasedAt} is not null`)
      .get()?.n ?? 0
  );
}

/** What the admin's privacy page shows of a person; null when there is no such person. */
export function erasureState(userId: string): { id: string; name: string; email: string; active: boolean; erasedAt: Date | null } | null {
  return (
    getDb()
      .select({ id: users.id, name: users.name, email: users.email, active: users.active, erasedAt: users.erasedAt })
      .from(users)
      .where(eq(users.id, userId))
      .get() ?? null
  );
}
