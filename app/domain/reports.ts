/**
 * The programme's figures, pure: the funnel, time to accreditation, the accreditations' state, people
 * who need a nudge, the charter's reach and monthly trends, from one compact record per person that
 * app/models/reports.server.ts gathers with a few aggregate queries. "In force" comes from the state
 * table (app/domain/accreditation.ts), never from status strings compared here.
 * See docs/decisions/0019-programme-reports.md.
 */
import { STATES, inRenewalWindow, isInForce, reasonFrom, standingProblems, type AccreditationState, type ReasonKind } from "./accreditation";
import { LEVELS, type Level } from "./placement";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Groups smaller than this are not broken down by level in organisation-wide views. */
export const MIN_GROUP = 5;

/** The funnel's steps, in order: each counts people who reached it and every step before it. */
export const FUNNEL_STEPS = ["invited", "signedIn", "placed", "trackCompleted", "examPassed", "charterSigned", "accredited"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** The windows of "expiring in the next N days". */
export const EXPIRY_WINDOWS = [30, 60, 90] as const;

export type ReportAccreditation = {
  status: AccreditationState;
  /** Epoch ms. */
  validUntil: number | null;
  channels: readonly string[];
  reasonKind: ReasonKind | null;
};

/** What the reports know of one person. Times are epoch milliseconds. */
export type ReportPerson = {
  id: string;
  teamId: string | null;
  active: boolean;
  level: Level | null;
  invitedAt: number;
  signedIn: boolean;
  signedInAt: number | null;
  placedAt: number | null;
  /** Modules of the person's track the library can load, and how many of them the person completed. */
  trackTotal: number;
  trackCompleted: number;
  /** When the last module of a complete track was completed. */
  trackCompletedAt: number | null;
  /** The latest progress in any module. */
  lastActivityAt: number | null;
  /** The first passed exam attempt. */
  examPassedAt: number | null;
  /** The signature of the charter version in force (null when not signed, or no charter in force). */
  charterSignedAt: number | null;
  /** The first grant of any of the person's accreditations. */
  firstGrantedAt: number | null;
  /** The person's most relevant accreditation (in force first, then suspended, then the latest). */
  accreditation: ReportAccreditation | null;
};

export type Filters = {
  /** Invited on or after (epoch ms, inclusive). */
  from?: number | null;
  /** Invited before (epoch ms, exclusive). */
  to?: number | null;
  level?: Level | null;
  teamIds?: readonly string[] | null;
};

/** The people the filters choose: the figures then describe them as they stand now. */
export function selectPeople(people: readonly ReportPerson[], filters: Filters): ReportPerson[] {
  const teams = filters.teamIds ? new Set(filters.teamIds) : null;
  return people.filter(
    (p) =>
      (filters.from == null || p.invitedAt >= filters.from) &&
      (filters.to == null || p.invitedAt < filters.to) &&
      (!filters.level || p.level === filters.level) &&
      (!teams || (p.teamId !== null && teams.has(p.teamId))),
  );
}

// ---------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------

/** Whether the person's accreditation is in force now (the state table's one definition). */
export function accreditedInForce(p: ReportPerson, now: number): boolean {
  const a = p.accreditation;
  if (!a) return false;
  return isInForce({ status: a.status, validUntil: a.validUntil === null ? null : new Date(a.validUntil) }, new Date(now), p.charterSignedAt !== null);
}

export function trackComplete(p: ReportPerson): boolean {
  return p.level !== null && p.trackTotal > 0 && p.trackCompleted >= p.trackTotal;
}

/** Whether the person has reached one step on its own (not counting the steps before it). */
export function reachedStep(p: ReportPerson, step: FunnelStep, now: number): boolean {
  switch (step) {
    case "invited":
      return true;
    case "signedIn":
      return p.signedIn;
    case "placed":
      return p.placedAt !== null;
    case "trackCompleted":
      return trackComplete(p);
    case "examPassed":
      return p.examPassedAt !== null;
    case "charterSigned":
      return p.charterSignedAt !== null;
    case "accredited":
      return accreditedInForce(p, now);
    default:
      return unreachableStep(step);
  }
}

function unreachableStep(step: never): never {
  throw new Error(`unknown step ${String(step)}`);
}

/** When the person reached a step (null when not reached or not known). */
export function stepTime(p: ReportPerson, step: FunnelStep): number | null {
  switch (step) {
    case "invited":
      return p.invitedAt;
    case "signedIn":
      return p.signedInAt;
    case "placed":
      return p.placedAt;
    case "trackCompleted":
      return p.trackCompletedAt;
    case "examPassed":
      return p.examPassedAt;
    case "charterSigned":
      return p.charterSignedAt;
    case "accredited":
      return p.firstGrantedAt;
    default:
      return unreachableStep(step);
  }
}

/** How far along the funnel a person is, at one instant: `funnelDepth`, or a memo of it (`depthMemo`). */
export type DepthOf = (p: ReportPerson) => number;

/**
 * `funnelDepth` at `now`, computed once per person: a dashboard asks it of everyone for the funnel,
 * again per level and again for the stalled list (ADR 0033).
 */
export function depthMemo(now: number): DepthOf {
  const memo = new WeakMap<ReportPerson, number>();
  return (p) => {
    let depth = memo.get(p);
    if (depth === undefined) memo.set(p, (depth = funnelDepth(p, now)));
    return depth;
  };
}

/** How far along the funnel the person is: the index of the last step reached with every step before it. */
export function funnelDepth(p: ReportPerson, now: number): number {
  let depth = 0;
  for (let i = 1; i < FUNNEL_STEPS.length; i++) {
    if (!reachedStep(p, FUNNEL_STEPS[i]!, now)) break;
    depth = i;
  }
  return depth;
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

export type FunnelRow = {
  step: FunnelStep;
  count: number;
  /** Share of the people invited, 0–1 (null when nobody was invited). */
  ofInvited: number | null;
  /** Share of the previous step, 0–1 (null for the first step or an empty previous step). */
  ofPrevious: number | null;
};

/** Active people only: someone who left is no longer on the road. */
export function funnel(people: readonly ReportPerson[], now: number, depthOf: DepthOf = (p) => funnelDepth(p, now)): FunnelRow[] {
  const counts = FUNNEL_STEPS.map(() => 0);
  for (const p of people) {
    if (!p.active) continue;
    const depth = depthOf(p);
    for (let i = 0; i <= depth; i++) counts[i]! += 1;
  }
  return FUNNEL_STEPS.map((step, i) => ({
    step,
    count: counts[i]!,
    ofInvited: counts[0]! === 0 ? null : counts[i]! / counts[0]!,
    ofPrevious: i === 0 || counts[i - 1]! === 0 ? null : counts[i]! / counts[i - 1]!,
  }));
}

export type Spread = { n: number; median: number | null; p25: number | null; p75: number | null; min: number | null; max: number | null };

/** The q-quantile (0–1) of sorted values, linear between ranks (the usual "type 7"). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * q;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0] ?? null,
    max: sorted[sorted.length - 1] ?? null,
  };
}

const days = (ms: number) => ms / DAY_MS;

export type LevelSpread = { level: Level | "all"; spread: Spread; suppressed: boolean };

/**
 * Days from invitation to the first grant, for everyone and per level. With `minGroup`, a level with
 * fewer people than that is suppressed (organisation-wide views: no small group broken down).
 */
export function timeToAccreditation(people: readonly ReportPerson[], minGroup = 0): LevelSpread[] {
  const all: number[] = [];
  const byLevel = new Map<Level, number[]>(LEVELS.map((l) => [l, []]));
  for (const p of people) {
    if (p.firstGrantedAt === null || p.firstGrantedAt < p.invitedAt) continue;
    const d = days(p.firstGrantedAt - p.invitedAt);
    all.push(d);
    if (p.level) byLevel.get(p.level)!.push(d);
  }
  return [
    { level: "all" as const, spread: spreadOf(all), suppressed: false },
    ...LEVELS.map((level) => {
      const values = byLevel.get(level)!;
      const suppressed = values.length > 0 && values.length < minGroup;
      return { level, spread: suppressed ? spreadOf([]) : spreadOf(values), suppressed };
    }),
  ];
}

export type StepDuration = { from: FunnelStep; to: FunnelStep; spread: Spread };

/** Days between two consecutive steps, for the people whose both times are known. */
export function timeAtSteps(people: readonly ReportPerson[]): StepDuration[] {
  return FUNNEL_STEPS.slice(1).map((to, i) => {
    const from = FUNNEL_STEPS[i]!;
    const values: number[] = [];
    for (const p of people) {
      const a = stepTime(p, from);
      const b = stepTime(p, to);
      if (a !== null && b !== null && b >= a) values.push(days(b - a));
    }
    return { from, to, spread: spreadOf(values) };
  });
}

export type AccreditationFigures = {
  inForce: number;
  byChannel: { channel: string; count: number }[];
  expiring: { days: number; count: number }[];
  suspended: { total: number; charter: number; leftOrganisation: number; other: number };
  revoked: number;
  expired: number;
  /** In force, within the renewal window, no renewal requested yet. */
  renewalsDue: number;
  /** A renewal awaits a manager. */
  renewalsRequested: number;
  /** A first request awaits a manager. */
  requestsPending: number;
};

export function accreditationFigures(people: readonly ReportPerson[], now: number): AccreditationFigures {
  const out: AccreditationFigures = {
    inForce: 0,
    byChannel: [],
    expiring: EXPIRY_WINDOWS.map((d) => ({ days: d, count: 0 })),
    suspended: { total: 0, charter: 0, leftOrganisation: 0, other: 0 },
    revoked: 0,
    expired: 0,
    renewalsDue: 0,
    renewalsRequested: 0,
    requestsPending: 0,
  };
  const channels = new Map<string, number>();
  const nowDate = new Date(now);
  for (const p of people) {
    const a = p.accreditation;
    if (!a) continue;
    const row = { status: a.status, validUntil: a.validUntil === null ? null : new Date(a.validUntil) };
    const problems = standingProblems(row, nowDate, { inForce: true, signed: p.charterSignedAt !== null });
    const pending = STATES[a.status].pending;
    if (problems.length === 0) {
      out.inForce += 1;
      for (const c of a.channels) channels.set(c, (channels.get(c) ?? 0) + 1);
      for (const window of out.expiring) if (a.validUntil !== null && a.validUntil - now <= window.days * DAY_MS) window.count += 1;
      if (pending) out.renewalsRequested += 1;
      else if (inRenewalWindow(row.validUntil, nowDate)) out.renewalsDue += 1;
      continue;
    }
    if (problems.includes("not_accredited")) {
      if (pending) out.requestsPending += 1;
      continue;
    }
    if (problems.includes("revoked")) {
      out.revoked += 1;
      continue;
    }
    // The row's own standing: a suspension counts as such even past its end date; the charter alone (a
    // granted row whose holder has not signed the version in force) counts as a charter suspension.
    const rowProblems = standingProblems(row, nowDate);
    if (rowProblems.includes("suspended") || (rowProblems.length === 0 && problems.includes("charter_not_signed"))) {
      out.suspended.total += 1;
      const reason = reasonFrom({ reasonKind: a.reasonKind, reason: null });
      if (reason?.kind === "left_organisation") out.suspended.leftOrganisation += 1;
      else if (reason?.kind === "charter" || rowProblems.length === 0) out.suspended.charter += 1;
      else out.suspended.other += 1;
      continue;
    }
    if (problems.includes("expired")) out.expired += 1;
  }
  out.byChannel = [...channels].map(([channel, count]) => ({ channel, count })).sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel));
  return out;
}

