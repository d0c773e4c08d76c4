import { describe, expect, it } from "vitest";
import { LEVELS } from "./placement";
import { allChecksPassed, buildTrack, gradeAnswer, needsReview, neighbours, trackOrder, type AvailableModule, type TracksDefinition } from "./track";

const tracks: TracksDefinition = {
  core: ["c1", "c2", "c3"],
  levels: {
    native: ["n1", "n2"],
    late_adopter: ["l1", "l2", "l3", "l4", "l5"],
    reluctant: ["r1"],
    objector: ["o1", "c2", "o2"],
    beginner: [],
  },
};

const all = (ids: string[], duration = 10): Map<string, AvailableModule> => new Map(ids.map((id) => [id, { duration, version: 1 }]));

describe("trackOrder", () => {
  it("opens with the level's first module, then alternates core and level, core first", () => {
    expect(trackOrder(tracks, "native").map((m) => m.id)).toEqual(["n1", "c1", "n2", "c2", "c3"]);
  });

  it("finishes with the longer list when the level has more modules than the core", () => {
    expect(trackOrder(tracks, "late_adopter").map((m) => m.id)).toEqual(["l1", "c1", "l2", "c2", "l3", "c3", "l4", "l5"]);
  });

  it("is the core alone for a level without modules, and tells where each module comes from", () => {
    expect(trackOrder(tracks, "beginner")).toEqual([
      { id: "c1", origin: "core" },
      { id: "c2", origin: "core" },
      { id: "c3", origin: "core" },
    ]);
    expect(trackOrder(tracks, "reluctant")).toEqual([
      { id: "r1", origin: "level" },
      { id: "c1", origin: "core" },
      { id: "c2", origin: "core" },
      { id: "c3", origin: "core" },
    ]);
  });

  it("lists a module that is in both the core and the level once, at its first place", () => {
    const ids = trackOrder(tracks, "objector").map((m) => m.id);
    expect(ids).toEqual(["o1", "c1", "c2", "o2", "c3"]);
    // It belongs to the common core, whichever list placed it.
    expect(trackOrder(tracks, "objector").find((m) => m.id === "c2")?.origin).toBe("core");
  });

  it("every module of every level of a track definition appears exactly once", () => {
    for (const level of LEVELS) {
      const ids = trackOrder(tracks, level).map((m) => m.id);
      expect(new Set(ids)).toEqual(new Set([...tracks.core, ...tracks.levels[level]]));
      expect(ids.length).toBe(new Set(ids).size);
    }
  });
});

