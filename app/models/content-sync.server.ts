/**
 * Files ⇄ database, for a company that reviews its curriculum in git (docs/content-workflow.md).
 *
 * Import (`npm run content:import [folder]`): every module whose files differ from its latest
 * version becomes a new version (origin import), and so do the tracks. Nothing is ever overwritten
 * silently: when the studio has worked on a module since its last import (a studio version, or a
 * draft with changes saved after it) and the file differs both from what was last imported and from
 * the studio's text, that is a conflict — all conflicts are reported and the import writes nothing.
 * A file unchanged since the last import is simply older than the studio's work: it is kept as a
 * note ("stale"), not imported. A folder with any content problem is refused as a whole.
 *
 * Export (`npm run content:export [folder]`): writes the published library back as files — each
 * module's latest version verbatim, tracks.yaml, and the rest of the content folder copied — and
 * checks the result as content:check does.
 *
 * Images: export copies the uploaded images the content refers to (`/media/<sha256>.<ext>`) from the
 * media store into `<folder>/media/`; import checks every file there (a plain file named by the
 * sha256 of its bytes, an image of its extension's type, 2 MB at most) and that every image the
 * content refers to is there or already stored, then stores them with the rest — or refuses the
 * whole import with the problems (docs/decisions/0012-discard-problem-codes-media-transfer.md).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { moduleDrafts, moduleVersions, modules, trackVersions } from "../../db/schema";
import { contentDir, readContentLibrary, type Problem } from "~/content/library.server";
import { KEBAB_CASE, LOCALES } from "~/content/schemas";
import { diffLines, diffStats } from "~/domain/diff";
import { MAX_MEDIA_BYTES, MEDIA_FILE, checkTransferredMedia, mediaReferences, type TransferProblem } from "~/domain/media";
import { newId } from "~/utils/ids.server";
import { recordAudit } from "./audit.server";
import { readContentOverlay } from "./content-overlay.server";
import { mediaDir, readMediaFile, recordImportedMedia, removeMediaFiles, storedMediaNames, writeMediaFiles } from "./media.server";
import type { Sources } from "./studio.server";

export type ImportConflict = { id: string; what: string[] };

export type ImportReport = {
  ok: boolean;
  /** Content problems in the folder: nothing was imported. */
  problems: Problem[];
  conflicts: ImportConflict[];
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Modules (and "tracks") whose files are older than the studio's work: kept as they are. */
  stale: string[];
  tracks: "created" | "updated" | "unchanged" | "stale" | "conflict" | "missing";
  /** Images of the folder's media/: newly stored, and how many the store already had. */
  media: { imported: string[]; alreadyStored: number };
};

type VersionRow = typeof moduleVersions.$inferSelect;
type Decision = { kind: "create" | "update" | "unchanged" | "stale" } | { kind: "conflict"; what: string[] };

function readSources(folder: string): Sources {
  const read = (locale: string) => {
    try {
      return fs.readFileSync(path.join(folder, `${locale}.mdx`), "utf8");
    } catch {
      return "";
    }
  };
  return { fr: read("fr"), en: read("en") };
}

/** What differs between the files and the studio's text, in words an author can act on. */
function describeDifference(files: Sources, studio: Sources, studioName: string): string[] {
  return LOCALES.flatMap((locale) => {
    if (files[locale] === studio[locale]) return [];
    const stats = diffStats(diffLines(studio[locale], files[locale]));
    return [`${locale}.mdx differs from ${studioName}: ${stats.removed} line(s) only in the studio, ${stats.added} line(s) only in the file`];
  });
}

