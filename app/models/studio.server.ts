/**
 * The trainer studio's modules (tracks: studio-tracks.server.ts; live preview: studio-preview.server.ts).
 *
 * - A module's work in progress is one shared draft per module (both languages as whole files); every
 *   save must name the revision it started from, and a save based on another revision is refused
 *   with the current text (EditConflict → 409): two trainers never overwrite each other silently.
 * - Publishing validates both languages exactly as the library will (unsafe MDX, invalid frontmatter,
 *   no knowledge check → PublishRefused, nothing written), sets the frontmatter `version` (the system's),
 *   and writes an immutable version. Rolling back writes a new version with the old content.
 * - A module that so far only existed as files gets its files recorded as version 1 (origin import)
 *   the first time it is saved in the studio, so that history, diffs and content:import's conflict
 *   detection have a base (docs/decisions/0009-studio-content-in-database.md).
 * - After a publication, rollback or track change the content library is reloaded: only changed
 *   sources recompile (the compile cache is keyed by content hash).
 * - Discarding a published module's draft resets it to the published version (its revision moves on,
 *   never back); discarding a module never published deletes it, unless a track or learners'
 *   progress still names it (docs/decisions/0012-discard-problem-codes-media-transfer.md).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { checkAnswers, moduleDrafts, moduleProgress, moduleVersions, modules, reflections, users } from "../../db/schema";
import {
  compileModuleSources,
  contentDir,
  loadContentLibrary,
  lookupModule,
  reloadContentLibrary,
  type ContentLibrary,
  type Locale,
  type Problem,
} from "~/content/library.server";
import { KEBAB_CASE, LEVEL_IDS, type LevelId } from "~/content/schemas";
import { coded } from "~/content/problem-codes";
import { moduleTemplate, readFields, readSourceVersion, setSourceVersion } from "~/domain/module-source";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { recordAudit } from "./audit.server";

export type Sources = { fr: string; en: string };

/** Paths under /studio that a module id would shadow. */
export const RESERVED_MODULE_IDS = ["new", "tracks", "reviews", "media"] as const;
export const MAX_MODULE_ID_CHARS = 80;
export const MAX_NOTE_CHARS = 500;

export const BASELINE_NOTE = "Imported from the content files (recorded before the first studio edit)";

/** What a save based on an outdated revision is told: the text as it now is. */
export type DraftSnapshot = { revision: number; sources: Sources; updatedByName: string | null; updatedAt: string | null };

export class EditConflict extends Error {
  constructor(readonly current: DraftSnapshot) {
    super("the module changed since it was loaded");
    this.name = "EditConflict";
  }
}

/** Publication refused: the problems, per language ("fr" / "en" as file). Nothing was written. */
export class PublishRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super(`publication refused: ${problems.length} problem(s)`);
    this.name = "PublishRefused";
  }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

function moduleFolder(id: string): string {
  return path.join(contentDir(), "modules", id);
}

/** A module's files under the content folder, or null when it has no folder. A missing language reads as "". */
export function fileSources(id: string): Sources | null {
  if (!KEBAB_CASE.test(id)) return null;
  const read = (locale: Locale) => {
    try {
      return readFileSync(path.join(moduleFolder(id), `${locale}.mdx`), "utf8");
    } catch {
      return null;
    }
  };
  const fr = read("fr");
  const en = read("en");
  return fr === null && en === null ? null : { fr: fr ?? "", en: en ?? "" };
}

type VersionRow = typeof moduleVersions.$inferSelect;

function latestVersion(tx: Pick<Tx, "select">, id: string): VersionRow | undefined {
  return tx.select().from(moduleVersions).where(eq(moduleVersions.moduleId, id)).orderBy(desc(moduleVersions.number)).limit(1).get();
}

export type EditorState = {
  id: string;
  /** Whether the database knows the module (imported, edited or created in the studio). */
  inDatabase: boolean;
  unpublished: boolean;
  /** The draft's revision; 0 when there is no draft. A save must name it. */
  revision: number;
  /** What the editor starts from: the draft, else the published version, else the files. */
  sources: Sources;
  /** What learners get now (the latest version, or the files), or null for a module never published. */
  publishedSources: Sources | null;
  published: { number: number; version: number | null; createdAt: Date; authorName: string | null; origin: "import" | "studio" } | null;
  draft: { updatedAt: Date; updatedByName: string | null; changed: boolean } | null;
};