/** Share of the active people who signed the charter version in force (null when nobody is active). */
export function charterShare(people: readonly ReportPerson[]): { signed: number; active: number; share: number | null } {
  let signed = 0;
  let active = 0;
  for (const p of people) {
    if (!p.active) continue;
    active += 1;
    if (p.charterSignedAt !== null) signed += 1;
  }
  return { signed, active, share: active === 0 ? null : signed / active };
}

export type Stalled = {
  id: string;
  /** The step the person has not reached yet. */
  step: FunnelStep;
  /** When the person last moved: reached a step or made progress in a module. */
  since: number;
  days: number;
};

/**
 * Active people stuck for more than `afterDays` days before a step. People whose request awaits a
 * manager are not stalled (it is the manager's turn), nor people accredited.
 */
export function stalledPeople(people: readonly ReportPerson[], now: number, afterDays: number, depthOf: DepthOf = (p) => funnelDepth(p, now)): Stalled[] {
  const out: Stalled[] = [];
  for (const p of people) {
    if (!p.active) continue;
    const depth = depthOf(p);
    if (depth === FUNNEL_STEPS.length - 1) continue;
    const step = FUNNEL_STEPS[depth + 1]!;
    if (step === "accredited" && p.accreditation && STATES[p.accreditation.status].pending) continue;
    let since = p.invitedAt;
    for (let i = 0; i <= depth; i++) since = Math.max(since, stepTime(p, FUNNEL_STEPS[i]!) ?? since);
    if (p.lastActivityAt !== null) since = Math.max(since, p.lastActivityAt);
    const waited = now - since;
    if (waited > afterDays * DAY_MS) out.push({ id: p.id, step, since, days: Math.floor(days(waited)) });
  }
  return out.sort((a, b) => b.days - a.days || a.id.localeCompare(b.id));
}

