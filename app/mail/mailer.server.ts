import fs from "node:fs";
import path from "node:path";
import type { Transporter } from "nodemailer";
import { databasePath } from "../../db/connection";

/**
 * The transport: how one mail leaves the machine (SMTP, or an .eml file). Code that wants a mail sent
 * queues it with `queueMail` (./outbox.server.ts); only the outbox worker calls `sendMail`.
 */
export type Mail = { to: string; subject: string; text: string; html?: string };

/** Where messages go when no SMTP server is configured: one .eml file per message. */
export function outboxDir(): string {
  return process.env.OUTBOX_DIR ?? path.join(path.dirname(databasePath()), "outbox");
}

function fromAddress(): string {
  return process.env.MAIL_FROM ?? "Ambassade <no-reply@ambassade.local>";
}

const globalForMail = globalThis as unknown as { __ambassadeTransport?: { url: string; transport: Transporter } };

/** nodemailer, loaded by the first mail sent: only the process that runs the mail worker needs it (ADR 0039). */
async function loadNodemailer() {
  return (await import("nodemailer")).default;
}

async function smtpTransport(url: string): Promise<Transporter> {
  const nodemailer = await loadNodemailer();
  if (globalForMail.__ambassadeTransport?.url !== url) {
    globalForMail.__ambassadeTransport = { url, transport: nodemailer.createTransport(url) };
  }
  return globalForMail.__ambassadeTransport.transport;
}

/** Whether mails only go to .eml files on this machine (no SMTP_URL): nobody receives them. */
export function mailGoesToFile(): boolean {
  return !process.env.SMTP_URL;
}

/** Sends through SMTP when SMTP_URL is set; otherwise writes an .eml file and logs the first link. */
export async function sendMail(mail: Mail): Promise<void> {
  const message = { from: fromAddress(), to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) };
  const smtpUrl = process.env.SMTP_URL;
  if (smtpUrl) {
    await (await smtpTransport(smtpUrl)).sendMail(message);
    return;
  }
  const nodemailer = await loadNodemailer();
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await transport.sendMail(message);
  const dir = outboxDir();
  fs.mkdirSync(dir, { recursive: true });
  const slug = mail.to.replace(/[^a-z0-9]+/gi, "_").slice(0, 60);
  const file = path.join(dir, `${Date.now()}-${process.hrtime.bigint() % 1_000_000n}-${slug}.eml`);
  fs.writeFileSync(file, info.message as Buffer);
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  console.info(`[mail] to ${mail.to}: "${mail.subject}" → ${path.relative(process.cwd(), file)}${link ? `\n[mail] link: ${link}` : ""}`);
}