/** A module as the editor opens it; null when neither the database nor the files know it. */
export function getEditorState(id: string): EditorState | null {
  const db = getDb();
  const row = db.select().from(modules).where(eq(modules.id, id)).get();
  const files = row ? null : fileSources(id);
  if (!row && !files) return null;
  const latest = row
    ? db
        .select({ version: moduleVersions, authorName: users.name })
        .from(moduleVersions)
        .leftJoin(users, eq(users.id, moduleVersions.author))
        .where(eq(moduleVersions.moduleId, id))
        .orderBy(desc(moduleVersions.number))
        .limit(1)
        .get()
    : undefined;
  const draft = row
    ? db
        .select({ draft: moduleDrafts, updatedByName: users.name })
        .from(moduleDrafts)
        .leftJoin(users, eq(users.id, moduleDrafts.updatedBy))
        .where(eq(moduleDrafts.moduleId, id))
        .get()
    : undefined;
  const publishedSources = latest ? { fr: latest.version.frSource, en: latest.version.enSource } : files;
  const draftSources = draft ? { fr: draft.draft.frSource, en: draft.draft.enSource } : null;
  const sources = draftSources ?? publishedSources ?? { fr: moduleTemplate(id, "fr"), en: moduleTemplate(id, "en") };
  return {
    id,
    inDatabase: Boolean(row),
    unpublished: row?.unpublished ?? false,
    revision: draft?.draft.revision ?? 0,
    sources,
    publishedSources,
    published: latest
      ? {
          number: latest.version.number,
          version: readSourceVersion(latest.version.frSource),
          createdAt: latest.version.createdAt,
          authorName: latest.authorName,
          origin: latest.version.origin,
        }
      : null,
    draft: draft
      ? { updatedAt: draft.draft.updatedAt, updatedByName: draft.updatedByName, changed: !publishedSources || !sameSources(draftSources!, publishedSources) }
      : null,
  };
}

const sameSources = (a: Sources, b: Sources) => a.fr === b.fr && a.en === b.en;

export type StudioModuleRow = {
  id: string;
  title: string;
  /** published: learners see the latest version; draft: unpublished changes wait; unpublished: never published. */
  status: "published" | "draft" | "unpublished";
  /** Whether learners can open it (the library loaded it). */
  available: boolean;
  locales: { fr: boolean; en: boolean };
  tracks: { core: boolean; levels: LevelId[] };
  latestNumber: number | null;
  updatedAt: Date | null;
};

/**
 * Every module (content folders and the database), with its status, languages and the tracks that
 * use it. One query for the database side.
 */
export function listStudioModules(library: ContentLibrary, locale: Locale): StudioModuleRow[] {
  const latest = getDb()
    .select({ moduleId: moduleVersions.moduleId, number: sql<number>`max(${moduleVersions.number})`.as("latest_number") })
    .from(moduleVersions)
    .groupBy(moduleVersions.moduleId)
    .as("latest");
  const rows = getDb()
    .select({
      id: modules.id,
      unpublished: modules.unpublished,
      latestNumber: latest.number,
      versionAt: moduleVersions.createdAt,
      draftAt: moduleDrafts.updatedAt,
      draftFr: moduleDrafts.frSource,
      draftEn: moduleDrafts.enSource,
      draftChanged: sql<
        number | null
      >`case when ${moduleDrafts.moduleId} is null then null when ${moduleVersions.id} is null then 1 else (${moduleDrafts.frSource} <> ${moduleVersions.frSource} or ${moduleDrafts.enSource} <> ${moduleVersions.enSource}) end`,
    })
    .from(modules)
    .leftJoin(latest, eq(latest.moduleId, modules.id))
    .leftJoin(moduleVersions, and(eq(moduleVersions.moduleId, modules.id), eq(moduleVersions.number, latest.number)))
    .leftJoin(moduleDrafts, eq(moduleDrafts.moduleId, modules.id))
    .all();
  const stored = new Map(rows.map((row) => [row.id, row]));
  const ids = new Set<string>([...stored.keys(), ...moduleFolders(), ...library.modules.keys()]);
  const tracks = library.tracks;
  return [...ids].sort().map((id) => {
    const row = stored.get(id);
    const entry = library.modules.get(id);
    const unpublished = row?.unpublished ?? false;
    const status = unpublished ? "unpublished" : row?.draftChanged ? "draft" : "published";
    const draftTitle = row?.draftFr ? readFields(locale === "fr" ? row.draftFr : (row.draftEn ?? "")).title : "";
    return {
      id,
      title: lookupModule(library, id, locale)?.module.title ?? (draftTitle || id),
      status,
      available: Boolean(entry),
      locales: unpublished
        ? { fr: Boolean(row?.draftFr?.trim()), en: Boolean(row?.draftEn?.trim()) }
        : { fr: Boolean(entry?.locales.fr), en: Boolean(entry?.locales.en) },
      tracks: { core: tracks?.core.includes(id) ?? false, levels: tracks ? LEVEL_IDS.filter((level) => tracks.levels[level].includes(id)) : [] },
      latestNumber: row?.latestNumber ?? null,
      updatedAt: row?.draftAt ?? row?.versionAt ?? null,
    };
  });
}