/** Stalled people counted per step, in the funnel's order (steps with nobody included). */
export function stalledByStep(stalled: readonly Stalled[]): { step: FunnelStep; count: number }[] {
  const counts = new Map<FunnelStep, number>();
  for (const s of stalled) counts.set(s.step, (counts.get(s.step) ?? 0) + 1);
  return FUNNEL_STEPS.slice(1).map((step) => ({ step, count: counts.get(step) ?? 0 }));
}

// ---------------------------------------------------------------------------------------------
// Trends and breakdowns
// ---------------------------------------------------------------------------------------------

export const TREND_SERIES = ["invited", "placed", "examPassed", "accredited"] as const;
export type TrendSeries = (typeof TREND_SERIES)[number];
export type TrendRow = { month: string } & Record<TrendSeries, number>;

/** "YYYY-MM" of an epoch ms, in UTC. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The `count` months ending with the month of `now`, oldest first. */
export function lastMonths(now: number, count: number): string[] {
  const d = new Date(now);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
    out.push(m.toISOString().slice(0, 7));
  }
  return out;
}

/** How many people were invited, placed, passed the exam for the first time and were first accredited, per month. */
export function monthlyTrends(people: readonly ReportPerson[], months: readonly string[]): TrendRow[] {
  const rows = new Map(months.map((month) => [month, { month, invited: 0, placed: 0, examPassed: 0, accredited: 0 } as TrendRow]));
  // Each month as [start, end) in epoch ms, sorted: a date finds its month by a binary search, with no
  // string made per date (four dates per person at 53,000 people: ADR 0033).
  const ranges = [...rows.values()]
    .map((row) => {
      const [y, m] = row.month.split("-").map(Number) as [number, number];
      return { start: Date.UTC(y, m - 1, 1), end: Date.UTC(y, m, 1), row };
    })
    .sort((a, b) => a.start - b.start);
  const add = (ms: number | null, series: TrendSeries) => {
    if (ms === null || ranges.length === 0 || ms < ranges[0]!.start || ms >= ranges[ranges.length - 1]!.end) return;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ranges[mid]!.start <= ms) lo = mid;
      else hi = mid - 1;
    }
    const range = ranges[lo]!;
    if (ms < range.end) range.row[series] += 1;
  };
  for (const p of people) {
    add(p.invitedAt, "invited");
    add(p.placedAt, "placed");
    add(p.examPassedAt, "examPassed");
    add(p.firstGrantedAt, "accredited");
  }
  return [...rows.values()];
}

