/**
 * The module page when content is imperfect: a module missing in the learner's language falls back
 * to the other with a notice, and a module that failed validation says it is unavailable (the server
 * logs why) — never a 500. Runs on a copy of content/ with one file removed and one module broken.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "../../db/connection";
import { placements } from "../../db/schema";
import { loadContentLibrary, type ContentLibrary } from "../../app/content/library.server";
import { trackOrder } from "../../app/domain/track";
import { Client, startServer, type TestServer } from "../support/server";
import { DEMO_PASSWORD, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";

const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-content-"));
let server: TestServer;
let library: ContentLibrary;
let track: string[];
let englishMissing: string;
let broken: string;

beforeAll(async () => {
  fs.cpSync("content", contentDir, { recursive: true });
  await seedDemoOrganisation();
  const level = getDb()
    .select({ level: placements.level })
    .from(placements)
    .where(and(eq(placements.userId, "demo-hugo.robert"), eq(placements.isCurrent, true)))
    .get()!.level;
  track = trackOrder((await loadContentLibrary("content")).tracks!, level).map((m) => m.id);
  [, englishMissing, broken] = track as [string, string, string];
  fs.rmSync(path.join(contentDir, "modules", englishMissing, "en.mdx"));
  for (const locale of ["fr", "en"]) {
    const file = path.join(contentDir, "modules", broken, `${locale}.mdx`);
    fs.writeFileSync(file, fs.readFileSync(file, "utf8") + "\n\nA stray {expression} breaks this file.\n");
  }
  process.env.CONTENT_DIR = contentDir;
  library = await loadContentLibrary();
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  delete process.env.CONTENT_DIR;
  fs.rmSync(contentDir, { recursive: true, force: true });
});

async function hugo() {
  const client = new Client(server.url);
  expect((await client.signIn("hugo.robert@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
  return client;
}

describe("imperfect content", () => {
  it("the test content really has one module without English and one unavailable", () => {
    expect(library.modules.get(englishMissing)?.locales.en).toBeUndefined();
    expect(library.modules.get(englishMissing)?.locales.fr).toBeDefined();
    expect(library.modules.has(broken)).toBe(false);
  });

  it("shows a module missing in the learner's language in the other one, with a notice and the right lang attribute", async () => {
    const client = await hugo();
    const response = await client.get(`/track/${englishMissing}`, { "Accept-Language": "en" });
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/&#x27;/g, "'");
    expect(html).toContain("This module is not available in English yet: you are reading it in French.");
    expect(html).toContain('<article lang="fr"');
    expect(html).toContain(library.modules.get(englishMissing)!.locales.fr!.title);

    // Its checks are graded against the French answer key.
    const check = library.modules.get(englishMissing)!.locales.fr!.checks[0]!;
    const right = check.options.find((o) => o.correct)!;
    const answer = await client.post(
      `/track/${englishMissing}`,
      { intent: "check", checkId: check.id, optionId: right.id, lang: "fr" },
      { "Accept-Language": "en" },
    );
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("Correct.");
  });

  it("says a module that failed validation is unavailable, logs why, and accepts no answer for it", async () => {
    const client = await hugo();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const response = await client.get(`/track/${broken}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("Module indisponible");
      expect(html).toContain("son contenu est en cours de correction");
      const logged = warn.mock.calls.map((args) => args.join(" ")).join("\n");
      expect(logged).toContain(`module "${broken}"`);
      expect(logged).toMatch(/expression/);
    } finally {
      warn.mockRestore();
    }
    const before = snapshotDatabase();
    expect((await client.post(`/track/${broken}`, { intent: "check", checkId: "anything", optionId: "o1" })).status).toBe(404);
    expect((await client.post(`/track/${broken}`, { intent: "visit" })).status).toBe(404);
    expect(snapshotDatabase()).toBe(before);
  });

  it("lists the unavailable module on the track without counting it, and never proposes it next", async () => {
    const client = await hugo();
    const html = (await (await client.get("/track")).text()).replace(/&#x27;/g, "'");
    expect(html).toContain("Indisponible");
    expect(html).toContain("1 module de votre parcours est momentanément indisponible");
    expect(html).toContain(`sur ${track.length - 1} —`);
    expect(html).not.toContain(`href="/track/${broken}"`);
  });
});
