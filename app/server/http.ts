/**
 * A small node:http front for the Remix build: static files with caching, the origin check on every
 * mutation, security headers, and the per-request context. No framework in between, so that a page's
 * cost is Remix's and ours only (see docs/decisions/0003-own-http-server.md).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { Transform } from "node:stream";
import type { TLSSocket } from "node:tls";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import { createContext, type AppContext } from "./context";

const MIME: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".vtt": "text/vtt; charset=utf-8",
};

export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

export type ServerOptions = {
  build: ServerBuild;
  publicDir: string;
  mode: "production" | "development";
  /**
   * How many reverse proxies stand in front of the server (TRUST_PROXY): the client's address is the
   * right-most X-Forwarded-For entry that none of them wrote, and only then is X-Forwarded-Proto read.
   * 0 (the default) trusts no forwarded header. `true` means 1.
   */
  trustProxy?: boolean | number;
  /**
   * The public origin (APP_URL). When set (always in production), every link is built from it and a
   * request whose Host (or, behind a trusted proxy, X-Forwarded-Host) names another host gets a 400.
   * When unset (tests, development), the Host header decides, once checked to be well-formed.
   */
  appUrl?: string;
  /** The largest request body accepted, declared or streamed (chunked); routes set smaller limits of their own. */
  maxBodyBytes?: number;
  /** Other hosts accepted as this site (e.g. 127.0.0.1:3000 for a local start whose APP_URL says localhost). */
  aliases?: string[];
};

/** The default of `maxBodyBytes` (MAX_BODY_BYTES): room for the largest upload, a CSV file of people. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** A body that went past the server's limit: whatever the route made of it, the answer is a 413. */
class BodyTooLarge extends Error {}

type StaticFile = { file: string; size: number; mtime: Date };

function resolveStatic(publicDir: string, pathname: string): StaticFile | null {
  if (pathname.includes("\0")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = path.join(publicDir, path.normalize(decoded));
  if (!file.startsWith(publicDir + path.sep)) return null;
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? { file, size: stat.size, mtime: stat.mtime } : null;
  } catch {
    return null;
  }
}

function sendStatic(req: http.IncomingMessage, res: http.ServerResponse, found: StaticFile, pathname: string) {
  const etag = `W/"${found.size.toString(16)}-${found.mtime.getTime().toString(16)}"`;
  // Fingerprinted build assets never change; everything else is revalidated hourly.
  const cache = pathname.startsWith("/build/") ? "public, max-age=31536000, immutable" : "public, max-age=3600";
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    "Content-Type": MIME[path.extname(found.file).toLowerCase()] ?? "application/octet-stream",
    "Cache-Control": cache,
    ETag: etag,
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  headers["Content-Length"] = found.size;
  res.writeHead(200, headers);
  if (req.method === "HEAD") res.end();
  else fs.createReadStream(found.file).pipe(res);
}

/** Reads TRUST_PROXY: unset, "0" or "false" → 0; "true" → 1; a number of hops → that number. */
export function parseTrustProxy(value: string | undefined): number {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "0" || text === "false") return 0;
  if (text === "true") return 1;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  throw new Error(`TRUST_PROXY must be the number of reverse proxies in front of Ambassade (for example TRUST_PROXY=1), not "${value}".`);
}

function hopsOf(trustProxy: boolean | number | undefined): number {
  return typeof trustProxy === "number" ? Math.max(0, Math.floor(trustProxy)) : trustProxy ? 1 : 0;
}

