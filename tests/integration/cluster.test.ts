/**
 * `npm start` with WORKERS=2 (ADR 0025): the real server as a cluster on this file's database. Each
 * request goes out on a fresh connection, so the primary hands them to the workers in turn; the
 * test-only header X-Ambassade-Worker (AMBASSADE_WORKER_HEADER=1) says which one answered.
 * - a change made through one worker (a revoked token, a setting, a studio publication) is what every
 *   worker serves within a second;
 * - a worker killed with SIGKILL is replaced;
 * - SIGTERM lets a request under way finish, then the cluster exits cleanly.
 */
import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { moduleDrafts } from "../../db/schema";
import { formDraftOf, type FormDraft } from "../../app/domain/module-source";
import { createApiToken } from "../../app/models/api-token.server";
import { Browser, startChildServer, type ChildServer } from "../support/security";
import fs from "node:fs";
import path from "node:path";

let server: ChildServer;

beforeAll(async () => {
  // The same database file as this test process (tests/support/setup.ts): the test reads and writes it
  // as the CLI would, and the cluster's primary migrates and seeds it.
  server = await startChildServer({ WORKERS: "2", AMBASSADE_WORKER_HEADER: "1", INSECURE_COOKIES: "1" });
}, 90_000);
afterAll(async () => {
  if (process.env.CLUSTER_TEST_DEBUG) console.log(server?.output().slice(-6000));
  await server?.kill();
});

type Reply = { status: number; worker: string; body: string };

