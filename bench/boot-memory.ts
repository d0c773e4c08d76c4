/**
 * Resident memory of each server process right after boot, before any page is served (issue 19): starts
 * the server as `npm start` runs it (bench/server.ts) on a copy of the quick seed, waits for /healthz and a
 * few quiet seconds, then prints VmRSS and VmHWM of the primary (the jobs) and of each worker.
 * Run `npm run build` first: `npx tsx bench/boot-memory.ts [port]`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DATA_DIR, ROOT } from "./config";
import { procStatusBytes, processTree, startAppServer } from "./server";

const port = Number(process.argv[2] ?? 4720);
const pristine = process.env.BOOT_DB ?? path.join(DATA_DIR, "pristine-quick.db");
if (!fs.existsSync(pristine)) throw new Error(`${pristine} is missing: run BENCH_QUICK=1 npm run bench once to seed it`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "boot-memory-"));
const dbPath = path.join(dir, "boot.db");
fs.copyFileSync(pristine, dbPath);

const mb = (bytes: number | null) => (bytes === null ? "?" : String(Math.round(bytes / 1024 / 1024)));
const server = await startAppServer({ dbPath, port, appDir: ROOT, workers: Number(process.env.WORKERS ?? 2) });
try {
  await new Promise((r) => setTimeout(r, Number(process.env.BOOT_WAIT_MS ?? 20_000)));
  for (const pid of processTree(server.pid)) {
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
    const role = pid === server.pid ? "primary (jobs)" : command.includes("main.ts") ? "worker" : path.basename(command.split(" ")[0]!);
    console.info(`${role.padEnd(15)} pid ${pid}: VmRSS ${mb(procStatusBytes(pid, "VmRSS"))} MB, VmHWM ${mb(procStatusBytes(pid, "VmHWM"))} MB`);
  }
} finally {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