function moduleFolders(): string[] {
  try {
    return readdirSync(path.join(contentDir(), "modules")).filter((name) => KEBAB_CASE.test(name));
  } catch {
    return [];
  }
}

export type VersionSummary = {
  number: number;
  version: number | null;
  createdAt: Date;
  authorName: string | null;
  changeNote: string;
  significant: boolean;
  origin: "import" | "studio";
};

/** A module's versions, newest first (one query). */
export function listVersions(id: string): VersionSummary[] {
  return getDb()
    .select({ v: moduleVersions, authorName: users.name })
    .from(moduleVersions)
    .leftJoin(users, eq(users.id, moduleVersions.author))
    .where(eq(moduleVersions.moduleId, id))
    .orderBy(desc(moduleVersions.number))
    .all()
    .map(({ v, authorName }) => ({
      number: v.number,
      version: readSourceVersion(v.frSource),
      createdAt: v.createdAt,
      authorName,
      changeNote: v.changeNote,
      significant: v.significant,
      origin: v.origin,
    }));
}

export function getVersionSources(id: string, number: number): Sources | null {
  const row = getDb()
    .select({ fr: moduleVersions.frSource, en: moduleVersions.enSource })
    .from(moduleVersions)
    .where(and(eq(moduleVersions.moduleId, id), eq(moduleVersions.number, number)))
    .get();
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

function snapshot(tx: Pick<Tx, "select">, id: string): DraftSnapshot {
  const draft = tx
    .select({ draft: moduleDrafts, name: users.name })
    .from(moduleDrafts)
    .leftJoin(users, eq(users.id, moduleDrafts.updatedBy))
    .where(eq(moduleDrafts.moduleId, id))
    .get();
  if (draft)
    return {
      revision: draft.draft.revision,
      sources: { fr: draft.draft.frSource, en: draft.draft.enSource },
      updatedByName: draft.name,
      updatedAt: draft.draft.updatedAt.toISOString(),
    };
  const latest = latestVersion(tx, id);
  const sources = latest ? { fr: latest.frSource, en: latest.enSource } : (fileSources(id) ?? { fr: "", en: "" });
  return { revision: 0, sources, updatedByName: null, updatedAt: latest?.createdAt.toISOString() ?? null };
}

function insertVersion(
  tx: Tx,
  input: { moduleId: string; number: number; sources: Sources; author: string | null; note: string; origin: "import" | "studio"; significant: boolean },
): VersionRow {
  const row: VersionRow = {
    id: newId(),
    moduleId: input.moduleId,
    number: input.number,
    frSource: input.sources.fr,
    enSource: input.sources.en,
    author: input.author,
    createdAt: new Date(),
    changeNote: input.note,
    significant: input.significant,
    origin: input.origin,
  };
  tx.insert(moduleVersions).values(row).run();
  return row;
}

/**
 * The module's database record, created from its files when it has none yet (files recorded as
 * version 1, origin import). Returns its latest version (undefined for a studio module never published).
 */
function ensureRecorded(tx: Tx, id: string): VersionRow | undefined {
  const row = tx.select({ id: modules.id }).from(modules).where(eq(modules.id, id)).get();
  if (row) return latestVersion(tx, id);
  const files = fileSources(id);
  if (!files) throw new InputError({ form: "studio.errors.unknownModule" }, 404);
  tx.insert(modules).values({ id, unpublished: false }).run();
  const version = insertVersion(tx, { moduleId: id, number: 1, sources: files, author: null, note: BASELINE_NOTE, origin: "import", significant: false });
  recordAudit(tx, { actorId: null, action: "module.imported", subjectType: "module", subjectId: id, toState: "v1", data: { number: 1, baseline: true } });
  return version;
}

/** Creates a studio module: a draft with a template in both languages, unpublished. */
export async function createModule(actorId: string, id: string): Promise<void> {
  if (!KEBAB_CASE.test(id) || id.length > MAX_MODULE_ID_CHARS) throw new InputError({ id: "studio.errors.idFormat" });
  if ((RESERVED_MODULE_IDS as readonly string[]).includes(id)) throw new InputError({ id: "studio.errors.idReserved" });
  const library = await loadContentLibrary();
  if (library.modules.has(id) || fileSources(id)) throw new InputError({ id: "studio.errors.idTaken" }, 409);
  getDb().transaction((tx) => {
    if (tx.select({ id: modules.id }).from(modules).where(eq(modules.id, id)).get()) throw new InputError({ id: "studio.errors.idTaken" }, 409);
    tx.insert(modules).values({ id, unpublished: true }).run();
    tx.insert(moduleDrafts)
      .values({
        moduleId: id,
        frSource: moduleTemplate(id, "fr"),
        enSource: moduleTemplate(id, "en"),
        revision: 1,
        baseVersionId: null,
        updatedBy: actorId,
        updatedAt: new Date(),
      })
      .run();
    recordAudit(tx, { actorId, action: "module.created", subjectType: "module", subjectId: id, toState: "unpublished" });
  });
}

/**
 * Saves the shared draft. `expectedRevision` is the revision the editor started from: anything else
 * means someone saved or published in between, and nothing is written (EditConflict, with their text).
 */
export function saveDraft(actorId: string, id: string, expectedRevision: number, sources: Sources): { revision: number; updatedAt: Date } {
  return getDb().transaction((tx) => {
    const draft = tx.select().from(moduleDrafts).where(eq(moduleDrafts.moduleId, id)).get();
    const current = draft?.revision ?? 0;
    if (current !== expectedRevision) throw new EditConflict(snapshot(tx, id));
    if (draft && draft.frSource === sources.fr && draft.enSource === sources.en) return { revision: current, updatedAt: draft.updatedAt };
    const base = ensureRecorded(tx, id);
    const updatedAt = new Date();
    const values = { frSource: sources.fr, enSource: sources.en, revision: current + 1, updatedBy: actorId, updatedAt };
    if (draft) tx.update(moduleDrafts).set(values).where(eq(moduleDrafts.moduleId, id)).run();
    else
      tx.insert(moduleDrafts)
        .values({ moduleId: id, baseVersionId: base?.id ?? null, ...values })
        .run();
    return { revision: current + 1, updatedAt };
  });
}

/** The problems that keep `sources` from being published ("fr" / "en" as file); empty when it may be. */
export async function publicationProblems(id: string, sources: Sources): Promise<Problem[]> {
  const problems: Problem[] = [];
  const entry = await compileModuleSources(id, { fr: { source: sources.fr, file: "fr" }, en: { source: sources.en, file: "en" } }, problems);
  if (problems.length === 0 && (!entry?.locales.fr || !entry.locales.en)) problems.push({ file: "fr", line: 1, col: 1, ...coded("bothLanguages") });
  return problems;
}

export function requireNote(note: string): string {
  const trimmed = note.trim();
  if (!trimmed) throw new InputError({ note: "studio.errors.noteRequired" });
  if (trimmed.length > MAX_NOTE_CHARS) throw new InputError({ note: "errors.tooLong" });
  return trimmed;
}

/**
 * Publishes `sources` (the editor's text) as the module's next version. Refused, with nothing written:
 * no change note, nothing changed, an outdated revision (409), any problem in either language.
 */
export async function publishModule(input: {
  actorId: string;
  id: string;
  expectedRevision: number;
  sources: Sources;
  note: string;
  significant: boolean;
}): Promise<{ number: number; version: number }> {
  const note = requireNote(input.note);
  const state = getEditorState(input.id);
  if (!state) throw new InputError({ form: "studio.errors.unknownModule" }, 404);
  if (state.revision !== input.expectedRevision) throw new EditConflict(snapshot(getDb(), input.id));
  const previousVersion = state.publishedSources ? (readSourceVersion(state.publishedSources.fr) ?? 0) : 0;
  if (state.publishedSources) {
    const unchanged =
      setSourceVersion(input.sources.fr, previousVersion) === state.publishedSources.fr &&
      setSourceVersion(input.sources.en, previousVersion) === state.publishedSources.en;
    if (unchanged) throw new InputError({ form: "studio.errors.nothingToPublish" });
  }
  const version = previousVersion + 1;
  const final = { fr: setSourceVersion(input.sources.fr, version), en: setSourceVersion(input.sources.en, version) };
  const problems = await publicationProblems(input.id, final);
  if (problems.length > 0) throw new PublishRefused(problems);

  const number = getDb().transaction((tx) => {
    const draft = tx.select({ revision: moduleDrafts.revision }).from(moduleDrafts).where(eq(moduleDrafts.moduleId, input.id)).get();
    if ((draft?.revision ?? 0) !== input.expectedRevision) throw new EditConflict(snapshot(tx, input.id));
    const latest = ensureRecorded(tx, input.id);
    if (state.published && latest?.number !== state.published.number) throw new EditConflict(snapshot(tx, input.id));
    const created = insertVersion(tx, {
      moduleId: input.id,
      number: (latest?.number ?? 0) + 1,
      sources: final,
      author: input.actorId,
      note,
      origin: "studio",
      significant: input.significant,
    });
    const values = {
      frSource: final.fr,
      enSource: final.en,
      revision: (draft?.revision ?? 0) + 1,
      baseVersionId: created.id,
      updatedBy: input.actorId,
      updatedAt: new Date(),
    };
    if (draft) tx.update(moduleDrafts).set(values).where(eq(moduleDrafts.moduleId, input.id)).run();
    else
      tx.insert(moduleDrafts)
        .values({ moduleId: input.id, ...values })
        .run();
    tx.update(modules).set({ unpublished: false }).where(eq(modules.id, input.id)).run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: "module.published",
      subjectType: "module",
      subjectId: input.id,
      fromState: latest ? `v${latest.number}` : "unpublished",
      toState: `v${created.number}`,
      reason: note,
      data: { number: created.number, version, significant: input.significant },
    });
    return created.number;
  });
  await reloadContentLibrary();
  return { number, version };
}