export type LevelFunnel = { level: Level | null; people: number; suppressed: boolean; funnel: FunnelRow[] | null };

/**
 * The funnel per level (and for people not placed yet). With `minGroup`, a level with fewer people
 * is shown as suppressed, without figures.
 */
export function funnelByLevel(people: readonly ReportPerson[], now: number, minGroup = 0, depthOf: DepthOf = (p) => funnelDepth(p, now)): LevelFunnel[] {
  const groups = new Map<Level | null, ReportPerson[]>([...LEVELS, null].map((level) => [level, []]));
  for (const p of people) if (p.active) groups.get(p.level)?.push(p);
  return [...LEVELS, null].map((level) => {
    const group = groups.get(level)!;
    const suppressed = group.length > 0 && group.length < minGroup;
    return { level, people: suppressed ? 0 : group.length, suppressed, funnel: suppressed ? null : funnel(group, now, depthOf) };
  });
}

// ---------------------------------------------------------------------------------------------
// The managers' weekly summary (the team dashboard's figures, for the week that ended)
// ---------------------------------------------------------------------------------------------

/** The dashboards' default "stalled for more than N days", also the weekly summary's. */
export const STALLED_AFTER_DAYS = 14;
/** The weekly summary covers the days before it is sent… */
export const SUMMARY_PERIOD_DAYS = 7;
/** …and the accreditations in force that end within this many days (the dashboard's first window). */
export const SUMMARY_EXPIRY_DAYS = EXPIRY_WINDOWS[0];