describe("buildTrack", () => {
  const modules = all(["n1", "n2", "c1", "c2", "c3"]);

  it("a learner with no progress: nothing done, the first module is next, all the minutes are left", () => {
    const track = buildTrack({ tracks, level: "native", modules, progress: [] });
    expect(track.items.map((i) => i.status)).toEqual(Array(5).fill("not_started"));
    expect(track.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
    expect(track.totals).toEqual({ modules: 5, available: 5, completed: 0, unavailable: 0, percent: 0, minutesTotal: 50, minutesLeft: 50 });
    expect(track.next?.id).toBe("n1");
  });

  it("counts completed modules, keeps the module in progress as next, and remembers the last section", () => {
    const track = buildTrack({
      tracks,
      level: "native",
      modules,
      progress: [
        { moduleId: "n1", status: "completed", completedVersion: 1 },
        { moduleId: "c1", status: "completed", completedVersion: 1 },
        { moduleId: "c2", status: "in_progress", lastSection: "why" },
      ],
    });
    expect(track.items.map((i) => i.status)).toEqual(["completed", "completed", "not_started", "in_progress", "not_started"]);
    expect(track.totals.completed).toBe(2);
    expect(track.totals.percent).toBe(40);
    expect(track.totals.minutesLeft).toBe(30);
    // The first module not completed comes next, even if a later one was started.
    expect(track.next?.id).toBe("n2");
    expect(track.items.find((i) => i.id === "c2")?.lastSection).toBe("why");
  });

  it("works from the level alone: the same progress under another level gives that level's track", () => {
    const progress = [{ moduleId: "c1", status: "completed" as const }];
    const native = buildTrack({ tracks, level: "native", modules, progress });
    const reluctant = buildTrack({ tracks, level: "reluctant", modules: all(["r1", "c1", "c2", "c3"]), progress });
    expect(native.items.map((i) => i.id)).toEqual(["n1", "c1", "n2", "c2", "c3"]);
    expect(reluctant.items.map((i) => i.id)).toEqual(["r1", "c1", "c2", "c3"]);
    expect(reluctant.totals.completed).toBe(1);
  });

  it("ignores progress on modules outside the track", () => {
    const track = buildTrack({ tracks, level: "native", modules, progress: [{ moduleId: "l1", status: "completed" }] });
    expect(track.totals.completed).toBe(0);
  });

  it("shows an unavailable module without counting it, and never proposes it as next", () => {
    const track = buildTrack({ tracks, level: "native", modules: all(["n2", "c1", "c2", "c3"], 12), progress: [] });
    expect(track.items[0]).toMatchObject({ id: "n1", status: "unavailable", duration: null });
    expect(track.totals).toMatchObject({ modules: 5, available: 4, unavailable: 1, minutesTotal: 48, minutesLeft: 48 });
    expect(track.next?.id).toBe("c1");
  });

  it("is 100 % with nothing next and no minutes left once every available module is completed", () => {
    const progress = ["n1", "n2", "c1", "c2", "c3"].map((moduleId) => ({ moduleId, status: "completed" as const }));
    const track = buildTrack({ tracks, level: "native", modules, progress });
    expect(track.totals.percent).toBe(100);
    expect(track.totals.minutesLeft).toBe(0);
    expect(track.next).toBeNull();
  });

  it("rounds the percentage down, so that 100 % only ever means done", () => {
    const progress = ["l1", "c1", "l2", "c2", "l3", "c3", "l4"].map((moduleId) => ({ moduleId, status: "completed" as const }));
    const track = buildTrack({ tracks, level: "late_adopter", modules: all(["l1", "l2", "l3", "l4", "l5", "c1", "c2", "c3"]), progress });
    expect(track.totals.percent).toBe(87);
  });
});

describe("neighbours", () => {
  const track = buildTrack({ tracks, level: "native", modules: all(["n1", "n2", "c1", "c2", "c3"]), progress: [] });
  it("gives the previous and next modules, none before the first or after the last", () => {
    expect(neighbours(track, "n1")).toMatchObject({ previous: null, next: { id: "c1" } });
    expect(neighbours(track, "n2")).toMatchObject({ previous: { id: "c1" }, next: { id: "c2" } });
    expect(neighbours(track, "c3")).toMatchObject({ previous: { id: "c2" }, next: null });
    expect(neighbours(track, "elsewhere")).toEqual({ previous: null, next: null });
  });
});

describe("gradeAnswer and allChecksPassed", () => {
  const checks = [
    {
      id: "k1",
      options: [
        { id: "o1", correct: false, explanation: "No, because." },
        { id: "o2", correct: true, explanation: "Yes, because." },
      ],
    },
    { id: "k2", options: [{ id: "o1", correct: true, explanation: "Right." }] },
  ];

  it("grades against the answer key and returns the chosen option's explanation", () => {
    expect(gradeAnswer(checks, "k1", "o1")).toEqual({ ok: true, correct: false, explanation: "No, because." });
    expect(gradeAnswer(checks, "k1", "o2")).toEqual({ ok: true, correct: true, explanation: "Yes, because." });
  });

  it("refuses unknown checks and options", () => {
    expect(gradeAnswer(checks, "k9", "o1")).toEqual({ ok: false, problem: "unknown_check" });
    expect(gradeAnswer(checks, "k1", "o3")).toEqual({ ok: false, problem: "unknown_option" });
    expect(gradeAnswer(checks, "k1", "")).toEqual({ ok: false, problem: "unknown_option" });
  });

  it("a module is complete when all its checks are passed, not before", () => {
    expect(allChecksPassed(checks, new Set(["k1"]))).toBe(false);
    expect(allChecksPassed(checks, new Set(["k1", "k2"]))).toBe(true);
    expect(allChecksPassed(checks, new Set(["k1", "k2", "old"]))).toBe(true);
    expect(allChecksPassed([], new Set())).toBe(false);
  });
});

describe("needsReview", () => {
  it("asks for a review of a module completed before its latest significant change", () => {
    expect(needsReview({ status: "completed", completedVersion: 1 }, { reviewSince: 2 })).toBe(true);
    expect(needsReview({ status: "completed", completedVersion: null }, { reviewSince: 2 })).toBe(true);
  });

  it("not once completed again at (or after) that version, nor for unfinished or unchanged modules", () => {
    expect(needsReview({ status: "completed", completedVersion: 2 }, { reviewSince: 2 })).toBe(false);
    expect(needsReview({ status: "completed", completedVersion: 3 }, { reviewSince: 2 })).toBe(false);
    expect(needsReview({ status: "in_progress", completedVersion: null }, { reviewSince: 2 })).toBe(false);
    expect(needsReview({ status: "completed", completedVersion: 1 }, { reviewSince: null })).toBe(false);
    expect(needsReview(null, { reviewSince: 2 })).toBe(false);
  });

  it("marks the track item, keeping the completion", () => {
    const tracks: TracksDefinition = { core: ["c1"], levels: { native: ["n1"], late_adopter: ["l1"], reluctant: ["r1"], objector: ["o1"], beginner: ["b1"] } };
    const modules = new Map<string, AvailableModule>([
      ["n1", { duration: 5, version: 3, reviewSince: 3 }],
      ["c1", { duration: 5, version: 1 }],
    ]);
    const track = buildTrack({
      tracks,
      level: "native",
      modules,
      progress: [
        { moduleId: "n1", status: "completed", completedVersion: 2 },
        { moduleId: "c1", status: "completed", completedVersion: 1 },
      ],
    });
    expect(track.items.map((i) => [i.id, i.status, i.needsReview])).toEqual([
      ["n1", "completed", true],
      ["c1", "completed", false],
    ]);
    expect(track.totals.completed).toBe(2);
  });
});
