/**
 * `npm start`: builds if needed, migrates, seeds the demo organisation (unless SEED_DEMO=0),
 * then serves the app and prints where and how to sign in.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { databasePath, getDb } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { DEMO_LOGINS, seedDemo } from "../../db/seed";
import { loadContentLibrary } from "../content/library.server";
import { runAccreditationJobs } from "../models/accreditation-jobs.server";
import { importContentMedia } from "../models/content-sync.server";
import { startWebhookWorker } from "../models/webhook.server";
import { deleteExpiredSessions } from "../auth/session.server";
import { purgeOldMail, startMailWorker } from "../mail/outbox.server";
import { purgeReadNotifications } from "../models/notifications.server";
import { deleteStaleThrottles } from "../models/throttle.server";
import { createAppServer, parseTrustProxy } from "./http";
import { resolvePublicOrigin, StartupError } from "./public-origin";

process.env.NODE_ENV ??= "production";
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

async function main() {
  // Settled before anything else, so that every module (mails, credentials, webhooks) reads the same APP_URL.
  const publicOrigin = resolvePublicOrigin(process.env);
  process.env.APP_URL = publicOrigin.appUrl;
  const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  if (process.env.SKIP_BUILD !== "1") buildIfNeeded();
  const db = getDb();
  runMigrations(db);
  const seeded = process.env.SEED_DEMO === "0" ? null : await seedDemo(db);
  // The curriculum's figures (content/media) are served from the media store: put them there on a
  // first start (and whenever one is missing), whether or not the demo is seeded (ADR 0026).
  const figures = importContentMedia();
  if (figures.imported.length) console.info(`Content images: ${figures.imported.length} stored in the media store.`);
  for (const file of figures.skipped) console.warn(`Content images: ${file} skipped (not an image of the media store: run npm run content:import to see why)`);
  // Compile the whole content library before the first request rather than during it.
  const library = await loadContentLibrary();
  if (library.problems.length) console.warn(`Content: ${library.problems.length} problem(s); affected modules are shown as unavailable.`);

  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const port = Number(process.env.PORT ?? 3000);
  const host = publicOrigin.host;
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
  server.listen({ port, host, backlog: 4096 }, () => {
    const address = server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    const url = publicOrigin.appUrl.replace(`:${port}`, `:${actualPort}`);
    const lines = [`Ambassade is running at ${url}`, `Database: ${databasePath()}`];
    if (publicOrigin.note) lines.push(publicOrigin.note);
    if (seeded) {
      lines.push(seeded.created ? "Demo organisation created." : "Demo organisation already present.");
      // The generated password is printed this once; it stays in a file only the server's user can read.
      if (seeded.generatedPassword) lines.push(`Demo password (shown once, also kept in ${seeded.passwordFile}, mode 0600): ${seeded.generatedPassword}`);
      else if (seeded.passwordFile) lines.push(`Demo password: in ${seeded.passwordFile} (readable by this user only).`);
      else if (process.env.DEMO_PASSWORD) lines.push("Demo password: the one set in DEMO_PASSWORD.");
      lines.push("Demo logins:");
      for (const login of DEMO_LOGINS) lines.push(`  ${login.email.padEnd(28)} ${login.description}`);
    }
    console.info(lines.join("\n"));
  });
  // Accreditation expiry notices and expiries: now, then every 10 minutes (the timer does not keep the process alive).
  const runJobs = () => runAccreditationJobs().catch((error: unknown) => console.error("[accreditation] jobs failed", error));
  void runJobs();
  setInterval(runJobs, 10 * 60 * 1000).unref();
  // Webhook deliveries: every 2 s and as soon as an event is enqueued (the timer does not keep the process alive).
  startWebhookWorker({ intervalMs: 2_000 });
  // Mails: queued by requests, sent here after the reply, retried (the timer does not keep the process alive).
  startMailWorker({ intervalMs: 5_000 });
  // Housekeeping, now and every hour: expired sessions, stale sign-in counters, old sent mails.
  const housekeeping = async () => {
    try {
      const sessions = await deleteExpiredSessions();
      const throttles = deleteStaleThrottles();
      const mails = purgeOldMail();
      const notices = purgeReadNotifications();
      if (sessions + throttles + mails + notices > 0) console.info(`[housekeeping] removed ${sessions} expired session(s), ${throttles} sign-in counter(s), ${mails} old mail(s), ${notices} old read notice(s)`);
    } catch (error) {
      console.error("[housekeeping] failed", error);
    }
  };
  void housekeeping();
  setInterval(() => void housekeeping(), 60 * 60 * 1000).unref();

  const stop = () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  if (error instanceof StartupError || (error instanceof Error && error.message.startsWith("TRUST_PROXY"))) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
