/**
 * `npm run cli -- backup --all <folder>` and `restore <folder>`: everything a restore needs (database,
 * credential signing key, cookie secret, uploaded images) backed up while the server writes, and put
 * back into a fresh folder where a new server signs people in, still verifies a credential issued
 * before the backup and serves the uploaded image. A damaged backup, an existing target, a running
 * server and bad usage are refused, writing nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath, getDb } from "../../db/connection";
import { credentials } from "../../db/schema";
import { mediaDir, storeMedia } from "../../app/models/media.server";
import { issuerKeyFile } from "../../app/utils/issuer-key.server";
import { appSecret, appSecretFile } from "../../app/utils/secret.server";
import { runCli as cli } from "../support/cli";
import { freePort } from "../support/security";
import { Client, startServer, type TestServer } from "../support/server";
import { DEMO_PASSWORD, seedDemoOrganisation } from "../support/fixtures";
import { grantFor, signCharter } from "../support/gate";

/** The newest migration's tag, as the journal records it: the manifest names the schema it was written at. */
function newestMigration(): string {
  const journal = JSON.parse(fs.readFileSync(path.resolve("db/migrations/meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  return journal.entries.at(-1)?.tag ?? "";
}

// The secret from its file, as on a default install (tests/support/setup.ts sets APP_SECRET): the
// server, and the CLI processes that inherit this environment, create and use <database folder>/app-secret.
delete process.env.APP_SECRET;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-backup-all-"));
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** The real server in its own process, on `database`, with the key and secret beside it. */
async function serverOn(database: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: database,
      SKIP_BUILD: "1",
      SEED_DEMO: "0",
      PORT: String(port),
      HOST: "127.0.0.1",
      INSECURE_COOKIES: "1",
      WORKERS: "1",
    },
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 300) {
      await stop();
      throw new Error("the server did not start");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop };
}

/** Every file under `folder`, relative, sorted. */
function listing(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return (fs.readdirSync(folder, { recursive: true }) as string[]).sort();
}

let server: TestServer;
let jwt: string;
let image: string;
beforeAll(async () => {
  await seedDemoOrganisation();
  // The secret file, as the server creates it on its first flash message.
  appSecret();
  // A credential signed with this install's key, and an uploaded image.
  signCharter("demo-lucas.bernard");
  const accreditationId = grantFor("demo-lucas.bernard", ["linkedin"]);
  jwt = getDb().select().from(credentials).where(eq(credentials.accreditationId, accreditationId)).get()!.jwt;
  image = storeMedia("demo-trainer", { fileName: "schema.png", bytes: PNG }).src.slice("/media/".length);
  // Enough pages that the copy takes a moment.
  const sqlite = getDb().$client;
  const insert = sqlite.prepare("insert into audit_log (actor_id, action, subject_type, subject_id, data) values (null, 'bench.filler', 'filler', ?, ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 30_000; i++) insert.run(`filler-${i}`, JSON.stringify({ i, note: "x".repeat(200) }));
  })();
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const backup = path.join(dir, "backup-all");
const restoredDb = path.join(dir, "restored", "ambassade.db");

describe("npm run cli -- backup --all", () => {
  it("writes the database, signing key, secret and images with a manifest while the server writes", async () => {
    const people = new Client(server.url);
    expect((await people.signIn("trainer@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
    expect(fs.existsSync(appSecretFile())).toBe(true);

    let running = true;
    let writesDuring = 0;
    const writer = (async () => {
      for (let i = 0; running; i++) {
        expect((await people.post("/language", { locale: i % 2 ? "fr" : "en", redirectTo: "/home" })).status).toBe(302);
        writesDuring++;
      }
    })();
    const result = await cli(["backup", "--all", backup]).finally(() => (running = false));
    await writer;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Backup written: .*backup-all .*signing key, secret, 1 image/);
    expect(writesDuring).toBeGreaterThan(0);

    expect(listing(backup)).toEqual(["app-secret", "database.db", "issuer-ed25519.pem", "manifest.json", "media", `media/${image}`]);
    // Nothing left beside it by the temporary folder.
    expect(fs.readdirSync(dir)).toEqual(["backup-all"]);
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({
      format: "ambassade-backup",
      formatVersion: 1,
      appVersion: "0.1.0",
      migration: newestMigration(),
      secret: "file",
      issuerKey: "file",
    });
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(["database.db", "issuer-ed25519.pem", "app-secret", `media/${image}`]);
    expect(manifest.files.find((f: { path: string }) => f.path === `media/${image}`)).toEqual({
      path: `media/${image}`,
      size: PNG.length,
      sha256: image.slice(0, 64),
    });

    // Key and secret are the live ones, owner-only; the folder too.
    expect(fs.readFileSync(path.join(backup, "issuer-ed25519.pem")).equals(fs.readFileSync(issuerKeyFile()))).toBe(true);
    expect(fs.readFileSync(path.join(backup, "app-secret")).equals(fs.readFileSync(appSecretFile()))).toBe(true);
    for (const f of ["issuer-ed25519.pem", "app-secret"]) expect(fs.statSync(path.join(backup, f)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(backup).mode & 0o777).toBe(0o700);

    const copy = new Database(path.join(backup, "database.db"), { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect((copy.prepare("select count(*) as n from credentials where jwt = ?").get(jwt) as { n: number }).n).toBe(1);
      expect((copy.prepare("select count(*) as n from media").get() as { n: number }).n).toBe(1);
    } finally {
      copy.close();
    }
  }, 90_000);

  it("restores into a fresh folder: a server there signs people in, verifies the earlier credential and serves the image", async () => {
    const result = await cli(["restore", backup], { DATABASE_PATH: restoredDb });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Restored from");
    const folder = path.dirname(restoredDb);
    expect(listing(folder)).toEqual(["ambassade.db", "app-secret", "issuer-ed25519.pem", "media", `media/${image}`]);
    for (const f of ["issuer-ed25519.pem", "app-secret"]) {
      expect(fs.readFileSync(path.join(folder, f)).equals(fs.readFileSync(path.join(backup, f)))).toBe(true);
      expect(fs.statSync(path.join(folder, f)).mode & 0o777).toBe(0o600);
    }

    const restored = await serverOn(restoredDb);
    try {
      const client = new Client(restored.url);
      const signIn = await client.signIn("trainer@ambassade.test", DEMO_PASSWORD);
      expect(signIn.status).toBe(302);
      expect(signIn.headers.get("location")).toBe("/home");
      expect((await client.get("/home")).status).toBe(200);

      // The key came back: the credential signed before the backup still verifies.
      const verify = await fetch(`${restored.url}/api/v1/verify`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ credential: jwt }),
      });
      expect(verify.status).toBe(200);
      expect(await verify.json()).toMatchObject({ valid: true, signatureValid: true, status: "valid" });

      const media = await client.get(`/media/${image}`);
      expect(media.status).toBe(200);
      expect(Buffer.from(await media.arrayBuffer()).equals(PNG)).toBe(true);

      // While that server runs, a restore over its database is refused, even with --force.
      const busy = await cli(["restore", "--force", backup], { DATABASE_PATH: restoredDb });
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain("is open in another process (is the server running?)");
      expect(listing(folder).filter((f) => f.includes(".restore-"))).toEqual([]);
    } finally {
      await restored.stop();
    }
  }, 90_000);

  it("refuses an existing target without --force, and replaces it with --force", async () => {
    const folder = path.dirname(restoredDb);
    const before = fs.readFileSync(restoredDb);
    const refused = await cli(["restore", backup], { DATABASE_PATH: restoredDb });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("would be replaced");
    expect(refused.stderr).toContain(restoredDb);
    expect(refused.stderr).toContain("--force");
    expect(fs.readFileSync(restoredDb).equals(before)).toBe(true);

    // A stale write-ahead log of the replaced database must not survive the restore.
    fs.writeFileSync(`${restoredDb}-wal`, "stale");
    const forced = await cli(["restore", "--force", backup], { DATABASE_PATH: restoredDb });
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    expect(fs.existsSync(`${restoredDb}-wal`)).toBe(false);
    expect(fs.readFileSync(restoredDb).equals(fs.readFileSync(path.join(backup, "database.db")))).toBe(true);
    expect(listing(folder).filter((f) => f.includes(".restore-"))).toEqual([]);

    // backup --all: an existing folder needs --force, and --force replaces only an earlier backup.
    const again = await cli(["backup", "--all", backup]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    const other = path.join(dir, "not-a-backup");
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, "precious.txt"), "keep me");
    const notBackup = await cli(["backup", "--all", "--force", other]);
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr).toContain("is not a backup folder");
    expect(listing(other)).toEqual(["precious.txt"]);
    const replaced = await cli(["backup", "--all", "--force", backup]);
    expect(replaced.code).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.includes(".partial-"))).toEqual([]);
  }, 90_000);

  it("refuses a damaged or incomplete backup before writing anything", async () => {
    const target = path.join(dir, "untouched", "ambassade.db");
    const cases: [string, (folder: string) => void, RegExp][] = [
      [
        "tampered database",
        (f) => {
          const file = path.join(f, "database.db");
          const bytes = fs.readFileSync(file);
          bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff; // same size, one byte changed
          fs.writeFileSync(file, bytes);
        },
        /database\.db does not match its sha256/,
      ],
      [
        "swapped key",
        (f) => fs.writeFileSync(path.join(f, "issuer-ed25519.pem"), fs.readFileSync(path.join(f, "issuer-ed25519.pem"), "utf8").replace(/[A-Z]/, "x")),
        /issuer-ed25519\.pem does not match/,
      ],
      ["missing image", (f) => fs.rmSync(path.join(f, "media", image)), /media\/[0-9a-f]{64}\.png is missing/],
      ["no manifest", (f) => fs.rmSync(path.join(f, "manifest.json")), /no manifest\.json/],
      [
        "edited manifest",
        (f) =>
          fs.writeFileSync(path.join(f, "manifest.json"), fs.readFileSync(path.join(f, "manifest.json"), "utf8").replace('"database.db"', '"../escape.db"')),
        /manifest\.json: files/,
      ],
    ];
    for (const [name, damage, message] of cases) {
      const copy = path.join(dir, `damaged-${cases.findIndex((c) => c[0] === name)}`);
      fs.cpSync(backup, copy, { recursive: true });
      damage(copy);
      const result = await cli(["restore", copy], { DATABASE_PATH: target });
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toContain("damaged or incomplete; nothing was restored");
      expect(result.stderr, name).toMatch(message);
      expect(fs.existsSync(path.dirname(target)), name).toBe(false);
    }
  }, 90_000);

  it("says when the secret comes from APP_SECRET, and keeps no file for it", async () => {
    const folder = path.join(dir, "with-env-secret");
    const result = await cli(["backup", "--all", folder], { APP_SECRET: "from-the-environment" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("comes from APP_SECRET and is not in the backup");
    expect(fs.existsSync(path.join(folder, "app-secret"))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(folder, "manifest.json"), "utf8")).secret).toBe("APP_SECRET");

    const target = path.join(dir, "env-restored", "ambassade.db");
    const restored = await cli(["restore", folder], { DATABASE_PATH: target });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain("start the server with the same APP_SECRET");
    expect(fs.existsSync(path.join(path.dirname(target), "app-secret"))).toBe(false);
  }, 60_000);

  it("explains bad usage (exit 2) and refuses what is not a backup folder (exit 1)", async () => {
    for (const args of [
      ["backup", "--all"],
      ["backup", "--all", "a", "b"],
      ["backup", "--all", "--frobnicate", "a"],
    ]) {
      const result = await cli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain("Usage: npm run cli -- backup <file> [--force] | backup --all <folder> [--force]");
    }
    for (const args of [["restore"], ["restore", "a", "b"], ["restore", "--frobnicate", "a"]]) {
      const result = await cli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain("Usage: npm run cli -- restore <folder> [--force]");
    }
    const target = path.join(dir, "nothing-here", "ambassade.db");
    const missing = await cli(["restore", path.join(dir, "no-such-backup")], { DATABASE_PATH: target });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("does not exist");
    const file = await cli(["restore", path.join(backup, "database.db")], { DATABASE_PATH: target });
    expect(file.code).toBe(1);
    expect(file.stderr).toContain("is a file, not a backup folder");
    expect(fs.existsSync(path.dirname(target))).toBe(false);
    // The live database stays where it is.
    expect(fs.existsSync(databasePath())).toBe(true);
    expect(fs.readdirSync(mediaDir())).toEqual([image]);
  }, 60_000);
});
