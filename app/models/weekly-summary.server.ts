/**
 * The managers' weekly summary of their teams: new accreditations, accreditations ending soon, people
 * who need a nudge. The figures are the team dashboard's (`weeklyFigures` over the same records,
 * app/models/reports.server.ts), the words the manager's language, the mail goes through the outbox.
 *
 * Once per manager and ISO week (UTC): a row of `weekly_summaries` is claimed (`insert … on conflict do
 * nothing`) in the transaction that queues the mail, so a second run, or a run in another process,
 * sends nothing. A manager with nothing to report gets no mail (the week is claimed all the same, so
 * news later in the week waits for the next summary); one who turned the kind off gets none either.
 * The job runs in the process that runs the jobs (app/server/start.ts), hourly; the first run of a
 * week from Monday SEND_FROM_HOUR o'clock (UTC) sends it. See docs/decisions/0033-weekly-summary-and-report-speed.md.
 */
import { eq, inArray, lt } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { notificationOptOuts, teamManagers, teams, users, weeklySummaries, type Locale } from "../../db/schema";
import { STALLED_AFTER_DAYS, SUMMARY_EXPIRY_DAYS, hasNews, isoWeek, weeklyFigures, type WeeklyFigures } from "~/domain/reports";
import { composeWeeklySummaryMail } from "~/mail/notification-mail.server";
import { queueMail } from "~/mail/outbox.server";
import { linkTo } from "~/mail/templates.server";
import { gatherReportPeople, namesOf } from "./reports.server";

export const WEEKLY_SUMMARY_KIND = "weekly_summary";
/** The summary of a week is sent from Monday at this hour (UTC). */
export const SEND_FROM_HOUR = 6;

/** Whether the week's summaries may be sent at `now` (from Monday SEND_FROM_HOUR:00 UTC). */
export function summaryDue(now: Date): boolean {
  const day = now.getUTCDay() || 7;
  return day > 1 || now.getUTCHours() >= SEND_FROM_HOUR;
}

type Manager = { id: string; name: string; email: string; locale: Locale | null; teamIds: string[] };

/**
 * Sends this week's summary to every active manager who has not had it, unless they turned it off.
 * Safe to run often and in parallel. Returns how many were mailed and how many had nothing to report.
 */
export async function runWeeklySummaries(now = new Date()): Promise<{ week: string; mailed: number; quiet: number }> {
  const week = isoWeek(now.getTime());
  if (!summaryDue(now)) return { week, mailed: 0, quiet: 0 };
  const db = getDb();
  const rows = db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, teamId: teamManagers.teamId })
    .from(teamManagers)
    .innerJoin(users, eq(users.id, teamManagers.userId))
    .where(eq(users.active, true))
    .all();
  const done = new Set(
    db
      .select({ id: weeklySummaries.userId })
      .from(weeklySummaries)
      .where(eq(weeklySummaries.week, week))
      .all()
      .map((r) => r.id),
  );
  const off = new Set(
    db
      .select({ id: notificationOptOuts.userId })
      .from(notificationOptOuts)
      .where(eq(notificationOptOuts.kind, WEEKLY_SUMMARY_KIND))
      .all()
      .map((r) => r.id),
  );
  const managers = new Map<string, Manager>();
  for (const r of rows) {
    if (done.has(r.id) || off.has(r.id)) continue;
    const m = managers.get(r.id) ?? { id: r.id, name: r.name, email: r.email, locale: r.locale, teamIds: [] };
    m.teamIds.push(r.teamId);
    managers.set(r.id, m);
  }
  if (managers.size === 0) return { week, mailed: 0, quiet: 0 };

  // Each team's figures once, from the records the dashboard reads (a team's: a few ms), read here
  // without the dashboards' cache, which keeps 32 scopes: 400 teams would evict the organisation's.
  const teamIds = [...new Set([...managers.values()].flatMap((m) => m.teamIds))];
  const teamNames = new Map(
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(inArray(teams.id, teamIds))
      .all()
      .map((t) => [t.id, t.name]),
  );
  const figures = new Map<string, WeeklyFigures>();
  for (const teamId of teamIds) {
    figures.set(teamId, weeklyFigures(await gatherReportPeople([teamId]), now.getTime(), STALLED_AFTER_DAYS));
    // One team at a time, then the event loop: the jobs' process keeps answering its workers meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const named = new Set<string>();
  for (const f of figures.values())
    for (const id of [...f.newlyAccredited.map((p) => p.id), ...f.expiring.map((p) => p.id), ...f.stalled.map((s) => s.id)]) named.add(id);
  const names = namesOf([...named]);
  const nameOf = (id: string) => names.get(id)?.name ?? "";

  let mailed = 0;
  let quiet = 0;
  for (const manager of managers.values()) {
    const mine = manager.teamIds
      .filter((id) => teamNames.has(id))
      .sort((a, b) => teamNames.get(a)!.localeCompare(teamNames.get(b)!))
      .map((id) => ({ id, figures: figures.get(id)! }));
    // Their own road is not their team's news.
    const others = mine.map(({ id, figures: f }) => ({
      id,
      figures: {
        newlyAccredited: f.newlyAccredited.filter((p) => p.id !== manager.id),
        expiring: f.expiring.filter((p) => p.id !== manager.id),
        stalled: f.stalled.filter((s) => s.id !== manager.id),
      },
    }));
    const news = others.some((team) => hasNews(team.figures));
    const mail = news
      ? composeWeeklySummaryMail({
          locale: manager.locale ?? "fr",
          name: manager.name,
          stalledAfterDays: STALLED_AFTER_DAYS,
          expiryDays: SUMMARY_EXPIRY_DAYS,
          accountUrl: linkTo("/account#notifications"),
          teams: others.map(({ id, figures: f }) => ({
            name: teamNames.get(id)!,
            url: linkTo(`/reports/team?team=${encodeURIComponent(id)}`),
            newlyAccredited: f.newlyAccredited.map((p) => ({ name: nameOf(p.id) })),
            expiring: f.expiring.map((p) => ({ name: nameOf(p.id), validUntil: p.accreditation!.validUntil! })),
            stalled: f.stalled.map((s) => ({ name: nameOf(s.id), step: s.step, days: s.days })),
          })),
        })
      : null;
    const claimed = db.transaction((tx) => {
      const claim = tx
        .insert(weeklySummaries)
        .values({ userId: manager.id, week, mailed: mail !== null, createdAt: now })
        .onConflictDoNothing()
        .run();
      if (claim.changes !== 1) return false;
      if (mail) queueMail(tx, { kind: WEEKLY_SUMMARY_KIND, refId: manager.id, to: manager.email, ...mail });
      return true;
    });
    if (!claimed) continue;
    if (mail) mailed += 1;
    else quiet += 1;
  }
  return { week, mailed, quiet };
}

/** Housekeeping: the record of a week is needed only while that week lasts; kept `days` for the curious. */
export function purgeOldWeeklySummaries(days = 90, now = new Date()): number {
  return getDb()
    .delete(weeklySummaries)
    .where(lt(weeklySummaries.createdAt, new Date(now.getTime() - days * 86_400_000)))
    .run().changes;
}

/** The weeks recorded for a manager (tests, personal data). */
export function summaryWeeks(userId: string): { week: string; mailed: boolean }[] {
  return getDb().select({ week: weeklySummaries.week, mailed: weeklySummaries.mailed }).from(weeklySummaries).where(eq(weeklySummaries.userId, userId)).all();
}
