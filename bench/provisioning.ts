/**
 * `npm run bench:provisioning` (BENCH_QUICK=1 for the small version): provisioning at company scale
 * against the production server (child process, fresh database with the demo organisation).
 *   1. SCIM: 1,000 users created through POST /scim/v2/Users (8 at a time), timed;
 *   2. 100 of them accredited (written directly), then deactivated one by one by PATCH active:false;
 *      after each PATCH the gate is asked at once: every answer must be "not allowed";
 *   3. CSV: a 50,000-line file previewed and applied through the admin page, each step timed.
 * Quick: 200 users, 20 deactivations, 5,000 lines. Writes bench/results/provisioning-{full,quick}.json.
 * Needs a build (`npm run build`); builds if there is none.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { DATA_DIR, RESULTS_DIR, ROOT } from "./config";
import { mb, procStatusBytes, startAppServer } from "./server";

const quick = process.env.BENCH_QUICK === "1";
const USERS = quick ? 200 : 1000;
const LEAVERS = quick ? 20 : 100;
const CSV_LINES = quick ? 5_000 : 50_000;
const CONCURRENCY = 8;
/** `scim` or `csv` to run one part only. */
const ONLY = process.env.BENCH_PROVISIONING_ONLY ?? "";
const log = (line: string) => console.info(line);
const seconds = (ms: number) => Math.round(ms / 10) / 100;

