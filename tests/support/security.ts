/**
 * Helpers of the reliability and security suites (tests/integration/security/): the demo personas,
 * a small HTTP client that can send anything (raw bytes, JSON, chunked bodies), the route files as
 * Remix sees them, database snapshots, and the real production server as a child process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { DEMO_PASSWORD, snapshotDatabase } from "./fixtures";

// ---------------------------------------------------------------------------------------------
// Personas
// ---------------------------------------------------------------------------------------------

export const PERSONAS = ["anonymous", "employee", "trainer", "manager", "otherManager", "admin"] as const;
export type Persona = (typeof PERSONAS)[number];

/** Who each persona is in the demo organisation (db/seed.ts). The person routes target team-comms. */
export const PERSONA_EMAILS: Record<Exclude<Persona, "anonymous">, string> = {
  employee: "learner@ambassade.test", // employee of team-comms, not placed
  trainer: "trainer@ambassade.test",
  manager: "manager@ambassade.test", // manages team-comms (and is an employee of it)
  otherManager: "olivier.moreau@ambassade.test", // manages team-ops only
  admin: "admin@ambassade.test",
};

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

export type Body = Record<string, string | string[]>;
type SendOptions = { headers?: Record<string, string>; body?: BodyInit | Buffer; chunked?: boolean };

/**
 * A browser-like client: keeps cookies, sends the site's Origin on every request (browsers send it on
 * POSTs), never follows redirects. Unlike tests/support/server.ts's Client it can send any body.
 */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly origin = base,
    /** Sent with every request: e.g. the X-Forwarded-Host a reverse proxy adds. */
    readonly defaultHeaders: Record<string, string> = {},
  ) {}

  /** The same cookies, for another server (a restarted one on another port). */
  moveTo(base: string): Browser {
    const moved = new Browser(base, base === this.base ? this.origin : base, this.defaultHeaders);
    for (const [name, value] of this.cookies) moved.cookies.set(name, value);
    return moved;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  async send(method: string, pathname: string, options: SendOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { Origin: this.origin, ...this.defaultHeaders, ...options.headers };
    const cookie = this.cookieHeader();
    if (cookie) headers.Cookie = cookie;
    let body: BodyInit | undefined = options.body as BodyInit | undefined;
    if (options.chunked && body !== undefined) {
      // A stream has no length: Node sends it chunked, without Content-Length.
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(String(body));
      body = new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(new Uint8Array(bytes.subarray(i, i + 64 * 1024)));
          controller.close();
        },
      });
    }
    const init: RequestInit & { duplex?: "half" } = { method, headers, body, redirect: "manual" };
    if (options.chunked) init.duplex = "half";
    const response = await fetch(this.base + pathname, init);
    this.remember(response);
    return response;
  }

  get(pathname: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send("GET", pathname, { headers });
  }

  /** A form post as a browser sends it: urlencoded; arrays become repeated fields. */
  post(pathname: string, fields: Body = {}, headers: Record<string, string> = {}): Promise<Response> {
    return this.send("POST", pathname, { body: formBody(fields), headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } });
  }

  postJson(pathname: string, value: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.send("POST", pathname, {
      body: typeof value === "string" ? value : JSON.stringify(value),
      headers: { "Content-Type": "application/json", ...headers },
    });
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<Response> {
    const response = await this.post("/login", { email, password });
    if (response.status !== 302) throw new Error(`sign-in of ${email} answered ${response.status}`);
    return response;
  }
}

export function formBody(fields: Body): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return body.toString();
}

