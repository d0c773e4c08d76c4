import path from "node:path";
import fs from "node:fs";
import { DATA_DIR } from "./config";
import { startAppServer } from "./server";
const manifest = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "pristine-quick.json"), "utf8"));
const prof = process.env.PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROF}`] : [];
const server = await startAppServer({ dbPath: path.join(DATA_DIR, "run-quick.db"), port: 39997, appDir: path.join(DATA_DIR, "..", "..", ".cache", "bench-app"), extraArgs: prof });
const which = process.env.WHICH ?? "module";
const p = which === "module" ? `/track/${manifest.coreModule}` : which === "team" ? `/teams/${manifest.manager.teamId}` : which === "home" ? "/home" : `/api/v1/authorizations?email=${encodeURIComponent(manifest.gateEmails[0])}&channel=linkedin`;
const s = which === "team" ? manifest.manager.session : manifest.pageLearners[0].session;
// warm
for (let i = 0; i < 30; i++) await (await fetch(server.url + p, { headers: { cookie: `ambassade_session=${s}`, authorization: `Bearer ${manifest.apiToken}` } })).text();
const times: number[] = [];
for (let i = 0; i < Number(process.env.N ?? 300); i++) {
  const t = performance.now();
  const res = await fetch(server.url + p, { headers: { cookie: `ambassade_session=${s}`, authorization: `Bearer ${manifest.apiToken}` } });
  await res.text();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(which, "median", times[times.length >> 1]!.toFixed(2), "p90", times[Math.floor(times.length * 0.9)]!.toFixed(2), "min", times[0]!.toFixed(2));
await server.stop();