/**
 * Publishes an earlier version's content again, as a new version (its frontmatter version bumped).
 * A draft with unpublished changes is kept as it is; otherwise it follows the new version.
 */
export async function rollbackModule(input: { actorId: string; id: string; toNumber: number; note: string }): Promise<{ number: number }> {
  const note = requireNote(input.note);
  const target = getVersionSources(input.id, input.toNumber);
  if (!target) throw new InputError({ version: "studio.errors.unknownVersion" }, 404);
  const latest = latestVersion(getDb(), input.id);
  if (!latest || latest.number === input.toNumber) throw new InputError({ version: "studio.errors.rollbackToCurrent" });
  const version = (readSourceVersion(latest.frSource) ?? 0) + 1;
  const final = { fr: setSourceVersion(target.fr, version), en: setSourceVersion(target.en, version) };
  const problems = await publicationProblems(input.id, final);
  if (problems.length > 0) throw new PublishRefused(problems);

  const number = getDb().transaction((tx) => {
    const now = latestVersion(tx, input.id);
    if (now?.number !== latest.number) throw new InputError({ form: "studio.errors.changedMeanwhile" }, 409);
    const created = insertVersion(tx, {
      moduleId: input.id,
      number: latest.number + 1,
      sources: final,
      author: input.actorId,
      note,
      origin: "studio",
      significant: false,
    });
    const draft = tx.select().from(moduleDrafts).where(eq(moduleDrafts.moduleId, input.id)).get();
    const draftChanged = draft && (draft.frSource !== latest.frSource || draft.enSource !== latest.enSource);
    if (!draftChanged) {
      const values = {
        frSource: final.fr,
        enSource: final.en,
        revision: (draft?.revision ?? 0) + 1,
        baseVersionId: created.id,
        updatedBy: input.actorId,
        updatedAt: new Date(),
      };
      if (draft) tx.update(moduleDrafts).set(values).where(eq(moduleDrafts.moduleId, input.id)).run();
      else
        tx.insert(moduleDrafts)
          .values({ moduleId: input.id, ...values })
          .run();
    }
    recordAudit(tx, {
      actorId: input.actorId,
      action: "module.rolled_back",
      subjectType: "module",
      subjectId: input.id,
      fromState: `v${latest.number}`,
      toState: `v${created.number}`,
      reason: note,
      data: { number: created.number, restored: input.toNumber, version },
    });
    return created.number;
  });
  await reloadContentLibrary();
  return { number };
}

