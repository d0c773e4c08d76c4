/**
 * Issue 13, "safe to deploy": each finding of the attacker's review, reproduced against the real HTTP
 * server and the real database. Each of these tests failed on the code before the fix.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "../../../db/connection";
import { auditLog, loginThrottle, mailOutbox, sessions, users } from "../../../db/schema";
import { passwordVerifications } from "../../../app/auth/password.server";
import { deleteExpiredSessions, resetSessionLimitsCache } from "../../../app/auth/session.server";
import { THROTTLE_RULES } from "../../../app/domain/throttle";
import { updateSettings } from "../../../app/models/settings.server";
import { safeRedirect } from "../../../app/utils/redirect";
import { DEMO_PASSWORD, flushMail, linkIn, readOutbox, seedDemoOrganisation, snapshotDatabase } from "../../support/fixtures";
import { Browser, startChildServer } from "../../support/security";
import { startServer, type TestServer } from "../../support/server";

let server: TestServer;
let proxied: TestServer;
let fixed: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  // Behind one reverse proxy (TRUST_PROXY=1).
  proxied = await startServer({ trustProxy: 1 });
  // A production origin: APP_URL set.
  fixed = await startServer({ appUrl: "https://ambassade.example.com" });
});
afterAll(async () => {
  await Promise.all([server.close(), proxied.close(), fixed.close()]);
});

function clearThrottle() {
  getDb().delete(loginThrottle).run();
}

/** One raw HTTP/1.1 exchange: any Host, any header, nothing normalised by a client library. */
async function raw(base: string, request: string): Promise<{ status: number; headers: string; body: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.end(request));
    let data = "";
    socket.on("data", (chunk) => (data += chunk.toString("utf8")));
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", ...rest] = data.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body: rest.join("\r\n\r\n") });
    });
  });
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

function post(pathname: string, host: string, fields: Record<string, string>, extra: Record<string, string> = {}): string {
  const body = form(fields);
  const headers = {
    Host: host,
    "Content-Type": "application/x-www-form-urlencoded",
    "Content-Length": String(Buffer.byteLength(body)),
    Connection: "close",
    ...extra,
  };
  return `POST ${pathname} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n")}\r\n\r\n${body}`;
}

