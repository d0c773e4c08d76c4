/**
 * Helpers of the charter, exam and accreditation integration tests: a private copy of the content
 * folder (with an extra charter version to publish), the answer keys read from the content files
 * (tests know them; the browser never does), and shortcuts that make a person eligible.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { parse } from "yaml";
import { getDb } from "../../db/connection";
import { moduleProgress } from "../../db/schema";
import { Client, type TestServer } from "./server";
import { DEMO_PASSWORD } from "./fixtures";

/** Copies content/ to a temporary folder, adds charter version `extra` (a copy of 2026-01), and points CONTENT_DIR at it. */
export function useContentCopy(extra = "2026-06"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-content-"));
  fs.cpSync("content", dir, { recursive: true });
  const from = path.join(dir, "policy", "charter", "2026-01");
  const to = path.join(dir, "policy", "charter", extra);
  fs.mkdirSync(to);
  for (const file of ["fr.mdx", "en.mdx", "check.yaml"]) {
    const text = fs
      .readFileSync(path.join(from, file), "utf8")
      .replace('version: "2026-01"', `version: "${extra}"`)
      .replace('effective: "2026-01-15"', `effective: "${extra}-01"`);
    fs.writeFileSync(path.join(to, file), text);
  }
  process.env.CONTENT_DIR = dir;
  return dir;
}

export { charterAnswers, charterCheck, examBankFile, rightAnswer, wrongAnswer } from "./answer-keys";

/** Every module of a native learner's track, completed (direct write: the track feature has its own tests). */
export function completeNativeTrack(userId: string) {
  const dir = process.env.CONTENT_DIR ?? "content";
  const tracks = parse(fs.readFileSync(path.join(dir, "tracks.yaml"), "utf8")) as { core: string[]; levels: { native: string[] } };
  for (const moduleId of [...tracks.core, ...tracks.levels.native]) {
    getDb()
      .insert(moduleProgress)
      .values({ userId, moduleId, status: "completed", completedVersion: 1, completedAt: new Date() })
      .onConflictDoUpdate({ target: [moduleProgress.userId, moduleProgress.moduleId], set: { status: "completed", completedVersion: 1 } })
      .run();
  }
}

export async function signedIn(server: TestServer, email: string): Promise<Client> {
  const client = new Client(server.url);
  const response = await client.signIn(email, DEMO_PASSWORD);
  expect(response.status).toBe(302);
  return client;
}

/** Remix data request of a route, as the browser makes it on client navigation. */
export async function routeData(client: Client, pathname: string, routeId: string): Promise<{ status: number; text: string; json: unknown }> {
  const url = `${pathname}${pathname.includes("?") ? "&" : "?"}_data=${encodeURIComponent(routeId)}`;
  const response = await client.get(url);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, text, json };
}

/** Every key of a JSON value, at any depth. */
export function allKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) allKeys(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      allKeys(v, out);
    }
  }
  return out;
}

/** Posts a form as a Remix data request (what `useFetcher`/`Form` do with JavaScript) and reads the JSON answer. */
export async function postData(
  client: Client,
  pathname: string,
  routeId: string,
  fields: Record<string, string | string[]>,
): Promise<{ status: number; body: { fieldErrors?: Record<string, string>; [key: string]: unknown } }> {
  const url = `${pathname}${pathname.includes("?") ? "&" : "?"}_data=${encodeURIComponent(routeId)}`;
  const response = await client.post(url, fields);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as { fieldErrors?: Record<string, string> }) : {} };
}
