/**
 * The background workers' common loop (mail, webhooks, teams' chat webhooks): passes that never overlap,
 * one every interval (retries) and one as soon as something is queued. In a process that serves but runs no
 * jobs, a wake-up becomes a message to the process that does (ADR 0025).
 *
 * The registry of wake-ups is on `globalThis`: the Remix bundle (which queues) and the server entry (which
 * starts the workers) each hold their own copy of this module.
 */
export const BACKGROUND_JOBS = ["mail", "webhooks", "teamChat"] as const;
export type BackgroundJob = (typeof BACKGROUND_JOBS)[number];

type Registry = Partial<Record<BackgroundJob, () => void>>;
const holder = globalThis as unknown as { __ambassadeWakes?: Registry };
const registry: Registry = (holder.__ambassadeWakes ??= {});

export function isBackgroundJob(value: unknown): value is BackgroundJob {
  return typeof value === "string" && (BACKGROUND_JOBS as readonly string[]).includes(value);
}

/** Asks for a pass of `job` once the current transaction is over; `otherwise` runs when no worker is known here. */
export function wakeBackgroundWorker(job: BackgroundJob, otherwise?: () => void): void {
  setImmediate(() => (registry[job] ?? otherwise)?.());
}

/** For a process that serves but runs no jobs: every wake-up is sent to the job process. */
export function relayWakeUps(send: (job: BackgroundJob) => void): void {
  for (const job of BACKGROUND_JOBS) registry[job] = () => send(job);
}

/** In the job process: a wake-up sent by another process. */
export function wakeUp(job: BackgroundJob): void {
  registry[job]?.();
}

/**
 * Starts a worker: `pass` every `intervalMs` (the timer does not keep the process alive) and whenever the
 * job is woken up. Passes never overlap; a wake-up during a pass runs another one after it. A failed pass is
 * logged (by `onError`, or as "[job] delivery pass failed") and the next one runs as usual.
 */
export function startBackgroundWorker(
  job: BackgroundJob,
  pass: () => Promise<unknown>,
  options: { intervalMs: number; runNow?: boolean; onError?: (error: unknown) => void },
): { tick: () => Promise<void>; stop: () => void } {
  const onError = options.onError ?? ((error: unknown) => console.error(`[${job}] delivery pass failed`, error));
  let running: Promise<void> | null = null;
  let again = false;
  const tick = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (error) {
          onError(error);
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  const wake = () => void tick();
  registry[job] = wake;
  if (options.runNow) wake();
  return {
    tick,
    stop: () => {
      clearInterval(timer);
      if (registry[job] === wake) delete registry[job];
    },
  };
}

export type DeliveryStatus = "succeeded" | "pending" | "failed";
export type DeliveryTotals = { attempted: number; succeeded: number; retrying: number; failed: number };

/** Delivers claimed items in parallel and counts what became of them. */
export async function deliverAll<T>(claimed: readonly T[], deliver: (item: T) => Promise<DeliveryStatus>): Promise<DeliveryTotals> {
  const totals: DeliveryTotals = { attempted: claimed.length, succeeded: 0, retrying: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (item) => {
      const status = await deliver(item);
      if (status === "succeeded") totals.succeeded += 1;
      else if (status === "failed") totals.failed += 1;
      else totals.retrying += 1;
    }),
  );
  return totals;
}
