import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "../../db/connection";

const globalForSecret = globalThis as unknown as { __ambassadeSecret?: string };

/** Where the secret is kept when APP_SECRET is not set (also what `backup --all` copies). */
export function appSecretFile(): string {
  return path.join(path.dirname(databasePath()), "app-secret");
}

/**
 * The key that signs cookies. APP_SECRET wins; otherwise a random one is created on first run and kept
 * beside the database (never in the repository).
 */
export function appSecret(): string {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  if (globalForSecret.__ambassadeSecret) return globalForSecret.__ambassadeSecret;
  const file = appSecretFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  globalForSecret.__ambassadeSecret = fs.readFileSync(file, "utf8").trim();
  return globalForSecret.__ambassadeSecret;
}
