/**
 * A small node:http front for the Remix build: static files with caching, the origin check on every
 * mutation, security headers, and the per-request context. No framework in between, so that a page's
 * cost is Remix's and ours only (see docs/decisions/0003-own-http-server.md).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from "@remix-run/node";
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
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy. */
  trustProxy?: boolean;
  /** The public origin (APP_URL); when unset, the Host header decides. */
  appUrl?: string;
};

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

export function originOf(req: http.IncomingMessage, options: ServerOptions): string {
  if (options.appUrl) return new URL(options.appUrl).origin;
  const proto = options.trustProxy ? String(req.headers["x-forwarded-proto"] ?? "http").split(",")[0]!.trim() : "http";
  return `${proto}://${req.headers.host ?? "localhost"}`;
}

function clientIp(req: http.IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const DRAIN_MAX_BYTES = 8 * 1024 * 1024;
const DRAIN_MAX_MS = 5_000;

/**
 * A response ready before the request's body was read to its end (a 413, a refused cross-site post,
 * an action that ignores its form): the client is still sending. The rest is read and discarded, up
 * to a limit, so that the client gets the response rather than a reset and the connection can carry
 * its next request; past the limit (or when the body was abandoned), the connection is closed after
 * the response. Without this, the next request on the kept-alive connection failed with a reset.
 */
async function settleUnreadBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.complete || res.headersSent) return;
  const declared = Number(req.headers["content-length"] ?? 0);
  const drained =
    !req.destroyed &&
    declared <= DRAIN_MAX_BYTES &&
    (await new Promise<boolean>((resolve) => {
      let received = 0;
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        req.off("data", onData);
        if (!ok) req.pause();
        resolve(ok);
      };
      const onData = (chunk: Buffer) => {
        received += chunk.length;
        if (received > DRAIN_MAX_BYTES) finish(false);
      };
      const timer = setTimeout(() => finish(false), DRAIN_MAX_MS);
      // Whoever was reading the body (the Request's stream) has stopped: the rest goes nowhere.
      req.removeAllListeners("data");
      req.on("data", onData);
      req.once("end", () => finish(true));
      req.once("close", () => finish(req.complete));
      req.resume();
    }));
  if (!drained && !res.headersSent) res.setHeader("Connection", "close");
}

/**
 * Posts that come from another site by design: the SAML IdP's page posts its signed answer to the ACS
 * URL (HTTP-POST binding). What is trusted there is the signed assertion and its InResponseTo, never a
 * cookie, and the session is opened by a later same-site step (ADR 0017).
 */
const CROSS_SITE_POSTS = new Set(["/sso/saml/acs"]);

/**
 * Cross-site request forgery guard: a browser mutation must come from our own origin. The public API
 * authenticates with bearer tokens, not cookies, so it is exempt.
 */
export function isCrossSiteMutation(req: http.IncomingMessage, pathname: string, origin: string): boolean {
  if (!MUTATING.has(req.method ?? "GET") || pathname.startsWith("/api/") || CROSS_SITE_POSTS.has(pathname)) return false;
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
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith("q="))?.slice(2) ?? 1);
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

function toRequest(req: http.IncomingMessage, origin: string, controller: AbortController): Request {
  const url = new URL(req.url ?? "/", origin);
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
    init.body = createReadableStreamFromReadable(req);
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

export function createAppServer(options: ServerOptions): http.Server {
  const handle = createRequestHandler(options.build, options.mode);
  const fastLane = fastLaneHandlers(options.build);
  const publicDir = path.resolve(options.publicDir);
  const trustProxy = Boolean(options.trustProxy);

  return http.createServer(async (req, res) => {
    const pathname = (req.url ?? "/").split("?")[0]!;
    try {
      if ((req.method === "GET" || req.method === "HEAD") && pathname.includes(".")) {
        const found = resolveStatic(publicDir, pathname);
        if (found) return sendStatic(req, res, found, pathname);
      }
      const fast = fastLane.get(pathname);
      if (fast?.get && (req.method === "GET" || req.method === "HEAD")) return sendFastGet(req, res, fast.get);
      const origin = originOf(req, options);
      if (isCrossSiteMutation(req, pathname, origin)) {
        if (!req.complete) await settleUnreadBody(req, res);
        res.writeHead(403, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
        res.end("Forbidden: this form was not sent from this site. Reload the page and try again.");
        return;
      }
      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const negotiated = negotiatedUrl(req, pathname);
      if (negotiated) req.url = negotiated;
      if (fast?.action && req.method !== "GET" && req.method !== "HEAD") {
        const context = createContext(clientIp(req, trustProxy), "");
        const request = toRequest(req, origin, controller);
        let result: unknown;
        try {
          result = await fast.action({ request, params: {}, context });
        } catch (thrown) {
          if (!(thrown instanceof Response)) throw thrown;
          result = thrown;
        }
        if (!req.complete) await settleUnreadBody(req, res);
        if (result instanceof Response) return await sendBuffered(req, res, result, context.responseCookies);
        throw new Error(`fast-lane route ${pathname} did not return a Response`);
      }
      const context = createContext(clientIp(req, trustProxy), randomBytes(16).toString("base64"));
      const response = await handle(toRequest(req, origin, controller), context);
      if (!req.complete) await settleUnreadBody(req, res);
      await sendResponse(res, response, context.responseCookies);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) {
        if (!req.complete) res.setHeader("Connection", "close");
        res.writeHead(500, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
      }
      res.end("Internal error");
    }
  });
}
