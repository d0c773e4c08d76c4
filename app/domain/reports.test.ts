import { describe, expect, it } from "vitest";
import { itemStats, unansweredGroups } from "./exam-analytics";
import {
  DAY_MS,
  accreditationFigures,
  depthMemo,
  expiringWithin,
  funnelDepth,
  monthOf,
  newlyAccredited,
  weeklyFigures,
  funnel,
  funnelByLevel,
  lastMonths,
  monthlyTrends,
  quantile,
  selectPeople,
  stalledPeople,
  timeToAccreditation,
  type ReportPerson,
} from "./reports";

const NOW = Date.UTC(2026, 11, 7, 12);
const ago = (days: number) => NOW - days * DAY_MS;

function person(id: string, patch: Partial<ReportPerson> = {}): ReportPerson {
  return {
    id,
    teamId: "t1",
    active: true,
    level: null,
    invitedAt: ago(100),
    signedIn: false,
    signedInAt: null,
    placedAt: null,
    trackTotal: 0,
    trackCompleted: 0,
    trackCompletedAt: null,
    lastActivityAt: null,
    examPassedAt: null,
    charterSignedAt: null,
    firstGrantedAt: null,
    accreditation: null,
    ...patch,
  };
}

const accredited = (id: string, patch: Partial<ReportPerson> = {}) =>
  person(id, {
    level: "native",
    signedIn: true,
    placedAt: ago(90),
    trackTotal: 3,
    trackCompleted: 3,
    trackCompletedAt: ago(60),
    examPassedAt: ago(50),
    charterSignedAt: ago(45),
    firstGrantedAt: ago(40),
    accreditation: { status: "granted", validUntil: NOW + 100 * DAY_MS, channels: ["linkedin"], reasonKind: null },
    ...patch,
  });

describe("the funnel", () => {
  it("is cumulative: a step counts people who reached it and every step before it", () => {
    const people = [
      person("a"),
      person("b", { signedIn: true }),
      // Signed the charter without being placed: counts as signed in only.
      person("c", { signedIn: true, charterSignedAt: ago(3) }),
      accredited("d"),
      // In force but the charter in force is not signed: not accredited in force.
      accredited("e", { charterSignedAt: null }),
      person("gone", { active: false, signedIn: true }),
    ];
    const rows = funnel(people, NOW);
    expect(rows.map((r) => r.count)).toEqual([5, 4, 2, 2, 2, 1, 1]);
    expect(rows[1]!.ofInvited).toBeCloseTo(0.8);
    expect(rows[5]!.ofPrevious).toBeCloseTo(0.5);
  });

  it("suppresses levels of fewer than the minimum group", () => {
    const people = [...["1", "2", "3", "4", "5"].map((i) => accredited(`n${i}`)), accredited("r1", { level: "reluctant" })];
    const byLevel = funnelByLevel(people, NOW, 5);
    expect(byLevel.find((l) => l.level === "native")).toMatchObject({ people: 5, suppressed: false });
    expect(byLevel.find((l) => l.level === "reluctant")).toMatchObject({ people: 0, suppressed: true, funnel: null });
    expect(byLevel.find((l) => l.level === "objector")).toMatchObject({ people: 0, suppressed: false });
  });
});

describe("filters", () => {
  it("choose people by invitation date (from inclusive, to exclusive), level and team", () => {
    const people = [
      person("old", { invitedAt: ago(200) }),
      person("in", { invitedAt: ago(10), level: "native" }),
      person("edge", { invitedAt: ago(5), teamId: "t2" }),
    ];
    expect(selectPeople(people, { from: ago(100), to: ago(5) }).map((p) => p.id)).toEqual(["in"]);
    expect(selectPeople(people, { level: "native" }).map((p) => p.id)).toEqual(["in"]);
    expect(selectPeople(people, { teamIds: ["t2"] }).map((p) => p.id)).toEqual(["edge"]);
  });
});

