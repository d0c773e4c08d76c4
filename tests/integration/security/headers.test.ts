/**
 * Response headers and error pages of the production server, as deployed: `node --import tsx
 * app/server/main.ts` with NODE_ENV=production behind an https APP_URL (the reverse proxy's), on its
 * own database file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../support/fixtures";
import { Browser, leakIn, startChildServer, type ChildServer } from "../../support/security";

const APP_URL = "https://ambassade.example";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-headers-"));
let server: ChildServer;
let admin: Browser;
let employee: Browser;
let token = "";
let credentialId = "";

/** A browser of the public site: its forms come from the https origin the proxy serves. */
const browser = () => new Browser(server.url, APP_URL);

beforeAll(async () => {
  server = await startChildServer({ APP_URL, DATABASE_PATH: path.join(dir, "headers.db"), OUTBOX_DIR: path.join(dir, "outbox"), INSECURE_COOKIES: "" });
  admin = browser();
  await admin.signIn("admin@ambassade.test");
  employee = browser();
  await employee.signIn("learner@ambassade.test");
  // An API token, created as an admin does it: the page shows it once.
  const created = await admin.post("/admin/api", { intent: "create", name: "headers test" });
  token = /amb_[A-Za-z0-9_-]{43}/.exec(await created.text())?.[0] ?? "";
  const db = new Database(path.join(dir, "headers.db"), { readonly: true });
  credentialId = (db.prepare("select id from credentials limit 1").get() as { id: string }).id;
  db.close();
}, 60_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(" ")];
      }),
  );
}

describe("documents", () => {
  it("carry a CSP whose script nonce is fresh per response and on every script tag, frame-ancestors 'none', and the other protections", async () => {
    const pages = [await browser().get("/login"), await admin.get("/home"), await employee.get("/track")];
    const nonces = new Set<string>();
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      const csp = directives(page.headers.get("content-security-policy") ?? "");
      const nonce = /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp.get("script-src") ?? "")?.[1];
      expect(nonce, "script-src has a nonce").toBeDefined();
      expect(csp.get("script-src")).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp.get("frame-ancestors")).toBe("'none'");
      expect(csp.get("object-src")).toBe("'none'");
      expect(csp.get("base-uri")).toBe("'self'");
      nonces.add(nonce!);
      const html = await page.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, "every script carries the nonce").toContain(`nonce="${nonce}"`);
      expect(page.headers.get("x-frame-options")).toBe("DENY");
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
      expect(page.headers.get("referrer-policy")).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
      expect(page.headers.get("cache-control")).toMatch(/no-store/);
    }
    expect(nonces.size, "a new nonce for each response").toBe(pages.length);
  });

  it("reveal no server software or version", async () => {
    const responses = [
      await browser().get("/login"),
      await browser().get("/home"),
      await browser().get("/no-such-page"),
      await browser().get("/favicon.ico"),
      await browser().get("/api/v1/openapi.json"),
      await browser().get("/healthz"),
      await browser().post("/login", {}),
    ];
    for (const response of responses) {
      await response.arrayBuffer();
      expect(response.headers.get("server"), response.url).toBeNull();
      expect(response.headers.get("x-powered-by"), response.url).toBeNull();
    }
  });
});

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Secure and for the whole site when the server runs in production behind https", async () => {
    const response = await browser().post("/login", { email: "trainer@ambassade.test", password: DEMO_PASSWORD });
    expect(response.status).toBe(302);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("ambassade_session="));
    expect(cookie).toBeDefined();
    const attributes = cookie!.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("secure");
    expect(attributes).toContain("path=/");
  });

  it("a form posted from the server's own address rather than the public origin is refused (the origin is APP_URL's)", async () => {
    const response = await new Browser(server.url).post("/login", { email: "trainer@ambassade.test", password: DEMO_PASSWORD });
    expect(response.status).toBe(403);
  });

  it("forms work behind a proxy that forwards neither the public Host nor X-Forwarded-Host, and a forged X-Forwarded-Host changes nothing", async () => {
    // The requests of this file reach the server on 127.0.0.1:<port> while the pages' origin is
    // APP_URL: Remix's own origin check used to throw (a 500) on every such post.
    const signIn = { email: "trainer@ambassade.test", password: DEMO_PASSWORD };
    expect((await browser().post("/login", signIn)).status).toBe(302);
    expect((await browser().post("/login", signIn, { "X-Forwarded-Host": "evil.example" })).status).toBe(302);
    const forged = await new Browser(server.url, "https://evil.example").post("/login", signIn, { "X-Forwarded-Host": "evil.example" });
    expect(forged.status).toBe(403);
  });
});

