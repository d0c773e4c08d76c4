/**
 * The two sizes of the benchmark. Full: a company of 53,000 employees and an exam storm of 3,000
 * learners. Quick (BENCH_QUICK=1): the same scenarios, smaller, in under two minutes on 2 cores.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, "..");
export const DATA_DIR = path.join(BENCH_DIR, ".data");
export const RESULTS_DIR = path.join(BENCH_DIR, "results");

export type BenchConfig = {
  quick: boolean;
  /** Employees seeded (besides the bench manager and admin). */
  employees: number;
  teams: number;
  /** The manager scenario's team: exactly this many members. */
  bigTeam: number;
  accreditations: number;
  /** Learners with a failed past attempt, besides the accredited ones. */
  failedAttempts: number;
  /** Learners whose sessions the page scenarios rotate through. */
  pageLearners: number;
  stormLearners: number;
  /** Learners kept apart for the crash-safety storm. */
  crashLearners: number;
  /** Seconds each autocannon scenario runs (after a warm-up of `warmup` seconds). */
  duration: number;
  warmup: number;
  /** Think time between two answers in the storm, in ms. */
  thinkMin: number;
  thinkMax: number;
  /** The storm stops sending once this long has passed (a bounded run); learners cut short are reported. */
  stormLimitMs: number;
  /** Run the crash-safety phase. */
  crash: boolean;
  /** The crash phase's SIGKILL comes once this many answers were acknowledged, or at killAfterMs. */
  killAfterAnswers: number;
  killAfterMs: number;
};

export function benchConfig(quick: boolean): BenchConfig {
  if (quick) {
    return {
      quick,
      employees: 2_000,
      teams: 40,
      bigTeam: 1_000,
      accreditations: 500,
      failedAttempts: 150,
      pageLearners: 200,
      stormLearners: 300,
      crashLearners: 100,
      duration: 3,
      warmup: 1,
      // A third of the full think time (1–5 s), so that the storm fits the two-minute budget: each
      // learner sends three times as many answers per second as in the full run.
      thinkMin: 300,
      thinkMax: 1_700,
      stormLimitMs: 60_000,
      crash: process.env.BENCH_CRASH !== "0",
      killAfterAnswers: 300,
      killAfterMs: 15_000,
    };
  }
  return {
    quick,
    employees: 53_000,
    teams: 400,
    bigTeam: 1_000,
    accreditations: 5_000,
    failedAttempts: 2_000,
    pageLearners: 1_000,
    stormLearners: 3_000,
    crashLearners: 1_000,
    duration: 20,
    warmup: 3,
    thinkMin: 1_000,
    thinkMax: 5_000,
    stormLimitMs: 300_000,
    crash: process.env.BENCH_CRASH !== "0",
    killAfterAnswers: 5_000,
    killAfterMs: 90_000,
  };
}

/** Bump when the seed changes what it writes: the cached database is then rebuilt. */
export const SEED_VERSION = 1;