/** One GET on a connection of its own (no keep-alive): the cluster gives it to the next worker. */
function freshGet(pathname: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${server.url}${pathname}`, { agent: false, headers: { Connection: "close", ...headers } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, worker: String(response.headers["x-ambassade-worker"] ?? ""), body }));
    });
    request.on("error", reject);
    // A connection handed to a worker that just died is never answered.
    request.setTimeout(15_000, () => request.destroy(new Error("no answer within 15 s")));
  });
}

/** The workers' pids, once `count` different ones have answered. */
async function workers(count = 2, within = 30_000): Promise<string[]> {
  const seen = new Set<string>();
  const deadline = Date.now() + within;
  while (seen.size < count) {
    if (Date.now() > deadline) throw new Error(`only ${seen.size} worker(s) answered: ${[...seen].join(", ")}\n${server.output().slice(-2000)}`);
    const reply = await freshGet("/healthz").catch(() => null);
    if (reply?.status === 200 && reply.worker) seen.add(reply.worker);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [...seen];
}

/**
 * Sends `pathname` again and again on fresh connections until every worker in `pids` answered so that
 * `ok` holds; returns the milliseconds it took. A worker that keeps answering otherwise fails the test.
 */
async function untilEveryWorker(
  pids: string[],
  pathname: string,
  headers: Record<string, string>,
  ok: (reply: Reply) => boolean,
  within = 5_000,
): Promise<number> {
  const started = Date.now();
  const done = new Set<string>();
  let last: Reply | null = null;
  while (done.size < pids.length) {
    if (Date.now() - started > within)
      throw new Error(
        `not every worker answered as expected after ${within} ms (done: ${[...done].join(", ")}); last: ${last?.worker} ${last?.status} ${last?.body.slice(0, 200)}\n${server.output().slice(-3000)}`,
      );
    const t = Date.now();
    last = await freshGet(pathname, headers).catch((error: Error) => {
      throw new Error(`${pathname} after ${Date.now() - t} ms (done: ${[...done].join(", ")}): ${error.message}`);
    });
    if (process.env.CLUSTER_TEST_DEBUG) console.log(`${Date.now() - started} ms: ${last.worker} ${last.status} in ${Date.now() - t} ms ${ok(last)}`);
    if (ok(last)) done.add(last.worker);
  }
  return Date.now() - started;
}

describe("a cluster of two workers", () => {
  it("serves from both, and a revoked token is refused by both within a second", { timeout: 60_000 }, async () => {
    const pids = await workers();
    expect(pids).toHaveLength(2);
    const { token, id } = createApiToken(null, "cluster test");
    const gate = "/api/v1/authorizations?email=ambassador%40ambassade.test&channel=linkedin";
    const bearer = { Authorization: `Bearer ${token}` };
    // Both workers hold the token in memory (a hit is trusted for 10 s without a read).
    await untilEveryWorker(pids, gate, bearer, (r) => r.status === 200);

    const admin = new Browser(server.url);
    await admin.signIn("admin@ambassade.test");
    expect((await admin.post("/admin/api", { intent: "revoke", tokenId: id })).status).toBe(302);
    const took = await untilEveryWorker(pids, gate, bearer, (r) => r.status === 401);
    expect(took, "both workers refuse the revoked token within a second").toBeLessThan(1_000);
  });

  it("a setting changed through one worker (a new channel) is what both apply within a second", { timeout: 60_000 }, async () => {
    const pids = await workers();
    const { token } = createApiToken(null, "cluster channels");
    const gate = "/api/v1/authorizations?email=ambassador%40ambassade.test&channel=mastodon";
    const bearer = { Authorization: `Bearer ${token}` };
    await untilEveryWorker(pids, gate, bearer, (r) => r.status === 400 && r.body.includes("unknown_channel"));

    const admin = new Browser(server.url);
    await admin.signIn("admin@ambassade.test");
    expect((await admin.post("/admin/settings", { "accreditation.channels": "LinkedIn, X, Mastodon" })).status).toBe(302);
    const took = await untilEveryWorker(pids, gate, bearer, (r) => r.status === 200 && (JSON.parse(r.body) as { channel: string }).channel === "mastodon");
    expect(took, "both workers know the new channel within a second").toBeLessThan(1_000);
  });

  it("a module published in the studio through one worker is what both serve within a second", { timeout: 60_000 }, async () => {
    const pids = await workers();
    const MODULE = "reluctant-small-steps";
    const learner = new Browser(server.url);
    await learner.signIn("sarah.lefebvre@ambassade.test");
    const page = `/track/${MODULE}`;
    const cookie = { Cookie: learner.cookieHeader() };
    await untilEveryWorker(pids, page, cookie, (r) => r.status === 200);

    const sentence = "Phrase publiée dans un seul processus.";
    const source = (lang: "fr" | "en") => fs.readFileSync(path.join("content", "modules", MODULE, `${lang}.mdx`), "utf8");
    const fields: Record<string, string> = {};
    for (const lang of ["fr", "en"] as const) {
      const draft: FormDraft = formDraftOf(source(lang));
      const edited = { ...draft, body: lang === "fr" ? draft.body.replace("\n", `\n${sentence}\n`) : draft.body };
      for (const [key, value] of Object.entries(edited)) fields[`${lang}_${key}`] = value;
    }
    const revision = String(getDb().select().from(moduleDrafts).where(eq(moduleDrafts.moduleId, MODULE)).get()?.revision ?? 0);
    const trainer = new Browser(server.url);
    await trainer.signIn("trainer@ambassade.test");
    const published = await trainer.post(`/studio/${MODULE}`, { intent: "publish", revision, note: "Une phrase en plus", ...fields });
    expect(published.status).toBe(302);
    const took = await untilEveryWorker(pids, page, cookie, (r) => r.status === 200 && r.body.includes(sentence));
    expect(took, "both workers serve the new version within a second").toBeLessThan(1_000);
  });

  it("replaces a worker killed with SIGKILL", { timeout: 120_000 }, async () => {
    const before = await workers();
    const victim = before[0]!;
    process.kill(Number(victim), "SIGKILL");
    // The replacement compiles the content library before it listens: on a busy machine, many seconds.
    const seen = new Set<string>();
    const deadline = Date.now() + 100_000;
    while (![...seen].some((pid) => !before.includes(pid))) {
      if (Date.now() > deadline) throw new Error(`no new worker after the kill; answered: ${[...seen].join(", ")}\n${server.output().slice(-2000)}`);
      const reply = await freshGet("/healthz").catch(() => null);
      if (reply?.status === 200) seen.add(reply.worker);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seen).not.toContain(victim);
    expect(server.output()).toContain(`worker ${victim} exited (SIGKILL); starting another`);
  });

  it("on SIGTERM, finishes the request under way, then exits cleanly", { timeout: 60_000 }, async () => {
    await workers();
    // A form whose body arrives in two parts, the SIGTERM in between.
    const body = "email=nobody%40ambassade.test&password=not-the-password";
    const answered = new Promise<number>((resolve, reject) => {
      const request = http.request(`${server.url}/login`, {
        method: "POST",
        agent: false,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length), Origin: server.url },
      });
      request.on("response", (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      request.on("error", reject);
      request.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill("SIGTERM");
        setTimeout(() => request.end(body.slice(10)), 500);
      }, 300);
    });
    const status = await answered;
    expect(status, "the request under way got its answer").toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    await new Promise<void>((resolve) => (server.child.exitCode !== null ? resolve() : server.child.once("exit", () => resolve())));
    expect(server.child.exitCode).toBe(0);
  });
});
