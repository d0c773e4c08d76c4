/**
 * Mail through a real SMTP conversation: a local SMTP server (the smtp-server package) receives what the
 * app sends when SMTP_URL is set. Then the same flows against a server that refuses, and one that is down.
 */
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { users } from "../../db/schema";
import { deliverQueuedMail } from "../../app/mail/outbox.server";
import { DEMO_PASSWORD, flushMail, linkIn, seedDemoOrganisation } from "../support/fixtures";
import { Client, startServer, type TestServer } from "../support/server";

type Received = { from: string; to: string[]; raw: string };

/** A mail server on a free port; `refuse` answers 550 to every recipient. */
async function startSmtp(options: { refuse?: boolean } = {}): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse) callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}

/** Runs the mail worker's retries as if hours had passed, until every retry of what is queued is spent. */
async function spendRetries() {
  await flushMail();
  for (let hours = 1; hours <= 3; hours++) await deliverQueuedMail(() => new Date(Date.now() + hours * 3600_000));
}

const header = (raw: string, name: string) => raw.match(new RegExp(`^${name}: (.*)$`, "mi"))?.[1] ?? "";
const body = (raw: string) =>
  raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join("\n\n");

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});

async function admin() {
  const client = new Client(server.url);
  expect((await client.signIn("admin@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
  return client;
}

describe("mail through SMTP", () => {
  it("delivers an invitation to the invitee, from MAIL_FROM, with a link that activates the account", async () => {
    const smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "Ambassade <ambassade@example.test>";
    try {
      const response = await (
        await admin()
      ).post("/people/invite", { name: "Inès Morel", email: "ines.morel@ambassade.test", teamId: "team-ops", roles: ["employee"] });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/people");

      await flushMail();
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail!.from).toBe("ambassade@example.test");
      expect(mail!.to).toEqual(["ines.morel@ambassade.test"]);
      expect(header(mail!.raw, "Subject")).toContain("Ambassade");
      expect(body(mail!.raw)).toContain("Morel");
      const link = new URL(linkIn(body(mail!.raw)));
      expect(link.pathname).toMatch(/^\/invite\//);

      const invitee = new Client(server.url);
      expect((await invitee.get(link.pathname)).status).toBe(200);
      const accepted = await invitee.post(link.pathname, { password: "a-long-enough-password", confirm: "a-long-enough-password" });
      expect(accepted.status).toBe(302);
      expect((await invitee.get("/home")).status).toBe(200);
    } finally {
      await smtp.close();
    }
  });

  it("delivers a password reset link that works", async () => {
    const smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    try {
      const response = await new Client(server.url).post("/forgot-password", { email: "learner@ambassade.test" });
      expect(response.status).toBe(200);
      await flushMail();
      expect(smtp.received.map((m) => m.to)).toEqual([["learner@ambassade.test"]]);
      const link = new URL(linkIn(body(smtp.received[0]!.raw)));
      expect(link.pathname).toMatch(/^\/reset-password\//);
      expect((await new Client(server.url).get(link.pathname)).status).toBe(200);
    } finally {
      await smtp.close();
    }
  });
});

describe("when the mail server refuses or is down", () => {
  it("keeps the invitation and says, on the person's page, that the mail did not go and how to resend it", async () => {
    const smtp = await startSmtp({ refuse: true });
    process.env.SMTP_URL = smtp.url;
    try {
      const client = await admin();
      const response = await client.post("/people/invite", {
        name: "Paul Giraud",
        email: "paul.giraud@ambassade.test",
        teamId: "team-ops",
        roles: ["employee"],
      });
      // The mail is queued: the answer does not wait for the mail server.
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/people");
      const person = getDb().select().from(users).where(eq(users.email, "paul.giraud@ambassade.test")).get();
      expect(person).toBeDefined();
      await spendRetries();
      const page = (await (await client.get(`/people/${person!.id}`)).text()).replaceAll("&#x27;", "'");
      expect(page).toContain("n’a pas pu partir après plusieurs essais");
      expect(page).toContain("Renvoyer l’invitation");
      expect(smtp.received).toHaveLength(0);

      // Once the mail server accepts again, the resend from that page delivers a working invitation.
      const working = await startSmtp();
      process.env.SMTP_URL = working.url;
      try {
        const resent = await client.post(`/people/${person!.id}`, { intent: "reinvite" });
        expect(resent.status).toBe(302);
        await flushMail();
        expect(working.received.map((m) => m.to)).toEqual([["paul.giraud@ambassade.test"]]);
        expect(await (await client.get(`/people/${person!.id}`)).text()).toContain("Le message d’invitation a été envoyé.");
      } finally {
        await working.close();
      }
    } finally {
      await smtp.close();
    }
  });

  it("a manager's invitation whose mail fails shows up for the administrators, who can resend it", async () => {
    const smtp = await startSmtp({ refuse: true });
    process.env.SMTP_URL = smtp.url;
    try {
      const manager = new Client(server.url);
      expect((await manager.signIn("manager@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
      const response = await manager.post("/people/invite", {
        name: "Léa Fontaine",
        email: "lea.fontaine@ambassade.test",
        teamId: "team-comms",
        roles: ["employee"],
      });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/people");
      const person = getDb().select().from(users).where(eq(users.email, "lea.fontaine@ambassade.test")).get();
      expect(person).toBeDefined();
      await spendRetries();
      const page = (await (await (await admin()).get(`/people/${person!.id}`)).text()).replaceAll("&#x27;", "'");
      expect(page).toContain("n’a pas pu partir après plusieurs essais");
      expect(page).toContain("Renvoyer l’invitation");
    } finally {
      await smtp.close();
    }
  });

  it("answers a password reset request as usual when the mail server is down (it never tells who has an account)", async () => {
    const smtp = await startSmtp();
    await smtp.close();
    process.env.SMTP_URL = smtp.url;
    const known = await new Client(server.url).post("/forgot-password", { email: "learner@ambassade.test" });
    const unknown = await new Client(server.url).post("/forgot-password", { email: "nobody@ambassade.test" });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string) => html.replace(/nonce="[^"]*"/g, "").replace(/<script[\s\S]*?<\/script>/g, "");
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
  });
});
