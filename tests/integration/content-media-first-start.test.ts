/**
 * The curriculum's figures on a fresh start: content/media is put into the media store by the start-up
 * path (app/server/main.ts calls importContentMedia after seeding), so a beginner module's figure URL
 * answers 200 without running content:import; doing it again changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog, media } from "../../db/schema";
import { mediaReferences } from "../../app/domain/media";
import { importContentMedia } from "../../app/models/content-sync.server";
import { mediaDir } from "../../app/models/media.server";
import { DEMO_PASSWORD, seedDemoOrganisation } from "../support/fixtures";
import { Client, startServer, type TestServer } from "../support/server";

const CONTENT_MEDIA = fs
  .readdirSync(path.join("content", "media"))
  .filter((n) => !n.startsWith("."))
  .sort();
const figuresOf = (moduleId: string) =>
  (["fr", "en"] as const).flatMap((lang) =>
    mediaReferences(fs.readFileSync(path.join("content", "modules", moduleId, `${lang}.mdx`), "utf8")).map((ref) => ref.name),
  );

let server: TestServer;
/** A beginner reading the module (media are served to signed-in people). */
let reader: Client;
beforeAll(async () => {
  // A fresh start: an empty media store, then what main.ts does.
  expect(fs.existsSync(mediaDir()) ? fs.readdirSync(mediaDir()) : []).toEqual([]);
  await seedDemoOrganisation();
  expect(importContentMedia().imported.sort()).toEqual(CONTENT_MEDIA);
  server = await startServer();
  reader = new Client(server.url);
  expect((await reader.signIn("learner@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
});
afterAll(async () => {
  await server?.close();
});

describe("content media on a fresh start", () => {
  it("serves every figure of the beginner LinkedIn module", async () => {
    const figures = figuresOf("beginner-linkedin-basics");
    expect(figures.length).toBeGreaterThan(0);
    for (const name of figures) {
      expect(CONTENT_MEDIA).toContain(name);
      const response = await reader.get(`/media/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(path.join("content", "media", name)))).toBe(true);
    }
  });

  it("is idempotent: a second start stores nothing and writes no audit row", () => {
    const audits = () => getDb().select().from(auditLog).where(eq(auditLog.action, "media.imported")).all().length;
    const before = { rows: getDb().select().from(media).all().length, audits: audits() };
    expect(before.audits).toBe(CONTENT_MEDIA.length);
    expect(importContentMedia()).toEqual({ imported: [], alreadyStored: CONTENT_MEDIA.length, skipped: [] });
    expect({ rows: getDb().select().from(media).all().length, audits: audits() }).toEqual(before);
  });

  it("puts back a figure whose file went missing from the store", async () => {
    const name = CONTENT_MEDIA[0]!;
    fs.rmSync(path.join(mediaDir(), name));
    expect((await reader.get(`/media/${name}`)).status).toBe(404);
    const report = importContentMedia();
    // The row was there: nothing recorded again, but the file is back.
    expect(report.imported).toEqual([]);
    expect((await reader.get(`/media/${name}`)).status).toBe(200);
  });
});
