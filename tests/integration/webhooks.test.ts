/**
 * Webhooks: endpoints registered through the admin page (real build over HTTP), events written in the
 * transaction of the accreditation change, signed deliveries to a REAL local receiver, retries with
 * backoff on an injected clock (no sleeping), giving up, a manual retry, and bad input.
 */
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { accreditations, credentials, webhookDeliveries, webhookEndpoints, webhookEvents } from "../../db/schema";
import { deliverDueWebhooks, MAX_ATTEMPTS, RETRY_DELAYS_MS, validateWebhookUrl } from "../../app/models/webhook.server";
import { InputError } from "../../app/utils/errors";
import { applyTransition } from "../../app/models/accreditation-transition.server";
import { DEMO_PASSWORD, flushMail, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { Client, startServer, type TestServer } from "../support/server";
import { expectUnchanged, grantFor, move, signatureHolds, startReceiver } from "../support/gate";

// The receivers of these tests listen on loopback: allowed by the explicit local-testing switch
// (the address rules themselves are tested in security/outbound-urls.test.ts).
process.env.OUTBOUND_ALLOW_PRIVATE = "1";

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  admin = new Client(server.url);
  expect((await admin.signIn("admin@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
});
afterAll(() => server.close());

async function register(url: string, secret: string) {
  const response = await admin.post("/admin/webhooks", { intent: "create", url, secret });
  expect(response.status).toBe(200);
  return getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.url, url)).get()!;
}

function deliveriesTo(endpointId: string) {
  return getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).all();
}

/** The injected clock: tests move it forward instead of waiting. */
let clockMs = Date.now();
const clock = () => new Date(clockMs);
const tick = () => deliverDueWebhooks({ now: clock });

