/**
 * Runs before each test file, in that file's own process: a fresh SQLite file, migrated, and a
 * private outbox. Tests hit this real database, never a mock.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { TEST_DEMO_PASSWORD } from "./demo-password";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.db");
process.env.OUTBOX_DIR = path.join(dir, "outbox");
process.env.APP_SECRET = "test-secret";
process.env.DEMO_PASSWORD = TEST_DEMO_PASSWORD;
delete process.env.SMTP_URL;

const { getDb, closeDb } = await import("../../db/connection");
const { runMigrations } = await import("../../db/migrate");
runMigrations(getDb());

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
