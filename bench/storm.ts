/**
 * The exam storm: N signed-in learners press "Start" at the same instant, then each answers its items
 * with a think time between answers, and submits. Every request is the one a hydrated browser sends
 * (the Start button's document POST; then Remix's `?_data=` form posts with the page's Origin and the
 * learner's cookies, and the loaders' revalidation), through one undici pool large enough for a
 * connection per learner.
 *
 * Measured separately: the start (click → first question on screen: one document POST to
 * `/exam/<id>` whose answer is the attempt's first page, ADR 0032), each answer's POST, the answer
 * until "saved" shows (POST + revalidation), and the submission. Afterwards the database says what was stored.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { Agent, request } from "undici";
import { percentiles, type Latency } from "./load";
import type { SeededPerson } from "./seed";
import { cpuTimeMs, sampleMemory } from "./server";

const ROOT_DATA = "root";
const ATTEMPT_ROUTE = "routes/exam.$attemptId";

type Item = { id: string; type: string; options: { id: string }[] };

export type Ack = { learner: string; attemptId: string; itemId: string; options: string[] };

export type PhaseStats = {
  count: number;
  ok: number;
  errors: number;
  non2xx: number;
  latencyMs: Latency;
  statuses: Record<string, number>;
  sampleErrors: string[];
};

export type StormResult = {
  learners: number;
  itemsPerAttempt: number | null;
  thinkMs: [number, number];
  seconds: number;
  start: PhaseStats;
  /** The start POST alone (without loading the first question). */
  startPost: PhaseStats;
  answer: PhaseStats;
  /** Answer POST followed by Remix's revalidation of the page's loaders: until "saved" shows. */
  answerSaved: PhaseStats;
  submit: PhaseStats;
  peakMemoryMB: number;
  /** All requests of the storm, and the server's CPU time per request (see LoadResult). */
  requests: number;
  serverCpuMsPerRequest: number | null;
  serverCpuCores: number | null;
  revalidateAnswers: boolean;
  /** Learners stopped by the time limit before they had answered everything and submitted. */
  cutShort: number;
  timeLimitMs: number;
  /** Acknowledged (2xx) starts and answers, for the crash check. */
  acks: { starts: Map<string, string>; answers: Ack[] };
  killed: boolean;
};

class Phase {
  times: number[] = [];
  ok = 0;
  errors = 0;
  non2xx = 0;
  statuses: Record<string, number> = {};
  sampleErrors: string[] = [];
  record(ms: number, status: number | string) {
    this.times.push(ms);
    this.statuses[String(status)] = (this.statuses[String(status)] ?? 0) + 1;
    if (typeof status === "string") {
      this.errors++;
      if (this.sampleErrors.length < 5) this.sampleErrors.push(status);
    } else if (status < 200 || status > 299) this.non2xx++;
    else this.ok++;
  }
  stats(): PhaseStats {
    return {
      count: this.times.length,
      ok: this.ok,
      errors: this.errors,
      non2xx: this.non2xx,
      latencyMs: percentiles(this.times),
      statuses: this.statuses,
      sampleErrors: this.sampleErrors,
    };
  }
}

/** One browser: a cookie jar, the page's Origin on posts, never following redirects. */
class Browser {
  private cookies = new Map<string, string>();
  constructor(
    private readonly base: string,
    private readonly agent: Agent,
    session: string,
    private readonly onRequest: () => void,
  ) {
    this.cookies.set("ambassade_session", session);
  }
  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  private remember(setCookie: string | string[] | undefined) {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1);
      if (value === "" || attributes.some((a) => /max-age=0\b/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  async send(
    method: "GET" | "POST",
    path: string,
    form?: URLSearchParams,
    document?: { referer: string },
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), accept: document ? "text/html,application/xhtml+xml,*/*;q=0.8" : "*/*" };
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded;charset=UTF-8";
      headers.origin = this.base;
      headers.referer = this.base + (document?.referer ?? path.split("?")[0]);
    }
    this.onRequest();
    const res = await request(this.base + path, { method, headers, body: form?.toString(), dispatcher: this.agent });
    this.remember(res.headers["set-cookie"]);
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, text };
  }
}