describe("delivery", () => {
  // Each test registers its own receivers; none outlives it.
  afterEach(() => {
    getDb().delete(webhookEndpoints).run();
  });

  it("signs the event, retries a 500 after 30 s, then succeeds", async () => {
    const receiver = await startReceiver([500, 200]);
    const secret = "a-very-secret-secret-1";
    const endpoint = await register(receiver.url, secret);
    try {
      clockMs = Date.now();
      const accreditationId = grantFor("demo-lucas.bernard", ["linkedin"], { now: clock() });

      // Enqueued in the transaction of the grant: one event, one pending delivery due now.
      const [delivery] = deliveriesTo(endpoint.id);
      expect(delivery).toMatchObject({ status: "pending", attempts: 0 });
      const event = getDb().select().from(webhookEvents).where(eq(webhookEvents.id, delivery!.eventId)).get()!;
      expect(event.type).toBe("accreditation.granted");

      expect(await tick()).toMatchObject({ attempted: 1, retrying: 1 });
      let row = deliveriesTo(endpoint.id)[0]!;
      expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
      expect(row.nextAttemptAt!.getTime()).toBe(clockMs + RETRY_DELAYS_MS[0]);

      // Not due yet: nothing is sent.
      clockMs += RETRY_DELAYS_MS[0] - 1_000;
      expect(await tick()).toMatchObject({ attempted: 0 });
      clockMs += 1_000;
      expect(await tick()).toMatchObject({ attempted: 1, succeeded: 1 });
      row = deliveriesTo(endpoint.id)[0]!;
      expect(row).toMatchObject({ status: "succeeded", attempts: 2, lastStatusCode: 200, lastError: null, nextAttemptAt: null });

      // What the receiver got, twice: the same body, signed, with the event id.
      expect(receiver.received).toHaveLength(2);
      for (const request of receiver.received) {
        expect(request.headers["content-type"]).toBe("application/json");
        expect(request.headers["ambassade-event-id"]).toBe(event.id);
        expect(signatureHolds(secret, request.headers["ambassade-signature"] as string, request.body)).toBe(true);
        expect(signatureHolds("another-secret-entirely", request.headers["ambassade-signature"] as string, request.body)).toBe(false);
        const t = /t=(\d+)/.exec(request.headers["ambassade-signature"] as string)![1]!;
        expect(request.headers["ambassade-signature"]).toBe(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${request.body}`).digest("hex")}`);
      }
      expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);
      const body = JSON.parse(receiver.received[0]!.body) as {
        id: string;
        type: string;
        createdAt: string;
        data: {
          accreditation: { id: string; status: string; channels: string[]; validUntil: string; credential: string };
          person: { email: string; name: string };
        };
      };
      expect(body).toMatchObject({
        id: event.id,
        type: "accreditation.granted",
        data: {
          accreditation: { id: accreditationId, status: "granted", channels: ["linkedin"] },
          person: { email: "lucas.bernard@ambassade.test", name: "Lucas Bernard" },
        },
      });
      const credential = getDb().select().from(credentials).where(eq(credentials.accreditationId, accreditationId)).get()!;
      expect(body.data.accreditation.credential).toMatch(new RegExp(`/verify/${credential.id}$`));

      // The delivery log shows it.
      const page = await (await admin.get("/admin/webhooks")).text();
      expect(page).toContain(receiver.url);
      expect(page).toContain("accreditation.granted");
    } finally {
      await receiver.close();
    }
  });

  it("sends every kind of change: suspended, reinstated, revoked, expired, renewed", async () => {
    const receiver = await startReceiver([204]);
    const endpoint = await register(receiver.url, "another-long-secret-2");
    try {
      clockMs = Date.now();
      const a = grantFor("demo-chloe.thomas", ["linkedin"], { now: clock() });
      move(a, "suspend", { reason: { kind: "charter", version: "test" }, now: clock() });
      move(a, "reinstate", { currentCharterSigned: true, now: clock() });
      move(a, "revoke", { reason: { kind: "decision", text: "test" }, now: clock() });
      const b = grantFor("demo-hugo.robert", ["linkedin"], { now: new Date(clockMs - 40 * 86_400_000), validUntil: new Date(clockMs - 1_000) });
      move(b, "expire", { now: clock() });
      const c = grantFor("demo-lea.richard", ["x"], { now: clock(), validUntil: new Date(clockMs + 10 * 86_400_000) });
      move(c, "request_renewal", { recertified: true, eligible: true, channels: ["x"], offeredChannels: ["x"], now: clock() }, { requestedChannels: ["x"] });
      move(
        c,
        "renew",
        {
          eligible: true,
          channels: ["x"],
          requestedChannels: ["x"],
          offeredChannels: ["x"],
          newValidUntil: new Date(clockMs + 400 * 86_400_000),
          now: clock(),
        },
        { validUntil: new Date(clockMs + 400 * 86_400_000), grantedAt: clock() },
      );
      // A request is not news for the outside world.
      await tick();
      const types = receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type);
      expect(types.sort()).toEqual(
        [
          "accreditation.granted",
          "accreditation.suspended",
          "accreditation.reinstated",
          "accreditation.revoked",
          "accreditation.granted",
          "accreditation.expired",
          "accreditation.granted",
          "accreditation.renewed",
        ].sort(),
      );
      expect(deliveriesTo(endpoint.id).every((d) => d.status === "succeeded")).toBe(true);
      // Renewal issued a second credential.
      expect(getDb().select().from(credentials).where(eq(credentials.accreditationId, c)).all()).toHaveLength(2);
    } finally {
      await receiver.close();
      getDb().delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).run();
    }
  });

  it("gives up after the last retry; an admin can retry once more", async () => {
    const receiver = await startReceiver([503]);
    const endpoint = await register(receiver.url, "yet-another-secret-3");
    try {
      clockMs = Date.now();
      grantFor("demo-nathan.durand", ["linkedin"], { now: clock() });
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        expect(await tick()).toMatchObject({ attempted: 1 });
        const row = deliveriesTo(endpoint.id)[0]!;
        expect(row.attempts).toBe(attempt);
        if (attempt < MAX_ATTEMPTS) {
          expect(row.status).toBe("pending");
          expect(row.nextAttemptAt!.getTime() - clockMs).toBe(RETRY_DELAYS_MS[attempt - 1]);
          clockMs = row.nextAttemptAt!.getTime();
        } else {
          expect(row).toMatchObject({ status: "failed", nextAttemptAt: null, lastStatusCode: 503 });
        }
      }
      expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
      clockMs += 7 * 86_400_000;
      expect(await tick()).toMatchObject({ attempted: 0 });

      // The log offers a retry; it sends once more, now.
      const failed = deliveriesTo(endpoint.id)[0]!;
      const page = await (await admin.get("/admin/webhooks")).text();
      expect(page).toContain("Échec");
      expect(page).toContain(failed.id);
      expect((await admin.post("/admin/webhooks", { intent: "retry", deliveryId: failed.id })).status).toBe(302);
      expect(deliveriesTo(endpoint.id)[0]).toMatchObject({ status: "pending" });
      clockMs = Date.now();
      expect(await tick()).toMatchObject({ attempted: 1, failed: 1 });
      expect(deliveriesTo(endpoint.id)[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS + 1 });
      expect(receiver.received).toHaveLength(MAX_ATTEMPTS + 1);

      // Retrying something that has not failed is refused.
      const before = snapshotDatabase();
      getDb().update(webhookDeliveries).set({ status: "succeeded" }).where(eq(webhookDeliveries.id, failed.id)).run();
      const snapshot = snapshotDatabase();
      expect((await admin.post("/admin/webhooks", { intent: "retry", deliveryId: failed.id })).status).toBe(409);
      expectUnchanged(snapshot, snapshotDatabase());
      expect(before).not.toBe(snapshot);
    } finally {
      await receiver.close();
      getDb().delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).run();
    }
  });

  it("records timeouts and network errors, and never blocks the change that caused the event", async () => {
    const hanging = await startReceiver([0]);
    const endpoint = await register(hanging.url, "hanging-receiver-secret-4");
    const closed = await startReceiver([200]);
    const closedUrl = closed.url;
    await closed.close();
    const gone = await register(closedUrl, "closed-receiver-secret-5");
    try {
      clockMs = Date.now();
      const started = Date.now();
      grantFor("demo-manon.leroy", ["linkedin"], { now: clock() });
      expect(Date.now() - started).toBeLessThan(1_000);
      await deliverDueWebhooks({ now: clock, timeoutMs: 200 });
      expect(deliveriesTo(endpoint.id)[0]).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null, lastError: "timeout" });
      expect(deliveriesTo(gone.id)[0]).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
      expect(deliveriesTo(gone.id)[0]!.lastError).toBe("connection_failed");
    } finally {
      await hanging.close();
      getDb().delete(webhookEndpoints).run();
    }
  });

  it("writes no event, delivery or credential when the change rolls back", async () => {
    const receiver = await startReceiver([200]);
    await register(receiver.url, "rollback-secret-secret-6");
    try {
      const count = () => [webhookEvents, webhookDeliveries, credentials, accreditations].map((t) => getDb().select().from(t).all().length);
      const before = count();
      expect(() =>
        getDb().transaction((tx) => {
          const now = new Date();
          tx.insert(accreditations)
            .values({
              id: "rolled-back",
              userId: "demo-julie.girard",
              status: "requested",
              requestedChannels: ["linkedin"],
              statement: "Rolled back.",
              requestedAt: now,
              updatedAt: now,
            })
            .run();
          const row = tx.select().from(accreditations).where(eq(accreditations.id, "rolled-back")).get()!;
          applyTransition(tx, {
            row,
            transition: "grant",
            by: "manager",
            facts: {
              now,
              eligible: true,
              channels: ["linkedin"],
              requestedChannels: ["linkedin"],
              offeredChannels: ["linkedin"],
              newValidUntil: new Date(now.getTime() + 86_400_000),
            },
            actorId: "demo-manager",
            patch: { channels: ["linkedin"], validUntil: new Date(now.getTime() + 86_400_000), grantedAt: now },
          });
          // Inside the transaction the event, its delivery and the credential exist…
          expect(count()).not.toEqual(before);
          throw new Error("boom");
        }),
      ).toThrow("boom");
      // …and none of them survive it.
      expect(count()).toEqual(before);
      // A refused transition writes nothing either.
      const id = getDb().select().from(accreditations).where(eq(accreditations.userId, "demo-ambassador")).get()!.id;
      expect(() => move(id, "revoke", { reason: { kind: "decision", text: "" } })).toThrow(InputError);
      expect(count()).toEqual(before);
      expect(await tick()).toMatchObject({ attempted: 0 });
    } finally {
      await receiver.close();
      getDb().delete(webhookEndpoints).run();
    }
  });

  it("does not deliver to a disabled endpoint until it is enabled again", async () => {
    const receiver = await startReceiver([200]);
    const endpoint = await register(receiver.url, "disabled-endpoint-secret-7");
    try {
      expect((await admin.post("/admin/webhooks", { intent: "disable", endpointId: endpoint.id })).status).toBe(302);
      clockMs = Date.now();
      grantFor("demo-olivier.moreau", ["linkedin"], { now: clock() });
      // Events while disabled are not queued for it.
      expect(deliveriesTo(endpoint.id)).toHaveLength(0);
      expect((await admin.post("/admin/webhooks", { intent: "enable", endpointId: endpoint.id })).status).toBe(302);
      move(getDb().select().from(accreditations).where(eq(accreditations.userId, "demo-olivier.moreau")).get()!.id, "revoke", {
        reason: { kind: "decision", text: "test" },
        now: clock(),
      });
      await tick();
      expect(receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual(["accreditation.revoked"]);
      expect((await admin.post("/admin/webhooks", { intent: "delete", endpointId: endpoint.id })).status).toBe(302);
      expect(getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).get()).toBeUndefined();
      expect(deliveriesTo(endpoint.id)).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });
});

