/**
 * A learner's track, assembled from the content library (loaded and compiled once per process), the
 * current placement and the progress rows. No MDX is compiled here: the library already holds every
 * module's tree.
 */
import type { Level } from "../../db/schema";
import { loadContentLibrary, lookupModule, type ContentLibrary, type Locale, type ModuleLookup } from "~/content/library.server";
import { buildTrack, trackOrder, type AvailableModule, type ProgressRow, type Track } from "~/domain/track";
import { getCurrentPlacement } from "./placement.server";
import { listProgress } from "./progress.server";

/** The modules the library could load, with what the track needs of them. */
function availableModules(library: ContentLibrary): Map<string, AvailableModule> {
  const out = new Map<string, AvailableModule>();
  for (const [id, entry] of library.modules) {
    const any = entry.locales.fr ?? entry.locales.en;
    if (any) out.set(id, { duration: any.duration, version: entry.version, reviewSince: entry.reviewSince ?? null });
  }
  return out;
}

export type TrackTitles = Record<string, string>;

export type LearnerTrack = { track: Track; titles: TrackTitles };

export type LearnerTrackState = { placed: false } | { placed: true; level: Level; learner: LearnerTrack | null };

/**
 * The learner's level and whole track with their progress, in two queries (placement, progress
 * rows). `learner` is null when the tracks file could not be loaded. Titles are in `locale`, or in
 * the other language for a module that lacks it.
 */
export async function loadLearnerTrack(userId: string, locale: Locale): Promise<LearnerTrackState> {
  const placement = getCurrentPlacement(userId);
  if (!placement) return { placed: false };
  const library = await loadContentLibrary();
  return { placed: true, level: placement.level, learner: trackFor(library, placement.level, listProgress(userId), locale) };
}

/** The track of `level` with `progress`, from an already loaded library; null without a valid tracks file. */
export function trackFor(library: ContentLibrary, level: Level, progress: readonly ProgressRow[], locale: Locale): LearnerTrack | null {
  if (!library.tracks) return null;
  const track = buildTrack({ tracks: library.tracks, level, modules: availableModules(library), progress });
  return {
    track,
    titles: titlesOf(
      library,
      track.items.map((item) => item.id),
      locale,
    ),
  };
}

function titlesOf(library: ContentLibrary, ids: readonly string[], locale: Locale): TrackTitles {
  const titles: TrackTitles = {};
  for (const id of ids) {
    const found = lookupModule(library, id, locale);
    if (found) titles[id] = found.module.title;
  }
  return titles;
}

export type TrackModule = {
  /** The ordered ids of the learner's track. */
  order: string[];
  /** The module in the wanted language (or the other one), or null when the library could not load it. */
  lookup: ModuleLookup | null;
  library: ContentLibrary;
};

/**
 * A module of the learner's track at `level`, or null when the module is not in that track.
 * A module in the track that failed validation comes back with `lookup: null`.
 */
export async function findTrackModule(level: Level, moduleId: string, locale: Locale): Promise<TrackModule | null> {
  const library = await loadContentLibrary();
  if (!library.tracks) return null;
  const order = trackOrder(library.tracks, level).map((item) => item.id);
  if (!order.includes(moduleId)) return null;
  return { order, lookup: lookupModule(library, moduleId, locale), library };
}

/** Why a module is missing from the library, for the server log. */
export function moduleProblems(library: ContentLibrary, moduleId: string): string[] {
  const marker = `/modules/${moduleId}/`;
  return library.problems
    .filter((p) => p.file.replace(/\\/g, "/").includes(marker) || p.message.includes(`"${moduleId}"`))
    .map((p) => `${p.file}:${p.line}:${p.col} ${p.message}`);
}
