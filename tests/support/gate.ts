/**
 * Helpers for the API, webhook and credential tests: accreditations moved through the REAL transition
 * function (app/models/accreditation-transition.server.ts, which issues credentials and enqueues
 * webhook events), charter facts, and a local webhook receiver.
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { desc, eq } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { accreditations, charterPublications, charterSignatures } from "../../db/schema";
import { RULES, type GuardFacts, type Transition } from "../../app/domain/accreditation";
import { applyTransition, type AccreditationRow } from "../../app/models/accreditation-transition.server";
import { offeredChannels } from "../../app/models/channels.server";

const DAY = 24 * 60 * 60 * 1000;

/** A request granted by the demo manager, through applyTransition (credential + webhook event). */
export function grantFor(userId: string, channels: string[], options: { validUntil?: Date; now?: Date } = {}): string {
  const now = options.now ?? new Date();
  const validUntil = options.validUntil ?? new Date(now.getTime() + 180 * DAY);
  const id = randomUUID();
  getDb().transaction((tx) => {
    tx.insert(accreditations)
      .values({
        id,
        userId,
        status: "requested",
        requestedChannels: channels,
        statement: "I would like to speak for the company.",
        requestedAt: now,
        updatedAt: now,
      })
      .run();
    const row = tx.select().from(accreditations).where(eq(accreditations.id, id)).get()!;
    applyTransition(tx, {
      row,
      transition: "grant",
      by: "manager",
      facts: { now, eligible: true, channels, requestedChannels: channels, offeredChannels: offeredChannels().map((c) => c.id), newValidUntil: validUntil },
      actorId: "demo-manager",
      patch: { channels, validUntil, grantedAt: now, grantedBy: "demo-manager", decidedBy: "demo-manager", decidedAt: now, charterVersion: currentCharter() },
    });
  });
  return id;
}

/** Any transition of an existing accreditation, through applyTransition, by the first actor the state machine allows. */
export function move(id: string, transition: Transition, facts: Partial<GuardFacts> = {}, patch: Partial<AccreditationRow> = {}) {
  const now = facts.now ?? new Date();
  return getDb().transaction((tx) => {
    const row = tx.select().from(accreditations).where(eq(accreditations.id, id)).get()!;
    return applyTransition(tx, {
      row,
      transition,
      by: RULES[transition].by[0]!,
      facts: { now, validUntil: row.validUntil, ...facts },
      actorId: "demo-manager",
      patch,
    });
  });
}

/** The charter version in force, publishing "test-1" when none is. */
export function currentCharter(): string {
  const latest = getDb().select({ version: charterPublications.version }).from(charterPublications).orderBy(desc(charterPublications.id)).limit(1).get();
  if (latest) return latest.version;
  getDb().insert(charterPublications).values({ version: "test-1" }).run();
  return "test-1";
}

export function signCharter(userId: string, version = currentCharter()) {
  getDb()
    .insert(charterSignatures)
    .values({ id: randomUUID(), userId, version, locale: "fr", textHash: "0".repeat(64), signedName: userId })
    .onConflictDoNothing()
    .run();
}

export type Received = { headers: http.IncomingHttpHeaders; body: string; at: number };

/**
 * A real HTTP receiver on 127.0.0.1: answers each request with the next status of `statuses` (the
 * last one repeats), or hangs when the status is 0.
 */
export async function startReceiver(statuses: number[]): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      if (status === 0) return; // hang
      res.writeHead(status, { "Content-Type": "text/plain" }).end(status < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/ambassade`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Checks `Ambassade-Signature: t=…,v1=…` against the secret, as a receiver would. */
export function signatureHolds(secret: string, header: string | undefined, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, "hex"));
}

/** Fails with the names of the tables that changed (not the whole database) when `before` differs from now. */
export function expectUnchanged(before: string, after: string): void {
  if (before === after) return;
  const a = new Map(JSON.parse(before) as [string, unknown][]);
  const b = new Map(JSON.parse(after) as [string, unknown][]);
  const changed = [...new Set([...a.keys(), ...b.keys()])].filter((table) => JSON.stringify(a.get(table)) !== JSON.stringify(b.get(table)));
  throw new Error(`the database changed in: ${changed.join(", ")}`);
}