/** The three-way decision for one module: files vs last import vs the studio's latest work. */
function decideModule(files: Sources, versions: VersionRow[], draft: typeof moduleDrafts.$inferSelect | undefined): Decision {
  const latest = versions[0];
  if (!latest) {
    // A studio module never published: its draft is the studio's work.
    if (draft && (draft.frSource !== files.fr || draft.enSource !== files.en)) {
      return { kind: "conflict", what: describeDifference(files, { fr: draft.frSource, en: draft.enSource }, "the studio draft") };
    }
    return { kind: "create" };
  }
  const same = (v: { frSource: string; enSource: string }) => v.frSource === files.fr && v.enSource === files.en;
  if (same(latest)) return { kind: "unchanged" };
  const lastImport = versions.find((v) => v.origin === "import");
  const studioVersion = versions.find((v) => v.origin === "studio" && v.number > (lastImport?.number ?? 0));
  const draftChanged = draft && (draft.frSource !== latest.frSource || draft.enSource !== latest.enSource);
  const draftAfterImport = draftChanged && (!lastImport || draft.updatedAt.getTime() > lastImport.createdAt.getTime());
  if (!studioVersion && !draftAfterImport) return { kind: "update" };
  if (lastImport && same(lastImport)) return { kind: "stale" };
  if (draftAfterImport && draft.frSource === files.fr && draft.enSource === files.en) return { kind: "update" };
  const what = [
    ...(studioVersion ? describeDifference(files, { fr: latest.frSource, en: latest.enSource }, `studio version ${latest.number}`) : []),
    ...(draftAfterImport ? describeDifference(files, { fr: draft.frSource, en: draft.enSource }, "the studio draft") : []),
  ];
  return { kind: "conflict", what };
}

/**
 * Imports `dir` into the database, or reports why it cannot (problems, conflicts) and writes
 * nothing. The running app picks the changes up when it next loads the library (at start).
 */
