/**
 * What the reports read: one compact record per learner (app/domain/reports.ts `ReportPerson`),
 * gathered with five aggregate queries whatever the number of people (people and placements,
 * progress in their track, first passes, signatures of the charter in force, accreditations), and
 * the figures the domain computes from them.
 *
 * Team scope is in the SQL (`where users.team_id in (…)`). The organisation-wide records are kept in
 * memory and reused while the database has not changed (SQLite's `total_changes()` of this process's
 * one connection and `PRAGMA data_version` for other processes): a dashboard read at company scale is
 * then a pass over an array. See docs/decisions/0019-programme-reports.md.
 */
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { auditLog, mailOutbox, teams, users, type Level, type Locale } from "../../db/schema";
import { loadContentLibrary, type ContentLibrary } from "~/content/library.server";
import { ACCREDITATION_STATUSES, gateOrderSql, REASON_KINDS, type AccreditationState, type ReasonKind } from "~/domain/accreditation";
import { LEVELS } from "~/domain/placement";
import {
  DAY_MS,
  MIN_GROUP,
  accreditationFigures,
  charterShare,
  depthMemo,
  funnel,
  funnelByLevel,
  lastMonths,
  monthlyTrends,
  selectPeople,
  stalledByStep,
  stalledPeople,
  timeAtSteps,
  timeToAccreditation,
  type Filters,
  type ReportPerson,
  type Stalled,
} from "~/domain/reports";
import { trackOrder } from "~/domain/track";
import { queueMail } from "~/mail/outbox.server";
import { linkTo } from "~/mail/templates.server";
import { getT } from "~/i18n/i18n.server";
import { InputError } from "~/utils/errors";
import { recordAudit } from "./audit.server";
import { currentCharterVersion } from "./charter.server";

/** Undefined: every team; otherwise only these teams (a manager's, or the team an admin chose). */
export type ReportScope = readonly string[] | undefined;