function headerList(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(",") : (value ?? "");
  return joined
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * The client's address. With `hops` trusted proxies, each appended the address it received the request
 * from to X-Forwarded-For: counting from the right, the socket's peer is the nearest proxy, and the
 * entry `hops` places to the left of it is the first that no trusted proxy wrote, i.e. the client.
 * Whatever the client put in X-Forwarded-For itself lies further left and is never read.
 */
export function clientIp(req: http.IncomingMessage, trustProxy: boolean | number | undefined): string {
  const socket = req.socket.remoteAddress ?? "unknown";
  const hops = hopsOf(trustProxy);
  if (hops === 0) return socket;
  const chain = [socket, ...headerList(req.headers["x-forwarded-for"]).reverse()];
  const candidate = chain[Math.min(hops, chain.length - 1)]!;
  return net.isIP(candidate) ? candidate : socket;
}

/** "https" when the connection is TLS, or when a trusted proxy says so (its own, right-most, X-Forwarded-Proto). */
export function requestProto(req: http.IncomingMessage, trustProxy: boolean | number | undefined): "http" | "https" {
  if ((req.socket as TLSSocket).encrypted) return "https";
  if (hopsOf(trustProxy) === 0) return "http";
  const forwarded = headerList(req.headers["x-forwarded-proto"]).pop()?.toLowerCase();
  return forwarded === "https" ? "https" : "http";
}

const HOST_PATTERN =
  /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** Whether a Host header is a host name or an IP literal with an optional port, and nothing else. */
export function isWellFormedHost(host: string | undefined): host is string {
  return typeof host === "string" && host.length <= 260 && HOST_PATTERN.test(host);
}

/** The host the client asked for: Host, or behind a trusted proxy its (right-most) X-Forwarded-Host. */
function requestedHost(req: http.IncomingMessage, trustProxy: boolean | number | undefined): string | undefined {
  if (hopsOf(trustProxy) > 0) {
    const forwarded = headerList(req.headers["x-forwarded-host"]).pop();
    if (forwarded) return forwarded;
  }
  return req.headers.host;
}

function sameHost(asked: string, configured: URL): boolean {
  let host = asked.toLowerCase().replace(/\.$/, "");
  const defaultPort = configured.protocol === "https:" ? ":443" : ":80";
  if (host.endsWith(defaultPort)) host = host.slice(0, -defaultPort.length);
  return host === configured.host.toLowerCase();
}

const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

export type OriginCheck = { ok: true; origin: string; https: boolean } | { ok: false; message: string };

/**
 * The origin this request is served under. With APP_URL it is APP_URL's, and a request that asks for
 * another host is refused (links and redirects must never be built from a host an attacker chose); a
 * malformed Host is refused either way, before anything parses it.
 */
export function checkOrigin(
  req: http.IncomingMessage,
  options: ServerOptions,
  pathname: string,
  configured = options.appUrl ? new URL(options.appUrl) : null,
): OriginCheck {
  const host = requestedHost(req, options.trustProxy);
  if (!isWellFormedHost(host)) return { ok: false, message: "Bad request: the Host header is missing or malformed." };
  if (configured) {
    const https = configured.protocol === "https:";
    if (sameHost(host, configured)) return { ok: true, origin: configured.origin, https };
    const alias = options.aliases?.find((a) => a.toLowerCase() === host.toLowerCase());
    if (alias) return { ok: true, origin: `${configured.protocol}//${alias}`, https };
    // A reverse proxy that does not pass the public Host on (nginx's default sends its upstream's,
    // 127.0.0.1:3000): served as APP_URL's origin, so nothing is built from it. A loopback literal is
    // no DNS-rebinding name.
    if (LOOPBACK_HOST.test(host)) return { ok: true, origin: configured.origin, https };
    // Load balancers probe /healthz by address; it builds no link and reveals nothing.
    if (pathname === "/healthz") return { ok: true, origin: configured.origin, https };
    return { ok: false, message: `Bad request: this server answers for ${configured.host} only (APP_URL).` };
  }
  const proto = requestProto(req, options.trustProxy);
  return { ok: true, origin: `${proto}://${host.toLowerCase()}`, https: proto === "https" };
}

export const HSTS = "max-age=31536000";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
const DRAIN_MAX_MS = 5_000;

/**
 * A response sent before the request's body was read to its end (a 413, a refused cross-site post, an
 * action that ignores its form): the client is still sending. The answer goes first, so the client reads
 * it while it sends; then the rest is read and discarded, up to a limit, so the connection can carry its
 * next request. Past the limit (bytes or time) the connection is closed: by then the client has the
 * answer. (Draining first and answering after made a client still writing get a reset instead.)
 */
function discardRest(req: http.IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  let received = 0;
  const close = () => {
    clearTimeout(timer);
    req.socket.destroy();
  };
  const timer = setTimeout(close, DRAIN_MAX_MS);
  timer.unref();
  // Whoever was reading the body (the Request's stream) has stopped: the rest goes nowhere.
  req.unpipe();
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > DRAIN_MAX_BYTES) close();
  });
  req.once("end", () => clearTimeout(timer));
  req.resume();
}

/**
 * Posts that come from another site by design: the SAML IdP's page posts its signed answer to the ACS
 * URL (HTTP-POST binding). What is trusted there is the signed assertion and its InResponseTo, never a
 * cookie, and the session is opened by a later same-site step (ADR 0017).
 */
const CROSS_SITE_POSTS = new Set(["/sso/saml/acs"]);

/**
 * Cross-site request forgery guard: a browser mutation must come from our own origin. The public API
 * authenticates with bearer tokens, not cookies, so it is exempt; so is SCIM provisioning (/scim/).
 */
export function isCrossSiteMutation(req: http.IncomingMessage, pathname: string, origin: string): boolean {
  if (!MUTATING.has(req.method ?? "GET") || pathname.startsWith("/api/") || pathname.startsWith("/scim/") || CROSS_SITE_POSTS.has(pathname)) return false;
  const sent = req.headers.origin;
  if (sent) return sent !== origin;
  const referer = req.headers.referer;
  if (referer) {
    try {
      return new URL(referer).origin !== origin;
    } catch {
      return true;
    }
  }
  return true;
}

