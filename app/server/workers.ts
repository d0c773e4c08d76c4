import os from "node:os";

/** A bad WORKERS value: printed as is, and `npm start` stops. */
export class WorkersError extends Error {}

/**
 * WORKERS: unset → one per core (os.availableParallelism()); else a whole number from 1 to 256.
 * The bench reads it the same way, so that it measures what `npm start` runs (ADR 0025).
 */
export function workerCount(value: string | undefined, cores = os.availableParallelism()): number {
  const text = (value ?? "").trim();
  if (text === "") return Math.max(1, cores);
  if (!/^\d{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 256) {
    throw new WorkersError(`WORKERS must be the number of server processes, from 1 to 256 (unset: one per core, here ${cores}), not "${value}".`);
  }
  return Number(text);
}