/** The demo organisation's password for this run (the seed generates one unless told). */
const DEMO_PASSWORD = "bench-demo-password-1";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function cli(dbPath: string, args: string[]): string {
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "app", "cli", "main.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: dbPath, SEED_DEMO: "0" },
    encoding: "utf8",
  });
  return out.trim().split("\n").at(-1)!.trim();
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, "build", "index.js"))) {
    log("Building the app (remix build)…");
    execFileSync(path.join(ROOT, "node_modules", ".bin", "remix"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  }
  const dir = path.join(DATA_DIR, `provisioning-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, "bench.db");
  const scimToken = cli(dbPath, ["token", "create", "--name", "bench IdP", "--scope", "scim"]);
  const apiToken = cli(dbPath, ["token", "create", "--name", "bench gate"]);
  const server = await startAppServer({ dbPath, port: await freePort(), appDir: ROOT, env: { SEED_DEMO: "1", DEMO_PASSWORD }, workers: 1 });
  const results: Record<string, unknown> = { quick, date: new Date().toISOString(), users: USERS, leavers: LEAVERS, csvLines: CSV_LINES };
  try {
    if (ONLY !== "csv") await scimScenarios();
    if (ONLY !== "scim") await csvScenario();
    const peak = procStatusBytes(server.pid, "VmHWM");
    results.serverPeakRssMb = peak ? mb(peak) : null;
  } catch (error) {
    console.error(`The server's last output:\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    await server.stop();
  }

  async function scimScenarios() {
    // 1. SCIM creations
    const scim = (method: string, pathname: string, body?: unknown) =>
      fetch(`${server.url}/scim/v2${pathname}`, {
        method,
        headers: { Authorization: `Bearer ${scimToken}`, ...(body ? { "Content-Type": "application/scim+json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    const ids: string[] = [];
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < USERS; i = next++) {
          const email = `scim.user.${i}@bench.test`;
          const start = performance.now();
          const response = await scim("POST", "/Users", {
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
            userName: email,
            externalId: `ext-${i}`,
            name: { givenName: `User${i}`, familyName: "Bench" },
            emails: [{ value: email, primary: true, type: "work" }],
            active: true,
          });
          latencies.push(performance.now() - start);
          if (response.status !== 201) failures++;
          else ids[i] = ((await response.json()) as { id: string }).id;
        }
      }),
    );
    const createMs = performance.now() - t0;
    results.scimCreate = {
      seconds: seconds(createMs),
      perSecond: Math.round(USERS / (createMs / 1000)),
      p50Ms: Math.round(percentile(latencies, 50)),
      p95Ms: Math.round(percentile(latencies, 95)),
      failures,
    };
    log(`SCIM: ${USERS} users created in ${seconds(createMs)} s (${failures} failures, p95 ${Math.round(percentile(latencies, 95))} ms) — target under 60 s`);

    // 2. Leavers: accredit LEAVERS people (direct writes), check the gate allows them, then deactivate each.
    const db = new Database(dbPath);
    db.pragma("busy_timeout = 5000");
    const charter = (db.prepare("select version from charter_publications order by id desc limit 1").get() as { version: string } | undefined)?.version;
    const leavers = ids.slice(0, LEAVERS);
    const now = Date.now();
    db.transaction(() => {
      for (const userId of leavers) {
        db.prepare(
          `insert into accreditations (id, user_id, status, version, requested_channels, statement, requested_at, channels, granted_at, valid_until, updated_at, charter_version)
           values (?, ?, 'granted', 1, '["linkedin"]', 'bench', ?, '["linkedin"]', ?, ?, ?, ?)`,
        ).run(`bench-acc-${userId}`, userId, now, now, now + 180 * 86_400_000, now, charter ?? null);
        if (charter)
          db.prepare("insert into charter_signatures (id, user_id, version, locale, text_hash, signed_name) values (?, ?, ?, 'fr', ?, 'bench')").run(
            `bench-sig-${userId}`,
            userId,
            charter,
            "0".repeat(64),
          );
      }
    })();
    db.close();
    const gate = async (email: string) => {
      const response = await fetch(`${server.url}/api/v1/authorizations?email=${encodeURIComponent(email)}&channel=linkedin`, {
        headers: { Authorization: `Bearer ${apiToken}` },
      });
      return ((await response.json()) as { allowed: boolean }).allowed;
    };
    const emailOf = (userId: string) => `scim.user.${ids.indexOf(userId)}@bench.test`;
    let allowedBefore = 0;
    for (const userId of leavers) if (await gate(emailOf(userId))) allowedBefore++;
    const leaverMs: number[] = [];
    let notAllowedAfter = 0;
    const t1 = performance.now();
    for (const userId of leavers) {
      const start = performance.now();
      const response = await scim("PATCH", `/Users/${userId}`, {
        schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        Operations: [{ op: "replace", path: "active", value: false }],
      });
      if (response.status !== 200) throw new Error(`PATCH answered ${response.status}: ${await response.text()}`);
      if (!(await gate(emailOf(userId)))) notAllowedAfter++;
      leaverMs.push(performance.now() - start);
    }
    results.leavers = {
      count: LEAVERS,
      allowedBefore,
      notAllowedAfter,
      totalSeconds: seconds(performance.now() - t1),
      patchThenGateP50Ms: Math.round(percentile(leaverMs, 50)),
      patchThenGateMaxMs: Math.round(Math.max(...leaverMs)),
    };
    log(
      `Leavers: ${allowedBefore}/${LEAVERS} allowed before; after each PATCH active:false the gate said not allowed for ${notAllowedAfter}/${LEAVERS}; PATCH + gate p50 ${Math.round(percentile(leaverMs, 50))} ms, max ${Math.round(Math.max(...leaverMs))} ms`,
    );
  }

  async function csvScenario() {
    // 3. CSV import through the admin page.
    const lines = ["email,name,team,roles,manager,language"];
    for (let i = 0; i < CSV_LINES; i++) lines.push(`csv.person.${i}@bench.test,"Person ${i}, Bench",Team ${i % 200},employee,,${i % 2 ? "fr" : "en"}`);
    const csv = lines.join("\n") + "\n";
    const login = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "admin@ambassade.test", password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const form = new FormData();
    form.append("file", new Blob([csv], { type: "text/csv" }), "bench.csv");
    const t2 = performance.now();
    const previewResponse = await fetch(`${server.url}/admin/people-csv?_data=routes%2Fadmin.people-csv`, {
      method: "POST",
      headers: { Origin: server.url, Cookie: cookie },
      body: form,
    });
    const previewMs = performance.now() - t2;
    const preview = (await previewResponse.json()) as { preview?: { fileId: string; counts: Record<string, number> } };
    if (!preview.preview) throw new Error(`preview answered ${previewResponse.status}: ${JSON.stringify(preview).slice(0, 500)}`);
    const rssAfterPreview = procStatusBytes(server.pid, "VmRSS");
    const t3 = performance.now();
    const applyResponse = await fetch(`${server.url}/admin/people-csv?_data=routes%2Fadmin.people-csv`, {
      method: "POST",
      headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "apply", fileId: preview.preview.fileId, fileName: "bench.csv" }),
      redirect: "manual",
    });
    const applyMs = performance.now() - t3;
    const check = new Database(dbPath, { readonly: true });
    const imported = (check.prepare("select count(*) as n from users where email like 'csv.person.%'").get() as { n: number }).n;
    check.close();
    results.csv = {
      bytes: Buffer.byteLength(csv),
      previewSeconds: seconds(previewMs),
      applySeconds: seconds(applyMs),
      applyStatus: applyResponse.status,
      counts: preview.preview.counts,
      imported,
      serverRssAfterPreviewMb: rssAfterPreview ? mb(rssAfterPreview) : null,
    };
    log(
      `CSV: ${CSV_LINES} lines (${mb(Buffer.byteLength(csv))} MB) previewed in ${seconds(previewMs)} s, applied in ${seconds(applyMs)} s (status ${applyResponse.status}); ${imported} people now in the database`,
    );
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `provisioning-${quick ? "quick" : "full"}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
  fs.rmSync(dir, { recursive: true, force: true });
  log(`Written ${path.relative(ROOT, file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
