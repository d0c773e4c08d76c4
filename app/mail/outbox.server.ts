/**
 * The mail outbox: THE way to send a mail from Ambassade.
 *
 *     queueMail(db, { to, subject, text, html?, kind, refId? })
 *
 * writes the mail to the `mail_outbox` table (inside the caller's transaction when given one) and
 * returns at once; a worker sends it after the reply, through the transport (./mailer.server.ts), with
 * retries. So a request never waits for a mail server: its timing tells nothing about whether a mail
 * was sent (ASVS 2.5.x, account enumeration), and a mail server that is slow or down never turns a
 * page into an error. The fate of a mail (sent, or failed after its retries) is kept for `refId`, so a
 * page can show it (an invitation that could not be delivered, with a button to resend).
 *
 * Bodies are erased once a mail is sent or abandoned: the outbox holds a reset link's secret only
 * while the mail waits.
 */
import { and, desc, eq, inArray, lt, lte, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../../db/connection";
import { mailOutbox, type MailStatus } from "../../db/schema";
import { newId } from "~/utils/ids.server";
import { startBackgroundWorker, wakeBackgroundWorker } from "~/utils/background.server";
import { sendMail } from "./mailer.server";

export type QueuedMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is: "invitation", "password_reset", "expiry_notice", "notification", … */
  kind: string;
  /** The record it is about (e.g. the invited person's id), to find its fate later. */
  refId?: string;
};

/** Attempts before a mail is given up, and the wait before each retry. */
export const MAIL_RETRY_DELAYS_MS = [30_000, 5 * 60_000] as const;
const MAX_ATTEMPTS = MAIL_RETRY_DELAYS_MS.length + 1;
const BATCH = 20;
/** A mail claimed by a process that died while sending is tried again after this. */
const STUCK_AFTER_MS = 10 * 60_000;

const globalForMail = globalThis as unknown as { __ambassadeMailPass?: Promise<number> | null };

/** Queues a mail; it is sent after the current request, by the worker. Returns the outbox id. */
export function queueMail(db: Db | Tx, mail: QueuedMail, now = new Date()): string {
  const id = newId();
  db.insert(mailOutbox)
    .values({
      id,
      kind: mail.kind,
      refId: mail.refId ?? null,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      status: "pending",
      nextAttemptAt: now,
      createdAt: now,
    })
    .run();
  // After the caller's transaction has committed and its response is on its way.
  // Without a worker in this process (a script, a test), a pass runs here.
  wakeBackgroundWorker("mail", runPass);
  return id;
}

function logPassFailure(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  // A read-only or locked database is reported by /healthz; one line here, no stack.
  if (typeof code === "string" && code.startsWith("SQLITE_")) console.error(`[mail] delivery pass failed: ${code} ${(error as Error).message}`);
  else console.error("[mail] delivery pass failed", error);
}

function runPass() {
  void deliverQueuedMail().catch(logPassFailure);
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").slice(0, 300);
}

/**
 * Sends what is due, oldest first. Each mail is claimed by one UPDATE … RETURNING before it is sent,
 * so two passes (two processes, or a wake during a pass) never send it twice. Returns how many were sent.
 */
export async function deliverQueuedMail(now = () => new Date()): Promise<number> {
  if (globalForMail.__ambassadeMailPass) return globalForMail.__ambassadeMailPass;
  const pass = (async () => {
    let sent = 0;
    for (;;) {
      const db = getDb();
      const started = now();
      db.update(mailOutbox)
        .set({ status: "pending" })
        .where(and(eq(mailOutbox.status, "sending"), lt(mailOutbox.nextAttemptAt, new Date(started.getTime() - STUCK_AFTER_MS))))
        .run();
      const due = db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, started)))
        .orderBy(mailOutbox.nextAttemptAt)
        .limit(BATCH)
        .all()
        .map((r) => r.id);
      if (due.length === 0) return sent;
      const claimed = db
        .update(mailOutbox)
        .set({ status: "sending", attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: started })
        .where(and(inArray(mailOutbox.id, due), eq(mailOutbox.status, "pending")))
        .returning()
        .all();
      for (const mail of claimed) {
        try {
          await sendMail({ to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) });
          db.update(mailOutbox)
            .set({ status: "sent", sentAt: now(), nextAttemptAt: null, lastError: null, text: "", html: null })
            .where(eq(mailOutbox.id, mail.id))
            .run();
          sent += 1;
        } catch (error) {
          const lastError = describeError(error);
          const retry = MAIL_RETRY_DELAYS_MS[mail.attempts - 1];
          console.error(`[mail] "${mail.kind}" to ${mail.to} could not be sent (attempt ${mail.attempts} of ${MAX_ATTEMPTS}): ${lastError}`);
          db.update(mailOutbox)
            .set(
              retry !== undefined
                ? { status: "pending", nextAttemptAt: new Date(now().getTime() + retry), lastError }
                : { status: "failed", nextAttemptAt: null, lastError, text: "", html: null },
            )
            .where(eq(mailOutbox.id, mail.id))
            .run();
        }
      }
    }
  })();
  globalForMail.__ambassadeMailPass = pass;
  try {
    return await pass;
  } finally {
    globalForMail.__ambassadeMailPass = null;
  }
}

/** The worker of `npm start`: a pass now, every `intervalMs` (retries) and as soon as a mail is queued. */
export function startMailWorker(options: { intervalMs?: number } = {}): { stop: () => void } {
  return startBackgroundWorker("mail", deliverQueuedMail, { intervalMs: options.intervalMs ?? 5_000, runNow: true, onError: logPassFailure });
}

export type MailFate = { id: string; status: MailStatus; attempts: number; lastError: string | null; createdAt: Date; sentAt: Date | null };

/** The latest mail of a kind about a record (e.g. the invitation of a person), or null. */
export function latestMailFor(refId: string, kind: string): MailFate | null {
  return (
    getDb()
      .select({
        id: mailOutbox.id,
        status: mailOutbox.status,
        attempts: mailOutbox.attempts,
        lastError: mailOutbox.lastError,
        createdAt: mailOutbox.createdAt,
        sentAt: mailOutbox.sentAt,
      })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.refId, refId), eq(mailOutbox.kind, kind)))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1)
      .get() ?? null
  );
}

/** Housekeeping: sent and abandoned mails older than `days` are forgotten. */
export function purgeOldMail(days = 30, now = new Date()): number {
  return getDb()
    .delete(mailOutbox)
    .where(and(inArray(mailOutbox.status, ["sent", "failed"]), lt(mailOutbox.createdAt, new Date(now.getTime() - days * 86_400_000))))
    .run().changes;
}