/** Whether an Accept header prefers JSON (application/json, application/ld+json) to HTML. */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  let json = 0;
  let html = 0;
  for (const part of accept.split(",")) {
    const [type, ...params] = part.trim().toLowerCase().split(";");
    const q = Number(
      params
        .map((p) => p.trim())
        .find((p) => p.startsWith("q="))
        ?.slice(2) ?? 1,
    );
    const weight = Number.isFinite(q) ? q : 0;
    if (type === "application/json" || type === "application/ld+json") json = Math.max(json, weight);
    if (type === "text/html" || type === "application/xhtml+xml") html = Math.max(html, weight);
  }
  return json > 0 && json > html;
}

/**
 * Content negotiation for credential ids: /verify/<id> is a page for people and, for a client that
 * prefers JSON, the credential with its status (served by /api/v1/credentials/<id>).
 */
export function negotiatedUrl(req: http.IncomingMessage, pathname: string): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const match = /^\/verify\/([A-Za-z0-9-]{1,64})\/?$/.exec(pathname);
  if (!match || !prefersJson(req.headers.accept)) return null;
  return `/api/v1/credentials/${match[1]}`;
}

/**
 * The body as the Request's stream, counted as it arrives: past `maxBytes` the stream fails (the route's
 * read throws) and `exceeded` says so, so that nothing buffers more than the limit, chunked or not.
 */
function limitedBody(req: http.IncomingMessage, maxBytes: number): { stream: ReadableStream; exceeded: () => boolean } {
  let size = 0;
  let over = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        req.unpipe(counter);
        return callback(new BodyTooLarge(`request body over ${maxBytes} bytes`));
      }
      callback(null, chunk);
    },
  });
  req.pipe(counter);
  return { stream: createReadableStreamFromReadable(counter), exceeded: () => over };
}

function toRequest(req: http.IncomingMessage, origin: string, controller: AbortController, body?: ReadableStream): Request {
  // "//evil.example/x" as a request target would otherwise become a URL on another host.
  const url = new URL(origin + (req.url ?? "/").replace(/^\/+/, "/"));
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  // isCrossSiteMutation has settled this site's origin (APP_URL, or the Host header). Remix
  // checks a post's Origin against Host / X-Forwarded-Host again, and throws (a 500) when they differ,
  // as they do behind a proxy that does not forward the public host: make them say the same.
  headers.set("host", url.host);
  headers.delete("x-forwarded-host");
  // A post that comes from another site by design (the SAML IdP's) would fail that check too.
  if (CROSS_SITE_POSTS.has(url.pathname)) headers.delete("origin");
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = body ?? createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url, init);
}