/** In force now and ending within `withinDays` days: the people the dashboard's "expiring" window counts. */
export function expiringWithin(people: readonly ReportPerson[], now: number, withinDays: number): ReportPerson[] {
  return people
    .filter((p) => accreditedInForce(p, now) && p.accreditation!.validUntil !== null && p.accreditation!.validUntil - now <= withinDays * DAY_MS)
    .sort((a, b) => a.accreditation!.validUntil! - b.accreditation!.validUntil! || a.id.localeCompare(b.id));
}

/** First accredited in the `days` days before `now` (the trends' "accredited": a first grant, not a renewal). */
export function newlyAccredited(people: readonly ReportPerson[], now: number, days: number): ReportPerson[] {
  const since = now - days * DAY_MS;
  return people
    .filter((p) => p.firstGrantedAt !== null && p.firstGrantedAt > since && p.firstGrantedAt <= now)
    .sort((a, b) => a.firstGrantedAt! - b.firstGrantedAt! || a.id.localeCompare(b.id));
}

export type WeeklyFigures = { newlyAccredited: ReportPerson[]; expiring: ReportPerson[]; stalled: Stalled[] };

/** What a manager's weekly summary says of one team: active people only. */
export function weeklyFigures(people: readonly ReportPerson[], now: number, stalledAfterDays = STALLED_AFTER_DAYS): WeeklyFigures {
  const active = people.filter((p) => p.active);
  return {
    newlyAccredited: newlyAccredited(active, now, SUMMARY_PERIOD_DAYS),
    expiring: expiringWithin(active, now, SUMMARY_EXPIRY_DAYS),
    stalled: stalledPeople(active, now, stalledAfterDays),
  };
}

export function hasNews(figures: WeeklyFigures): boolean {
  return figures.newlyAccredited.length + figures.expiring.length + figures.stalled.length > 0;
}

/** The ISO 8601 week of an instant, in UTC ("2026-W50"): one summary per manager per week. */
export function isoWeek(ms: number): string {
  const d = new Date(ms);
  const day = d.getUTCDay() || 7;
  // The Thursday of this week decides its year.
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - day);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
