/**
 * Starts the real production build behind the real HTTP server, on a free port, against this test
 * file's SQLite database. `npm test` builds before running the suites.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createAppServer, type ServerOptions } from "../../app/server/http";

export type TestServer = { url: string; close: () => Promise<void> };

/** `options` as `npm start` would pass them (APP_URL, TRUST_PROXY…); none by default. */
export async function startServer(options: Partial<Omit<ServerOptions, "build" | "publicDir" | "mode">> = {}): Promise<TestServer> {
  const buildFile = path.resolve("build/index.js");
  if (!fs.existsSync(buildFile)) throw new Error("No production build: run `npm run build` before the integration tests.");
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const server = createAppServer({ build, publicDir: path.resolve("public"), mode: "production", ...options });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A minimal browser: keeps cookies, sends the page's Origin on mutations, never follows redirects. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  /** The Cookie header this client sends (for tests that write raw HTTP). */
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

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  async get(pathname: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(this.base + pathname, { headers: { Cookie: this.cookieHeader(), ...headers }, redirect: "manual" });
    this.remember(response);
    return response;
  }

  /** Posts a form as a browser would: urlencoded, same Origin. Arrays become repeated fields. */
  async post(pathname: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const response = await fetch(this.base + pathname, {
      method: "POST",
      body,
      headers: { Cookie: this.cookieHeader(), Origin: this.base, "Content-Type": "application/x-www-form-urlencoded", ...headers },
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<Response> {
    return this.post("/login", { email, password });
  }
}