export async function importContent(dir: string, actorId: string | null = null): Promise<ImportReport> {
  const report: ImportReport = {
    ok: false,
    problems: [],
    conflicts: [],
    created: [],
    updated: [],
    unchanged: [],
    stale: [],
    tracks: "missing",
    media: { imported: [], alreadyStored: 0 },
  };
  const library = await readContentLibrary(dir);
  if (library.problems.length > 0) {
    report.problems = library.problems;
    return report;
  }
  const folderMedia = readFolderMedia(dir);
  if (folderMedia.problems.length > 0) {
    report.problems = folderMedia.problems;
    return report;
  }
  const modulesRoot = path.join(dir, "modules");
  const ids = fs
    .readdirSync(modulesRoot)
    .filter((name) => KEBAB_CASE.test(name) && fs.statSync(path.join(modulesRoot, name)).isDirectory())
    .sort();
  const files = new Map(ids.map((id) => [id, readSources(path.join(modulesRoot, id))]));

  const db = getDb();
  const versions = new Map<string, VersionRow[]>();
  const versionRows = ids.length
    ? db.select().from(moduleVersions).where(inArray(moduleVersions.moduleId, ids)).orderBy(desc(moduleVersions.number)).all()
    : [];
  for (const row of versionRows) {
    const list = versions.get(row.moduleId) ?? [];
    list.push(row);
    versions.set(row.moduleId, list);
  }
  const drafts = new Map(
    ids.length
      ? db
          .select()
          .from(moduleDrafts)
          .where(inArray(moduleDrafts.moduleId, ids))
          .all()
          .map((d) => [d.moduleId, d])
      : [],
  );
  const known = new Set(
    ids.length
      ? db
          .select({ id: modules.id })
          .from(modules)
          .where(inArray(modules.id, ids))
          .all()
          .map((m) => m.id)
      : [],
  );

  const writes: { id: string; sources: Sources; number: number; isNew: boolean }[] = [];
  for (const id of ids) {
    const sources = files.get(id)!;
    const list = versions.get(id) ?? [];
    const decision = decideModule(sources, list, drafts.get(id));
    switch (decision.kind) {
      case "conflict":
        report.conflicts.push({ id, what: decision.what });
        break;
      case "unchanged":
        report.unchanged.push(id);
        break;
      case "stale":
        report.stale.push(id);
        break;
      default:
        (list.length === 0 ? report.created : report.updated).push(id);
        writes.push({ id, sources, number: (list[0]?.number ?? 0) + 1, isNew: !known.has(id) });
    }
  }

  // Tracks: the same three-way decision.
  const tracksText = fs.readFileSync(path.join(dir, "tracks.yaml"), "utf8");
  const trackRows = db.select().from(trackVersions).orderBy(desc(trackVersions.id)).all();
  const latestTracks = trackRows[0];
  let writeTracks = false;
  if (!latestTracks) {
    report.tracks = "created";
    writeTracks = true;
  } else if (latestTracks.yaml === tracksText) report.tracks = "unchanged";
  else {
    const lastImport = trackRows.find((row) => row.origin === "import");
    const studioNewer = trackRows.some((row) => row.origin === "studio" && row.id > (lastImport?.id ?? 0));
    if (!studioNewer) {
      report.tracks = "updated";
      writeTracks = true;
    } else if (lastImport?.yaml === tracksText) {
      report.tracks = "stale";
      report.stale.push("tracks");
    } else {
      report.tracks = "conflict";
      const stats = diffStats(diffLines(latestTracks.yaml, tracksText));
      report.conflicts.push({
        id: "tracks",
        what: [`tracks.yaml differs from the studio's tracks: ${stats.removed} line(s) only in the studio, ${stats.added} line(s) only in the file`],
      });
    }
  }

  if (report.conflicts.length > 0) return report;

  const note = `Imported from ${path.basename(path.resolve(dir))}/`;
  // Image files first (checked above, content-addressed); removed again if the database refuses the rest.
  const createdFiles = writeMediaFiles(folderMedia.files);
  try {
    db.transaction((tx) => {
      report.media.imported = recordImportedMedia(tx, actorId, folderMedia.files, dir);
      report.media.alreadyStored = folderMedia.files.length - report.media.imported.length;
      for (const write of writes) {
        if (write.isNew) tx.insert(modules).values({ id: write.id, unpublished: false }).run();
        else tx.update(modules).set({ unpublished: false }).where(eq(modules.id, write.id)).run();
        const versionId = newId();
        tx.insert(moduleVersions)
          .values({
            id: versionId,
            moduleId: write.id,
            number: write.number,
            frSource: write.sources.fr,
            enSource: write.sources.en,
            author: actorId,
            changeNote: note,
            significant: false,
            origin: "import",
          })
          .run();
        // A draft without changes follows the new version (its revision moves, so open editors reload).
        const draft = drafts.get(write.id);
        const previous = versions.get(write.id)?.[0];
        const draftUnchanged = draft && (!previous || (draft.frSource === previous.frSource && draft.enSource === previous.enSource));
        const draftIsFile = draft && draft.frSource === write.sources.fr && draft.enSource === write.sources.en;
        if (draft && (draftUnchanged || draftIsFile)) {
          tx.update(moduleDrafts)
            .set({ frSource: write.sources.fr, enSource: write.sources.en, revision: draft.revision + 1, baseVersionId: versionId, updatedAt: new Date() })
            .where(eq(moduleDrafts.moduleId, write.id))
            .run();
        }
        recordAudit(tx, {
          actorId,
          action: "module.imported",
          subjectType: "module",
          subjectId: write.id,
          toState: `v${write.number}`,
          data: { number: write.number, from: dir },
        });
      }
      if (writeTracks) {
        const created = tx
          .insert(trackVersions)
          .values({ yaml: tracksText, author: actorId, note, origin: "import" })
          .returning({ id: trackVersions.id })
          .get();
        recordAudit(tx, { actorId, action: "tracks.imported", subjectType: "tracks", subjectId: String(created.id), data: { from: dir } });
      }
    });
  } catch (error) {
    removeMediaFiles(createdFiles);
    throw error;
  }
  report.ok = true;
  return report;
}

const TRANSFER_MESSAGES: Record<TransferProblem, (size: number) => string> = {
  badName: () => "not an image of the media store: media/ holds images named <sha256>.<ext> (png, jpg, webp or gif), as content:export writes them",
  notAFile: () => "not a plain file (a folder or a symbolic link): media/ holds the image files themselves",
  empty: () => "the file is empty",
  tooLarge: (size) => `the image is over 2 MB (${size} bytes; at most ${MAX_MEDIA_BYTES})`,
  notAnImage: () => "not a PNG, JPEG, WebP or GIF image (judged by its content)",
  extensionMismatch: () => "the file's content is another type of image than its extension says",
  hashMismatch: () => "the file's content does not match its name (the sha256 of the content): it was changed or renamed",
};

/** The content files of a folder that may refer to images: modules and charter versions. */
function contentSources(dir: string): string[] {
  return ["modules", path.join("policy", "charter")].flatMap((sub) => {
    const root = path.join(dir, sub);
    return fs.existsSync(root)
      ? listFiles(root)
          .filter((file) => file.endsWith(".mdx"))
          .map((file) => path.join(root, file))
      : [];
  });
}