describe("bad input", () => {
  it("refuses invalid URLs, credentials in URLs and short secrets, writing nothing", async () => {
    // The notices of the transitions above are mailed in the background: sent before the snapshot.
    await flushMail();
    const before = snapshotDatabase();
    const cases: [Record<string, string>, string, string][] = [
      [{ url: "" }, "url", "Ce champ est obligatoire."],
      [{ url: "not a url" }, "url", "Saisissez une adresse web complète"],
      [{ url: "ftp://example.com/hook" }, "url", "Saisissez une adresse web complète"],
      [{ url: "https://user:pass@example.com/hook" }, "url", "ne doit pas contenir"],
      [{ url: "https://example.com/hook", secret: "short" }, "secret", "entre 16 et 200 caractères"],
      [{ url: `https://example.com/${"a".repeat(2100)}` }, "url", "trop long"],
    ];
    for (const [fields, field, message] of cases) {
      const response = await admin.post("/admin/webhooks", { intent: "create", secret: "", ...fields });
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(await response.text()).toContain(message);
      void field;
    }
    const unknown = await admin.post("/admin/webhooks", { intent: "retry", deliveryId: "nope" });
    expect(unknown.status).toBe(404);
    expectUnchanged(before, snapshotDatabase());
  });

  it("requires https in production, except on this machine", async () => {
    expect(() => validateWebhookUrl("http://hooks.example.com/x", "production")).toThrow(InputError);
    expect(validateWebhookUrl("http://127.0.0.1:9000/x", "production")).toBe("http://127.0.0.1:9000/x");
    expect(validateWebhookUrl("http://localhost:9000/x", "production")).toBe("http://localhost:9000/x");
    expect(validateWebhookUrl("https://hooks.example.com/x", "production")).toBe("https://hooks.example.com/x");
    expect(validateWebhookUrl("http://hooks.example.com/x", "development")).toBe("http://hooks.example.com/x");

    // Through the page, with the server in production mode.
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      const before = snapshotDatabase();
      const response = await admin.post("/admin/webhooks", { intent: "create", url: "http://hooks.example.com/ambassade", secret: "" });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("https://");
      expectUnchanged(before, snapshotDatabase());
    } finally {
      process.env.NODE_ENV = previous;
    }
  });

  it("is for admins only", async () => {
    const manager = new Client(server.url);
    await manager.signIn("manager@ambassade.test", DEMO_PASSWORD);
    const before = snapshotDatabase();
    expect((await manager.get("/admin/webhooks")).status).toBe(403);
    expect((await manager.post("/admin/webhooks", { intent: "create", url: "https://example.com/x", secret: "" })).status).toBe(403);
    expectUnchanged(before, snapshotDatabase());
  });

  it("generates a secret when none is given and shows it once", async () => {
    const response = await admin.post("/admin/webhooks", { intent: "create", url: "https://example.com/generated", secret: "" });
    expect(response.status).toBe(200);
    const html = await response.text();
    const secret = /whsec_[A-Za-z0-9_-]{43}/.exec(html)?.[0];
    expect(secret).toBeTruthy();
    expect(getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.url, "https://example.com/generated")).get()!.secret).toBe(secret);
    expect(await (await admin.get("/admin/webhooks")).text()).not.toContain(secret!);
    getDb().delete(webhookEndpoints).run();
  });
});
