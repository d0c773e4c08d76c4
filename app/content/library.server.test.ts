import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { getModule, loadContentLibrary, lookupModule, readContentLibrary, reloadContentLibrary } from "./library.server";
import { compileStats } from "./mdx.server";
import { LEVEL_IDS } from "./schemas";

const CONTENT = fileURLToPath(new URL("../../content", import.meta.url));
const temps: string[] = [];

function tempCopy(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "ambassade-content-"));
  temps.push(root);
  const dir = path.join(root, "content");
  cpSync(CONTENT, dir, { recursive: true });
  return dir;
}

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const show = (problems: { file: string; line: number; col: number; message: string }[]) =>
  problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`).join("\n");

describe("the real content library", () => {
  it("loads with zero problems", async () => {
    const library = await readContentLibrary(CONTENT);
    expect(show(library.problems)).toBe("");
    expect(library.modules.size).toBe(library.stats.moduleDirs);
    for (const entry of library.modules.values()) {
      expect(entry.locales.fr, entry.id).toBeDefined();
      expect(entry.locales.en, entry.id).toBeDefined();
      expect(entry.locales.fr?.version).toBe(entry.locales.en?.version);
      expect(entry.locales.fr?.checks.length).toBeGreaterThan(0);
    }
    expect(library.tracks).not.toBeNull();
    for (const level of LEVEL_IDS) expect(library.tracks?.levels[level].length).toBeGreaterThan(0);
    for (const id of [...(library.tracks?.core ?? []), ...LEVEL_IDS.flatMap((l) => library.tracks?.levels[l] ?? [])]) expect(library.modules.has(id), id).toBe(true);
    expect(library.charters.size).toBeGreaterThan(0);
    const charter = [...library.charters.values()][0];
    expect(charter?.locales.fr.clauses.map((c) => c.ref)).toEqual(charter?.locales.en.clauses.map((c) => c.ref));
    expect(library.exam?.items.length).toBeGreaterThanOrEqual(40);
    expect(library.questionnaire?.questions.length).toBeGreaterThan(0);
  });

  it("is loaded once per process and directory", async () => {
    const first = loadContentLibrary(CONTENT);
    const second = loadContentLibrary(CONTENT);
    expect(second).toBe(first);
    await first;
    const compiles = compileStats().compiles;
    await loadContentLibrary(CONTENT);
    const reloaded = await reloadContentLibrary(CONTENT);
    // Reloading unchanged files hits the compile cache.
    expect(compileStats().compiles).toBe(compiles);
    expect(await loadContentLibrary(CONTENT)).toBe(reloaded);
  });

  it("finds a module in the requested language", async () => {
    const found = await getModule("core-code-of-conduct", "fr", CONTENT);
    expect(found).toMatchObject({ id: "core-code-of-conduct", locale: "fr", fallback: false });
    expect(found?.module.title).toBeTruthy();
    expect(await getModule("no-such-module", "fr", CONTENT)).toBeNull();
  });
});

describe("a broken content folder", () => {
  it("keeps valid languages, drops broken modules and reports where", async () => {
    const dir = tempCopy();
    const modules = path.join(dir, "modules");
    // English version broken: the module stays available in French, with a fallback for English.
    const enFile = path.join(modules, "core-code-of-conduct", "en.mdx");
    writeFileSync(enFile, `${readFileSync(enFile, "utf8")}\n{globalThis.__pwned = true}\n`);
    const enLines = readFileSync(enFile, "utf8").split("\n").length;
    // Versions disagree: the module is unavailable.
    const frFile = path.join(modules, "core-personal-data", "fr.mdx");
    writeFileSync(frFile, readFileSync(frFile, "utf8").replace(/^version: \d+$/m, "version: 7"));
    // Frontmatter id differs from the folder; duration out of range.
    const idFile = path.join(modules, "native-content-strategy", "en.mdx");
    writeFileSync(idFile, readFileSync(idFile, "utf8").replace(/^id: .*$/m, "id: something-else").replace(/^duration: .*$/m, "duration: 90"));
    // A track names a module that does not exist.
    const tracksFile = path.join(dir, "tracks.yaml");
    writeFileSync(tracksFile, readFileSync(tracksFile, "utf8").replace("    - beginner-first-post", "    - beginner-first-post\n    - ghost-module"));

    const library = await readContentLibrary(dir);
    const problems = library.problems;
    expect(problems).toContainEqual(expect.objectContaining({ file: enFile, line: enLines - 1, col: 1, message: expect.stringMatching(/expression/) }));
    expect(problems).toContainEqual(expect.objectContaining({ file: path.join(modules, "core-personal-data", "en.mdx"), message: expect.stringMatching(/differs from the French/) }));
    expect(problems).toContainEqual(expect.objectContaining({ file: idFile, line: 2, col: 1, message: 'id "something-else" must equal the folder name "native-content-strategy"' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: idFile, line: 5, col: 1, message: expect.stringMatching(/^duration is between 3 and 40/) }));
    const ghostLine = readFileSync(tracksFile, "utf8").split("\n").findIndex((l) => l.includes("ghost-module")) + 1;
    expect(problems).toContainEqual(expect.objectContaining({ file: tracksFile, line: ghostLine, col: 7, message: expect.stringMatching(/"ghost-module" does not exist/) }));

    expect(library.modules.has("core-personal-data")).toBe(false);
    expect(library.modules.get("native-content-strategy")?.locales.en).toBeUndefined();
    expect(library.tracks?.levels.beginner).toContain("ghost-module");
    const lookup = lookupModule(library, "core-code-of-conduct", "en");
    expect(lookup).toMatchObject({ locale: "fr", fallback: true });
    expect(lookupModule(library, "core-code-of-conduct", "fr")).toMatchObject({ locale: "fr", fallback: false });
    expect(lookupModule(library, "core-personal-data", "fr")).toBeNull();
  });

  it("reports missing files and folders", async () => {
    const dir = tempCopy();
    rmSync(path.join(dir, "modules", "late-writing-posts", "fr.mdx"));
    rmSync(path.join(dir, "exam"), { recursive: true });
    writeFileSync(path.join(dir, "modules", "late-writing-posts", "notes.txt"), "hello");
    const library = await readContentLibrary(dir);
    const messages = show(library.problems);
    expect(messages).toMatch(/late-writing-posts\/fr\.mdx:1:1 module "late-writing-posts" has no French version/);
    expect(messages).toMatch(/late-writing-posts\/notes\.txt:1:1 unexpected file/);
    expect(messages).toMatch(/exam\/items\.yaml:1:1 the exam bank exam\/items\.yaml is missing/);
    expect(library.exam).toBeNull();
    expect(lookupModule(library, "late-writing-posts", "fr")).toMatchObject({ locale: "en", fallback: true });
  });

  it("rejects a charter check citing a clause that does not exist", async () => {
    const dir = tempCopy();
    const checkFile = path.join(dir, "policy", "charter", "2026-01", "check.yaml");
    writeFileSync(checkFile, readFileSync(checkFile, "utf8").replace('clause: "5.1"', 'clause: "9.9"'));
    const library = await readContentLibrary(dir);
    expect(library.problems).toEqual([{ file: checkFile, line: 4, col: 5, message: expect.stringMatching(/cites clause 9\.9/) }]);
    expect(library.charters.size).toBe(0);
  });

  it("throws only when the folder does not exist", async () => {
    await expect(readContentLibrary(path.join(os.tmpdir(), "no-such-content-folder-xyz"))).rejects.toThrow(/not found/);
  });
});
