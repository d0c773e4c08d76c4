/**
 * Crash safety, short version: the real production server (`node --import tsx app/server/main.ts`)
 * on its own database file; learners start exam attempts and answer concurrently; the server is
 * killed with SIGKILL in the middle of the stream (no shutdown handler runs); restarted on the same
 * file, it serves every answer it had acknowledged, and SQLite's integrity check is "ok".
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { rightAnswer } from "../../support/accreditation";
import { Browser, examWithoutTrack, startChildServer, type ChildServer } from "../../support/security";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-crash-"));
const env = { DATABASE_PATH: path.join(dir, "crash.db"), OUTBOX_DIR: path.join(dir, "outbox") };
const running: ChildServer[] = [];

afterAll(async () => {
  for (const server of running) await server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Demo employees (db/seed.ts); anyone who learns may start an attempt (app/models/exam.server.ts:
// only the attempt limits, the cooldown and an attempt already in progress refuse one).
const LEARNERS = [
  "learner@ambassade.test",
  "lucas.bernard@ambassade.test",
  "chloe.thomas@ambassade.test",
  "camille.simon@ambassade.test",
  "thomas.michel@ambassade.test",
];
const KILL_AFTER = 35;

type Answer = { attemptId: string; itemId: string; options: string[] };

describe("a crash in the middle of exam answers", () => {
  it("loses no acknowledged answer and leaves an intact database", { timeout: 90_000 }, async () => {
    const first = await startChildServer(env);
    running.push(first);
    await examWithoutTrack(env.DATABASE_PATH);

    // Sign in and start one attempt each; the draw of each attempt is read from the file.
    const learners = await Promise.all(
      LEARNERS.map(async (email) => {
        const browser = new Browser(first.url);
        await browser.signIn(email);
        const started = await browser.post("/exam");
        expect(started.status, `${email} starts an attempt`).toBe(302);
        return { browser, attemptId: started.headers.get("location")!.split("/").pop()! };
      }),
    );
    const reader = new Database(env.DATABASE_PATH, { readonly: true });
    const itemsOf = (attemptId: string) =>
      JSON.parse((reader.prepare("select items from exam_attempts where id = ?").get(attemptId) as { items: string }).items) as { id: string }[];
    const plans = learners.map((l) => ({
      ...l,
      answers: itemsOf(l.attemptId).map((item) => ({ attemptId: l.attemptId, itemId: item.id, options: rightAnswer(item.id) })),
    }));
    reader.close();
    const total = plans.reduce((n, p) => n + p.answers.length, 0);

    // Every learner answers item after item (one request in flight each); the server is killed once
    // KILL_AFTER answers were acknowledged, with the others' requests under way.
    const acknowledged: Answer[] = [];
    let killed: Promise<void> | null = null;
    await Promise.all(
      plans.map(async ({ browser, attemptId, answers }) => {
        for (const answer of answers) {
          if (killed) return;
          try {
            const response = await browser.post(`/exam/${attemptId}`, { intent: "answer", itemId: answer.itemId, option: answer.options, js: "1" });
            await response.arrayBuffer();
            if (response.status >= 200 && response.status < 300) acknowledged.push(answer);
            else throw new Error(`answer refused: ${response.status}`);
          } catch (error) {
            if (killed) return; // the connection died with the server
            throw error;
          }
          if (acknowledged.length >= KILL_AFTER && !killed) killed = first.kill();
        }
      }),
    );
    await killed;
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length, "the kill came after every answer: nothing was in flight").toBeLessThan(total);

    // Restarted on the same file: the sessions survived, and every acknowledged answer is served.
    const second = await startChildServer(env);
    running.push(second);
    for (const plan of plans) {
      const browser = plan.browser.moveTo(second.url);
      const response = await browser.get(`/exam/${plan.attemptId}?_data=${encodeURIComponent("routes/exam.$attemptId")}`);
      expect(response.status, "the session and the attempt survived the crash").toBe(200);
      const { attempt } = (await response.json()) as { attempt: { status: string; answers: Record<string, string[]> } };
      expect(attempt.status).toBe("in_progress");
      for (const answer of acknowledged.filter((a) => a.attemptId === plan.attemptId)) {
        expect(attempt.answers[answer.itemId], `answer to ${answer.itemId}`).toEqual(answer.options);
      }
    }
    await second.stop();

    // The file itself: intact, and holding the acknowledged answers.
    const db = new Database(env.DATABASE_PATH);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    const stored = db.prepare("select attempt_id as attemptId, item_id as itemId, option_ids as options from exam_answers").all() as {
      attemptId: string;
      itemId: string;
      options: string;
    }[];
    const byKey = new Map(stored.map((row) => [`${row.attemptId}/${row.itemId}`, JSON.parse(row.options) as string[]]));
    for (const answer of acknowledged) expect(byKey.get(`${answer.attemptId}/${answer.itemId}`)).toEqual(answer.options);
    // Nothing that was never sent.
    const sent = new Set(plans.flatMap((p) => p.answers.map((a) => `${a.attemptId}/${a.itemId}`)));
    for (const key of byKey.keys()) if (learners.some((l) => key.startsWith(`${l.attemptId}/`))) expect(sent.has(key)).toBe(true);
    db.close();
  });
});
