/**
 * Images in content:export / content:import: an export carries the uploaded images its modules refer
 * to (and no others) in media/; importing it on an instance without them stores them again; a folder
 * with a missing image, a file that is not a plain file, a name that is not the store's, an oversized
 * or non-image file, or a file changed since its export is refused with where and why — exit 1 from
 * the command line — and nothing is written, neither in the database nor in the media store.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath, getDb } from "../../db/connection";
import { auditLog, media } from "../../db/schema";
import { MAX_MEDIA_BYTES } from "../../app/domain/media";
import { exportContent, importContent } from "../../app/models/content-sync.server";
import { mediaDir, storeMedia } from "../../app/models/media.server";
import { publishModule, saveDraft } from "../../app/models/studio.server";
import { seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const GIF = Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(16, 1)]);
const MODULE = "objector-cost-of-absence";
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const temps: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-media-"));
  temps.push(dir);
  return dir;
}
const storeFiles = () => (fs.existsSync(mediaDir()) ? fs.readdirSync(mediaDir()).sort() : []);
/** The curriculum's own figures (content/media), which every import and export carries too. */
const CONTENT_MEDIA = fs.existsSync(path.join("content", "media")) ? fs.readdirSync(path.join("content", "media")) : [];
const withContentMedia = (...names: string[]) => [...names, ...CONTENT_MEDIA].sort();

let figure = "";
let exported = "";

beforeAll(async () => {
  await seedDemoOrganisation();
  expect((await importContent("content")).ok).toBe(true);
  // One image used by a published module, one uploaded but used nowhere.
  figure = storeMedia("demo-trainer", { fileName: "schema.png", bytes: PNG }).src.slice("/media/".length);
  storeMedia("demo-trainer", { fileName: "unused.gif", bytes: GIF });
  const read = (lang: "fr" | "en") => fs.readFileSync(path.join("content", "modules", MODULE, `${lang}.mdx`), "utf8");
  const withFigure = (text: string) => text.replace("\n## ", `\n<Figure src="/media/${figure}" alt="Un schéma" />\n\n## `);
  const sources = { fr: withFigure(read("fr")), en: read("en") };
  const { revision } = saveDraft("demo-trainer", MODULE, 0, sources);
  await publishModule({ actorId: "demo-trainer", id: MODULE, expectedRevision: revision, sources, note: "A figure", significant: false });
});
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe("content:export", () => {
  it("writes the images the modules refer to, and only those, into media/", async () => {
    exported = tempDir();
    const report = await exportContent(exported);
    expect(report.problems).toEqual([]);
    expect(report.written).toContain(path.join("media", figure));
    expect(fs.readdirSync(path.join(exported, "media")).sort()).toEqual(withContentMedia(figure));
    expect(fs.readFileSync(path.join(exported, "media", figure)).equals(PNG)).toBe(true);
    // Again onto the same folder: nothing to write.
    expect((await exportContent(exported)).written).toEqual([]);
  });

  it("reports an image the media store has lost", async () => {
    const out = tempDir();
    const stored = path.join(mediaDir(), figure);
    const kept = fs.readFileSync(stored);
    fs.rmSync(stored);
    try {
      const report = await exportContent(out);
      expect(report.problems).toContainEqual(
        expect.objectContaining({
          file: path.join(out, "modules", MODULE, "fr.mdx"),
          message: expect.stringMatching(/^image \/media\/[0-9a-f]{64}\.png is not in the media store/),
        }),
      );
      expect(fs.existsSync(path.join(out, "media", figure))).toBe(false);
    } finally {
      fs.writeFileSync(stored, kept);
    }
  });
});

