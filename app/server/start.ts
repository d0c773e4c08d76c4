/**
 * What `npm start` does, in pieces that the process roles (app/server/main.ts) put together:
 * - `prepareFirstStart`: build if needed, migrate, seed the demo, store the content images: once per
 *   start, before any worker exists (ADR 0025);
 * - `serve`: compile the content library, then serve HTTP; `drain` stops it without cutting a request;
 * - `startJobs`: the accreditation jobs, the webhook and mail workers and the housekeeping, which run in
 *   exactly one process.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { databasePath, getDb } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { DEMO_LOGINS, seedDemo } from "../../db/seed";
import { deleteExpiredSessions } from "../auth/session.server";
import { loadContentLibrary } from "../content/library.server";
import { purgeOldMail, startMailWorker } from "../mail/outbox.server";
import { runAccreditationJobs } from "../models/accreditation-jobs.server";
import { purgeOldWeeklySummaries, runWeeklySummaries } from "../models/weekly-summary.server";
import { importContentMedia } from "../models/content-sync.server";
import { purgeReadNotifications } from "../models/notifications.server";
import { applyRetention, describeRetention } from "../models/retention.server";
import { getSetting } from "../models/settings.server";
import { deleteStaleThrottles } from "../models/throttle.server";
import { startWebhookWorker } from "../models/webhook.server";
import { startTeamChatWorker } from "../models/team-chat.server";
import { startCacheSync } from "./cache-sync";
import { createAppServer, parseTrustProxy } from "./http";
import { resolvePublicOrigin, type PublicOrigin } from "./public-origin";

const root = process.cwd();
const buildFile = path.join(root, "build", "index.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const built = fs.existsSync(buildFile) ? fs.statSync(buildFile).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(root, "app")), fs.statSync(path.join(root, "remix.config.js")).mtimeMs);
  if (built >= sources) return;
  console.info("Building the app (remix build)…");
  execFileSync(path.join(root, "node_modules", ".bin", "remix"), ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}

/** Settles APP_URL (every module, in every worker, reads the same one) and checks TRUST_PROXY. */
export function settleOrigin(): { publicOrigin: PublicOrigin; trustProxy: number } {
  // Once per process: after the first call APP_URL is set, and a defaulted one would lose its aliases.
  settled ??= (() => {
    const publicOrigin = resolvePublicOrigin(process.env);
    process.env.APP_URL = publicOrigin.appUrl;
    return { publicOrigin, trustProxy: parseTrustProxy(process.env.TRUST_PROXY) };
  })();
  return settled;
}
let settled: { publicOrigin: PublicOrigin; trustProxy: number } | undefined;

export type FirstStart = { banner: string[] };

/** Build, migrations, demo seed, content images: done once, by the process that starts the others. */
export async function prepareFirstStart(): Promise<FirstStart> {
  if (process.env.SKIP_BUILD !== "1") buildIfNeeded();
  const db = getDb();
  runMigrations(db);
  const seeded = process.env.SEED_DEMO === "0" ? null : await seedDemo(db);
  // The curriculum's figures (content/media) are served from the media store: put them there on a
  // first start (and whenever one is missing), whether or not the demo is seeded (ADR 0026).
  const figures = importContentMedia();
  if (figures.imported.length) console.info(`Content images: ${figures.imported.length} stored in the media store.`);
  for (const file of figures.skipped) console.warn(`Content images: ${file} skipped (not an image of the media store: run npm run content:import to see why)`);
  const banner = [`Database: ${databasePath()}`];
  if (seeded) {
    banner.push(seeded.created ? "Demo organisation created." : "Demo organisation already present.");
    // The generated password is printed this once; it stays in a file only the server's user can read.
    if (seeded.generatedPassword) banner.push(`Demo password (shown once, also kept in ${seeded.passwordFile}, mode 0600): ${seeded.generatedPassword}`);
    else if (seeded.passwordFile) banner.push(`Demo password: in ${seeded.passwordFile} (readable by this user only).`);
    else if (process.env.DEMO_PASSWORD) banner.push("Demo password: the one set in DEMO_PASSWORD.");
    banner.push("Demo logins:");
    for (const login of DEMO_LOGINS) banner.push(`  ${login.email.padEnd(28)} ${login.description}`);
  }
  return { banner };
}

