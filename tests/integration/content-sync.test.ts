/**
 * Files ⇄ database (npm run content:import / content:export): the round trip leaves content/
 * unchanged byte for byte; a conflicting import is reported and writes nothing; a file that is only
 * older than the studio's work is kept aside, not imported; the library the app serves follows.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath, getDb } from "../../db/connection";
import { moduleVersions, trackVersions } from "../../db/schema";
import { loadContentLibrary, reloadContentLibrary } from "../../app/content/library.server";
import { setSourceVersion } from "../../app/domain/module-source";
import { exportContent, importContent } from "../../app/models/content-sync.server";
import { publishModule, saveDraft } from "../../app/models/studio.server";
import { seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-sync-"));
  temps.push(dir);
  return dir;
}

function filesOf(dir: string, base = dir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesOf(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name))]))
    .sort();
}

function expectSameTree(actual: string, expected: string) {
  expect(filesOf(actual)).toEqual(filesOf(expected));
  for (const file of filesOf(expected)) expect(fs.readFileSync(path.join(actual, file)).equals(fs.readFileSync(path.join(expected, file))), file).toBe(true);
}

const MODULE = "objector-cost-of-absence";
const source = (dir: string, lang: "fr" | "en") => fs.readFileSync(path.join(dir, "modules", MODULE, `${lang}.mdx`), "utf8");

beforeAll(async () => {
  await seedDemoOrganisation();
});
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe("content:import and content:export", () => {
  it("imports content/ as version 1 of every module and of the tracks; importing again changes nothing", async () => {
    const report = await importContent("content");
    expect(report).toMatchObject({ ok: true, conflicts: [], problems: [], updated: [], tracks: "created" });
    expect(report.created).toHaveLength(fs.readdirSync("content/modules").length);
    expect(
      getDb()
        .select()
        .from(moduleVersions)
        .all()
        .every((v) => v.number === 1 && v.origin === "import"),
    ).toBe(true);

    const before = snapshotDatabase();
    const again = await importContent("content");
    expect(again).toMatchObject({ ok: true, created: [], updated: [], tracks: "unchanged" });
    expect(snapshotDatabase()).toBe(before);
  });

  it("exports the published library back to files identical to content/, byte for byte", async () => {
    const out = tempDir();
    const report = await exportContent(out);
    expect(report.problems).toEqual([]);
    expectSameTree(out, "content");
    // Exporting onto an identical folder touches nothing.
    expect((await exportContent(out)).written).toEqual([]);
  });

  it("reports a conflict when the studio and the files both changed a module, and writes nothing", async () => {
    const draft = { fr: source("content", "fr").replace("\n## ", "\nUne phrase du studio.\n\n## "), en: source("content", "en") };
    const revision = saveDraft("demo-trainer", MODULE, 0, draft).revision;
    await publishModule({ actorId: "demo-trainer", id: MODULE, expectedRevision: revision, sources: draft, note: "Studio change", significant: false });

    const edited = tempDir();
    fs.cpSync("content", edited, { recursive: true });
    const file = path.join(edited, "modules", MODULE, "en.mdx");
    fs.writeFileSync(file, source(edited, "en").replace("\n## ", "\nA sentence from git.\n\n## "));
    // A second, unrelated change in the same folder: not imported either.
    const other = path.join(edited, "modules", "beginner-first-post", "fr.mdx");
    fs.writeFileSync(other, fs.readFileSync(other, "utf8") + "\nUne ligne de plus.\n");

    const before = snapshotDatabase();
    const report = await importContent(edited);
    expect(report.ok).toBe(false);
    expect(report.conflicts).toEqual([
      { id: MODULE, what: [expect.stringMatching(/^fr\.mdx differs from studio version 2/), expect.stringMatching(/^en\.mdx differs from studio version 2/)] },
    ]);
    expect(snapshotDatabase()).toBe(before);

    // The command line says so and exits with 1.
    const cli = spawnSync(path.resolve("node_modules/.bin/tsx"), ["app/cli/content-import.ts", edited], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_PATH: databasePath() },
    });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`CONFLICT ${MODULE}`);
    expect(cli.stdout).toContain("nothing imported");
    expect(snapshotDatabase()).toBe(before);
  });

  it("keeps the studio's work when the files are only older (unchanged since the last import), and imports the rest", async () => {
    const folder = tempDir();
    fs.cpSync("content", folder, { recursive: true });
    const other = path.join(folder, "modules", "beginner-first-post", "fr.mdx");
    fs.writeFileSync(other, fs.readFileSync(other, "utf8") + "\nUne ligne de plus.\n");
    const report = await importContent(folder);
    expect(report).toMatchObject({ ok: true, conflicts: [], updated: ["beginner-first-post"], stale: [MODULE] });
    const versions = getDb().select().from(moduleVersions).where(eq(moduleVersions.moduleId, "beginner-first-post")).all();
    expect(versions.map((v) => [v.number, v.origin])).toEqual([
      [1, "import"],
      [2, "import"],
    ]);
    const library = await reloadContentLibrary();
    expect(library.modules.get(MODULE)?.locales.fr?.tree).toBeDefined();
    expect(JSON.stringify(library.modules.get(MODULE)?.locales.fr?.tree)).toContain("Une phrase du studio.");
  });

  it("exports the studio's work, and importing that export is a no-op (the git round trip)", async () => {
    const out = tempDir();
    const report = await exportContent(out);
    expect(report.problems).toEqual([]);
    expect(source(out, "fr")).toContain("Une phrase du studio.");
    expect(source(out, "fr")).toBe(setSourceVersion(source("content", "fr").replace("\n## ", "\nUne phrase du studio.\n\n## "), 2));
    const before = snapshotDatabase();
    const again = await importContent(out);
    expect(again).toMatchObject({ ok: true, created: [], updated: [], conflicts: [] });
    expect(snapshotDatabase()).toBe(before);
  });

  it("refuses a folder with content problems as a whole", async () => {
    const broken = tempDir();
    fs.cpSync("content", broken, { recursive: true });
    const file = path.join(broken, "modules", "beginner-first-post", "en.mdx");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8") + "\n<script>alert(1)</script>\n");
    const before = snapshotDatabase();
    const report = await importContent(broken);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.message).join("\n")).toMatch(/raw HTML <script>/);
    expect(snapshotDatabase()).toBe(before);
  });

  it("the tracks: a studio publication then an older tracks.yaml is kept aside; a different one conflicts", async () => {
    // Studio-published tracks (as /studio/tracks does).
    const { publishTracks } = await import("../../app/models/studio-tracks.server");
    const library = await loadContentLibrary();
    const tracks = library.tracks!;
    await publishTracks({
      actorId: "demo-trainer",
      basedOn: getDb().select().from(trackVersions).all().at(-1)!.id,
      note: "Reorder",
      lists: { core: [...tracks.core].reverse(), levels: tracks.levels },
    });
    expect((await importContent("content")).tracks).toBe("stale");
    const folder = tempDir();
    fs.cpSync("content", folder, { recursive: true });
    fs.writeFileSync(
      path.join(folder, "tracks.yaml"),
      fs.readFileSync("content/tracks.yaml", "utf8").replace("# The common core", "# Edited: the common core"),
    );
    const before = snapshotDatabase();
    const report = await importContent(folder);
    expect(report.conflicts.map((c) => c.id)).toContain("tracks");
    expect(snapshotDatabase()).toBe(before);
  });
});
