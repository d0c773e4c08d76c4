/**
 * Finding (issue #13): a chunked multipart upload to /studio/media was buffered without a total limit
 * (server memory 280 → 458 MB with 285 MB sent): `maxPartSize` capped parts, not the whole. Every body
 * now has a limit, declared or chunked: the route's own, and the server's for every route.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemoOrganisation, snapshotDatabase } from "../../support/fixtures";
import { Client, startServer, type TestServer } from "../../support/server";

const MB = 1024 * 1024;

let server: TestServer;
let small: TestServer;
let trainer: Client;

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  small = await startServer({ maxBodyBytes: 1 * MB });
  trainer = new Client(server.url);
  expect((await trainer.signIn("trainer@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
});
afterAll(async () => {
  await server.close();
  await small.close();
});

/**
 * Streams up to `total` bytes as a chunked body (no Content-Length) and stops as soon as the server
 * answers or closes: the status, and how much was sent before that.
 */
function chunkedPost(
  base: string,
  pathname: string,
  headers: Record<string, string>,
  total: number,
  first = "",
): Promise<{ status: number | null; sent: number }> {
  return new Promise((resolve) => {
    const url = new URL(pathname, base);
    let sent = 0;
    let done = false;
    const finish = (status: number | null) => {
      if (done) return;
      done = true;
      request.destroy();
      resolve({ status, sent });
    };
    const request = http.request(url, { method: "POST", headers: { ...headers, Origin: url.origin, "Transfer-Encoding": "chunked" } }, (response) => {
      response.resume();
      finish(response.statusCode ?? null);
    });
    // A write can fail (the server closed after answering) before the answer is read: wait for it.
    request.on("error", () => finish(null));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      if (first && sent === 0) {
        request.write(first);
        sent += first.length;
      }
      while (!done && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!done) request.end();
    };
    pump();
  });
}

describe("request bodies", () => {
  it("a chunked 50 MB multipart upload to the studio's media is refused with 413 after the limit, never buffered whole", async () => {
    const before = snapshotDatabase();
    const boundary = "----ambassade-test";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`;
    const result = await chunkedPost(
      server.url,
      "/studio/media",
      { Cookie: trainer.cookieHeader(), "Content-Type": `multipart/form-data; boundary=${boundary}` },
      50 * MB,
      head,
    );
    expect(result.status).toBe(413);
    // The server answered, and stopped reading, long before the 50 MB were sent (the client writes only
    // as fast as the server reads; the margin is for socket buffers and the discarded rest).
    expect(result.sent).toBeLessThan(20 * MB);
    expect(snapshotDatabase()).toBe(before);
  });

  it("the server's own limit holds for every route, chunked or declared, before any route reads the body", async () => {
    const chunked = await chunkedPost(small.url, "/login", { "Content-Type": "application/x-www-form-urlencoded" }, 50 * MB, "email=a%40b.c&password=");
    expect(chunked.status).toBe(413);
    expect(chunked.sent).toBeLessThan(20 * MB);
    const declared = await fetch(`${small.url}/api/v1/verify`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "x".repeat(2 * MB),
    }).catch(() => null);
    expect(declared?.status).toBe(413);
    // A body within the limit still reaches its route.
    const ordinary = await fetch(`${small.url}/api/v1/verify`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(ordinary.status).toBe(400);
  });
});
