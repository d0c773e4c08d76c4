/**
 * `npm start`: builds if needed, migrates, seeds the demo organisation (unless SEED_DEMO=0), then serves
 * the app with one worker per core (WORKERS=n to choose; WORKERS=1 is one process doing everything) and
 * prints where and how to sign in. With REPLICA_URL, all of it runs under Litestream. ADR 0025.
 *
 * Roles:
 * - WORKERS=1: this process does the first-start work, serves, and runs the jobs, as before.
 * - WORKERS>1, the primary: does the first-start work once, forks the workers (and replaces one that
 *   dies), runs the jobs (so they run exactly once), and on SIGTERM lets every worker drain.
 * - a worker: serves; its requests' wake-ups of the mail and webhook workers go to the primary.
 * Only light modules are imported here: the launcher that starts Litestream loads nothing else.
 */
import cluster, { type Worker } from "node:cluster";
import { runUnderReplica, stopWithLauncher, UNDER_REPLICA } from "./replica";
import { workerCount, WorkersError } from "./workers";
import { isBackgroundJob, type BackgroundJob } from "../utils/background.server";

process.env.NODE_ENV ??= "production";

type WorkerMessage = { type: "wake"; job: BackgroundJob } | { type: "ready"; port: number; url: string; note: string | null };
type PrimaryMessage = { type: "drain" };

/** One process: serve and run the jobs (WORKERS=1). */
async function single() {
  const start = await import("./start");
  start.settleOrigin();
  const { banner } = await start.prepareFirstStart();
  const served = await start.serve();
  console.info([`Ambassade is running at ${served.url}`, ...(served.note ? [served.note] : []), ...banner].join("\n"));
  start.startJobs();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    start.drain(served.server);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  stopWithLauncher(stop);
}

/** The cluster's primary: first-start work, the jobs, the workers' supervision. */
async function primary(workers: number) {
  const start = await import("./start");
  // Each worker settles the origin as this process does, from the same environment (a defaulted APP_URL
  // brings its loopback aliases with it).
  const workerEnv = { APP_URL: process.env.APP_URL ?? "" };
  start.settleOrigin();
  const { banner } = await start.prepareFirstStart();
  let shuttingDown = false;
  let announced = false;
  const ready = new Set<number>();
  const recentExits: number[] = [];

  // Connections stay handed out by this process (Node's round robin): with the kernel sharing them out
  // (SCHED_NONE), the storm's 6,000 connections landed unevenly and workers were lost (bench, ADR 0035). Long jobs
  // here yield between steps instead, so that handing out connections never waits long.
  const fork = () => {
    if (shuttingDown) return;
    const worker = cluster.fork(workerEnv);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "wake") {
        if (isBackgroundJob(message.job)) start.wakeUp(message.job);
      } else if (message.type === "ready") {
        ready.add(worker.id);
        if (!announced && ready.size >= workers) {
          announced = true;
          const lines = [
            `Ambassade is running at ${message.url} (${workers} workers, pids ${Object.values(cluster.workers ?? {})
              .map((w) => w!.process.pid)
              .join(", ")}; jobs in ${process.pid})`,
          ];
          if (message.note) lines.push(message.note);
          console.info([...lines, ...banner].join("\n"));
        }
      }
    });
    return worker;
  };

  cluster.on("exit", (worker: Worker, code, signal) => {
    ready.delete(worker.id);
    if (shuttingDown) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`[cluster] worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    // A worker that cannot start (a bad build, a port taken) must not be forked in a tight loop.
    const now = Date.now();
    recentExits.push(now);
    while (recentExits.length && now - recentExits[0]! > 10_000) recentExits.shift();
    if (!announced && recentExits.length > 3) {
      // Not one worker has ever started (its error is above): starting more would only repeat it.
      console.error("[cluster] the workers cannot start; stopping");
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGKILL");
      process.exit(1);
    }
    setTimeout(fork, recentExits.length > 3 ? 2_000 : 0);
  });

  for (let i = 0; i < workers; i++) fork();
  // The jobs run here, exactly once, for as long as the cluster runs (ADR 0025).
  const jobs = start.startJobs();

  const stop = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    jobs.stop();
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    if (alive.length === 0) process.exit(0);
    // Each worker drains its own requests; a signal sent to the whole process group reaches them too.
    for (const worker of alive) {
      if (worker.isConnected()) worker.send({ type: "drain" } satisfies PrimaryMessage);
    }
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(0);
    }, 15_000).unref();
    console.info(`[cluster] ${signal}: letting ${alive.length} worker(s) finish their requests`);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  stopWithLauncher(() => stop("SIGTERM"));
}

/** A worker of the cluster: serves; jobs are the primary's. */
async function worker() {
  const start = await import("./start");
  const send = (message: WorkerMessage) => {
    if (process.connected) process.send!(message);
  };
  start.relayWakeUps((job) => send({ type: "wake", job }));
  let served: Awaited<ReturnType<typeof start.serve>> | null = null;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Told to stop while still starting: there is nothing to drain.
    if (served) start.drain(served.server);
    else process.exit(0);
  };
  process.on("message", (message: PrimaryMessage) => {
    if (message?.type === "drain") stop();
  });
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  served = await start.serve();
  if (stopping) return start.drain(served.server);
  send({ type: "ready", port: served.port, url: served.url, note: served.note });
}

async function main() {
  if (cluster.isWorker) return worker();
  const workers = workerCount(process.env.WORKERS);
  const replica = process.env.REPLICA_URL?.trim();
  if (replica && process.env[UNDER_REPLICA] !== "1") {
    // Litestream watches the database and runs this same command as its child (ADR 0025).
    const { databasePath } = await import("../../db/connection");
    process.exit(await runUnderReplica(databasePath(), replica));
  }
  if (workers === 1) return single();
  return primary(workers);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : "";
  if (error instanceof WorkersError || error?.constructor?.name === "StartupError" || message.startsWith("TRUST_PROXY") || message.startsWith("REPLICA_URL"))
    console.error(message);
  else console.error(error);
  process.exit(1);
});