/** The attempt's items from a document's embedded Remix context (`window.__remixContext = {…};`). */
function attemptItems(html: string): Item[] {
  const match = /window\.__remixContext = (\{.*?\});<\/script>/s.exec(html);
  if (!match) throw new Error("no Remix context in the attempt's page");
  const context = JSON.parse(match[1]!) as { state: { loaderData: Record<string, { attempt?: { items: Item[] } } | null> } };
  const items = context.state.loaderData[ATTEMPT_ROUTE]?.attempt?.items;
  if (!items) throw new Error("no attempt in the page's data");
  return items;
}

const dataPath = (path: string, routeId: string) => `${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(routeId)}`;

function errorText(error: unknown): string {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  return e.code ?? e.cause?.code ?? e.message ?? String(error);
}

export type StormOptions = {
  base: string;
  learners: SeededPerson[];
  thinkMs: [number, number];
  pid: number;
  /**
   * Reload the page's loaders after each answer, as Remix does after a fetcher submission unless the
   * routes opt out with `shouldRevalidate` (default true; false measures the app as if they did).
   */
  revalidateAnswers?: boolean;
  /** The storm sends nothing more after this long. */
  limitMs: number;
  /**
   * Crash mode: `kill` is called once `afterAnswers` answers have been acknowledged, or `maxMs` after
   * the synchronised start, whichever comes first: in the middle of the storm, whatever the machine's speed.
   */
  killAt?: { afterAnswers: number; maxMs: number; kill: () => Promise<void> };
  log: (line: string) => void;
};

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