/** The module ids of each level's track that the library can load (what "track completed" counts). */
export function trackModules(library: ContentLibrary): Map<Level, string[]> {
  const out = new Map<Level, string[]>();
  for (const level of LEVELS) {
    out.set(
      level,
      library.tracks
        ? trackOrder(library.tracks, level)
            .map((m) => m.id)
            .filter((id) => library.modules.has(id))
        : [],
    );
  }
  return out;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function scopeSql(scope: ReportScope, column = "u.team_id"): { clause: string; params: string[] } {
  if (scope === undefined) return { clause: "1", params: [] };
  if (scope.length === 0) return { clause: "0", params: [] };
  return { clause: `${column} in (${scope.map(() => "?").join(", ")})`, params: [...scope] };
}

type PersonRow = {
  id: string;
  team_id: string | null;
  active: number;
  created_at: number;
  signed_in: number;
  signed_in_at: number | null;
  level: Level | null;
  placed_at: number | null;
};
type ProgressAgg = { user_id: string; done: number; done_at: number | null; last: number | null };
type AccRow = {
  user_id: string;
  status: AccreditationState;
  valid_until: number | null;
  channels: string;
  reason_kind: ReasonKind | null;
  first_granted: number | null;
};

/** The learners in scope (holders of the employee role, active or not), as report records: five queries. */
export async function gatherReportPeople(scope: ReportScope): Promise<ReportPerson[]> {
  const client = getDb().$client;
  const library = await loadContentLibrary();
  const tracks = trackModules(library);
  const charter = currentCharterVersion();
  const s = scopeSql(scope);

  const people = client
    .prepare(
      `select u.id, u.team_id, u.active, u.created_at,
         (u.password_hash is not null or idp.first is not null) as signed_in,
         coalesce(inv.used, idp.first) as signed_in_at,
         p.level, fp.first as placed_at
       from users u
       join user_roles r on r.user_id = u.id and r.role = 'employee'
       left join placements p on p.user_id = u.id and p.is_current = 1
       left join (select user_id, min(created_at) as first from placements group by user_id) fp on fp.user_id = u.id
       left join (select user_id, min(used_at) as used from invitations where used_at is not null group by user_id) inv on inv.user_id = u.id
       left join (select user_id, min(created_at) as first from identities group by user_id) idp on idp.user_id = u.id
       where ${s.clause}`,
    )
    .all(...s.params) as PersonRow[];

  // Track membership as "level\u001fmodule" keys: an IN over a JSON list is looked up in an ephemeral
  // index (a joined VALUES table was scanned once per progress row: 2.4 s instead of 0.9 s at 550,000 rows).
  // Driven from the people in scope (CROSS JOIN keeps that order: each person's rows are one range of
  // the progress key, grouped without a sort): 28 % less CPU than grouping the progress rows (ADR 0033).
  const trackKeys: string[] = [];
  for (const [level, ids] of tracks) for (const id of ids) trackKeys.push(`${level}\u001f${id}`);
  const inTrack = "(mp.status = 'completed' and (p.level || char(31) || mp.module_id) in (select value from json_each(@tracks)))";
  const progress = client
    .prepare(
      `select u.id as user_id, sum(${inTrack}) as done, max(case when ${inTrack} then mp.completed_at end) as done_at, max(mp.updated_at) as last
       from users u
       left join placements p on p.user_id = u.id and p.is_current = 1
       cross join module_progress mp on mp.user_id = u.id
       where ${s.clause}
       group by u.id`,
    )
    .all({ tracks: JSON.stringify(trackKeys) }, ...s.params) as ProgressAgg[];

  const passes = client
    .prepare(
      `select a.user_id, min(a.graded_at) as first from users u join exam_attempts a on a.user_id = u.id where a.passed = 1 and ${s.clause} group by a.user_id`,
    )
    .all(...s.params) as { user_id: string; first: number }[];

  const signatures = charter
    ? (client
        .prepare(`select c.user_id, c.created_at as signed_at from users u join charter_signatures c on c.user_id = u.id where c.version = ? and ${s.clause}`)
        .all(charter, ...s.params) as {
        user_id: string;
        signed_at: number;
      }[])
    : [];

  // A renewal rewrites granted_at: the first grant is the audit log's, when it has one.
  const accRows = client
    .prepare(
      `select user_id, status, valid_until, channels, reason_kind, first_granted from (
         select a.user_id, a.status, a.valid_until, a.channels, a.reason_kind,
           min(coalesce((select min(l.created_at) from audit_log l where l.subject_type = 'accreditation' and l.subject_id = a.id and l.action = 'accreditation.grant'), a.granted_at))
             over (partition by a.user_id) as first_granted,
           row_number() over (partition by a.user_id order by ${gateOrderSql("a.status")}, a.requested_at desc, a.updated_at desc) as rn
         from users u join accreditations a on a.user_id = u.id
         where ${s.clause}
       ) where rn = 1`,
    )
    .all(...s.params) as AccRow[];

  const progressBy = new Map(progress.map((r) => [r.user_id, r]));
  const passBy = new Map(passes.map((r) => [r.user_id, r.first]));
  const signedBy = new Map(signatures.map((r) => [r.user_id, r.signed_at]));
  const accBy = new Map(accRows.map((r) => [r.user_id, r]));
  const statuses = new Set<string>(ACCREDITATION_STATUSES);
  const reasonKinds = new Set<string>(REASON_KINDS);
  return people.map((row) => {
    const total = row.level ? (tracks.get(row.level)?.length ?? 0) : 0;
    const prog = progressBy.get(row.id);
    const done = Number(prog?.done ?? 0);
    const acc = accBy.get(row.id);
    return {
      id: row.id,
      teamId: row.team_id,
      active: Boolean(row.active),
      level: row.level,
      invitedAt: Number(row.created_at),
      signedIn: Boolean(row.signed_in),
      signedInAt: num(row.signed_in_at),
      placedAt: row.level ? num(row.placed_at) : null,
      trackTotal: total,
      trackCompleted: done,
      trackCompletedAt: total > 0 && done >= total ? num(prog?.done_at) : null,
      lastActivityAt: num(prog?.last),
      examPassedAt: num(passBy.get(row.id)),
      charterSignedAt: num(signedBy.get(row.id)),
      firstGrantedAt: num(acc?.first_granted),
      accreditation:
        acc && statuses.has(acc.status)
          ? {
              status: acc.status,
              validUntil: num(acc.valid_until),
              channels: JSON.parse(acc.channels) as string[],
              reasonKind: acc.reason_kind && reasonKinds.has(acc.reason_kind) ? acc.reason_kind : null,
            }
          : null,
    } satisfies ReportPerson;
  });
}

// ---------------------------------------------------------------------------------------------
// The organisation-wide records, reused while nothing changed
// ---------------------------------------------------------------------------------------------

type Cached = { key: string; at: number; version: number; people: Promise<ReportPerson[]> };
const globalForReports = globalThis as unknown as { __ambassadeReportPeople?: Map<string, Cached>; __ambassadeReportsVersion?: number };
/** Scopes kept at once (the organisation, and the teams last looked at). */
const CACHED_SCOPES = 32;

/**
 * How long the organisation's records may be reused after a write (ms): reading them at company scale
 * takes about a second of the server's one thread, so a busy organisation (someone progresses every
 * second) must not pay it on every dashboard view. Teams are always read fresh (a few milliseconds).
 * REPORTS_MAX_AGE_MS overrides it (the tests set 0).
 */
export function maxAgeMs(): number {
  const value = Number(process.env.REPORTS_MAX_AGE_MS ?? 60_000);
  return Number.isFinite(value) && value >= 0 ? value : 60_000;
}

function nextVersion(): number {
  globalForReports.__ambassadeReportsVersion = (globalForReports.__ambassadeReportsVersion ?? 0) + 1;
  return globalForReports.__ambassadeReportsVersion;
}

/** Forgets what was read (after a change made here that a page must show at once, e.g. a reminder). */
export function forgetReportRecords(): void {
  globalForReports.__ambassadeReportPeople?.clear();
  nextVersion();
}

/** Changes whenever anything is written to the database, by this process or another. */
export function databaseChangeKey(): string {
  const client = getDb().$client;
  const changes = (client.prepare("select total_changes() as n").get() as { n: number }).n;
  const version = client.pragma("data_version", { simple: true }) as number;
  return `${changes}:${version}`;
}

/**
 * The records in scope and a number that changes whenever they are read again: from memory when nothing
 * was written since they were read, or (the whole organisation) when they are younger than `maxAgeMs`.
 */
export async function reportRecords(scope: ReportScope): Promise<{ people: ReportPerson[]; version: number }> {
  const cache = (globalForReports.__ambassadeReportPeople ??= new Map());
  const scopeKey = scope === undefined ? "*" : [...scope].sort().join(",");
  const key = databaseChangeKey();
  const now = Date.now();
  const cached = cache.get(scopeKey);
  if (cached && (cached.key === key || (scope === undefined && now - cached.at < maxAgeMs()))) return { people: await cached.people, version: cached.version };
  const entry: Cached = { key, at: now, version: nextVersion(), people: gatherReportPeople(scope) };
  cache.delete(scopeKey);
  cache.set(scopeKey, entry);
  if (cache.size > CACHED_SCOPES) cache.delete(cache.keys().next().value!);
  entry.people.catch(() => cache.delete(scopeKey));
  return { people: await entry.people, version: entry.version };
}

export async function reportPeople(scope: ReportScope): Promise<ReportPerson[]> {
  return (await reportRecords(scope)).people;
}

// ---------------------------------------------------------------------------------------------
// Dashboards
// ---------------------------------------------------------------------------------------------

export type DashboardInput = {
  /** "programme": organisation-wide (small groups not broken down by level); "team": a team dashboard. */
  view: "programme" | "team";
  scope: ReportScope;
  filters: Omit<Filters, "teamIds">;
  stalledAfterDays: number;
  now?: Date;
};

export type PersonNames = Map<string, { name: string; email: string; teamId: string | null }>;

/** Names and emails of a few people (one query). */
export function namesOf(ids: readonly string[]): PersonNames {
  if (ids.length === 0) return new Map();
  const out: PersonNames = new Map();
  const db = getDb();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = db
      .select({ id: users.id, name: users.name, email: users.email, teamId: users.teamId })
      .from(users)
      .where(inArray(users.id, ids.slice(i, i + 500)))
      .all();
    for (const r of rows) out.set(r.id, { name: r.name, email: r.email, teamId: r.teamId });
  }
  return out;
}

