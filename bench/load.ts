/**
 * Fixed-concurrency load with autocannon, run programmatically. Autocannon's own summary has no p95,
 * so every response time is also kept here and the percentiles are computed exactly.
 */
import autocannon from "autocannon";
import { cpuTimeMs, sampleMemory } from "./server";

export type Latency = { p50: number; p95: number; p99: number; mean: number; max: number };

export type LoadResult = {
  name: string;
  method: string;
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  latencyMs: Latency;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The server's resident memory at its highest during the scenario (null for the baseline). */
  peakMemoryMB: number | null;
  /** The largest single server process seen (memory per worker, ADR 0025). */
  peakProcessMemoryMB: number | null;
  /**
   * CPU time the server spent per response (user + system): what a request costs whatever else runs on
   * the machine; 1000 / this is what one core could serve.
   */
  serverCpuMsPerRequest: number | null;
  /** The server's CPU use during the scenario, in cores (1 = one core busy all the time). */
  serverCpuCores: number | null;
};

export function percentiles(values: number[]): Latency {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, mean: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(values.reduce((a, b) => a + b, 0) / values.length),
    max: round(sorted[sorted.length - 1]!),
  };
}

export type LoadSpec = {
  name: string;
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Per request: extra headers (e.g. another learner's cookie), another path or body. */
  vary?: () => { headers?: Record<string, string>; path?: string; body?: string };
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** The server's pid, to sample its memory; omitted for the baseline. */
  pid?: number;
  /** Path shown in the report (e.g. with placeholders). */
  label?: string;
};

function fire(spec: LoadSpec, seconds: number, onResponse?: (status: number, ms: number) => void): Promise<autocannon.Result> {
  const base = new URL(spec.url);
  return new Promise((resolve, reject) => {
    const options: autocannon.Options = {
      url: base.origin,
      connections: spec.connections,
      duration: seconds,
      method: spec.method ?? "GET",
      headers: spec.headers,
      body: spec.body,
      timeout: 10,
      requests: [
        {
          method: spec.method ?? "GET",
          path: base.pathname + base.search,
          ...(spec.vary
            ? {
                setupRequest: (request: autocannon.Request) => {
                  const v = spec.vary!();
                  return { ...request, path: v.path ?? request.path, body: v.body ?? request.body, headers: { ...request.headers, ...v.headers } };
                },
              }
            : {}),
        },
      ],
    };
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on("response", (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

/** A short unmeasured warm-up, then the measured run. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.warmupSeconds > 0) await fire(spec, spec.warmupSeconds);
  const times: number[] = [];
  let non2xx = 0;
  const memory = spec.pid ? sampleMemory(spec.pid) : null;
  const cpuBefore = spec.pid ? cpuTimeMs(spec.pid) : null;
  const started = performance.now();
  const result = await fire(spec, spec.seconds, (status, ms) => {
    times.push(ms);
    if (status < 200 || status > 299) non2xx++;
  });
  const peak = memory ? memory.stop() : null;
  const peakProcess = memory ? memory.perProcess() : null;
  const cpuAfter = spec.pid ? cpuTimeMs(spec.pid) : null;
  const cpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
  const wall = performance.now() - started;
  return {
    name: spec.name,
    method: spec.method ?? "GET",
    path: spec.label ?? new URL(spec.url).pathname,
    connections: spec.connections,
    seconds: spec.seconds,
    requests: times.length,
    rps: Math.round(times.length / spec.seconds),
    latencyMs: percentiles(times),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: Math.max(non2xx, result.non2xx),
    peakMemoryMB: peak,
    peakProcessMemoryMB: peakProcess,
    serverCpuMsPerRequest: cpu === null || times.length === 0 ? null : Math.round((cpu / times.length) * 1000) / 1000,
    serverCpuCores: cpu === null ? null : Math.round((cpu / wall) * 100) / 100,
  };
}
