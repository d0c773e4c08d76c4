import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextRetryAt, signWebhookBody } from "./webhook.server";

describe("webhook signatures", () => {
  it("are t=<unix>,v1=<hex HMAC-SHA256 of '<t>.<body>'>", () => {
    const body = '{"id":"evt_1"}';
    const expected = createHmac("sha256", "secret").update(`1700000000.${body}`).digest("hex");
    expect(signWebhookBody("secret", body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
    expect(signWebhookBody("other", body, 1700000000)).not.toBe(`t=1700000000,v1=${expected}`);
  });
});

describe("retry schedule", () => {
  it("waits 30 s, 2 min, 10 min, 1 h, 6 h, then gives up", () => {
    const now = new Date(0);
    const delays = [1, 2, 3, 4, 5].map((n) => nextRetryAt(n, now)!.getTime());
    expect(delays).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000]);
    expect(nextRetryAt(MAX_ATTEMPTS, now)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(6);
  });
});
