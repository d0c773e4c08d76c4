/**
 * `npm run bench:profile -- <scenario> [seconds]`: one scenario against the quick seed, with the server
 * under `node --cpu-prof`, then where its CPU went (self time by package or file, and by function).
 * For finding what to make faster; the figures that count are `npm run bench`'s. Scenarios: module,
 * home, team, gate, batch, and storm (the quick exam storm: its 300 learners start at once, answer and
 * submit; `seconds` is ignored). Build first (`npm run build`); the seed is the quick bench's. BENCH_PROFILE=0
 * runs without the profiler.
 */
import fs from "node:fs";
import path from "node:path";
import { benchConfig, DATA_DIR, ROOT } from "./config";
import { runLoad, type LoadSpec } from "./load";
import { copyPristine, ensureSeed } from "./seed";
import { startAppServer } from "./server";
import { runStorm } from "./storm";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const scenario = process.argv[2] ?? "module";
const seconds = Number(process.argv[3] ?? 5);

function summarise(file: string): string {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)!;
    const t = profile.timeDeltas[i] ?? 0;
    total += t;
    const url = node.callFrame.url.replace(/^file:\/\//, "").replace(ROOT + "/", "");
    const parts = url.split("/");
    const nm = parts.lastIndexOf("node_modules");
    const place =
      nm >= 0 ? parts.slice(nm + 1, nm + (parts[nm + 1]?.startsWith("@") ? 3 : 2)).join("/") : url || `(${node.callFrame.functionName || "native"})`;
    byPlace.set(place, (byPlace.get(place) ?? 0) + t);
    const fn = `${node.callFrame.functionName || "(anonymous)"}  ${url}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, t]) => `${((t / total) * 100).toFixed(1).padStart(6)}%  ${name}`)
      .join("\n");
  return `Self time by package or file:\n${top(byPlace, 20)}\n\nBy function:\n${top(byFunction, 30)}`;
}

const config = benchConfig(true);
const { file: pristine, manifest } = await ensureSeed(config, console.info);
const db = path.join(DATA_DIR, "profile.db");
copyPristine(pristine, db);
const profileDir = fs.mkdtempSync(path.join(DATA_DIR, "profile-"));
// BENCH_PROFILE=0: the same run without the profiler, whose own cost inflates the CPU per request.
const profiling = process.env.BENCH_PROFILE !== "0";
const extraArgs = profiling ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
const server = await startAppServer({ dbPath: db, port: 20_000 + Math.floor(Math.random() * 10_000), appDir: ROOT, extraArgs, workers: 1 });
try {
  let i = 0;
  const learner = () => ({ headers: { cookie: `ambassade_session=${manifest.pageLearners[i++ % manifest.pageLearners.length]!.session}` } });
  const email = () => manifest.gateEmails[i++ % manifest.gateEmails.length]!;
  const specs: Record<string, Omit<LoadSpec, "seconds" | "warmupSeconds" | "name">> = {
    module: { url: `${server.url}/track/${manifest.coreModule}`, connections: 16, vary: learner },
    home: { url: `${server.url}/home`, connections: 16, vary: learner },
    team: { url: `${server.url}/teams/${manifest.manager.teamId}`, connections: 8, headers: { cookie: `ambassade_session=${manifest.manager.session}` } },
    gate: {
      url: `${server.url}/api/v1/authorizations`,
      connections: 32,
      headers: { authorization: `Bearer ${manifest.apiToken}` },
      vary: () => ({ path: `/api/v1/authorizations?email=${encodeURIComponent(email())}&channel=linkedin` }),
    },
    batch: {
      url: `${server.url}/api/v1/authorizations`,
      method: "POST",
      connections: 32,
      headers: { authorization: `Bearer ${manifest.apiToken}`, "content-type": "application/json" },
      vary: () => ({ body: JSON.stringify({ checks: Array.from({ length: 50 }, () => ({ email: email(), channel: "x" })) }) }),
    },
  };
  if (scenario === "storm") {
    const storm = await runStorm({
      base: server.url,
      learners: manifest.stormLearners,
      thinkMs: [config.thinkMin, config.thinkMax],
      limitMs: config.stormLimitMs,
      pid: server.pid,
      log: console.info,
    });
    const line = (name: string, p: { count: number; ok: number; latencyMs: { p50: number; p95: number } }) =>
      `  ${name}: ${p.ok}/${p.count} ok, p50 ${p.latencyMs.p50} ms, p95 ${p.latencyMs.p95} ms`;
    console.info(
      `storm: ${storm.learners} learners, ${storm.requests} requests in ${storm.seconds} s, ${storm.serverCpuMsPerRequest} ms CPU/req\n${line("start", storm.start)}\n${line("answer POST", storm.answer)}\n${line("submit", storm.submit)}`,
    );
  } else {
    const spec = specs[scenario];
    if (!spec) throw new Error(`Unknown scenario "${scenario}": one of ${[...Object.keys(specs), "storm"].join(", ")}`);
    const result = await runLoad({ ...spec, name: scenario, seconds, warmupSeconds: 1, pid: server.pid });
    console.info(
      `${scenario}: ${result.rps} req/s, p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}, ${result.serverCpuMsPerRequest} ms CPU/req, peak ${result.peakMemoryMB} MB`,
    );
  }
} finally {
  await server.stop();
}
// The main thread's profile is the largest (a loader thread may write a small one too).
const written = fs
  .readdirSync(profileDir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .sort((a, b) => fs.statSync(path.join(profileDir, b)).size - fs.statSync(path.join(profileDir, a)).size);
if (written[0]) {
  console.info(`\n${summarise(path.join(profileDir, written[0]))}\n\nProfile: ${path.join(profileDir, written[0])}`);
}