/** How many stalled people a dashboard lists per page (all of them are counted, paged through and exported). */
export const STALLED_SHOWN = 50;

export async function dashboard(input: DashboardInput) {
  const now = (input.now ?? new Date()).getTime();
  const all = await reportPeople(input.scope);
  const people = selectPeople(all, input.filters);
  const programme = input.view === "programme";
  const minGroup = programme ? MIN_GROUP : 0;
  // An organisation-wide view filtered to one level shows nothing about a group smaller than the minimum.
  const withheld = programme && Boolean(input.filters.level) && people.length > 0 && people.length < MIN_GROUP;
  const group = withheld ? [] : people;
  // Each person's place on the road, once for the funnel, the levels and the stalled list.
  const depthOf = depthMemo(now);
  const stalled = stalledPeople(group, now, input.stalledAfterDays, depthOf);
  const months = monthsFor(input.filters, now);
  return {
    people: group.length,
    withheld,
    funnel: funnel(group, now, depthOf),
    byLevel: funnelByLevel(group, now, minGroup, depthOf),
    timeToAccreditation: timeToAccreditation(group, minGroup),
    timeAtSteps: timeAtSteps(group),
    accreditations: accreditationFigures(group, now),
    charter: charterShare(group),
    stalledByStep: stalledByStep(stalled),
    stalled,
    trends: monthlyTrends(withheld ? [] : selectPeople(all, { level: input.filters.level }), months),
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

/** The months of the trends: those of the period when one is chosen (at most 36), else the last 12. */
export function monthsFor(filters: Pick<Filters, "from" | "to">, now: number): string[] {
  if (filters.from == null) return lastMonths(filters.to ?? now, 12);
  const end = filters.to != null ? Math.min(filters.to - 1, now) : now;
  const months: string[] = [];
  const start = new Date(filters.from);
  for (
    let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
    d.getTime() <= end && months.length < 36;
    d.setUTCMonth(d.getUTCMonth() + 1)
  ) {
    months.push(d.toISOString().slice(0, 7));
  }
  return months.length ? months : lastMonths(now, 12);
}

/** Stalled people with their names, for the page and the export. */
export function stalledWithNames(stalled: readonly Stalled[], limit?: number) {
  const shown = limit === undefined ? stalled : stalled.slice(0, limit);
  const names = namesOf(shown.map((s) => s.id));
  const teamNames = new Map(
    getDb()
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .all()
      .map((t) => [t.id, t.name]),
  );
  return shown.map((s) => {
    const n = names.get(s.id);
    return { ...s, name: n?.name ?? "", email: n?.email ?? "", team: n?.teamId ? (teamNames.get(n.teamId) ?? "") : "", lastReminder: null as number | null };
  });
}

// ---------------------------------------------------------------------------------------------
// Everyone, for the full export
// ---------------------------------------------------------------------------------------------

export type ExportPerson = ReportPerson & { name: string; email: string; team: string };

/** People per query and per batch of the full export. */
export const EXPORT_BATCH = 2_000;

/**
 * Every learner in scope with the filters, with their name, email and team, batch by batch (one query
 * per batch of EXPORT_BATCH people): the full export is written as it is read, and never holds a second
 * copy of everyone (at 53,000 people that copy cost more in garbage collection than the rest of the
 * export, the server's heap being capped: ADR 0033).
 */
export async function exportPeople(
  scope: ReportScope,
  filters: Omit<Filters, "teamIds">,
  size = EXPORT_BATCH,
): Promise<{ count: number; batches: () => Generator<ExportPerson[]> }> {
  const people = selectPeople(await reportPeople(scope), filters);
  const names = getDb().$client.prepare(
    `select u.id, u.name, u.email, coalesce(t.name, '') as team from json_each(?) j join users u on u.id = j.value left join teams t on t.id = u.team_id`,
  );
  return {
    count: people.length,
    *batches() {
      for (let i = 0; i < people.length; i += size) {
        const batch = people.slice(i, i + size);
        const rows = names.all(JSON.stringify(batch.map((p) => p.id))) as { id: string; name: string; email: string; team: string }[];
        const byId = new Map(rows.map((r) => [r.id, r]));
        yield batch.map((p) => {
          const r = byId.get(p.id);
          return { ...p, name: r?.name ?? "", email: r?.email ?? "", team: r?.team ?? "" };
        });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reminders ("people who need a nudge")
// ---------------------------------------------------------------------------------------------

/** At most one reminder per person in this many days, whoever sends it. */
export const REMINDER_EVERY_DAYS = 7;
export const REMINDER_KIND = "reminder";

/** When each of these people was last sent a reminder (one query on the outbox's ref index). */
export function lastReminders(ids: readonly string[], now = new Date()): Map<string, number> {
  if (ids.length === 0) return new Map();
  const since = new Date(now.getTime() - 90 * DAY_MS);
  const rows = getDb()
    .select({ refId: mailOutbox.refId, at: sql<number>`max(${mailOutbox.createdAt})` })
    .from(mailOutbox)
    .where(and(inArray(mailOutbox.refId, [...ids]), eq(mailOutbox.kind, REMINDER_KIND), gte(mailOutbox.createdAt, since)))
    .groupBy(mailOutbox.refId)
    .all();
  return new Map(rows.map((r) => [r.refId!, Number(r.at)]));
}

/**
 * Queues a reminder mail to a stalled person, with an audit row, in one transaction. Refused (409)
 * when the person had one less than REMINDER_EVERY_DAYS days ago; 404 when missing or outside scope.
 */
export async function sendReminder(input: {
  actorId: string;
  userId: string;
  scope: ReportScope;
  stalledAfterDays: number;
  now?: Date;
}): Promise<{ name: string }> {
  const now = input.now ?? new Date();
  const db = getDb();
  const person = db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, teamId: users.teamId, active: users.active })
    .from(users)
    .where(eq(users.id, input.userId))
    .get();
  if (!person || !person.active || (input.scope !== undefined && (!person.teamId || !input.scope.includes(person.teamId)))) {
    throw new InputError({ form: "errors.notFound" }, 404);
  }
  const [record] = await gatherReportPeople(input.scope === undefined ? undefined : [person.teamId!]).then((all) => all.filter((p) => p.id === person.id));
  const stalled = record ? stalledPeople([record], now.getTime(), input.stalledAfterDays)[0] : undefined;
  if (!stalled) throw new InputError({ form: "reports.nudge.notStalled" }, 409);
  const locale: Locale = person.locale ?? "fr";
  const t = getT(locale);
  db.transaction((tx) => {
    const recent = tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.refId, person.id),
          eq(mailOutbox.kind, REMINDER_KIND),
          gte(mailOutbox.createdAt, new Date(now.getTime() - REMINDER_EVERY_DAYS * DAY_MS)),
        ),
      )
      .get();
    if (recent) throw new InputError({ form: "reports.nudge.tooSoon" }, 429);
    queueMail(
      tx,
      {
        kind: REMINDER_KIND,
        refId: person.id,
        to: person.email,
        subject: t("reports.mail.subject"),
        text: t(`reports.mail.body.${stalled.step}`, {
          name: person.name,
          link: linkTo(
            stalled.step === "placed"
              ? "/diagnostic"
              : stalled.step === "accredited" || stalled.step === "examPassed" || stalled.step === "charterSigned"
                ? "/accreditation"
                : "/home",
          ),
        }),
      },
      now,
    );
    recordAudit(tx, {
      actorId: input.actorId,
      action: "reports.reminder_sent",
      subjectType: "user",
      subjectId: person.id,
      toState: stalled.step,
      data: { days: stalled.days },
    });
  });
  // The page shows when each person was last reminded: read again.
  forgetReportRecords();
  return { name: person.name };
}

/** The audit rows of reminders (for tests and the audit page's filter). */
export function reminderAudit(userId: string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "reports.reminder_sent"), eq(auditLog.subjectId, userId)))
    .orderBy(asc(auditLog.id))
    .all();
}