async function sendResponse(res: http.ServerResponse, response: Response, extraCookies: string[]) {
  res.statusCode = response.status;
  res.statusMessage = response.statusText;
  const cookies = [...response.headers.getSetCookie(), ...extraCookies];
  for (const [key, value] of response.headers) {
    if (key === "set-cookie") continue;
    res.setHeader(key, value);
  }
  for (const [key, value] of Object.entries(SECURITY_HEADERS)) if (!res.hasHeader(key)) res.setHeader(key, value);
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/**
 * The fast lane: resource routes that must answer thousands of times a second (the posting gate) are
 * called directly, without Remix's router, whose matching and data strategy cost several times the
 * gate's own work per request. The route file stays the one definition of the endpoint: a GET runs
 * its plain function (no Request or Response objects: building them was a fifth of the gate's cost),
 * any other method its action. See docs/decisions/0008-api-webhooks-credentials.md.
 */
const FAST_LANE: Record<string, { routeId: string; get: string }> = {
  "/api/v1/authorizations": { routeId: "routes/api.v1.authorizations", get: "answerGateQuery" },
};

type RouteHandler = (args: { request: Request; params: Record<string, string>; context: AppContext }) => unknown;
type PlainReply = { status: number; headers: Record<string, string>; body: string };
type PlainGet = (input: { authorization: string | null; acceptLanguage: string | null; search: string }) => PlainReply;

function fastLaneHandlers(build: ServerBuild): Map<string, { get?: PlainGet; action?: RouteHandler }> {
  const out = new Map<string, { get?: PlainGet; action?: RouteHandler }>();
  for (const [pathname, { routeId, get }] of Object.entries(FAST_LANE)) {
    const module = build.routes[routeId]?.module as Record<string, unknown> | undefined;
    if (!module || module.default) continue;
    out.set(pathname, { get: module[get] as PlainGet | undefined, action: module.action as RouteHandler | undefined });
  }
  return out;
}

/** A fast-lane GET: the route's plain function on the raw request, its reply written in one go. */
function sendFastGet(req: http.IncomingMessage, res: http.ServerResponse, get: PlainGet) {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === "string" ? value : null;
  };
  const query = req.url!.indexOf("?");
  const reply = get({ authorization: header("authorization"), acceptLanguage: header("accept-language"), search: query < 0 ? "" : req.url!.slice(query) });
  const body = Buffer.from(reply.body);
  res.writeHead(reply.status, { ...SECURITY_HEADERS, ...reply.headers, "Content-Length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Sends a small, complete response in one write (no stream plumbing). */
async function sendBuffered(req: http.IncomingMessage, res: http.ServerResponse, response: Response, extraCookies: string[]) {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[] | number> = { ...SECURITY_HEADERS };
  for (const [key, value] of response.headers) if (key !== "set-cookie") headers[key] = value;
  const cookies = [...response.headers.getSetCookie(), ...extraCookies];
  if (cookies.length) headers["set-cookie"] = cookies;
  headers["content-length"] = body.length;
  res.writeHead(response.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** 413 at once; the rest of the body is discarded up to a limit, then the connection closed. */
function sendTooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (res.headersSent) res.end();
  else {
    res.writeHead(413, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
    res.end("Payload too large: this request is bigger than the server accepts.");
  }
  discardRest(req);
}

/** How long an idle keep-alive connection stays open. */
const KEEP_ALIVE_MS = 65_000;

export function createAppServer(options: ServerOptions): http.Server {
  const handle = createRequestHandler(options.build, options.mode);
  const fastLane = fastLaneHandlers(options.build);
  const publicDir = path.resolve(options.publicDir);
  const trustProxy = hopsOf(options.trustProxy);
  const configured = options.appUrl ? new URL(options.appUrl) : null;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // Tests of the cluster (ADR 0025) must tell which worker answered; never set in production.
  const workerHeader = process.env.AMBASSADE_WORKER_HEADER === "1" ? String(process.pid) : null;

  const server = http.createServer(async (req, res) => {
    const pathname = (req.url ?? "/").split("?")[0]!;
    if (workerHeader) res.setHeader("X-Ambassade-Worker", workerHeader);
    let body: ReturnType<typeof limitedBody> | undefined;
    try {
      const checked = checkOrigin(req, options, pathname, configured);
      if (!checked.ok) {
        res.writeHead(400, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
        res.end(checked.message);
        return discardRest(req);
      }
      const origin = checked.origin;
      if (checked.https) res.setHeader("Strict-Transport-Security", HSTS);
      if ((req.method === "GET" || req.method === "HEAD") && pathname.includes(".")) {
        const found = resolveStatic(publicDir, pathname);
        if (found) return sendStatic(req, res, found, pathname);
      }
      const fast = fastLane.get(pathname);
      if (fast?.get && (req.method === "GET" || req.method === "HEAD")) return sendFastGet(req, res, fast.get);
      if (isCrossSiteMutation(req, pathname, origin)) {
        res.writeHead(403, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
        res.end("Forbidden: this form was not sent from this site. Reload the page and try again.");
        return discardRest(req);
      }
      if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) return sendTooLarge(req, res);
      body = req.method === "GET" || req.method === "HEAD" ? undefined : limitedBody(req, maxBodyBytes);
      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const negotiated = negotiatedUrl(req, pathname);
      if (negotiated) req.url = negotiated;
      if (fast?.action && req.method !== "GET" && req.method !== "HEAD") {
        const context = createContext(clientIp(req, trustProxy), "");
        const request = toRequest(req, origin, controller, body?.stream);
        let result: unknown;
        try {
          result = await fast.action({ request, params: {}, context });
        } catch (thrown) {
          if (!(thrown instanceof Response)) throw thrown;
          result = thrown;
        }
        if (body?.exceeded()) return sendTooLarge(req, res);
        if (result instanceof Response) {
          await sendBuffered(req, res, result, context.responseCookies);
          return discardRest(req);
        }
        throw new Error(`fast-lane route ${pathname} did not return a Response`);
      }
      const context = createContext(clientIp(req, trustProxy), randomBytes(16).toString("base64"));
      const response = await handle(toRequest(req, origin, controller, body?.stream), context);
      if (body?.exceeded()) return sendTooLarge(req, res);
      await sendResponse(res, response, context.responseCookies);
      discardRest(req);
    } catch (error) {
      if (body?.exceeded()) return sendTooLarge(req, res);
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal error");
      discardRest(req);
    }
  });
  // An idle keep-alive connection is kept longer than the clients and proxies in front keep theirs (nginx 60 s,
  // most load balancers 60 s): with Node's 5 s, a client could send its next request on a connection the
  // server was closing at that instant and get a reset (seen under load in the concurrency tests).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}