describe("static files", () => {
  it("fingerprinted build assets are cached for a year, immutable; other public files are revalidated", async () => {
    const built = fs.readdirSync("public/build").filter((f) => f.endsWith(".js"));
    const css = fs.readdirSync("public/build/_assets").filter((f) => f.endsWith(".css"));
    expect(built.length).toBeGreaterThan(0);
    for (const file of [`/build/${built[0]}`, `/build/_assets/${css[0]}`]) {
      const response = await browser().get(file);
      await response.arrayBuffer();
      expect(response.status, file).toBe(200);
      expect(response.headers.get("cache-control"), file).toMatch(/max-age=31536000/);
      expect(response.headers.get("cache-control"), file).toMatch(/immutable/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const favicon = await browser().get("/favicon.ico");
    await favicon.arrayBuffer();
    expect(favicon.headers.get("cache-control")).not.toMatch(/immutable/);
    // No way out of the public folder.
    for (const probe of ["/build/..%2f..%2fpackage.json", "/..%2fpackage.json", "/build/%2e%2e/%2e%2e/db/schema.ts"]) {
      const response = await browser().get(probe);
      const body = await response.text();
      expect(body, probe).not.toContain('"dependencies"');
      expect(body, probe).not.toContain("sqliteTable");
    }
  });
});

describe("the API", () => {
  it("answers JSON that is never stored by caches, errors included", async () => {
    expect(token).toMatch(/^amb_/);
    const auth = { Authorization: `Bearer ${token}` };
    const cases: [string, () => Promise<Response>, number][] = [
      ["gate", () => browser().get("/api/v1/authorizations?email=ambassador%40ambassade.test&channel=linkedin", auth), 200],
      ["gate without a token", () => browser().get("/api/v1/authorizations?email=ambassador%40ambassade.test&channel=linkedin"), 401],
      ["gate, bad parameters", () => browser().get("/api/v1/authorizations?email=nope", auth), 400],
      ["batch", () => browser().postJson("/api/v1/authorizations", { checks: [{ email: "ambassador@ambassade.test", channel: "linkedin" }] }, auth), 200],
      ["credential", () => browser().get(`/api/v1/credentials/${credentialId}`), 200],
      ["unknown credential", () => browser().get("/api/v1/credentials/no-such-credential"), 404],
      ["verify, wrong method", () => browser().get("/api/v1/verify"), 405],
      ["verify, garbage", () => browser().postJson("/api/v1/verify", { credential: 42 }), 400],
      ["OpenAPI", () => browser().get("/api/v1/openapi.json"), 200],
      ["unknown endpoint", () => browser().get("/api/v1/nothing-here"), 404],
    ];
    for (const [label, send, status] of cases) {
      const response = await send();
      const body = await response.text();
      expect(response.status, label).toBe(status);
      expect(response.headers.get("content-type"), label).toMatch(/^application\/json/);
      expect(response.headers.get("cache-control"), label).toMatch(/no-store/);
      expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
      expect(() => JSON.parse(body), label).not.toThrow();
      expect(leakIn(body), label).toBeNull();
    }
  });
});

describe("error pages in production", () => {
  it("a 404, a 403 and a 405 show a friendly page without a stack trace or a source path", async () => {
    const cases: [string, () => Promise<Response>, number, RegExp][] = [
      ["404", () => employee.get("/no-such-page"), 404, /Page introuvable|not found/i],
      ["403", () => employee.get("/admin/settings"), 403, /Accès refusé|not allowed|forbidden/i],
      ["405", () => employee.post("/home", {}), 405, /./],
    ];
    for (const [label, send, status, message] of cases) {
      const response = await send();
      const body = await response.text();
      expect(response.status, label).toBe(status);
      expect(leakIn(body), `${label} leaks`).toBeNull();
      expect(body, label).not.toMatch(/"stack"\s*:/);
      expect(response.headers.get("content-security-policy"), label).toMatch(/frame-ancestors 'none'/);
      expect(body, label).toMatch(message);
    }
  });
});