describe("sign-in throttling holds under concurrency (ASVS 2.2.1)", () => {
  it("100 parallel sign-ins on one account, the right password after a dozen wrong: refused, and no more passwords verified than the limit", async () => {
    clearThrottle();
    const before = passwordVerifications();
    const passwords = Array.from({ length: 100 }, (_, i) => (i === 12 ? DEMO_PASSWORD : `wrong-password-${i}`));
    // Released at once: every request is on the wire before the first verification ends (~50 ms each).
    const responses = await Promise.all(passwords.map((password) => new Browser(server.url).post("/login", { email: "trainer@ambassade.test", password })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(0);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(100 - THROTTLE_RULES.email.maxFailures);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(passwordVerifications() - before).toBeLessThanOrEqual(THROTTLE_RULES.email.maxFailures);
    // And the account stays locked for the right password afterwards.
    expect((await new Browser(server.url).post("/login", { email: "trainer@ambassade.test", password: DEMO_PASSWORD })).status).toBe(429);
    clearThrottle();
  }, 60_000);

  it("a successful sign-in gives its reservation back: an office signing in all morning is never locked out", async () => {
    clearThrottle();
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures + 5; i++) {
      expect((await new Browser(server.url).post("/login", { email: "learner@ambassade.test", password: DEMO_PASSWORD })).status).toBe(302);
    }
    clearThrottle();
  }, 60_000);

  it("behind a proxy (TRUST_PROXY=1), 40 forged X-Forwarded-For values in parallel never bypass the per-address limit", async () => {
    clearThrottle();
    const before = passwordVerifications();
    // The proxy appends the address it saw (203.0.113.7); what the client wrote is further left.
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        new Browser(proxied.url).post(
          "/login",
          { email: `nobody-${i}@ambassade.test`, password: "wrong-password" },
          { "X-Forwarded-For": `10.9.${i}.1, 203.0.113.7` },
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - THROTTLE_RULES.ip.maxFailures);
    expect(passwordVerifications() - before).toBeLessThanOrEqual(THROTTLE_RULES.ip.maxFailures);
    const keys = getDb()
      .select({ key: loginThrottle.key })
      .from(loginThrottle)
      .all()
      .map((r) => r.key);
    expect(keys).toContain("ip:203.0.113.7");
    expect(keys.filter((k) => k.startsWith("ip:10.9."))).toEqual([]);
    clearThrottle();
  }, 60_000);

  it("without TRUST_PROXY, X-Forwarded-For is ignored altogether", async () => {
    clearThrottle();
    await new Browser(server.url).post("/login", { email: "nobody@ambassade.test", password: "wrong-password" }, { "X-Forwarded-For": "198.51.100.1" });
    const keys = getDb()
      .select({ key: loginThrottle.key })
      .from(loginThrottle)
      .all()
      .map((r) => r.key);
    expect(keys.some((k) => k.includes("198.51.100.1"))).toBe(false);
    clearThrottle();
  });
});

describe("links from a fixed origin; Host checked (ASVS 5.1.5, 14.x)", () => {
  it("with APP_URL, a request for another host is refused with 400, forged X-Forwarded-Host too, and no mail is queued", async () => {
    const mails = getDb().select().from(mailOutbox).all().length;
    const evil = await raw(fixed.url, post("/forgot-password", "evil.example", { email: "learner@ambassade.test" }, { Origin: "http://evil.example" }));
    expect(evil.status).toBe(400);
    const forwarded = await raw(
      fixed.url,
      post(
        "/forgot-password",
        "ambassade.example.com",
        { email: "learner@ambassade.test" },
        { Origin: "https://ambassade.example.com", "X-Forwarded-Host": "evil.example" },
      ),
    );
    // X-Forwarded-Host is not read without TRUST_PROXY; the request is APP_URL's.
    expect(forwarded.status).toBe(200);
    await flushMail();
    const queued = getDb().select().from(mailOutbox).all();
    expect(queued.length).toBe(mails + 1);
    const good = await raw(fixed.url, `GET /login HTTP/1.1\r\nHost: ambassade.example.com\r\nConnection: close\r\n\r\n`);
    expect(good.status).toBe(200);
    expect(good.headers).toMatch(/Strict-Transport-Security: max-age=31536000/i);
    // Load balancers probe by address.
    expect((await raw(fixed.url, `GET /healthz HTTP/1.1\r\nHost: 10.0.0.5:3000\r\nConnection: close\r\n\r\n`)).status).toBe(200);
  });

  it("behind a trusted proxy, a forged X-Forwarded-Host is refused", async () => {
    const trusted = await startServer({ appUrl: "https://ambassade.example.com", trustProxy: 1 });
    try {
      const forged = await raw(
        trusted.url,
        `GET /login HTTP/1.1\r\nHost: ambassade.example.com\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n`,
      );
      expect(forged.status).toBe(400);
      const good = await raw(trusted.url, `GET /login HTTP/1.1\r\nHost: internal:3000\r\nX-Forwarded-Host: ambassade.example.com\r\nConnection: close\r\n\r\n`);
      expect(good.status).toBe(200);
    } finally {
      await trusted.close();
    }
  });

  it("a reset link mailed after a request with a forged Host and X-Forwarded-Proto points at APP_URL, never at the attacker", async () => {
    clearThrottle();
    const port = new URL(proxied.url).port;
    const response = await raw(
      proxied.url,
      post(
        "/forgot-password",
        `evil.example:${port}`,
        { email: "manager@ambassade.test" },
        { Origin: `https://evil.example:${port}`, "X-Forwarded-Proto": "https" },
      ),
    );
    expect(response.status).toBe(200);
    const mail = (await readOutbox()).filter((m) => m.to.includes("manager@ambassade.test")).pop()!;
    const link = new URL(linkIn(mail.body));
    expect(link.origin).toBe(new URL(process.env.APP_URL ?? "http://localhost:3000").origin);
    expect(link.hostname).not.toContain("evil");
  });

  it("a malformed Host gets a 400, with nothing in the log", async () => {
    const errors = vi.spyOn(console, "error");
    try {
      for (const host of ["exa mple", "[::1", "a@b", "evil.example/x", "a..b:99999999"]) {
        const response = await raw(server.url, `GET /login HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
        expect(response.status, host).toBe(400);
        expect(response.body).not.toMatch(/at .*\.(js|ts):\d+/);
      }
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("npm start in production without APP_URL on a network address stops and says what to set", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        SKIP_BUILD: "1",
        HOST: "0.0.0.0",
        PORT: "0",
        APP_URL: "",
        DATABASE_PATH: path.join(os.tmpdir(), `never-${process.pid}.db`),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain("APP_URL=https://");
    expect(output).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("mail is sent after the reply (ASVS 2.2.x enumeration)", () => {
  it("/forgot-password answers at once while the mail server hangs, the same for an account and for nobody", async () => {
    // A mail server that accepts the connection and never says a word.
    const hanging = net.createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(hanging.address() as net.AddressInfo).port}`;
    try {
      const timings = { known: [] as number[], unknown: [] as number[] };
      for (let i = 0; i < 15; i++) {
        for (const [kind, email] of [
          ["known", "ambassador@ambassade.test"],
          ["unknown", `nobody-${i}@ambassade.test`],
        ] as const) {
          const started = performance.now();
          const response = await new Browser(server.url).post("/forgot-password", { email });
          await response.text();
          expect(response.status).toBe(200);
          timings[kind].push(performance.now() - started);
        }
      }
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      expect(median(timings.known)).toBeLessThan(1_000);
      // Before: ~80 ms against ~18 ms, and a hanging mail server held the answer for minutes.
      expect(Math.abs(median(timings.known) - median(timings.unknown))).toBeLessThan(40);
      expect(getDb().select().from(mailOutbox).where(eq(mailOutbox.to, "ambassador@ambassade.test")).all().length).toBeGreaterThan(0);
    } finally {
      delete process.env.SMTP_URL;
      hanging.close();
    }
  });
});

describe("redirects (ASVS 5.1.5)", () => {
  it("redirectTo leaves the site or carries control characters: the safe default, never a 500", async () => {
    clearThrottle();
    for (const target of ["/\t/evil.example/x", "/\n/x", "//evil", "/\\evil", "https://evil.example", "/\r\nSet-Cookie: x=1", "/%09/evil.example", " /home"]) {
      expect(safeRedirect(target), JSON.stringify(target)).toBe(target === "/%09/evil.example" ? "/%09/evil.example" : "/home");
      const response = await new Browser(server.url).post("/login", { email: "learner@ambassade.test", password: DEMO_PASSWORD, redirectTo: target });
      expect(response.status, JSON.stringify(target)).toBe(302);
      const location = response.headers.get("location")!;
      expect(new URL(location, "http://same.invalid").origin).toBe("http://same.invalid");
    }
    expect(safeRedirect("/people?q=a#x")).toBe("/people?q=a#x");
  });
});

describe("passwords (ASVS 2.1.1, 2.1.7)", () => {
  it("too short, guessable or made of one's own name and email: refused with a clear message; a good one is accepted", async () => {
    const admin = new Browser(server.url);
    await admin.signIn("admin@ambassade.test");
    await admin.post("/people/invite", { name: "Margot Lambert", email: "margot.lambert@ambassade.test", teamId: "team-ops", roles: ["employee"] });
    const mail = (await readOutbox()).filter((m) => m.to.includes("margot.lambert")).pop()!;
    const link = new URL(linkIn(mail.body)).pathname;
    const cases: [string, string][] = [
      [" ".repeat(10), "security.errors.passwordTooShort"],
      [" ".repeat(14), "security.errors.passwordWeak"],
      ["aaaaaaaaaaaa", "security.errors.passwordWeak"],
      ["motdepasse123", "security.errors.passwordWeak"],
      ["margot.lambert@ambassade.test", "security.errors.passwordPersonal"],
      ["MargotLambert2026!", "security.errors.passwordPersonal"],
    ];
    for (const [password, key] of cases) {
      const response = await new Browser(server.url).post(`${link}?_data=${encodeURIComponent("routes/invite.$token")}`, { password, confirm: password });
      expect(response.status, password).toBe(400);
      expect(((await response.json()) as { fieldErrors: Record<string, string> }).fieldErrors.password, password).toBe(key);
    }
    expect(getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.email, "margot.lambert@ambassade.test")).get()!.hash).toBeNull();
    const page = await new Browser(server.url).post(link, { password: "aaaaaaaaaaaa", confirm: "aaaaaaaaaaaa" });
    expect(await page.text()).toContain("trop facile à deviner");
    expect((await new Browser(server.url).post(link, { password: "gravel-lantern-otter-42", confirm: "gravel-lantern-otter-42" })).status).toBe(302);
  }, 60_000);
});

describe("names and free text (ASVS 5.1.3, 5.1.4)", () => {
  it("control, bidirectional-override and zero-width characters are refused with a clear message, nothing written", async () => {
    const admin = new Browser(server.url);
    await admin.signIn("admin@ambassade.test");
    const before = snapshotDatabase();
    for (const name of ["Eve\u202Egnp.exe", "A\u0000B", "\u001b[31mRed", "Zero\u200bWidth", "Two\nLines", "Iso\u2066late"]) {
      const invited = await admin.post(`/people/invite?_data=${encodeURIComponent("routes/people.invite")}`, {
        name,
        email: "bidi@ambassade.test",
        teamId: "team-ops",
        roles: ["employee"],
      });
      expect(invited.status, JSON.stringify(name)).toBe(400);
      expect(((await invited.json()) as { fieldErrors: Record<string, string> }).fieldErrors.name).toBe("security.errors.forbiddenCharacters");
      const team = await admin.post(`/admin/teams?_data=${encodeURIComponent("routes/admin.teams")}`, { intent: "create", name });
      expect(team.status, JSON.stringify(name)).toBe(400);
      const renamed = await admin.post(`/people/demo-learner?_data=${encodeURIComponent("routes/people.$userId")}`, {
        intent: "update",
        name,
        teamId: "team-comms",
        roles: ["employee"],
      });
      expect(renamed.status, JSON.stringify(name)).toBe(400);
    }
    expect(snapshotDatabase()).toBe(before);
    const page = await admin.post("/people/invite", { name: "Eve\u202Egnp.exe", email: "bidi@ambassade.test", teamId: "team-ops", roles: ["employee"] });
    expect(await page.text()).toContain("caractères invisibles ou de contrôle");
    // Accents, apostrophes and hyphens are names too.
    expect(
      (await admin.post("/people/invite", { name: "Zoé N’Diaye-Kéïta", email: "zoe.ndiaye@ambassade.test", teamId: "team-ops", roles: ["employee"] })).status,
    ).toBe(302);
  });
});

describe("manager invitations (ASVS 4.x, enumeration)", () => {
  it("inviting an address that has an account outside the manager's teams answers exactly as a new invitation, and changes nobody", async () => {
    const manager = new Browser(server.url);
    await manager.signIn("manager@ambassade.test");
    const camille = () => getDb().select().from(users).where(eq(users.email, "camille.simon@ambassade.test")).get();
    const before = camille();
    const existing = await manager.post("/people/invite", {
      name: "Camille S",
      email: "camille.simon@ambassade.test",
      teamId: "team-comms",
      roles: ["employee"],
    });
    const fresh = await manager.post("/people/invite", {
      name: "Nouvelle Personne",
      email: "nouvelle.personne@ambassade.test",
      teamId: "team-comms",
      roles: ["employee"],
    });
    expect(existing.status).toBe(fresh.status);
    expect(existing.headers.get("location")).toBe(fresh.headers.get("location"));
    const flash = (r: Response) => r.headers.getSetCookie().some((c) => c.startsWith("ambassade_flash="));
    expect(flash(existing)).toBe(flash(fresh));
    expect(camille()).toEqual(before);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "person.invite_existing"), eq(auditLog.subjectId, before!.id)))
      .all();
    expect(audit).toHaveLength(1);
    // Nothing queued for Camille.
    expect(getDb().select().from(mailOutbox).where(eq(mailOutbox.to, "camille.simon@ambassade.test")).all()).toHaveLength(0);
  });
});