describe("content:import", () => {
  it("importing an export changes nothing", async () => {
    const before = snapshotDatabase();
    const report = await importContent(exported);
    expect(report).toMatchObject({ ok: true, problems: [], conflicts: [], media: { imported: [], alreadyStored: 1 + CONTENT_MEDIA.length } });
    expect(snapshotDatabase()).toBe(before);
  });

  it("stores the images of an export on an instance that does not have them", async () => {
    getDb().delete(media).run();
    fs.rmSync(mediaDir(), { recursive: true, force: true });
    const report = await importContent(exported);
    expect(report).toMatchObject({ ok: true, media: { alreadyStored: 0 } });
    expect([...report.media.imported].sort()).toEqual(withContentMedia(figure));
    expect(storeFiles()).toEqual(withContentMedia(figure));
    expect(fs.readFileSync(path.join(mediaDir(), figure)).equals(PNG)).toBe(true);
    expect(getDb().select().from(media).all()).toContainEqual(
      expect.objectContaining({ sha256: figure.slice(0, 64), fileName: figure, mime: "image/png", size: PNG.length }),
    );
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "media.imported")).all()).toHaveLength(1 + 2 * CONTENT_MEDIA.length); // the curriculum's figures were imported once already, in beforeAll
  });

  type Case = { label: string; change: (folder: string) => void; file: (folder: string) => string; message: RegExp; line?: number };
  const anotherModule = (folder: string) => path.join(folder, "modules", "beginner-first-post", "fr.mdx");
  const addFigure = (folder: string, src: string) => fs.appendFileSync(anotherModule(folder), `\n<Figure src="${src}" alt="Une image" />\n`);
  const lineOfLastFigure = (folder: string) =>
    fs
      .readFileSync(anotherModule(folder), "utf8")
      .split("\n")
      .findLastIndex((l) => l.startsWith("<Figure")) + 1;
  const cases: Case[] = [
    {
      label: "an image the content refers to, neither in media/ nor stored",
      change: (folder) => addFigure(folder, `/media/${"0".repeat(64)}.png`),
      file: anotherModule,
      message: /^image \/media\/0{64}\.png is missing: add media\/0{64}\.png to the folder/,
    },
    {
      label: "a reference that is not a store name",
      change: (folder) => addFigure(folder, "/media/photos/team.png"),
      file: anotherModule,
      message: /^\/media\/photos\/team\.png is not an image of the media store/,
    },
    {
      label: "a symbolic link that leads out of the folder",
      change: (folder) => fs.symlinkSync(path.resolve("package.json"), path.join(folder, "media", `${"c".repeat(64)}.png`)),
      file: (folder) => path.join(folder, "media", `${"c".repeat(64)}.png`),
      message: /^not a plain file \(a folder or a symbolic link\)/,
    },
    {
      label: "a file not named as the store names images",
      change: (folder) => fs.writeFileSync(path.join(folder, "media", "team.png"), PNG),
      file: (folder) => path.join(folder, "media", "team.png"),
      message: /^not an image of the media store: media\/ holds images named <sha256>\.<ext>/,
    },
    {
      label: "a file over 2 MB",
      change: (folder) => fs.writeFileSync(path.join(folder, "media", `${"a".repeat(64)}.png`), Buffer.concat([PNG, Buffer.alloc(MAX_MEDIA_BYTES)])),
      file: (folder) => path.join(folder, "media", `${"a".repeat(64)}.png`),
      message: /^the image is over 2 MB/,
    },
    {
      label: "a file that is not an image",
      change: (folder) => {
        const html = Buffer.from("<!doctype html><script>alert(1)</script>");
        fs.writeFileSync(path.join(folder, "media", `${sha(html)}.png`), html);
      },
      file: (folder) => path.join(folder, "media", `${sha(Buffer.from("<!doctype html><script>alert(1)</script>"))}.png`),
      message: /^not a PNG, JPEG, WebP or GIF image/,
    },
    {
      label: "an image changed since its export",
      change: (folder) => fs.writeFileSync(path.join(folder, "media", figure), Buffer.concat([PNG, Buffer.from("tampered")])),
      file: (folder) => path.join(folder, "media", figure),
      message: /^the file's content does not match its name/,
    },
  ];

  for (const { label, change, file, message } of cases) {
    it(`refuses ${label}, and writes nothing`, async () => {
      const folder = tempDir();
      fs.cpSync(exported, folder, { recursive: true });
      change(folder);
      const before = snapshotDatabase();
      const files = storeFiles();
      const report = await importContent(folder);
      expect(report.ok).toBe(false);
      const problem = report.problems.find((p) => message.test(p.message));
      expect(problem, JSON.stringify(report.problems)).toMatchObject({ file: file(folder) });
      if (file(folder) === anotherModule(folder)) expect(problem).toMatchObject({ line: lineOfLastFigure(folder), col: expect.any(Number) });
      expect(snapshotDatabase()).toBe(before);
      expect(storeFiles()).toEqual(files);
    });
  }

  it("says so on the command line and exits with 1", async () => {
    const folder = tempDir();
    fs.cpSync(exported, folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "media", "team.png"), PNG);
    const before = snapshotDatabase();
    const cli = spawnSync(path.resolve("node_modules/.bin/tsx"), ["app/cli/content-import.ts", folder], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_PATH: databasePath() },
    });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain("media/team.png:1:1 not an image of the media store");
    expect(cli.stdout).toContain("nothing imported");
    expect(snapshotDatabase()).toBe(before);
  });
});
