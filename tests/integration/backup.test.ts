/**
 * `npm run cli -- backup <file>`: an online backup taken while the server writes, that opens, passes
 * SQLite's integrity check, holds what was written before it started, and restores into a server one
 * can sign in to.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath, getDb } from "../../db/connection";
import { runCli as cli } from "../support/cli";
import { freePort } from "../support/security";
import { Client, startServer, type TestServer } from "../support/server";
import { DEMO_PASSWORD, seedDemoOrganisation } from "../support/fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-backup-"));

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  // Enough pages that the copy takes a moment: 60,000 audit rows.
  const sqlite = getDb().$client;
  const insert = sqlite.prepare("insert into audit_log (actor_id, action, subject_type, subject_id, data) values (null, 'bench.filler', 'filler', ?, ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 60_000; i++) insert.run(`filler-${i}`, JSON.stringify({ i, note: "x".repeat(200) }));
  })();
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function signedIn(email: string) {
  const client = new Client(server.url);
  expect((await client.signIn(email, DEMO_PASSWORD)).status).toBe(302);
  return client;
}

function sessionIds(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select id from sessions order by id").all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

describe("npm run cli -- backup", () => {
  it("copies the live database while the server writes: the copy is intact and holds everything written before", async () => {
    // Written before the backup starts: sessions of four sign-ins and a language choice.
    const people = await Promise.all(["admin@ambassade.test", "trainer@ambassade.test", "ambassador@ambassade.test", "manager@ambassade.test"].map(signedIn));
    expect((await people[0]!.post("/language", { locale: "en", redirectTo: "/home" })).status).toBe(302);
    const before = getDb().$client.prepare("select id from sessions").all() as { id: string }[];
    expect(before.length).toBeGreaterThanOrEqual(4);

    // The server keeps writing (language switches) for as long as the backup runs.
    const file = path.join(dir, "live.db");
    let running = true;
    let writesDuring = 0;
    const writer = (async () => {
      for (let i = 0; running; i++) {
        const response = await people[1]!.post("/language", { locale: i % 2 ? "fr" : "en", redirectTo: "/home" });
        expect(response.status).toBe(302);
        writesDuring++;
      }
    })();
    const result = await cli(["backup", file]).finally(() => (running = false));
    await writer;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Backup written: .*live\.db/);
    expect(writesDuring).toBeGreaterThan(0);

    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.pragma("foreign_key_check")).toEqual([]);
      expect((copy.prepare("select count(*) as n from audit_log where action = 'bench.filler'").get() as { n: number }).n).toBe(60_000);
      expect((copy.prepare("select locale from users where email = 'admin@ambassade.test'").get() as { locale: string }).locale).toBe("en");
    } finally {
      copy.close();
    }
    const copied = new Set(sessionIds(file));
    for (const { id } of before) expect(copied.has(id)).toBe(true);
    // A single file: nothing to carry along.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  }, 90_000);

  it("restores: a server started on a copy of the backup lets people sign in", async () => {
    const restored = path.join(dir, "restored", "ambassade.db");
    fs.mkdirSync(path.dirname(restored), { recursive: true });
    fs.copyFileSync(path.join(dir, "live.db"), restored);
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_PATH: restored,
        SKIP_BUILD: "1",
        SEED_DEMO: "0",
        PORT: String(port),
        HOST: "127.0.0.1",
        INSECURE_COOKIES: "1",
        WORKERS: "1",
      },
      stdio: "ignore",
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        const up = await fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) break;
        if (i > 300) throw new Error("the restored server did not start");
        await new Promise((r) => setTimeout(r, 100));
      }
      const client = new Client(url);
      const response = await client.signIn("trainer@ambassade.test", DEMO_PASSWORD);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/home");
      expect((await client.get("/home")).status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
  }, 90_000);

  it("refuses to replace an existing file unless --force, and then replaces it with a good copy", async () => {
    const file = path.join(dir, "existing.db");
    fs.writeFileSync(file, "not a database");
    const refused = await cli(["backup", file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("already exists");
    expect(refused.stderr).toContain("--force");
    expect(fs.readFileSync(file, "utf8")).toBe("not a database");

    const forced = await cli(["backup", "--force", file]);
    expect(forced.code).toBe(0);
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      copy.close();
    }
  }, 60_000);

  it("explains bad usage (exit 2) and a missing database or folder (exit 1), writing nothing", async () => {
    for (const args of [["backup"], ["backup", "a.db", "b.db"], ["backup", "--frobnicate", "a.db"]]) {
      const result = await cli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(/Usage: npm run cli -- backup <file> \[--force\]/);
    }
    const missing = path.join(dir, "nowhere", "ambassade.db");
    const noDatabase = await cli(["backup", path.join(dir, "x.db")], { DATABASE_PATH: missing });
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toContain("No database at");
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(path.join(dir, "x.db"))).toBe(false);

    const noFolder = await cli(["backup", path.join(dir, "no-such-folder", "x.db")]);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toContain("does not exist");

    const overItself = await cli(["backup", databasePath()]);
    expect(overItself.code).toBe(1);
    expect(overItself.stderr).toContain("cannot be written over the database itself");
  }, 60_000);
});