describe("sessions (ASVS 3.2, 3.3, 3.4)", () => {
  it("the database holds a hash of the session token, never the token", async () => {
    const browser = new Browser(server.url);
    await browser.signIn("ambassador@ambassade.test");
    const token = /ambassade_session=([^;]+)/.exec(browser.cookieHeader())![1]!;
    const ids = getDb()
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, "demo-ambassador"))
      .all()
      .map((r) => r.id);
    expect(ids).not.toContain(token);
    expect(ids).toContain(createHash("sha256").update(token).digest("hex"));
  });

  it("ends after the idle limit and after the absolute limit, both settings", async () => {
    const browser = new Browser(server.url);
    await browser.signIn("ambassador@ambassade.test");
    const token = /ambassade_session=([^;]+)/.exec(browser.cookieHeader())![1]!;
    const id = createHash("sha256").update(token).digest("hex");
    const row = getDb().select().from(sessions).where(eq(sessions.id, id)).get()!;
    expect(row.expiresAt - row.createdAt).toBe(12 * 3600);
    expect((await browser.get("/home")).status).toBe(200);
    // Used constantly, but signed in 31 days ago: over.
    const now = Math.floor(Date.now() / 1000);
    getDb()
      .update(sessions)
      .set({ createdAt: now - 31 * 86_400, expiresAt: now + 3600 })
      .where(eq(sessions.id, id))
      .run();
    expect((await browser.get("/home")).status).toBe(302);
    // The settings change both.
    updateSettings("demo-admin", { "session.idleHours": 2, "session.absoluteDays": 7 });
    resetSessionLimitsCache();
    const again = new Browser(server.url);
    await again.signIn("ambassador@ambassade.test");
    const newest = getDb()
      .select()
      .from(sessions)
      .where(eq(sessions.userId, "demo-ambassador"))
      .all()
      .sort((a, b) => b.createdAt - a.createdAt)[0]!;
    expect(newest.expiresAt - newest.createdAt).toBe(2 * 3600);
    updateSettings("demo-admin", { "session.idleHours": 12, "session.absoluteDays": 30 });
    resetSessionLimitsCache();
  }, 60_000);

  it("the housekeeping job deletes expired sessions", async () => {
    const now = Math.floor(Date.now() / 1000);
    getDb()
      .insert(sessions)
      .values([
        { id: "expired-idle", userId: "demo-learner", createdAt: now - 3600, expiresAt: now - 1 },
        { id: "expired-absolute", userId: "demo-learner", createdAt: now - 40 * 86_400, expiresAt: now + 100 },
        { id: "still-fine", userId: "demo-learner", createdAt: now, expiresAt: now + 100 },
      ])
      .run();
    expect(await deleteExpiredSessions()).toBeGreaterThanOrEqual(2);
    const left = getDb()
      .select({ id: sessions.id })
      .from(sessions)
      .all()
      .map((r) => r.id);
    expect(left).toContain("still-fine");
    expect(left).not.toContain("expired-idle");
    expect(left).not.toContain("expired-absolute");
  });
});

