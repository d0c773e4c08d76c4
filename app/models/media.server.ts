/**
 * Images uploaded in the studio. The bytes decide what a file is (app/domain/media.ts); accepted
 * files are stored once, content-addressed, under <database folder>/media/<sha256>.<ext>, and served
 * at /media/<sha256>.<ext> (app/routes/media.$file.ts).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { desc, eq, inArray } from "drizzle-orm";
import { databasePath, getDb, type Tx } from "../../db/connection";
import { media } from "../../db/schema";
import { IMAGE_TYPES, MEDIA_FILE, checkImageUpload, type ImageType, type UploadProblem } from "~/domain/media";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { recordAudit } from "./audit.server";

export function mediaDir(): string {
  return path.join(path.dirname(databasePath()), "media");
}

export type MediaItem = { id: string; src: string; fileName: string; mime: string; size: number; createdAt: Date };

const STATUS: Record<UploadProblem, number> = { empty: 400, badName: 400, tooLarge: 413, notAnImage: 415, extensionMismatch: 415 };

function toItem(row: typeof media.$inferSelect): MediaItem {
  const extension = row.mime === "image/jpeg" ? "jpg" : row.mime.replace("image/", "");
  return { id: row.id, src: `/media/${row.sha256}.${extension}`, fileName: row.fileName, mime: row.mime, size: row.size, createdAt: row.createdAt };
}

/**
 * Stores an uploaded image, or refuses it (nothing written): empty, over 2 MB, not a PNG, JPEG, WebP
 * or GIF by its bytes, or named with another type's extension. The same bytes are stored once.
 */
export function storeMedia(actorId: string, upload: { fileName: string; bytes: Uint8Array }): MediaItem {
  const check = checkImageUpload(upload);
  if (!check.ok) throw new InputError({ file: `studio.media.errors.${check.problem}` }, STATUS[check.problem]);
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  const existing = getDb().select().from(media).where(eq(media.sha256, sha256)).get();
  if (existing) return toItem(existing);

  const dir = mediaDir();
  const file = path.join(dir, `${sha256}.${check.extension}`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    // Written under a temporary name, then renamed: a reader never sees half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, upload.bytes);
    fs.renameSync(temporary, file);
  }
  const row = { id: newId(), sha256, fileName: check.fileName, mime: check.mime, size: upload.bytes.length, uploadedBy: actorId, createdAt: new Date() };
  getDb().transaction((tx) => {
    tx.insert(media).values(row).onConflictDoNothing({ target: media.sha256 }).run();
    recordAudit(tx, { actorId, action: "media.uploaded", subjectType: "media", subjectId: row.id, data: { sha256, fileName: check.fileName, size: row.size } });
  });
  return toItem(getDb().select().from(media).where(eq(media.sha256, sha256)).get() ?? row);
}

/** The most recent uploads, newest first. */
export function listMedia(limit = 60): MediaItem[] {
  return getDb().select().from(media).orderBy(desc(media.createdAt)).limit(limit).all().map(toItem);
}

/** A stored file's bytes, by its served name; null for any other name or a missing file. */
export function readMediaFile(name: string): Buffer | null {
  if (!MEDIA_FILE.test(name)) return null;
  try {
    return fs.readFileSync(path.join(mediaDir(), name));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Content export and import (app/models/content-sync.server.ts)
// ---------------------------------------------------------------------------------------------

/** The served names (<sha256>.<ext>) among `names` that the store holds: a row and its file. */
export function storedMediaNames(names: readonly string[]): Set<string> {
  const valid = names.filter((name) => MEDIA_FILE.test(name));
  if (valid.length === 0) return new Set();
  const rows = getDb()
    .select()
    .from(media)
    .where(
      inArray(
        media.sha256,
        valid.map((name) => MEDIA_FILE.exec(name)![1]!),
      ),
    )
    .all();
  const known = new Set(rows.map((row) => toItem(row).src.slice("/media/".length)));
  return new Set(valid.filter((name) => known.has(name) && fs.existsSync(path.join(mediaDir(), name))));
}

/**
 * Writes checked files into the store, each under a temporary name then renamed (a reader never sees
 * half a file). Returns the files it created (files already there are left alone), so that the
 * caller can remove them if what follows fails; on an error it removes what it created and throws.
 */
export function writeMediaFiles(files: readonly { name: string; bytes: Uint8Array }[]): string[] {
  const created: string[] = [];
  try {
    for (const file of files) {
      if (!MEDIA_FILE.test(file.name)) throw new Error(`not a media file name: ${file.name}`);
      const target = path.join(mediaDir(), file.name);
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(mediaDir(), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, file.bytes);
      fs.renameSync(temporary, target);
      created.push(target);
    }
  } catch (error) {
    removeMediaFiles(created);
    throw error;
  }
  return created;
}

export function removeMediaFiles(files: readonly string[]): void {
  for (const file of files) fs.rmSync(file, { force: true });
}

/** Records imported files in the caller's transaction (a file already recorded is left as it is). */
export function recordImportedMedia(tx: Tx, actorId: string | null, files: readonly { name: string; size: number }[], from: string): string[] {
  const recorded: string[] = [];
  for (const file of files) {
    const [, sha256, extension] = MEDIA_FILE.exec(file.name)!;
    const row = {
      id: newId(),
      sha256: sha256!,
      fileName: file.name,
      mime: IMAGE_TYPES[extension as ImageType].mime,
      size: file.size,
      uploadedBy: actorId,
      createdAt: new Date(),
    };
    const inserted = tx.insert(media).values(row).onConflictDoNothing({ target: media.sha256 }).returning({ id: media.id }).all();
    if (inserted.length === 0) continue;
    recordAudit(tx, { actorId, action: "media.imported", subjectType: "media", subjectId: row.id, data: { sha256, size: file.size, from } });
    recorded.push(file.name);
  }
  return recorded;
}