describe("time to accreditation", () => {
  it("gives the median and quartiles in days", () => {
    const people = [10, 20, 30, 40].map((d, i) => accredited(`p${i}`, { invitedAt: ago(100), firstGrantedAt: ago(100 - d) }));
    const all = timeToAccreditation(people)[0]!;
    expect(all.spread).toMatchObject({ n: 4, median: 25, min: 10, max: 40 });
    expect(all.spread.p25).toBeCloseTo(17.5);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe("accreditations", () => {
  it("counts in force by channel, expiring windows, renewals and the other standings through the state table", () => {
    const people = [
      accredited("soon", { accreditation: { status: "granted", validUntil: NOW + 10 * DAY_MS, channels: ["linkedin", "x"], reasonKind: null } }),
      accredited("renewing", { accreditation: { status: "renewal_requested", validUntil: NOW + 20 * DAY_MS, channels: ["linkedin"], reasonKind: null } }),
      accredited("later", { accreditation: { status: "granted", validUntil: NOW + 75 * DAY_MS, channels: ["instagram"], reasonKind: null } }),
      accredited("past", { accreditation: { status: "granted", validUntil: NOW - DAY_MS, channels: ["linkedin"], reasonKind: null } }),
      accredited("unsigned", { charterSignedAt: null }),
      accredited("left", { accreditation: { status: "suspended", validUntil: NOW + 10 * DAY_MS, channels: ["linkedin"], reasonKind: "left_organisation" } }),
      accredited("revoked", { accreditation: { status: "revoked", validUntil: NOW + 10 * DAY_MS, channels: ["linkedin"], reasonKind: "decision" } }),
      accredited("asking", { accreditation: { status: "requested", validUntil: null, channels: [], reasonKind: null } }),
    ];
    const a = accreditationFigures(people, NOW);
    expect(a.inForce).toBe(3);
    expect(a.byChannel).toEqual([
      { channel: "linkedin", count: 2 },
      { channel: "instagram", count: 1 },
      { channel: "x", count: 1 },
    ]);
    expect(a.expiring.map((e) => e.count)).toEqual([2, 2, 3]);
    expect(a.renewalsDue).toBe(1);
    expect(a.renewalsRequested).toBe(1);
    expect(a.expired).toBe(1);
    expect(a.suspended).toEqual({ total: 2, charter: 1, leftOrganisation: 1, other: 0 });
    expect(a.revoked).toBe(1);
    expect(a.requestsPending).toBe(1);
  });
});

describe("people who need a nudge", () => {
  it("are active, stuck before a step for more than N days, not waiting for a manager", () => {
    const people = [
      person("new", { invitedAt: ago(3) }),
      person("stuck", { invitedAt: ago(30), signedIn: true }),
      person("busy", { invitedAt: ago(30), signedIn: true, placedAt: ago(25), level: "native", trackTotal: 3, trackCompleted: 1, lastActivityAt: ago(2) }),
      accredited("waiting", { accreditation: { status: "requested", validUntil: null, channels: [], reasonKind: null } }),
      accredited("done"),
      person("gone", { active: false, invitedAt: ago(300) }),
    ];
    const stalled = stalledPeople(people, NOW, 14);
    expect(stalled).toEqual([{ id: "stuck", step: "placed", since: ago(30), days: 30 }]);
  });
});

describe("monthly trends", () => {
  it("count first events per month over the months asked", () => {
    const months = lastMonths(NOW, 3);
    expect(months).toEqual(["2026-10", "2026-11", "2026-12"]);
    const rows = monthlyTrends(
      [accredited("a", { invitedAt: Date.UTC(2026, 10, 3), firstGrantedAt: Date.UTC(2026, 11, 1) }), person("old", { invitedAt: Date.UTC(2025, 0, 1) })],
      months,
    );
    expect(rows.find((r) => r.month === "2026-11")!.invited).toBe(1);
    expect(rows.find((r) => r.month === "2026-12")!.accredited).toBe(1);
    expect(rows.reduce((n, r) => n + r.invited, 0)).toBe(1);
  });
});

describe("item analysis", () => {
  const item = { id: "q", category: "charter", type: "single" as const, options: [{ id: "a", correct: true }, { id: "b" }, { id: "c" }] };
  it("computes the share right, discrimination, option shares and flags", () => {
    const groups = [
      { itemId: "q", optionIds: ["a"], passed: true, count: 8, scoreSum: 8 * 90, scoreSquares: 8 * 8100 },
      { itemId: "q", optionIds: ["b"], passed: true, count: 2, scoreSum: 2 * 80, scoreSquares: 2 * 6400 },
      { itemId: "q", optionIds: ["a"], passed: false, count: 2, scoreSum: 2 * 50, scoreSquares: 2 * 2500 },
      { itemId: "q", optionIds: ["b"], passed: false, count: 8, scoreSum: 8 * 40, scoreSquares: 8 * 1600 },
    ];
    const s = itemStats(item, groups);
    expect(s.answers).toBe(20);
    expect(s.shareCorrect).toBeCloseTo(0.5);
    expect(s.discrimination).toBeCloseTo(0.8 - 0.2);
    expect(s.pointBiserial).toBeGreaterThan(0.5);
    expect(s.options.find((o) => o.optionId === "b")!.share).toBeCloseTo(0.5);
    expect(s.flags).toEqual([]);
  });

  it("flags a misleading item: those who fail get it right more often", () => {
    const s = itemStats(item, [
      { itemId: "q", optionIds: ["a"], passed: true, count: 2, scoreSum: 180, scoreSquares: 16200 },
      { itemId: "q", optionIds: ["c"], passed: true, count: 8, scoreSum: 720, scoreSquares: 64800 },
      { itemId: "q", optionIds: ["a"], passed: false, count: 8, scoreSum: 320, scoreSquares: 12800 },
      { itemId: "q", optionIds: ["c"], passed: false, count: 2, scoreSum: 80, scoreSquares: 3200 },
    ]);
    expect(s.flags).toContain("misleading");
  });

  it("counts drawn items left unanswered as wrong", () => {
    const answered = [{ itemId: "q", optionIds: ["a"], passed: true, count: 9, scoreSum: 900, scoreSquares: 90000 }];
    const missing = unansweredGroups([{ itemId: "q", passed: true, count: 10, scoreSum: 1000, scoreSquares: 100000 }], answered);
    expect(missing).toEqual([{ itemId: "q", optionIds: [], passed: true, count: 1, scoreSum: 100, scoreSquares: 10000 }]);
    const s = itemStats(item, [...answered, ...missing]);
    expect([s.answers, s.correct, s.unanswered]).toEqual([10, 9, 1]);
    expect(s.flags).toEqual(["tooEasy"]);
  });
});

describe("speed without changing a figure (ADR 0033)", () => {
  it("monthly trends put a date on a month's first and last millisecond in that month, as monthOf says", () => {
    const months = ["2026-10", "2026-11", "2026-12"];
    const edges = [
      Date.UTC(2026, 9, 1) - 1,
      Date.UTC(2026, 9, 1),
      Date.UTC(2026, 10, 1) - 1,
      Date.UTC(2026, 10, 1),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1),
    ];
    const people = edges.map((ms, i) => person(`p${i}`, { invitedAt: ms }));
    const rows = monthlyTrends(people, months);
    for (const row of rows) expect(row.invited).toBe(edges.filter((ms) => monthOf(ms) === row.month).length);
    expect(rows.map((r) => r.invited)).toEqual([2, 1, 1]);
    // Months given out of order are counted the same.
    expect(monthlyTrends(people, [...months].reverse()).map((r) => [r.month, r.invited])).toEqual([
      ["2026-12", 1],
      ["2026-11", 1],
      ["2026-10", 2],
    ]);
  });

  it("a memo of each person's depth gives the funnel and the stalled list their own results", () => {
    const people = [
      person("a"),
      accredited("b"),
      accredited("c", { charterSignedAt: null }),
      person("d", { signedIn: true, placedAt: ago(30), level: "native", trackTotal: 2 }),
    ];
    const depthOf = depthMemo(NOW);
    expect(people.map(depthOf)).toEqual(people.map((p) => funnelDepth(p, NOW)));
    expect(funnel(people, NOW, depthOf)).toEqual(funnel(people, NOW));
    expect(funnelByLevel(people, NOW, 0, depthOf)).toEqual(funnelByLevel(people, NOW));
    expect(stalledPeople(people, NOW, 14, depthOf)).toEqual(stalledPeople(people, NOW, 14));
  });
});

describe("the weekly summary's figures", () => {
  it("new accreditations are first grants of the last 7 days; expiring is in force and ending within 30 days; active people only", () => {
    const fresh = accredited("fresh", { firstGrantedAt: ago(3) });
    const old = accredited("old", { firstGrantedAt: ago(8) });
    const ending = accredited("ending", { accreditation: { status: "granted", validUntil: NOW + 20 * DAY_MS, channels: ["x"], reasonKind: null } });
    const unsigned = accredited("unsigned", {
      charterSignedAt: null,
      accreditation: { status: "granted", validUntil: NOW + 20 * DAY_MS, channels: ["x"], reasonKind: null },
    });
    const left = accredited("left", { active: false, firstGrantedAt: ago(2) });
    const people = [fresh, old, ending, unsigned, left];
    expect(newlyAccredited(people, NOW, 7).map((p) => p.id)).toEqual(["fresh", "left"]);
    expect(expiringWithin(people, NOW, 30).map((p) => p.id)).toEqual(["ending"]);
    expect(expiringWithin(people, NOW, 30)).toHaveLength(accreditationFigures(people, NOW).expiring.find((w) => w.days === 30)!.count);
    const weekly = weeklyFigures(people, NOW);
    expect(weekly.newlyAccredited.map((p) => p.id)).toEqual(["fresh"]);
    expect(weekly.stalled.map((s) => s.id)).toEqual(stalledPeople(people, NOW, 14).map((s) => s.id));
  });
});
