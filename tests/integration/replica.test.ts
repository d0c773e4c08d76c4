/**
 * The live replica (REPLICA_URL, ADR 0025), without network: `npm start` under Litestream replicating
 * to a folder, then to an S3-compatible bucket (s3rver on loopback: the object store is the edge of the
 * world); learners answer exam items concurrently; the server is killed with SIGKILL in the middle of the
 * stream; the database is rebuilt from the replica alone (`npm run cli -- restore-replica`) and holds every
 * answer the server had acknowledged.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import S3rver from "s3rver";
import { afterAll, describe, expect, it } from "vitest";
import { rightAnswer } from "../support/accreditation";
import { runCli } from "../support/cli";
import { Browser, examWithoutTrack, startChildServer, type ChildServer } from "../support/security";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-replica-"));
let server: ChildServer | null = null;
let bucketServer: S3rver | null = null;

afterAll(async () => {
  if (process.env.REPLICA_TEST_DEBUG) console.log(server?.output().slice(-5000));
  await server?.kill();
  await bucketServer?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** An S3-compatible bucket on loopback; Litestream reads `s3://<bucket>.localhost:<port>/…` as that endpoint, over HTTP. */
async function localBucket(): Promise<{ url: string; env: Record<string, string> }> {
  bucketServer = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: path.join(root, "s3"),
    configureBuckets: [{ name: "replica", configs: [] }],
  });
  const address = (await bucketServer.run()) as AddressInfo;
  return {
    url: `s3://replica.localhost:${address.port}/ambassade`,
    env: { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" },
  };
}

const LEARNERS = [
  "learner@ambassade.test",
  "lucas.bernard@ambassade.test",
  "chloe.thomas@ambassade.test",
  "camille.simon@ambassade.test",
  "thomas.michel@ambassade.test",
];
const KILL_AFTER = 40;

type Answer = { attemptId: string; itemId: string; options: string[] };

/** The whole story against one replica target. */
async function killAndRestore(name: string, target: (dir: string) => Promise<{ url: string; env: Record<string, string> }>) {
  const dir = path.join(root, name);
  const live = path.join(dir, "live", "ambassade.db");
  const restored = path.join(dir, "restored", "ambassade.db");
  const { url: replica, env } = await target(dir);
  server = await startChildServer({ DATABASE_PATH: live, OUTBOX_DIR: path.join(dir, "outbox"), REPLICA_URL: replica, AMBASSADE_WORKER_HEADER: "1", ...env });
  {
    // The launcher runs Litestream, which runs the server: the pid that answers is the one to kill.
    const health = await fetch(`${server.url}/healthz`);
    const servingPid = Number(health.headers.get("x-ambassade-worker"));
    expect(servingPid).toBeGreaterThan(0);
    expect(servingPid).not.toBe(server.child.pid);
    await examWithoutTrack(live);

    const learners = await Promise.all(
      LEARNERS.map(async (email) => {
        const browser = new Browser(server!.url);
        await browser.signIn(email);
        const started = await browser.post("/exam");
        expect(started.status, `${email} starts an attempt`).toBe(302);
        return { browser, attemptId: started.headers.get("location")!.split("/").pop()! };
      }),
    );
    const reader = new Database(live, { readonly: true });
    const itemsOf = (attemptId: string) =>
      JSON.parse((reader.prepare("select items from exam_attempts where id = ?").get(attemptId) as { items: string }).items) as { id: string }[];
    const plans = learners.map((l) => ({
      ...l,
      answers: itemsOf(l.attemptId).map((item) => ({ attemptId: l.attemptId, itemId: item.id, options: rightAnswer(item.id) })),
    }));
    reader.close();

    // Every learner answers item after item; the server is killed once KILL_AFTER answers were
    // acknowledged, with the others' requests under way.
    const acknowledged: Answer[] = [];
    let killed = false;
    await Promise.all(
      plans.map(async ({ browser, attemptId, answers }) => {
        for (const answer of answers) {
          if (killed) return;
          try {
            const send = () => browser.post(`/exam/${attemptId}`, { intent: "answer", itemId: answer.itemId, option: answer.options, js: "1" });
            // A kept-alive connection the server closed as it was reused (an idle one, on a busy machine):
            // nothing was acknowledged, and a browser would send again.
            const response = await send().catch((error: unknown) => {
              if (killed) throw error;
              return send();
            });
            await response.arrayBuffer();
            if (response.status >= 200 && response.status < 300) acknowledged.push(answer);
            else throw new Error(`answer refused: ${response.status}`);
          } catch (error) {
            if (killed) return;
            throw error;
          }
          if (acknowledged.length >= KILL_AFTER && !killed) {
            killed = true;
            process.kill(servingPid, "SIGKILL");
          }
        }
      }),
    );
    expect(killed).toBe(true);
    // Litestream ships what is left of the write-ahead log once the server is gone, then exits; so does `npm start`.
    await new Promise<void>((resolve) =>
      server!.child.exitCode !== null || server!.child.signalCode !== null ? resolve() : server!.child.once("exit", () => resolve()),
    );
    expect(server.output()).toContain("litestream shut down");

    // The replica alone: the live file is moved away first, so nothing but the replica can be read.
    fs.renameSync(path.dirname(live), path.join(dir, "gone"));
    const result = await runCli(["restore-replica", replica, restored], env);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    const db = new Database(restored, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const stored = db.prepare("select attempt_id as attemptId, item_id as itemId, option_ids as options from exam_answers").all() as {
      attemptId: string;
      itemId: string;
      options: string;
    }[];
    const byKey = new Map(stored.map((row) => [`${row.attemptId}/${row.itemId}`, JSON.parse(row.options) as string[]]));
    for (const answer of acknowledged) expect(byKey.get(`${answer.attemptId}/${answer.itemId}`), `answer to ${answer.itemId}`).toEqual(answer.options);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    db.close();

    // A second restore into the same place is refused: nothing is overwritten.
    const again = await runCli(["restore-replica", replica, restored], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("exists");
  }
  server = null;
}

describe("the live replica", () => {
  it("holds every acknowledged write after the server is killed, restored from the replica folder alone", { timeout: 120_000 }, async () => {
    await killAndRestore("folder", async (dir) => ({ url: path.join(dir, "replica"), env: {} }));
  });

  it("the same with an S3-compatible bucket", { timeout: 120_000 }, async () => {
    await killAndRestore("s3", () => localBucket());
  });
});