export async function runStorm(options: StormOptions): Promise<StormResult> {
  // Two connections per learner (the root and attempt loaders load in parallel). Browsers wait minutes for a connection and a response, so the pool does
  // too: a slow answer is measured as slow, not turned into an error by the client's own timeout.
  const agent = new Agent({
    connections: 2 * options.learners.length + 100,
    pipelining: 1,
    connect: { timeout: 120_000 },
    headersTimeout: 300_000,
    bodyTimeout: 300_000,
  });
  const phases = { start: new Phase(), startPost: new Phase(), answer: new Phase(), answerSaved: new Phase(), submit: new Phase() };
  const acks = { starts: new Map<string, string>(), answers: [] as Ack[] };
  let itemsPerAttempt: number | null = null;
  let killed = false;
  let cutShort = 0;
  let deadline = Infinity;
  const overdue = () => {
    if (performance.now() < deadline) return false;
    cutShort++;
    return true;
  };
  const [thinkMin, thinkMax] = options.thinkMs;
  const memory = sampleMemory(options.pid);
  const cpuBefore = cpuTimeMs(options.pid);
  let requests = 0;

  async function timed(phase: Phase, fn: () => Promise<{ status: number }>): Promise<{ status: number } | null> {
    const t = performance.now();
    try {
      const res = await fn();
      phase.record(performance.now() - t, res.status);
      return res;
    } catch (error) {
      phase.record(performance.now() - t, killed ? "killed" : errorText(error));
      return null;
    }
  }

  async function revalidate(browser: Browser, path: string): Promise<{ status: number; text: string }> {
    const [root, route] = await Promise.all([browser.send("GET", dataPath(path, ROOT_DATA)), browser.send("GET", dataPath(path, ATTEMPT_ROUTE))]);
    return { status: root.status >= 300 ? root.status : route.status, text: route.text };
  }

  async function learner(person: SeededPerson, go: Promise<void>) {
    const browser = new Browser(options.base, agent, person.session, () => requests++);
    await go;
    // Start: the Start button's document form posts to the attempt's own URL, with the id the /exam page
    // chose when it was loaded (before the storm; any fresh UUID is what the server sees), and the answer
    // is the attempt's first page: its HTML carries the loader data the browser hydrates with.
    let items: Item[] = [];
    const attemptId = randomUUID();
    const path = `/exam/${attemptId}`;
    const t0 = performance.now();
    let status: number | string;
    try {
      const page = await browser.send("POST", path, new URLSearchParams({ intent: "start" }), { referer: "/exam" });
      status = page.status;
      if (page.status === 200) {
        acks.starts.set(person.id, attemptId);
        items = attemptItems(page.text);
        itemsPerAttempt ??= items.length;
      }
    } catch (error) {
      status = killed ? "killed" : errorText(error);
    }
    // One request now: the start and its POST are the same figure (kept apart in the results for comparison with earlier runs).
    const ms = performance.now() - t0;
    phases.start.record(ms, status);
    phases.startPost.record(ms, status);
    if (status !== 200) return;
    // Answers, each after some thought.
    for (const item of items) {
      await sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
      if (killed || overdue()) return;
      const form = new URLSearchParams({ intent: "answer", itemId: item.id, js: "1" });
      const pick = item.options[Math.floor(Math.random() * item.options.length)]!.id;
      const chosen = item.type === "multiple" && item.options.length > 2 && Math.random() < 0.5 ? [pick, item.options.find((o) => o.id !== pick)!.id] : [pick];
      for (const id of chosen) form.append("option", id);
      const t = performance.now();
      const res = await timed(phases.answer, () => browser.send("POST", dataPath(path, ATTEMPT_ROUTE), form));
      if (!res) {
        phases.answerSaved.record(performance.now() - t, killed ? "killed" : "failed");
        return;
      }
      if (res.status !== 200) {
        phases.answerSaved.record(performance.now() - t, res.status);
        continue;
      }
      acks.answers.push({ learner: person.id, attemptId, itemId: item.id, options: chosen });
      if (options.revalidateAnswers === false) {
        phases.answerSaved.record(performance.now() - t, res.status);
        continue;
      }
      try {
        const page = await revalidate(browser, path);
        phases.answerSaved.record(performance.now() - t, page.status);
      } catch (error) {
        phases.answerSaved.record(performance.now() - t, killed ? "killed" : errorText(error));
        return;
      }
    }
    await sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
    if (killed || overdue()) return;
    const t = performance.now();
    try {
      const res = await browser.send("POST", dataPath(path, ATTEMPT_ROUTE), new URLSearchParams({ intent: "submit" }));
      if (res.status !== 204) {
        phases.submit.record(performance.now() - t, res.status);
        return;
      }
      const page = await revalidate(browser, path);
      phases.submit.record(performance.now() - t, page.status);
    } catch (error) {
      phases.submit.record(performance.now() - t, killed ? "killed" : errorText(error));
    }
  }

  let release!: () => void;
  const go = new Promise<void>((resolve) => (release = resolve));
  const all = Promise.all(options.learners.map((p) => learner(p, go)));
  const started = performance.now();
  deadline = started + options.limitMs;
  let killTimer: NodeJS.Timeout | undefined;
  let killDone: Promise<void> | undefined;
  if (options.killAt) {
    const { afterAnswers, maxMs, kill } = options.killAt;
    killTimer = setInterval(() => {
      const ms = performance.now() - started;
      if (killed || (acks.answers.length < afterAnswers && ms < maxMs)) return;
      killed = true;
      clearInterval(killTimer);
      options.log(`  SIGKILL to the server ${Math.round(ms)} ms after the start, ${acks.answers.length} answers acknowledged so far`);
      killDone = kill();
    }, 20);
  }
  release();
  await all;
  clearInterval(killTimer);
  await killDone;
  const wall = performance.now() - started;
  const seconds = Math.round(wall / 100) / 10;
  const peakMemoryMB = memory.stop();
  const cpuAfter = cpuTimeMs(options.pid);
  const cpu = cpuBefore !== null && cpuAfter !== null && !killed ? cpuAfter - cpuBefore : null;
  await agent.close().catch(() => undefined);
  return {
    learners: options.learners.length,
    itemsPerAttempt,
    thinkMs: options.thinkMs,
    seconds,
    start: phases.start.stats(),
    startPost: phases.startPost.stats(),
    answer: phases.answer.stats(),
    answerSaved: phases.answerSaved.stats(),
    submit: phases.submit.stats(),
    peakMemoryMB,
    cutShort,
    revalidateAnswers: options.revalidateAnswers !== false,
    timeLimitMs: options.limitMs,
    requests,
    serverCpuMsPerRequest: cpu === null || requests === 0 ? null : Math.round((cpu / requests) * 1000) / 1000,
    serverCpuCores: cpu === null ? null : Math.round((cpu / wall) * 100) / 100,
    acks,
    killed,
  };
}