describe("robustness with a read-only database (ASVS 7.4, 14.x)", () => {
  it("/healthz says what is wrong (503) and sign-in gives a clear 503, not a 500", async () => {
    clearThrottle();
    const client = getDb().$client;
    client.pragma("query_only = ON");
    try {
      const health = await new Browser(server.url).get("/healthz");
      expect(health.status).toBe(503);
      expect(await health.text()).toMatch(/not writable/);
      const signIn = await new Browser(server.url).post("/login", { email: "learner@ambassade.test", password: DEMO_PASSWORD });
      expect(signIn.status).toBe(503);
      expect(await signIn.text()).toContain("ne peut pas enregistrer");
      const invite = await new Browser(server.url).post("/forgot-password", { email: "learner@ambassade.test" });
      expect(invite.status).toBe(503);
    } finally {
      client.pragma("query_only = OFF");
    }
    expect((await new Browser(server.url).get("/healthz")).status).toBe(200);
  }, 30_000);
});

describe("no known password in production (ASVS 2.3.1, 2.5.x)", () => {
  it("the first start generates the demo password, prints it once and keeps it in a 0600 file; SEED_DEMO=0 gives an empty organisation", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-first-start-"));
    try {
      const env = { DATABASE_PATH: path.join(dir, "data", "ambassade.db"), OUTBOX_DIR: path.join(dir, "outbox"), DEMO_PASSWORD: "" };
      const first = await startChildServer(env);
      const file = path.join(dir, "data", "demo-password.txt");
      let password = "";
      try {
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        password = fs.readFileSync(file, "utf8").trim();
        expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
        expect(first.output()).toContain(password);
        const browser = new Browser(first.url);
        expect((await browser.post("/login", { email: "admin@ambassade.test", password: "ambassade-demo" })).status).toBe(401);
        const signedIn = await browser.post("/login", { email: "admin@ambassade.test", password });
        expect(signedIn.status).toBe(302);
        // Every cookie is Secure in production, the flash too.
        expect(signedIn.headers.getSetCookie().find((c) => c.startsWith("ambassade_session="))).toMatch(/;\s*Secure/i);
        const invited = await browser.post("/people/invite", {
          name: "Secure Cookie",
          email: "secure.cookie@ambassade.test",
          teamId: "team-ops",
          roles: ["employee"],
        });
        expect(invited.headers.getSetCookie().find((c) => c.startsWith("ambassade_flash="))).toMatch(/;\s*Secure/i);
      } finally {
        await first.stop();
      }
      const second = await startChildServer(env);
      try {
        expect(second.output()).not.toContain(password);
        expect(second.output()).toContain("demo-password.txt");
      } finally {
        await second.stop();
      }
      const empty = await startChildServer({ ...env, DATABASE_PATH: path.join(dir, "empty", "ambassade.db"), SEED_DEMO: "0" });
      try {
        expect(fs.existsSync(path.join(dir, "empty", "demo-password.txt"))).toBe(false);
        const browser = new Browser(empty.url);
        expect((await browser.post("/login", { email: "admin@ambassade.test", password })).status).toBe(401);
      } finally {
        await empty.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