/** Compiles the content library, then listens. Resolves with the server and the port it got. */
export async function serve(): Promise<{ server: http.Server; port: number; url: string; note: string | null }> {
  const { publicOrigin, trustProxy } = settleOrigin();
  // Compile the whole content library before the first request rather than during it.
  const library = await loadContentLibrary();
  if (library.problems.length) console.warn(`Content: ${library.problems.length} problem(s); affected modules are shown as unavailable.`);
  // What another process changes (a publication, a setting, a revoked token) reaches this one's caches.
  startCacheSync();
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const port = Number(process.env.PORT ?? 3000);
  const server = createAppServer({
    build,
    publicDir: path.join(root, "public"),
    mode: "production",
    trustProxy,
    appUrl: publicOrigin.appUrl,
    aliases: publicOrigin.aliases,
    ...(process.env.MAX_BODY_BYTES ? { maxBodyBytes: Number(process.env.MAX_BODY_BYTES) } : {}),
  });
  // Node's default accept queue holds 511 connections: when thousands press "Start" at the same moment,
  // the rest were dropped and retried seconds later, or reset. The kernel caps this at net.core.somaxconn.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host: publicOrigin.host, backlog: 4096 }, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return { server, port: actualPort, url: publicOrigin.appUrl.replace(`:${port}`, `:${actualPort}`), note: publicOrigin.note };
}

/**
 * Stops accepting connections and lets the requests under way finish (a keep-alive connection is
 * closed as soon as it is idle, and every answer from now on says `Connection: close`); after
 * `graceMs` the rest are cut. Then the process exits.
 */
export function drain(server: http.Server, graceMs = 10_000): void {
  server.prependListener("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader("Connection", "close");
  });
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 100).unref();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, graceMs).unref();
}

/** The jobs and background workers: in exactly one process (ADR 0025). */
export function startJobs(): { stop: () => void } {
  // The jobs read the content and the settings too: keep them as fresh as the workers'.
  startCacheSync();
  // Accreditation expiry notices and expiries: now, then every 10 minutes (the timer does not keep the process alive).
  const runJobs = () => runAccreditationJobs().catch((error: unknown) => console.error("[accreditation] jobs failed", error));
  void runJobs();
  const jobs = setInterval(runJobs, 10 * 60 * 1000);
  jobs.unref();
  // Webhook deliveries: every 2 s and as soon as an event is enqueued (the timer does not keep the process alive).
  const webhooks = startWebhookWorker({ intervalMs: 2_000 });
  // Mails: queued by requests, sent here after the reply, retried (the timer does not keep the process alive).
  const mail = startMailWorker({ intervalMs: 5_000 });
  // Teams' chat webhooks (ADR 0031): queued with the change, posted here, retried like webhooks.
  const teamChat = startTeamChatWorker({ intervalMs: 5_000 });
  // Housekeeping, now and every hour: expired sessions, stale sign-in counters, old sent mails.
  const housekeeping = async () => {
    try {
      const sessions = await deleteExpiredSessions();
      const throttles = deleteStaleThrottles();
      const mails = purgeOldMail(getSetting("retention.mailDays"));
      const notices = purgeReadNotifications();
      const summaries = purgeOldWeeklySummaries();
      if (sessions + throttles + mails + notices + summaries > 0) {
        console.info(
          `[housekeeping] removed ${sessions} expired session(s), ${throttles} sign-in counter(s), ${mails} old mail(s), ${notices} old read notice(s), ${summaries} old weekly summary record(s)`,
        );
      }
    } catch (error) {
      console.error("[housekeeping] failed", error);
    }
  };
  void housekeeping();
  // The managers' weekly summaries: a minute after start, then hourly; each manager gets one per week
  // (claimed in the database, ADR 0033).
  const weekly = () => runWeeklySummaries().catch((error: unknown) => console.error("[weekly summary] failed", error));
  const firstWeekly = setTimeout(() => void weekly(), 60 * 1000);
  firstWeekly.unref();
  const weeklyTimer = setInterval(() => void weekly(), 60 * 60 * 1000);
  weeklyTimer.unref();
  const hourly = setInterval(() => void housekeeping(), 60 * 60 * 1000);
  hourly.unref();
  // Retention (docs/privacy.md): a minute after start, then nightly; each run that removes something
  // writes a `retention.applied` audit row with its counts (the timers do not keep the process alive).
  const retention = () => {
    try {
      console.info(`[retention] ${describeRetention(applyRetention())}`);
    } catch (error) {
      console.error("[retention] failed", error);
    }
  };
  const firstRetention = setTimeout(retention, 60 * 1000);
  firstRetention.unref();
  const nightly = setInterval(retention, 24 * 60 * 60 * 1000);
  nightly.unref();
  return {
    stop: () => {
      clearInterval(jobs);
      clearInterval(hourly);
      clearTimeout(firstWeekly);
      clearInterval(weeklyTimer);
      clearTimeout(firstRetention);
      clearInterval(nightly);
      webhooks.stop();
      mail.stop();
      teamChat.stop();
    },
  };
}

// The wake-ups of the background workers, relayed between processes (app/utils/background.server.ts).
export { relayWakeUps, wakeUp } from "../utils/background.server";
