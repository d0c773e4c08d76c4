/**
 * What the database adds to the content files: the latest published version of each module, the
 * latest published tracks, which modules are unpublished, and since which version a completed module
 * needs a review, and the charter versions published from the browser. Read by the content library (app/content/library.server.ts) when it loads; three
 * queries, whatever the number of modules.
 */
import { and, desc, eq, max } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { charterTexts, moduleVersions, modules, trackVersions } from "../../db/schema";
import { readSourceVersion } from "../domain/module-source";

export type StoredModule = { fr: string; en: string; number: number; label: string };
/** A charter version written in the browser and published (immutable). */
export type StoredCharter = { fr: string; en: string; check: string; label: string };

export type ContentOverlay = {
  /** Module id → the sources of its latest published version. */
  modules: Map<string, StoredModule>;
  /** Modules created in the studio and not published: learners never see them. */
  hidden: Set<string>;
  /** The latest published tracks.yaml, or null when the tracks were never imported or edited. */
  tracksYaml: string | null;
  /** Module id → the frontmatter version of its latest significant change. */
  reviewSince: Map<string, number>;
  /**
   * The `content` counter of cache_versions, read before the rest: a library built from this overlay
   * is up to date with every change up to it (app/server/cache-sync.ts). -1 when unknown.
   */
  version: number;
  /** Charter version → its texts, for the versions published from the browser. */
  charters: Map<string, StoredCharter>;
};

export function emptyOverlay(): ContentOverlay {
  return { modules: new Map(), hidden: new Set(), tracksYaml: null, reviewSince: new Map(), version: -1, charters: new Map() };
}

export function readContentOverlay(): ContentOverlay {
  try {
    return queryOverlay();
  } catch (error) {
    // A process that has not migrated the database yet (the app always migrates before serving).
    if (error instanceof Error && /no such table/i.test(error.message)) {
      console.warn(`[content] studio tables missing (${error.message}): serving the content files only`);
      return emptyOverlay();
    }
    throw error;
  }
}

function queryOverlay(): ContentOverlay {
  const db = getDb();
  const overlay = emptyOverlay();
  overlay.version = (db.$client.prepare("select version from cache_versions where key = 'content'").get() as { version: number } | undefined)?.version ?? -1;

  const latest = db
    .select({ moduleId: moduleVersions.moduleId, number: max(moduleVersions.number).as("latest_number") })
    .from(moduleVersions)
    .groupBy(moduleVersions.moduleId)
    .as("latest");
  const rows = db
    .select({ id: modules.id, unpublished: modules.unpublished, number: moduleVersions.number, fr: moduleVersions.frSource, en: moduleVersions.enSource })
    .from(modules)
    .leftJoin(latest, eq(latest.moduleId, modules.id))
    .leftJoin(moduleVersions, and(eq(moduleVersions.moduleId, modules.id), eq(moduleVersions.number, latest.number)))
    .all();
  for (const row of rows) {
    if (row.unpublished) overlay.hidden.add(row.id);
    else if (row.number !== null && row.fr !== null && row.en !== null)
      overlay.modules.set(row.id, { fr: row.fr, en: row.en, number: row.number, label: `version ${row.number} in the database` });
  }

  const significant = db
    .select({ moduleId: moduleVersions.moduleId, number: max(moduleVersions.number).as("significant_number") })
    .from(moduleVersions)
    .where(eq(moduleVersions.significant, true))
    .groupBy(moduleVersions.moduleId)
    .as("significant");
  const reviews = db
    .select({ moduleId: moduleVersions.moduleId, fr: moduleVersions.frSource })
    .from(significant)
    .innerJoin(moduleVersions, and(eq(moduleVersions.moduleId, significant.moduleId), eq(moduleVersions.number, significant.number)))
    .all();
  for (const row of reviews) {
    const version = readSourceVersion(row.fr);
    if (version !== null) overlay.reviewSince.set(row.moduleId, version);
  }

  for (const row of db.select().from(charterTexts).all()) {
    overlay.charters.set(row.version, { fr: row.frSource, en: row.enSource, check: row.checkYaml, label: "published from the browser, in the database" });
  }

  overlay.tracksYaml = db.select({ yaml: trackVersions.yaml }).from(trackVersions).orderBy(desc(trackVersions.id)).limit(1).get()?.yaml ?? null;
  return overlay;
}
