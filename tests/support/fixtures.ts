import fs from "node:fs";
import path from "node:path";
import { getDb } from "../../db/connection";
import { seedDemo } from "../../db/seed";
import { TEST_DEMO_PASSWORD } from "./demo-password";
import { outboxDir } from "../../app/mail/mailer.server";
import { deliverQueuedMail } from "../../app/mail/outbox.server";

/** What the seed used: setup.ts sets DEMO_PASSWORD for every test file. */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? TEST_DEMO_PASSWORD;

export async function seedDemoOrganisation() {
  await seedDemo(getDb());
}

/** Every row of every table, to prove that a rejected request wrote nothing. */
export function snapshotDatabase(): string {
  const db = getDb().$client;
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all() as { name: string }[];
  // login_throttle legitimately changes on failed sign-ins; it is checked by its own tests. cache_versions
  // only counts changes to other tables (triggers, ADR 0025): a change is seen in those tables themselves,
  // and a test that edits the settings directly moves the counter even when it puts the value back.
  // mail_outbox: which mails exist and what they say, not how far the server's worker got in sending
  // mails queued before the snapshot (status, attempts, times move on, and a sent mail's body is dropped).
  const rows = (name: string) =>
    name === "mail_outbox"
      ? db.prepare("select id, kind, ref_id, to_address, subject from mail_outbox order by rowid").all()
      : db.prepare(`select * from "${name}" order by rowid`).all();
  return JSON.stringify(tables.filter((t) => t.name !== "login_throttle" && t.name !== "cache_versions").map((t) => [t.name, rows(t.name)]));
}

/**
 * Sends what the mail outbox holds due (requests only queue mails; the server sends them after the
 * reply), waiting for a pass already under way, until nothing due is left (5 s at most).
 */
export async function flushMail(): Promise<void> {
  const db = getDb().$client;
  const deadline = Date.now() + 5_000;
  for (;;) {
    await deliverQueuedMail();
    const waiting = db
      .prepare("select count(*) as n from mail_outbox where status = 'sending' or (status = 'pending' and next_attempt_at <= ?)")
      .get(Date.now()) as { n: number };
    if (waiting.n === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Reads the messages written to the outbox folder (after sending what was queued), newest last. */
export async function readOutbox(): Promise<{ to: string; subject: string; body: string }[]> {
  await flushMail();
  const dir = outboxDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((file) => {
      const raw = fs.readFileSync(path.join(dir, file), "utf8");
      const to = raw.match(/^To: (.*)$/m)?.[1] ?? "";
      const subject = raw.match(/^Subject: (.*)$/m)?.[1] ?? "";
      return {
        to,
        subject,
        body: raw
          .split(/\r?\n\r?\n/)
          .slice(1)
          .join("\n\n"),
      };
    });
}

/** The first link in a mail body, with quoted-printable soft breaks undone. */
export function linkIn(body: string): string {
  const unfolded = body.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const match = unfolded.match(/https?:\/\/[^\s]+/);
  if (!match) throw new Error(`no link in mail: ${body}`);
  return match[0];
}
