/**
 * A learner's track: which modules, in which order, where they stand, and what to take next.
 * Pure: no I/O. The inputs are the tracks definition (content/tracks.yaml), a level (however it was
 * set: questionnaire or override), the modules the library could load, and the learner's progress rows.
 *
 * Order (see docs/decisions/0007-interleaved-track-order.md): the level's first module opens the
 * track, then common-core and level modules alternate, core first, and whichever list is longer
 * finishes the track. A module listed in both the core and the level appears once, at its first place.
 */
import type { Level } from "./placement";

export type TracksDefinition = { core: readonly string[]; levels: Readonly<Record<Level, readonly string[]>> };

/** What the track needs to know of a module the library could load. */
export type AvailableModule = {
  duration: number;
  version: number;
  /** Set when a significant change was published: a completion of an earlier version asks for a review. */
  reviewSince?: number | null;
};

export type ProgressRow = {
  moduleId: string;
  status: "in_progress" | "completed";
  lastSection?: string | null;
  completedVersion?: number | null;
};

export type ModuleStatus = "not_started" | "in_progress" | "completed" | "unavailable";

export type TrackItem = {
  id: string;
  /** 1-based place in the track. */
  position: number;
  origin: "core" | "level";
  status: ModuleStatus;
  /** Minutes of reading; null when the module is unavailable. */
  duration: number | null;
  lastSection: string | null;
  /** Completed, but the module changed significantly since: the learner is asked to review it. */
  needsReview: boolean;
};

export type TrackTotals = {
  /** Every module of the track, unavailable ones included. */
  modules: number;
  /** Modules the learner can take now (the library loaded them). */
  available: number;
  completed: number;
  unavailable: number;
  /** Completed share of the available modules, 0–100, rounded down so that 100 means done. */
  percent: number;
  minutesTotal: number;
  minutesLeft: number;
};

export type Track = { level: Level; items: TrackItem[]; totals: TrackTotals; next: TrackItem | null };

/** The module ids of a level's track, in order, each once. */
export function trackOrder(tracks: TracksDefinition, level: Level): { id: string; origin: "core" | "level" }[] {
  const core = tracks.core;
  const own = tracks.levels[level];
  const sequence: { id: string; origin: "core" | "level" }[] = [];
  const [opening, ...rest] = own;
  if (opening !== undefined) sequence.push({ id: opening, origin: "level" });
  for (let i = 0; i < Math.max(core.length, rest.length); i++) {
    const c = core[i];
    const l = rest[i];
    if (c !== undefined) sequence.push({ id: c, origin: "core" });
    if (l !== undefined) sequence.push({ id: l, origin: "level" });
  }
  const seen = new Set<string>();
  const inCore = new Set(core);
  return sequence.flatMap((item) => {
    if (seen.has(item.id)) return [];
    seen.add(item.id);
    return [{ id: item.id, origin: inCore.has(item.id) ? ("core" as const) : ("level" as const) }];
  });
}

export function buildTrack(input: {
  tracks: TracksDefinition;
  level: Level;
  modules: ReadonlyMap<string, AvailableModule>;
  progress: readonly ProgressRow[];
}): Track {
  const rows = new Map(input.progress.map((row) => [row.moduleId, row]));
  const items: TrackItem[] = trackOrder(input.tracks, input.level).map(({ id, origin }, index) => {
    const module = input.modules.get(id);
    const row = rows.get(id);
    const status: ModuleStatus = !module ? "unavailable" : row?.status === "completed" ? "completed" : row ? "in_progress" : "not_started";
    return {
      id,
      position: index + 1,
      origin,
      status,
      duration: module?.duration ?? null,
      lastSection: row?.lastSection ?? null,
      needsReview: needsReview(row, module),
    };
  });
  const available = items.filter((item) => item.status !== "unavailable");
  const completed = available.filter((item) => item.status === "completed");
  const minutesTotal = available.reduce((sum, item) => sum + (item.duration ?? 0), 0);
  const minutesLeft = available.filter((item) => item.status !== "completed").reduce((sum, item) => sum + (item.duration ?? 0), 0);
  return {
    level: input.level,
    items,
    totals: {
      modules: items.length,
      available: available.length,
      completed: completed.length,
      unavailable: items.length - available.length,
      percent: available.length === 0 ? 0 : Math.floor((completed.length * 100) / available.length),
      minutesTotal,
      minutesLeft,
    },
    next: nextModule(items),
  };
}

/**
 * Whether a learner who completed a module should review it: a significant change was published
 * after the version they completed (completion itself is kept). Completing it again clears it.
 */
export function needsReview(
  progress: Pick<ProgressRow, "status" | "completedVersion"> | null | undefined,
  module: Pick<AvailableModule, "reviewSince"> | null | undefined,
): boolean {
  const since = module?.reviewSince;
  return progress?.status === "completed" && typeof since === "number" && (progress.completedVersion ?? 0) < since;
}

/** The first available module not completed yet: the one in progress or the next not started. */
function nextModule(items: readonly TrackItem[]): TrackItem | null {
  return items.find((item) => item.status === "in_progress" || item.status === "not_started") ?? null;
}

/** The modules before and after `moduleId` in the track (unavailable ones included: they say so). */
export function neighbours(track: Pick<Track, "items">, moduleId: string): { previous: TrackItem | null; next: TrackItem | null } {
  const index = track.items.findIndex((item) => item.id === moduleId);
  if (index < 0) return { previous: null, next: null };
  return { previous: track.items[index - 1] ?? null, next: track.items[index + 1] ?? null };
}

// ---------------------------------------------------------------------------------------------
// Knowledge checks
// ---------------------------------------------------------------------------------------------

export type GradableCheck = { id: string; options: readonly { id: string; correct: boolean; explanation: string }[] };

export type Grade = { ok: true; correct: boolean; explanation: string } | { ok: false; problem: "unknown_check" | "unknown_option" };

/** Grades one answer against the module's answer key. */
export function gradeAnswer(checks: readonly GradableCheck[], checkId: string, optionId: string): Grade {
  const check = checks.find((c) => c.id === checkId);
  if (!check) return { ok: false, problem: "unknown_check" };
  const option = check.options.find((o) => o.id === optionId);
  if (!option) return { ok: false, problem: "unknown_option" };
  return { ok: true, correct: option.correct, explanation: option.explanation };
}

/** A module is complete when every one of its checks has been passed. */
export function allChecksPassed(checks: readonly { id: string }[], passed: ReadonlySet<string>): boolean {
  return checks.length > 0 && checks.every((check) => passed.has(check.id));
}
