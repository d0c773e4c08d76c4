/**
 * The studio's tracks: which modules each level's track and the common core list. A publication is
 * one immutable track version (the tracks file is recorded first, as content:import would), applies to
 * every learner at once (progress is kept per module), and reloads the content library.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import { parseDocument } from "yaml";
import { getDb } from "../../db/connection";
import { trackVersions, users } from "../../db/schema";
import { contentDir, loadContentLibrary, reloadContentLibrary, type ContentLibrary } from "~/content/library.server";
import { LEVEL_IDS, tracksSchema, type LevelId, type Tracks } from "~/content/schemas";
import { InputError } from "~/utils/errors";
import { recordAudit } from "./audit.server";
import { BASELINE_NOTE, requireNote } from "./studio.server";

export type TrackLists = { core: string[]; levels: Record<LevelId, string[]> };

export type TracksState = {
  tracks: Tracks | null;
  /** The track version the page shows (0: the tracks file); a publication must name it. */
  basedOn: number;
  history: { id: number; createdAt: Date; authorName: string | null; note: string; origin: "import" | "studio" }[];
};

export function getTracksState(library: ContentLibrary, limit = 20): TracksState {
  const history = getDb()
    .select({ id: trackVersions.id, createdAt: trackVersions.createdAt, authorName: users.name, note: trackVersions.note, origin: trackVersions.origin })
    .from(trackVersions)
    .leftJoin(users, eq(users.id, trackVersions.author))
    .orderBy(desc(trackVersions.id))
    .limit(limit)
    .all();
  return { tracks: library.tracks, basedOn: history[0]?.id ?? 0, history };
}

function tracksFileText(): string | null {
  try {
    return readFileSync(path.join(contentDir(), "tracks.yaml"), "utf8");
  } catch {
    return null;
  }
}

/** The tracks YAML with the lists replaced, keeping the rest of the text (comments) as it was. */
export function composeTracksYaml(previous: string | null, lists: TrackLists): string {
  const doc = parseDocument(previous ?? "core: []\nlevels: {}\n");
  const current = (doc.toJS() ?? {}) as { core?: unknown; levels?: Record<string, unknown> };
  const same = (a: unknown, b: string[]) => Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(current.core, lists.core)) doc.setIn(["core"], doc.createNode(lists.core));
  for (const level of LEVEL_IDS) if (!same(current.levels?.[level], lists.levels[level])) doc.setIn(["levels", level], doc.createNode(lists.levels[level]));
  return doc.toString({ lineWidth: 0 });
}

/**
 * Publishes new tracks: they apply to every learner at once (progress is kept per module). Refused,
 * with nothing written: no note, an empty list, a module listed twice or in both the core and a level,
 * a module learners cannot open, no change, or tracks changed since the page was loaded (409).
 */
export async function publishTracks(input: { actorId: string; basedOn: number; lists: TrackLists; note: string }): Promise<number> {
  const note = requireNote(input.note);
  const library = await loadContentLibrary();
  const { lists } = input;
  const all = [lists.core, ...LEVEL_IDS.map((level) => lists.levels[level])];
  if (all.some((list) => list.length === 0)) throw new InputError({ tracks: "studio.tracks.errors.empty" });
  if (all.some((list) => new Set(list).size !== list.length)) throw new InputError({ tracks: "studio.tracks.errors.duplicate" });
  const core = new Set(lists.core);
  if (LEVEL_IDS.some((level) => lists.levels[level].some((id) => core.has(id)))) throw new InputError({ tracks: "studio.tracks.errors.coreAndLevel" });
  if (all.some((list) => list.some((id) => !library.modules.has(id)))) throw new InputError({ tracks: "studio.tracks.errors.unknownModule" });
  if (!tracksSchema.safeParse(lists).success) throw new InputError({ tracks: "errors.invalidInput" });

  const id = getDb().transaction((tx) => {
    const latest = tx.select().from(trackVersions).orderBy(desc(trackVersions.id)).limit(1).get();
    if ((latest?.id ?? 0) !== input.basedOn) throw new InputError({ form: "studio.tracks.errors.changedMeanwhile" }, 409);
    let previous = latest?.yaml ?? null;
    if (!latest) {
      // Record the tracks file first, as content:import would have: the base of later imports.
      previous = tracksFileText();
      if (previous !== null) tx.insert(trackVersions).values({ yaml: previous, author: null, note: BASELINE_NOTE, origin: "import" }).run();
    }
    const yaml = composeTracksYaml(previous, lists);
    if (yaml === previous) throw new InputError({ form: "studio.tracks.errors.nothingChanged" });
    const created = tx.insert(trackVersions).values({ yaml, author: input.actorId, note, origin: "studio" }).returning({ id: trackVersions.id }).get();
    recordAudit(tx, {
      actorId: input.actorId,
      action: "tracks.published",
      subjectType: "tracks",
      subjectId: String(created.id),
      reason: note,
      data: { lists },
    });
    return created.id;
  });
  await reloadContentLibrary();
  return id;
}