/** One signed-in Browser per persona (the anonymous one has no session). */
export async function signInPersonas(base: string): Promise<Record<Persona, Browser>> {
  const entries = await Promise.all(
    PERSONAS.map(async (persona) => {
      const browser = new Browser(base);
      if (persona !== "anonymous") await browser.signIn(PERSONA_EMAILS[persona]);
      return [persona, browser] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Persona, Browser>;
}

/** What a response means for authorization: "ok" (2xx, or a redirect elsewhere than sign-in), "login", or the status. */
export type Outcome = "ok" | "login" | number;

export function outcomeOf(response: Response): Outcome {
  if (response.status >= 200 && response.status < 300) return "ok";
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get("location") ?? "";
    return /^(https?:\/\/[^/]+)?\/login(\?|$)/.test(location) ? "login" : "ok";
  }
  return response.status;
}

/** Traces of an internal error that must never reach a client: stack frames, source paths, error class names. */
const LEAKS = [
  /\bat [^\n<>"]*\(?[^\n<>"]*\.(?:[cm]?js|tsx?):\d+:\d+/,
  /node_modules/,
  new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
  /\b(?:TypeError|ReferenceError|SyntaxError|RangeError|SqliteError)\b/,
];

export function leakIn(body: string): string | null {
  for (const pattern of LEAKS) {
    const match = pattern.exec(body);
    if (match) return match[0];
  }
  return null;
}

/**
 * Whether a refusal tells the person what went wrong: per-field messages (a page's alert or field
 * error, or the JSON of a data request), an API error with a message, an error page, or plain text.
 */
export function hasMessage(response: Response, body: string): boolean {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("text/html")) return /role="alert"|class="field-error"|id="error-title"/.test(body);
  if (type.includes("json")) {
    try {
      const data = JSON.parse(body) as { fieldErrors?: Record<string, string>; message?: string; refused?: unknown; error?: string };
      return Boolean((data.fieldErrors && Object.keys(data.fieldErrors).length) || data.message || data.refused || data.error);
    } catch {
      return false;
    }
  }
  return body.trim().length > 0;
}

// ---------------------------------------------------------------------------------------------
// Routes as Remix sees them (flat routes v2)
// ---------------------------------------------------------------------------------------------

export type RouteFile = { file: string; id: string; pattern: string; hasLoader: boolean; hasAction: boolean };

/** Splits a route id at the dots that are not escaped with [.]. */
function rawSegments(id: string): string[] {
  const out: string[] = [];
  let current = "";
  let escaped = false;
  for (const ch of id) {
    if (ch === "[") escaped = true;
    else if (ch === "]") escaped = false;
    if (ch === "." && !escaped) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** `people.$userId_.placement` → `/people/:userId/placement`; `$` → `*`; `[.]` is a literal dot. */
export function urlPattern(id: string): string {
  const parts: string[] = [];
  for (const raw of rawSegments(id)) {
    if (raw === "_index" || raw === "route") continue;
    if (raw.startsWith("_")) continue; // pathless layout
    const segment = raw.replace(/_$/, ""); // opts out of the parent's layout, same URL
    const literal = segment.replace(/\[(.*?)\]/g, "$1");
    if (segment === "$") parts.push("*");
    else if (segment.startsWith("$")) parts.push(`:${segment.slice(1)}`);
    else parts.push(literal);
  }
  return "/" + parts.join("/");
}

export function patternMatches(pattern: string, url: string): boolean {
  const pathname = url.split("?")[0]!;
  const source = pattern
    .split("/")
    .map((part) => (part === "*" ? ".+" : part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}/?$`).test(pathname);
}

/** Every route module in app/routes, with what it exports, read from its source. */
export function routeFiles(dir = "app/routes"): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || /\.test\.tsx?$/.test(entry.name)) continue;
    let file: string;
    let id: string;
    if (entry.isDirectory()) {
      const inner = ["route.tsx", "route.ts"].find((f) => fs.existsSync(path.join(dir, entry.name, f)));
      if (!inner) continue;
      file = path.join(dir, entry.name, inner);
      id = entry.name;
    } else {
      if (!/\.(tsx?|jsx?)$/.test(entry.name)) continue;
      file = path.join(dir, entry.name);
      id = entry.name.replace(/\.(tsx?|jsx?)$/, "");
    }
    const source = fs.readFileSync(file, "utf8");
    const exported = (name: string) =>
      new RegExp(`export\\s+(?:async\\s+)?function\\s+${name}\\b|export\\s+(?:const|let)\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(source);
    out.push({
      file: entry.isDirectory() ? `${entry.name}/` : entry.name,
      id,
      pattern: urlPattern(id),
      hasLoader: exported("loader"),
      hasAction: exported("action"),
    });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** The route file that serves a URL: the most specific pattern that matches (static segments win). */
export function routeIdFor(url: string, files = routeFiles()): string {
  const matching = files.filter((f) => patternMatches(f.pattern, url));
  // A splat matches anything: the last resort. Then the fewer params, the more specific.
  const looseness = (pattern: string) => pattern.split("/").reduce((n, p) => n + (p === "*" ? 100 : p.startsWith(":") ? 1 : 0), 0);
  const best = matching.sort((a, b) => looseness(a.pattern) - looseness(b.pattern))[0];
  if (!best) throw new Error(`no route serves ${url}`);
  return `routes/${best.id}`;
}

// ---------------------------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------------------------

/** Kept here for the security suites' imports; it lives with the other people fixtures. */
export { makeEligible } from "./people";

/** snapshotDatabase() without some tables (each exclusion is documented where it is used). */
export function snapshotWithout(tables: readonly string[]): string {
  const all = JSON.parse(snapshotDatabase()) as [string, unknown][];
  return JSON.stringify(all.filter(([name]) => !tables.includes(name)));
}

/** Names the tables that differ between two snapshots. */
export function changedTables(before: string, after: string): string[] {
  if (before === after) return [];
  const a = new Map(JSON.parse(before) as [string, unknown][]);
  const b = new Map(JSON.parse(after) as [string, unknown][]);
  return [...new Set([...a.keys(), ...b.keys()])].filter((table) => JSON.stringify(a.get(table)) !== JSON.stringify(b.get(table)));
}

// ---------------------------------------------------------------------------------------------
// The production server as a child process
// ---------------------------------------------------------------------------------------------

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type ChildServer = {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown handler runs, like a crash or the OOM killer. */
  kill: () => Promise<void>;
  /** SIGTERM, the graceful stop. */
  stop: () => Promise<void>;
};

/**
 * `node --import tsx app/server/main.ts` as in production (no build step: the test run built it),
 * on its own database file and a free port; resolves once /healthz answers.
 */
export async function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const port = await freePort();
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith("VITEST")) clean[key] = value;
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    // One process unless a test asks for workers (WORKERS, ADR 0025): the suites' servers stay as they were.
    env: { ...clean, NODE_ENV: "production", SKIP_BUILD: "1", SEED_DEMO: "1", HOST: "127.0.0.1", PORT: String(port), WORKERS: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited before answering:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not answer /healthz within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, output: () => output, kill: () => end("SIGKILL"), stop: () => end("SIGTERM") };
}

/**
 * Turns the exam's track gate off in a child server's database: the demo learners these suites drive
 * have not finished their tracks, and the gate has its own tests (exam-gate.test.ts). The server
 * sees the change through cache_versions within its 250 ms check.
 */
export async function examWithoutTrack(databasePath: string): Promise<void> {
  const db = new Database(databasePath);
  db.prepare("insert into settings (key, value) values ('exam.requiresTrackComplete', 'false') on conflict (key) do update set value = excluded.value").run();
  db.close();
  await new Promise((resolve) => setTimeout(resolve, 600));
}
