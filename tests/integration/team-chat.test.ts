/**
 * A team's chat webhook (issue 16, ADR 0031): set by the team's manager; private addresses refused
 * when saved and at delivery; requests waiting and accreditations about to end posted to a real local
 * receiver after the transaction, in Slack's or Teams' shape, with names and links only; retried.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog, chatMessages, placements, teamChatHooks, users } from "../../db/schema";
import { requestAccreditation } from "../../app/models/accreditation.server";
import { runAccreditationJobs } from "../../app/models/accreditation-jobs.server";
import { deliverDueTeamChat, setTeamChatHook } from "../../app/models/team-chat.server";
import { insertUser } from "../../app/models/user.server";
import { chatPayload, formatOfHost } from "../../app/domain/team-chat";
import { seedDemoOrganisation } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { postData, routeData, signedIn, useContentCopy } from "../support/accreditation";
import { grantFor, signCharter, startReceiver } from "../support/gate";
import { makeEligible } from "../support/security";

const DAY = 24 * 60 * 60 * 1000;
let server: TestServer;
beforeAll(async () => {
  useContentCopy("2026-06");
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  delete process.env.OUTBOUND_ALLOW_PRIVATE;
});

let serial = 0;
function newPerson(): { id: string; name: string; email: string } {
  serial += 1;
  const email = `chat-${serial}-${Date.now()}@ambassade.test`;
  const name = `Inès Chat${serial}`;
  const id = getDb().transaction((tx) => insertUser(tx, { email, name, teamId: "team-comms", roles: ["employee"], passwordHash: null }));
  getDb()
    .insert(placements)
    .values({ id: `placement-${id}`, userId: id, level: "native", source: "questionnaire", facts: [] })
    .run();
  return { id, name, email };
}
const ROUTE = "routes/teams.$teamId";

describe("setting a team's chat webhook", () => {
  it("refuses private, loopback, link-local and reserved addresses (400, nothing saved)", async () => {
    const manager = await signedIn(server, "manager@ambassade.test");
    for (const url of [
      "http://127.0.0.1:9/hook",
      "https://10.1.2.3/hook",
      "https://192.168.0.10/hook",
      "https://169.254.169.254/latest",
      "http://[::1]/hook",
      "https://[fd00::1]/hook",
      "https://100.64.0.1/hook",
      "https://[::ffff:127.0.0.1]/hook",
      "http://localhost/hook",
    ]) {
      const response = await postData(manager, "/teams/team-comms", ROUTE, { intent: "chat.save", url, format: "slack", locale: "fr" });
      expect(response.status, url).toBe(400);
      expect(response.body.fieldErrors?.url, url).toBe("api.webhooks.errors.urlNotPublic");
    }
    expect(getDb().select().from(teamChatHooks).where(eq(teamChatHooks.teamId, "team-comms")).get()).toBeUndefined();
    const bad = await postData(manager, "/teams/team-comms", ROUTE, {
      intent: "chat.save",
      url: "https://user:pw@hooks.slack.com/x",
      format: "slack",
      locale: "fr",
    });
    expect(bad.status).toBe(400);
  });

  it("saves a public-looking URL with the host's format; shows only the host back; the audit row keeps the host only", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    const receiver = await startReceiver([200]);
    try {
      const manager = await signedIn(server, "manager@ambassade.test");
      const saved = await postData(manager, "/teams/team-comms", ROUTE, { intent: "chat.save", url: receiver.url, format: "teams", locale: "fr" });
      expect(saved.status).toBe(204);
      const page = await routeData(manager, "/teams/team-comms", ROUTE);
      expect(page.text).not.toContain("/hooks/ambassade");
      expect((page.json as { chat: { hook: { host: string; format: string } } }).chat.hook).toMatchObject({
        format: "teams",
        host: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/…$/),
      });
      const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "team.chat_webhook_set")).all().at(-1)!;
      expect(JSON.stringify(audit)).not.toContain("/hooks/ambassade");
      expect(audit.actorId).toBe("demo-manager");
      // A trainer sees the team but not its hook.
      const trainer = await signedIn(server, "trainer@ambassade.test");
      expect((await routeData(trainer, "/teams/team-comms", ROUTE)).json).toMatchObject({ chat: null });
    } finally {
      await receiver.close();
    }
  });

  it("decides the format by host for Slack and Teams; otherwise the manager's choice", () => {
    expect(formatOfHost("https://hooks.slack.com/services/T/B/x")).toBe("slack");
    expect(formatOfHost("https://contoso.webhook.office.com/webhookb2/x")).toBe("teams");
    expect(formatOfHost("https://prod-12.westeurope.logic.azure.com/workflows/x")).toBe("teams");
    expect(formatOfHost("https://chat.example.com/hooks/x")).toBeNull();
    expect(chatPayload("slack", { text: "A <b> & c", link: { label: "Ouvrir", url: "https://ambassade.example/x" } })).toEqual({
      text: "A &lt;b&gt; &amp; c <https://ambassade.example/x|Ouvrir>",
    });
    const teams = chatPayload("teams", { text: "Texte", link: { label: "Ouvrir", url: "https://ambassade.example/x" } }) as {
      type: string;
      attachments: { contentType: string; content: { body: { text: string }[] } }[];
    };
    expect(teams.type).toBe("message");
    expect(teams.attachments[0]!.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(teams.attachments[0]!.content.body[0]!.text).toBe("Texte [Ouvrir](https://ambassade.example/x)");
  });
});

describe("messages posted to the team's channel", () => {
  it("a request waiting and an accreditation about to end reach the receiver after the transaction, names and links only; a failure is retried", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    const receiver = await startReceiver([500, 200]);
    try {
      await setTeamChatHook("demo-admin", "team-comms", { url: receiver.url, format: "slack", locale: "fr" });
      const ines = newPerson();
      await makeEligible(ines.id);
      const id = await requestAccreditation(ines.id, {
        channels: ["linkedin"],
        statement: "Relayer nos offres d’emploi, avec mon adresse privée ines@perso.example.",
      });
      const queued = getDb().select().from(chatMessages).where(eq(chatMessages.refId, id)).all();
      expect(queued).toHaveLength(1);
      expect(receiver.received).toHaveLength(0); // queued, not posted inside the transaction
      const first = await deliverDueTeamChat();
      expect(first).toMatchObject({ attempted: 1, retrying: 1 });
      expect(receiver.received).toHaveLength(1);
      // The retry is due later; deliver as if then.
      const later = await deliverDueTeamChat({ now: () => new Date(Date.now() + DAY) });
      expect(later).toMatchObject({ attempted: 1, succeeded: 1 });
      const body = JSON.parse(receiver.received[1]!.body) as { text: string };
      expect(body.text).toMatch(
        new RegExp(`^La demande d’accréditation d’${ines.name} attend une décision\\. <https?://[^/]+/team/requests/${id}\\|Ouvrir dans Ambassade>$`),
      );
      expect(receiver.received[1]!.body).not.toContain(ines.email);
      expect(receiver.received[1]!.body).not.toContain("perso.example");
      expect(receiver.received[1]!.headers["content-type"]).toBe("application/json");

      const karim = newPerson();
      signCharter(karim.id);
      const now = new Date();
      const granted = grantFor(karim.id, ["linkedin"], { validUntil: new Date(now.getTime() + 20 * DAY) });
      await runAccreditationJobs(now);
      expect(
        getDb()
          .select()
          .from(chatMessages)
          .where(eq(chatMessages.refId, granted))
          .all()
          .map((m) => m.kind),
      ).toEqual(["expiring"]);
      await deliverDueTeamChat();
      const expiring = receiver.received.map((r) => JSON.parse(r.body) as { text: string }).find((m) => m.text.includes(karim.name))!;
      expect(expiring.text).toMatch(
        new RegExp(`^L’accréditation d’${karim.name} arrive à échéance le \\d+ \\S+ \\d{4}\\. <.+/team/requests/${granted}\\|Ouvrir dans Ambassade>$`),
      );
    } finally {
      await receiver.close();
    }
  });

  it("refuses at delivery a private address saved while it was allowed, and gives up after the retries", async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = "1";
    const receiver = await startReceiver([200]);
    try {
      await setTeamChatHook("demo-admin", "team-comms", { url: receiver.url, format: "slack", locale: "en" });
      delete process.env.OUTBOUND_ALLOW_PRIVATE;
      const eve = newPerson();
      await makeEligible(eve.id);
      const id = await requestAccreditation(eve.id, { channels: ["linkedin"], statement: "Share our job offers." });
      let at = Date.now();
      const current = () => getDb().select().from(chatMessages).where(eq(chatMessages.refId, id)).get()!;
      for (let i = 0; i < 12 && current().status === "pending"; i++) {
        await deliverDueTeamChat({ now: () => new Date(at) });
        at += DAY;
      }
      const message = current();
      expect(message.status).toBe("failed");
      expect(message.lastError).toBe("address_not_allowed");
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });

  it("posts nothing for a team without a hook, and removing the hook drops what was waiting", async () => {
    const manager = await signedIn(server, "manager@ambassade.test");
    const removed = await postData(manager, "/teams/team-comms", ROUTE, { intent: "chat.remove" });
    expect(removed.status).toBe(204);
    expect(getDb().select().from(teamChatHooks).all()).toHaveLength(0);
    expect(getDb().select().from(chatMessages).where(eq(chatMessages.status, "pending")).all()).toHaveLength(0);
    const zoe = newPerson();
    await makeEligible(zoe.id);
    const id = await requestAccreditation(zoe.id, { channels: ["linkedin"], statement: "Share our job offers." });
    expect(getDb().select().from(chatMessages).where(eq(chatMessages.refId, id)).all()).toHaveLength(0);
    expect(getDb().select().from(users).where(eq(users.id, zoe.id)).get()).toBeTruthy();
  });
});