/** Every `/media/…` reference of a folder's content files, with where it is. */
function referencesIn(dir: string): { file: string; line: number; col: number; name: string }[] {
  return contentSources(dir).flatMap((file) => mediaReferences(fs.readFileSync(file, "utf8")).map((ref) => ({ file, ...ref })));
}

/**
 * The images of `<dir>/media/`, each checked, and the content's references to images checked against
 * them and the store. Any problem refuses the import; nothing is read beyond the size limit.
 */
function readFolderMedia(dir: string): { files: { name: string; bytes: Buffer; size: number }[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const files: { name: string; bytes: Buffer; size: number }[] = [];
  const folder = path.join(dir, "media");
  const at = (file: string, message: string, line = 1, col = 1) => problems.push({ file, line, col, message });
  let names: string[] = [];
  const stat = fs.lstatSync(folder, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) at(folder, "media must be a folder holding the image files (not a file nor a symbolic link)");
  else if (stat)
    names = fs
      .readdirSync(folder)
      .filter((name) => !name.startsWith("."))
      .sort();
  for (const name of names) {
    const file = path.join(folder, name);
    const entry = fs.lstatSync(file);
    const plainFile = entry.isFile();
    const bytes = plainFile && entry.size > 0 && entry.size <= MAX_MEDIA_BYTES ? fs.readFileSync(file) : null;
    const sha256 = bytes ? createHash("sha256").update(bytes).digest("hex") : null;
    const problem = checkTransferredMedia({ name, plainFile, size: entry.size, bytes, sha256 });
    if (problem) at(file, TRANSFER_MESSAGES[problem](entry.size));
    else files.push({ name, bytes: bytes!, size: entry.size });
  }
  const inFolder = new Set(names);
  const missing: { file: string; line: number; col: number; name: string }[] = [];
  for (const ref of referencesIn(dir)) {
    if (!MEDIA_FILE.test(ref.name))
      at(ref.file, `/media/${ref.name} is not an image of the media store: images are /media/<sha256>.<ext>, as the studio inserts them`, ref.line, ref.col);
    else if (!inFolder.has(ref.name)) missing.push(ref);
  }
  const stored = storedMediaNames(missing.map((ref) => ref.name));
  for (const ref of missing) {
    if (!stored.has(ref.name))
      at(ref.file, `image /media/${ref.name} is missing: add media/${ref.name} to the folder (npm run content:export writes it)`, ref.line, ref.col);
  }
  return { files, problems };
}

export type ExportReport = { written: string[]; unchanged: number; problems: Problem[] };

/** Writes `text` to `file` unless it already holds exactly that (so that git sees only real changes). */
function writeIfChanged(file: string, text: string | Buffer, report: ExportReport, root: string) {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  try {
    if (fs.readFileSync(file).equals(bytes)) {
      report.unchanged++;
      return;
    }
  } catch {
    // a new file
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  report.written.push(path.relative(root, file));
}

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

/**
 * Writes the published library to `outDir`: the files of `baseDir` (the app's content folder) with
 * each module's latest published version and the latest tracks laid over them. Then checks `outDir`.
 */
export async function exportContent(outDir: string, baseDir: string = contentDir()): Promise<ExportReport> {
  const report: ExportReport = { written: [], unchanged: 0, problems: [] };
  const overlay = readContentOverlay();
  const out = path.resolve(outDir);
  const base = path.resolve(baseDir);
  const isModuleFile = (relative: string) => relative.split(path.sep)[0] === "modules";
  // Everything that is not a module nor the tracks: copied as it is.
  for (const relative of listFiles(base)) {
    if (relative === "tracks.yaml" || (isModuleFile(relative) && overlay.modules.has(relative.split(path.sep)[1] ?? ""))) continue;
    if (isModuleFile(relative) && overlay.hidden.has(relative.split(path.sep)[1] ?? "")) continue;
    writeIfChanged(path.join(out, relative), fs.readFileSync(path.join(base, relative)), report, out);
  }
  for (const [id, stored] of overlay.modules) {
    if (overlay.hidden.has(id)) continue;
    for (const locale of LOCALES) writeIfChanged(path.join(out, "modules", id, `${locale}.mdx`), stored[locale], report, out);
  }
  const tracks = overlay.tracksYaml ?? fs.readFileSync(path.join(base, "tracks.yaml"), "utf8");
  writeIfChanged(path.join(out, "tracks.yaml"), tracks, report, out);
  // Charter versions published from the browser (docs/decisions/0028-charter-in-the-browser.md), as folders.
  for (const [version, stored] of overlay.charters) {
    const folder = path.join(out, "policy", "charter", version);
    writeIfChanged(path.join(folder, "fr.mdx"), stored.fr, report, out);
    writeIfChanged(path.join(folder, "en.mdx"), stored.en, report, out);
    writeIfChanged(path.join(folder, "check.yaml"), stored.check, report, out);
  }
  const mediaProblems = exportMedia(out, report);
  report.problems = [...(await readContentLibrary(out)).problems, ...mediaProblems];
  return report;
}

/**
 * Copies the images the exported content refers to from the media store into `<out>/media/`. An
 * image the store does not have (and the folder does not hold already) is a problem.
 */
function exportMedia(out: string, report: ExportReport): Problem[] {
  const problems: Problem[] = [];
  const copied = new Set<string>();
  for (const ref of referencesIn(out)) {
    if (copied.has(ref.name)) continue;
    const target = path.join(out, "media", ref.name);
    const bytes = MEDIA_FILE.test(ref.name) ? readMediaFile(ref.name) : null;
    if (bytes) {
      writeIfChanged(target, bytes, report, out);
      copied.add(ref.name);
    } else if (!MEDIA_FILE.test(ref.name)) {
      problems.push({
        file: ref.file,
        line: ref.line,
        col: ref.col,
        message: `/media/${ref.name} is not an image of the media store: images are /media/<sha256>.<ext>, as the studio inserts them`,
      });
    } else if (!fs.existsSync(target)) {
      problems.push({
        file: ref.file,
        line: ref.line,
        col: ref.col,
        message: `image /media/${ref.name} is not in the media store (${mediaDir()}): restore that folder from a backup, or upload the image again`,
      });
    }
  }
  return problems;
}

/**
 * The curriculum's own images (`<dir>/media/`, default the app's content folder) put into the media
 * store, for a first start: the modules refer to them as `/media/<sha256>.<ext>`, which only the store
 * serves. Idempotent: an image already stored (its row and its file) is left alone; a row whose file
 * went missing gets its file back. A file that fails the import's checks (name, size, type, hash) is
 * skipped and listed. No actor (the system), one audit row per image recorded, as content:import does.
 */
export function importContentMedia(dir: string = contentDir()): { imported: string[]; alreadyStored: number; skipped: string[] } {
  const folder = path.join(dir, "media");
  const stat = fs.lstatSync(folder, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return { imported: [], alreadyStored: 0, skipped: [] };
  const skipped: string[] = [];
  const files: { name: string; bytes: Buffer; size: number }[] = [];
  for (const name of fs
    .readdirSync(folder)
    .filter((n) => !n.startsWith("."))
    .sort()) {
    const file = path.join(folder, name);
    const entry = fs.lstatSync(file);
    const plainFile = entry.isFile();
    const bytes = plainFile && entry.size > 0 && entry.size <= MAX_MEDIA_BYTES ? fs.readFileSync(file) : null;
    const sha256 = bytes ? createHash("sha256").update(bytes).digest("hex") : null;
    if (checkTransferredMedia({ name, plainFile, size: entry.size, bytes, sha256 })) skipped.push(file);
    else files.push({ name, bytes: bytes!, size: entry.size });
  }
  const stored = storedMediaNames(files.map((f) => f.name));
  const missing = files.filter((f) => !stored.has(f.name));
  if (missing.length === 0) return { imported: [], alreadyStored: files.length, skipped };
  const created = writeMediaFiles(missing);
  try {
    const imported = getDb().transaction((tx) => recordImportedMedia(tx, null, missing, folder));
    return { imported, alreadyStored: files.length - imported.length, skipped };
  } catch (error) {
    removeMediaFiles(created);
    throw error;
  }
}
