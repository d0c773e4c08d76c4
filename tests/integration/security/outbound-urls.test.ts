/**
 * Finding (issue #13): webhook URLs could target loopback, private and link-local addresses, and the
 * delivery log told open ports from closed ones. Every address class is now refused when the URL is saved
 * and again at delivery, after DNS resolution, with no connection attempted; the log keeps generic kinds.
 */
import net from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/connection";
import { webhookDeliveries, webhookEndpoints } from "../../../db/schema";
import { deliverDueWebhooks } from "../../../app/models/webhook.server";
import { isPublicAddress } from "../../../app/utils/outbound.server";
import { DEMO_PASSWORD, seedDemoOrganisation, snapshotDatabase } from "../../support/fixtures";
import { Client, startServer, type TestServer } from "../../support/server";
import { enqueueWebhookEvent } from "../../../app/models/webhook.server";

delete process.env.OUTBOUND_ALLOW_PRIVATE;

let server: TestServer;
let admin: Client;
/** A listener on loopback that counts the connections it receives: it must receive none. */
let trap: net.Server;
let trapPort = 0;
let connections = 0;

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  admin = new Client(server.url);
  expect((await admin.signIn("admin@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
  trap = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
  trapPort = (trap.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => trap.close(resolve));
});

const CLASSES = (port: number): [string, string][] => [
  ["loopback", `http://127.0.0.1:${port}/`],
  ["loopback, another address of 127/8", `http://127.3.4.5:${port}/`],
  ["loopback, IPv6", "http://[::1]:5432/"],
  ["loopback, hexadecimal", "http://0x7f000001/"],
  ["loopback, decimal", "http://2130706433/"],
  ["loopback, IPv4-mapped IPv6", "http://[::ffff:127.0.0.1]/"],
  ["a DNS name resolving to loopback", `http://localhost:${port}/`],
  ["unspecified", "http://0.0.0.0/"],
  ["private 10/8", "https://10.0.0.7/hook"],
  ["private 172.16/12", "https://172.20.1.1/hook"],
  ["private 192.168/16", "https://192.168.1.1/hook"],
  ["carrier-grade NAT", "https://100.64.0.1/hook"],
  ["link-local, cloud metadata", "https://169.254.169.254/latest/meta-data/"],
  ["link-local IPv6", "http://[fe80::1]/"],
  ["unique-local IPv6", "http://[fd00::1]/"],
  ["multicast", "http://224.0.0.1/"],
  ["multicast IPv6", "http://[ff02::1]/"],
  ["broadcast", "http://255.255.255.255/"],
  ["reserved (documentation)", "http://192.0.2.1/"],
];

describe("addresses", () => {
  it("only public unicast addresses are public", () => {
    for (const address of ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "2606:4700:4700::1111"]) expect(isPublicAddress(address), address).toBe(true);
    for (const address of [
      "127.0.0.1",
      "::1",
      "10.1.2.3",
      "172.31.255.255",
      "192.168.0.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::",
      "224.0.0.1",
      "ff02::1",
      "fe80::1",
      "fd12::1",
      "::ffff:10.0.0.1",
      "::ffff:127.0.0.1",
      "255.255.255.255",
      "not an address",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});

describe("saving a webhook URL", () => {
  it.each(CLASSES(4198))("refuses %s (%s), writing nothing", async (_name, url) => {
    const before = snapshotDatabase();
    const response = await admin.post("/admin/webhooks", { intent: "create", url, secret: "a-long-enough-secret-value" });
    expect(response.status).toBe(400);
    expect(snapshotDatabase()).toBe(before);
  });
});

describe("delivering", () => {
  it("refuses every non-public target at delivery time too (an endpoint saved before, or a name that now resolves elsewhere), with no connection attempted and no address in the log", async () => {
    const db = getDb();
    const urls = [`http://127.0.0.1:${trapPort}/`, `http://localhost:${trapPort}/`, `http://[::ffff:127.0.0.1]:${trapPort}/`];
    const ids = urls.map((url, i) => {
      const id = `ssrf-${i}`;
      db.insert(webhookEndpoints).values({ id, url, secret: "a-long-enough-secret-value", createdBy: null }).run();
      return id;
    });
    db.transaction((tx) => void enqueueWebhookEvent(tx, "accreditation.revoked", { test: true }));
    const result = await deliverDueWebhooks({ batchSize: 50 });
    expect(result.attempted).toBeGreaterThanOrEqual(urls.length);
    expect(connections).toBe(0);
    for (const id of ids) {
      const delivery = db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id)).get()!;
      expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null, lastError: "address_not_allowed" });
    }
    // The admin's log shows the generic kind, never the address or port of what was tried.
    const page = await (await admin.get("/admin/webhooks")).text();
    expect(page).not.toMatch(/ECONNREFUSED|EHOSTUNREACH|ETIMEDOUT/);
  });
});
