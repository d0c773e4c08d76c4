import fs from "node:fs";
import path from "node:path";
import { DATA_DIR, ROOT } from "./config";
import { runLoad } from "./load";
import { startAppServer } from "./server";
const mode = process.env.MODE ?? "quick";
const manifest = JSON.parse(fs.readFileSync(path.join(DATA_DIR, `pristine-${mode}.json`), "utf8"));
const server = await startAppServer({ dbPath: path.join(DATA_DIR, `run-${mode}.db`), port: 39996, appDir: path.join(ROOT, ".cache", "bench-app") });
let i = 0;
const cookies = manifest.pageLearners.map((l: { session: string }) => `ambassade_session=${l.session}`);
for (const which of (process.env.WHICH ?? "module,home,team,gate,healthz").split(",")) {
  const url = which === "module" ? `${server.url}/track/${manifest.coreModule}` : which === "home" ? `${server.url}/home` : which === "team" ? `${server.url}/teams/${manifest.manager.teamId}` : which === "gate" ? `${server.url}/api/v1/authorizations?email=${encodeURIComponent(manifest.gateEmails[0])}&channel=linkedin` : `${server.url}/healthz`;
  const cs = which === "team" ? [`ambassade_session=${manifest.manager.session}`] : cookies;
  for (let k = 0; k < 5; k++) await (await fetch(url, { headers: { cookie: cs[0], authorization: `Bearer ${manifest.apiToken}` } })).text();
  const r = await runLoad({ name: which, url, connections: Number(process.env.CONNS ?? 4), seconds: Number(process.env.SECS ?? 5), warmupSeconds: 1, pid: server.pid, headers: { authorization: `Bearer ${manifest.apiToken}` }, vary: () => ({ headers: { cookie: cs[i++ % cs.length] } }) });
  console.log(which.padEnd(8), "rps", r.rps, "p50", r.latencyMs.p50, "p99", r.latencyMs.p99, "cpu ms/req", r.serverCpuMsPerRequest, "cores", r.serverCpuCores, "non2xx", r.non2xx);
}
await server.stop();