export type DiscardOutcome = { kind: "reverted"; number: number } | { kind: "deleted" };

/**
 * Throws the draft's unpublished changes away. `expectedRevision` is the revision the trainer saw:
 * anything else means someone saved in between, and nothing is discarded (409), so that nobody
 * throws away a colleague's work they have not seen.
 *
 * - A published module: the draft becomes the latest published version again (the revision moves on,
 *   so an editor still open on the old text is told at its next save). Learners are not affected.
 * - A module never published: the module is deleted (its draft is all there is), unless a track
 *   or learners' progress still names it — refused with why (InputError), nothing written.
 */
export async function discardDraft(input: { actorId: string; id: string; expectedRevision: number }): Promise<DiscardOutcome> {
  const { actorId, id, expectedRevision } = input;
  // A never-published module cannot enter a published track (publishTracks requires learners to be
  // able to open every module), so reading the tracks before the transaction leaves no gap.
  const library = await loadContentLibrary();
  const tracks = library.tracks;
  const inTracks = tracks ? [tracks.core, ...LEVEL_IDS.map((level) => tracks.levels[level])].some((list) => list.includes(id)) : false;
  return getDb().transaction((tx): DiscardOutcome => {
    const row = tx.select().from(modules).where(eq(modules.id, id)).get();
    if (!row && !fileSources(id)) throw new InputError({ form: "studio.errors.unknownModule" }, 404);
    const draft = tx.select().from(moduleDrafts).where(eq(moduleDrafts.moduleId, id)).get();
    if ((draft?.revision ?? 0) !== expectedRevision) throw new InputError({ form: "studio.discard.errors.changedMeanwhile" }, 409);
    const latest = row ? latestVersion(tx, id) : undefined;

    if (row?.unpublished && !latest) {
      // Never published: the draft is the whole module.
      if (inTracks) throw new InputError({ form: "studio.discard.errors.inTracks" }, 409);
      const learners = tx
        .select({ n: sql<number>`count(*)` })
        .from(
          sql`(select ${moduleProgress.userId} from ${moduleProgress} where ${moduleProgress.moduleId} = ${id}
               union select ${checkAnswers.userId} from ${checkAnswers} where ${checkAnswers.moduleId} = ${id}
               union select ${reflections.userId} from ${reflections} where ${reflections.moduleId} = ${id})`,
        )
        .get();
      if ((learners?.n ?? 0) > 0) throw new InputError({ form: "studio.discard.errors.hasProgress" }, 409);
      tx.delete(moduleDrafts).where(eq(moduleDrafts.moduleId, id)).run();
      tx.delete(modules).where(eq(modules.id, id)).run();
      recordAudit(tx, {
        actorId,
        action: "module.deleted",
        subjectType: "module",
        subjectId: id,
        fromState: "unpublished",
        data: { revision: draft?.revision ?? 0 },
      });
      return { kind: "deleted" };
    }

    if (!draft || !latest || (draft.frSource === latest.frSource && draft.enSource === latest.enSource)) {
      throw new InputError({ form: "studio.discard.errors.nothingToDiscard" });
    }
    const revision = draft.revision + 1;
    tx.update(moduleDrafts)
      .set({ frSource: latest.frSource, enSource: latest.enSource, revision, baseVersionId: latest.id, updatedBy: actorId, updatedAt: new Date() })
      .where(eq(moduleDrafts.moduleId, id))
      .run();
    recordAudit(tx, {
      actorId,
      action: "module.draft_discarded",
      subjectType: "module",
      subjectId: id,
      fromState: `draft r${draft.revision}`,
      toState: `v${latest.number}`,
      data: { revision, number: latest.number },
    });
    return { kind: "reverted", number: latest.number };
  });
}