export type StormCheck = {
  expectedAttempts: number;
  attempts: number;
  learnersWithoutAttempt: number;
  learnersWithSeveralAttempts: number;
  attemptsWithAllAnswers: number;
  attemptsMissingAnswers: number;
  /** Answers missing from stored attempts (never sent when the storm was cut short; see acknowledgedNotStored for lost ones). */
  missingAnswers: number;
  /** Answers beyond the items drawn (duplicates). */
  extraAnswers: number;
  /** Answers the server acknowledged (2xx). */
  acknowledgedAnswers: number;
  graded: number;
  /** Acknowledged answers whose stored options differ from what was sent, or that are absent. */
  acknowledgedNotStored: number;
  acknowledgedStartsNotStored: number;
  ok: boolean;
};

/** What the database holds for these learners, compared with what was sent and acknowledged. */
export function checkStored(dbPath: string, learners: SeededPerson[], itemsPerAttempt: number, acks: StormResult["acks"], expectComplete: boolean): StormCheck {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const ids = new Set(learners.map((l) => l.id));
    const rows = db
      .prepare(
        `select a.id, a.user_id as userId, a.status, (select count(*) from exam_answers x where x.attempt_id = a.id) as answers
         from exam_attempts a where a.user_id in (select value from json_each(?))`,
      )
      .all(JSON.stringify([...ids])) as { id: string; userId: string; status: string; answers: number }[];
    const perLearner = new Map<string, number>();
    for (const r of rows) perLearner.set(r.userId, (perLearner.get(r.userId) ?? 0) + 1);
    const stored = new Map<string, string>();
    const answerRows = db
      .prepare(
        `select x.attempt_id as attemptId, x.item_id as itemId, x.option_ids as optionIds from exam_answers x
         join exam_attempts a on a.id = x.attempt_id where a.user_id in (select value from json_each(?))`,
      )
      .all(JSON.stringify([...ids])) as { attemptId: string; itemId: string; optionIds: string }[];
    for (const a of answerRows) stored.set(`${a.attemptId}/${a.itemId}`, a.optionIds);
    const acknowledgedNotStored = acks.answers.filter((a) => stored.get(`${a.attemptId}/${a.itemId}`) !== JSON.stringify(a.options)).length;
    const storedAttempts = new Set(rows.map((r) => r.id));
    const acknowledgedStartsNotStored = [...acks.starts.values()].filter((id) => !storedAttempts.has(id)).length;
    const attemptsWithAllAnswers = rows.filter((r) => r.answers === itemsPerAttempt).length;
    const check: StormCheck = {
      expectedAttempts: learners.length,
      attempts: rows.length,
      learnersWithoutAttempt: learners.filter((l) => !perLearner.has(l.id)).length,
      learnersWithSeveralAttempts: [...perLearner.values()].filter((n) => n > 1).length,
      attemptsWithAllAnswers,
      attemptsMissingAnswers: rows.filter((r) => r.answers < itemsPerAttempt).length,
      missingAnswers: rows.reduce((sum, r) => sum + Math.max(0, itemsPerAttempt - r.answers), 0),
      extraAnswers: rows.reduce((sum, r) => sum + Math.max(0, r.answers - itemsPerAttempt), 0),
      graded: rows.filter((r) => r.status === "graded").length,
      acknowledgedAnswers: acks.answers.length,
      acknowledgedNotStored,
      acknowledgedStartsNotStored,
      ok: false,
    };
    check.ok = expectComplete
      ? check.attempts === learners.length &&
        check.attemptsWithAllAnswers === learners.length &&
        check.learnersWithSeveralAttempts === 0 &&
        acknowledgedNotStored === 0
      : acknowledgedNotStored === 0 && acknowledgedStartsNotStored === 0 && check.learnersWithSeveralAttempts === 0;
    return check;
  } finally {
    db.close();
  }
}

export function integrityCheck(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join("; ");
  } finally {
    db.close();
  }
}
