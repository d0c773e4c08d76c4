/**
 * The app under test: the production server as a child process (its pid is the server's own, so
 * /proc/<pid>/status is its memory), and a sampler of that memory.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./config";

export type AppServer = {
  url: string;
  pid: number;
  child: ChildProcess;
  /** The last lines the server printed (for error reports). */
  output: () => string;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
};

export type ServerOptions = {
  dbPath: string;
  port: number;
  /** A folder holding a copy of build/ and public/ (the server reads them from its working directory). */
  appDir: string;
  extraArgs?: string[];
  env?: Record<string, string>;
  /** WORKERS for the server (ADR 0025); unset, what `npm start` would run here (one per core). */
  workers?: number;
};

/**
 * The Node flags `npm start` runs the server with (e.g. its heap limit), read from package.json so
 * that the bench measures exactly what production runs.
 */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  if (words[0] !== "node" || !words.includes("--import")) throw new Error(`Unexpected start script: ${pkg.scripts.start}`);
  return words.slice(1, words.indexOf("--import"));
}

export async function startAppServer(options: ServerOptions): Promise<AppServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const args = [...productionNodeFlags(), ...(options.extraArgs ?? []), "--import", "tsx", path.join(ROOT, "app", "server", "main.ts")];
  const child = spawn(process.execPath, args, {
    cwd: options.appDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      SKIP_BUILD: "1",
      SEED_DEMO: "0",
      DATABASE_PATH: options.dbPath,
      OUTBOX_DIR: path.join(path.dirname(options.dbPath), "outbox"),
      PORT: String(options.port),
      HOST: "127.0.0.1",
      APP_URL: url,
      APP_SECRET: "bench-secret",
      CONTENT_DIR: path.join(ROOT, "content"),
      TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"),
      // For what-if runs only (e.g. --max-old-space-size=192); unset, the server runs as `npm start` does.
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
      INSECURE_COOKIES: "1",
      ...(options.workers ? { WORKERS: String(options.workers) } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server did not answer /healthz within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Reads one field of /proc/<pid>/status in bytes (VmRSS, VmHWM), or null once the process is gone. */
export function procStatusBytes(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** The fields of /proc/<pid>/stat after the command name, or null once the process is gone. */
function statFields(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  } catch {
    return null;
  }
}

/**
 * The server and every process under it (the cluster's workers, ADR 0025; Litestream), found by
 * parent pid in /proc.
 */
export function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    // ppid is field 4 of stat(5), the second after the command name.
    if (fields) parentOf.set(Number(entry), Number(fields[1]));
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** CPU time (user + system) the server's processes have used so far, in ms; null once it is gone. */
export function cpuTimeMs(pid: number): number | null {
  let total: number | null = null;
  for (const each of processTree(pid)) {
    const fields = statFields(each);
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    if (fields) total = (total ?? 0) + ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  }
  return total;
}

/** One /proc status field over the server's processes: their sum, and the largest one. */
export function treeStatusBytes(pid: number, field: "VmRSS" | "VmHWM"): { sum: number; max: number } | null {
  let sum = 0;
  let max = 0;
  let found = false;
  for (const each of processTree(pid)) {
    const bytes = procStatusBytes(each, field);
    if (bytes === null) continue;
    found = true;
    sum += bytes;
    max = Math.max(max, bytes);
  }
  return found ? { sum, max } : null;
}

/**
 * Samples the server's resident memory every 100 ms (all its processes together); `stop()` returns the
 * peak seen, in MB. `perProcess()` is the largest single process seen (memory per worker).
 */
export function sampleMemory(pid: number): { stop: () => number; perProcess: () => number } {
  let peak = 0;
  let perProcess = 0;
  const sample = () => {
    const rss = treeStatusBytes(pid, "VmRSS");
    if (rss && rss.sum > peak) peak = rss.sum;
    if (rss && rss.max > perProcess) perProcess = rss.max;
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return mb(peak);
    },
    perProcess: () => mb(perProcess),
  };
}

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
