/**
 * The managers' weekly summary (issue 15, ADR 0033): one mail per manager and week, whatever the number
 * of runs (in a row or in parallel); each team's figures are the team dashboard's (same records, same
 * clock), checked against plain SQL where the dashboard does not list them; French and English; two
 * teams; a manager who turned it off on the account page, or has nothing to report, or left, gets none.
 * The clock is injected; the outbox is read. Runs on the reports fixture (tests/support/reports-fixture.ts).
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { mailOutbox, users, weeklySummaries, type Locale } from "../../db/schema";
import { OPTIONAL_KINDS } from "../../app/domain/notifications";
import { isoWeek } from "../../app/domain/reports";
import { linkTo } from "../../app/mail/templates.server";
import { mailPreferences } from "../../app/models/notifications.server";
import { dashboard } from "../../app/models/reports.server";
import { purgeOldWeeklySummaries, runWeeklySummaries, summaryWeeks } from "../../app/models/weekly-summary.server";
import { insertUser } from "../../app/models/user.server";
import { DEMO_PASSWORD, seedDemoOrganisation } from "../support/fixtures";
import { startServer, type TestServer, Client } from "../support/server";
import { DAY, TEAM_A, TEAM_B, idOf, seedReportsFixture } from "../support/reports-fixture";

process.env.REPORTS_MAX_AGE_MS = "0";

// Wednesday 9 December 2026, 09:00 UTC: ISO week 2026-W50.
const NOW = new Date(Date.UTC(2026, 11, 9, 9, 0, 0));
const TEAM_QUIET = "team-weekly-quiet";

let server: TestServer;
const sql = getDb().$client;

type Manager = { id: string; email: string; name: string };
let fr: Manager; // teams A and B, French
let en: Manager; // team B, English
let off: Manager; // team A, turned the summary off on the account page
let quiet: Manager; // a team with nothing to report
let gone: Manager; // team A, left the organisation

function insertManager(key: string, locale: Locale, teamIds: string[]): Manager {
  const email = `weekly.${key}@reports.test`;
  const name = `Manager ${key}`;
  const passwordHash = getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.email, "admin@ambassade.test")).get()!.hash;
  const id = getDb().transaction((tx) => insertUser(tx, { email, name, teamId: null, roles: ["employee", "manager"], passwordHash }));
  getDb().update(users).set({ locale }).where(eq(users.id, id)).run();
  for (const teamId of teamIds) sql.prepare("insert into team_managers (team_id, user_id) values (?, ?)").run(teamId, id);
  return { id, email, name };
}

beforeAll(async () => {
  await seedDemoOrganisation();
  seedReportsFixture(NOW.getTime());
  // B1 was first granted three days ago: team B's one new accreditation of the week.
  sql
    .prepare("update accreditations set granted_at = ?, valid_until = ? where user_id = ?")
    .run(NOW.getTime() - 3 * DAY, NOW.getTime() + 365 * DAY, idOf("b1"));
  // A team whose one person is accredited for a long time yet: nothing to report.
  sql.prepare("insert into teams (id, name) values (?, 'Weekly quiet')").run(TEAM_QUIET);
  fr = insertManager("fr", "fr", [TEAM_A, TEAM_B]);
  en = insertManager("en", "en", [TEAM_B]);
  off = insertManager("off", "en", [TEAM_A]);
  quiet = insertManager("quiet", "en", [TEAM_QUIET]);
  gone = insertManager("gone", "fr", [TEAM_A]);
  getDb().update(users).set({ active: false }).where(eq(users.id, gone.id)).run();
  server = await startServer();
});
afterAll(() => server.close());

const summaries = () => getDb().select().from(mailOutbox).where(eq(mailOutbox.kind, "weekly_summary")).all();
const summariesTo = (m: Manager) => summaries().filter((mail) => mail.to === m.email);

/** The names and counts one team's section must show, from the team dashboard at the same instant. */
async function expectedFor(teamId: string) {
  const d = await dashboard({ view: "team", scope: [teamId], filters: {}, stalledAfterDays: 14, now: NOW });
  const nameOf = (id: string) => (sql.prepare("select name from users where id = ?").get(id) as { name: string }).name;
  const newly = (
    sql
      .prepare(
        "select u.name from accreditations a join users u on u.id = a.user_id where u.team_id = ? and u.active = 1 and a.granted_at > ? and a.granted_at <= ?",
      )
      .all(teamId, NOW.getTime() - 7 * DAY, NOW.getTime()) as { name: string }[]
  ).map((r) => r.name);
  const expiring = (
    sql
      .prepare(
        `select u.name from accreditations a join users u on u.id = a.user_id
         where u.team_id = ? and u.active = 1 and a.status in ('granted', 'renewal_requested') and a.valid_until > ? and a.valid_until <= ?
         and exists (select 1 from charter_signatures c where c.user_id = a.user_id and c.version = (select version from charter_publications order by created_at desc limit 1))`,
      )
      .all(teamId, NOW.getTime(), NOW.getTime() + 30 * DAY) as { name: string }[]
  ).map((r) => r.name);
  expect(expiring.length).toBe(d.accreditations.expiring.find((w) => w.days === 30)!.count);
  return { newly, expiring, stalled: d.stalled.map((s) => nameOf(s.id)) };
}

describe("the weekly summary", () => {
  it("is listed on the account page among the kinds a manager may turn off; this one turns it off", async () => {
    expect(OPTIONAL_KINDS).toContain("weekly_summary");
    const client = new Client(server.url);
    expect((await client.signIn(off.email, DEMO_PASSWORD)).status).toBe(302);
    const page = await (await client.get("/account")).text();
    expect(page).toContain('value="weekly_summary"');
    expect(page).toContain("The weekly summary of my teams (manager)");
    const saved = await client.post("/account", { intent: "notifications", mail: OPTIONAL_KINDS.filter((k) => k !== "weekly_summary") });
    expect(saved.status).toBe(302);
    expect(mailPreferences(off.id, "fr").find((p) => p.kind === "weekly_summary")).toMatchObject({
      mailed: false,
      label: "Le résumé hebdomadaire de mes équipes (manager)",
    });
  });

  it("is not sent before Monday 06:00 UTC of a week", async () => {
    const mondayEarly = new Date(Date.UTC(2026, 11, 7, 5, 59));
    expect(await runWeeklySummaries(mondayEarly)).toEqual({ week: "2026-W50", mailed: 0, quiet: 0 });
    expect(summaries()).toHaveLength(0);
  });

  it("a manager of two teams gets one mail in French, a section per team with the dashboard's figures and links to it", async () => {
    const result = await runWeeklySummaries(NOW);
    expect(result.week).toBe("2026-W50");
    const [mail, ...more] = summariesTo(fr);
    expect(more).toHaveLength(0);
    expect(mail!.refId).toBe(fr.id);
    expect(mail!.subject).toBe("La semaine de vos équipes dans Ambassade");
    const text = mail!.text;
    expect(text).toMatch(/^Bonjour Manager fr,/);
    const [, teamA, teamB] = text.split(/^## /m);
    expect(teamA).toMatch(/^Reports A\n/);
    expect(teamB).toMatch(/^Reports B\n/);
    const a = await expectedFor(TEAM_A);
    const b = await expectedFor(TEAM_B);
    // Team A: nobody new, one accreditation ending within 30 days, seven people stalled (the dashboard's).
    expect(a.newly).toEqual([]);
    expect(teamA).not.toContain("Nouvelle");
    expect(a.expiring).toEqual(["Person A12"]);
    expect(teamA).toContain("Accréditation qui prend fin dans les 30\u00a0jours (1)\u00a0: Person A12 (le ");
    expect(a.stalled).toHaveLength(7);
    expect(teamA).toContain("Personnes sans progrès depuis plus de 14\u00a0jours (7)\u00a0: ");
    for (const name of a.stalled) expect(teamA).toContain(`${name} (`);
    expect(teamA).toContain(`Person A2 (doit se connecter, depuis`);
    expect(teamA).toContain(`Pour y aller\u00a0: ${linkTo(`/reports/team?team=${TEAM_A}`)}`);
    // Team B: B1 first accredited three days ago; the people stalled at the dashboard's threshold.
    expect(b.newly).toEqual(["Person B1"]);
    expect(teamB).toContain("Nouvelle accréditation (1)\u00a0: Person B1.");
    for (const name of b.stalled) expect(teamB).toContain(`${name} (`);
    expect(teamB).toContain(linkTo(`/reports/team?team=${TEAM_B}`));
    expect(text).toContain(linkTo("/account#notifications"));
    // The HTML part says the same, with React Email's layout.
    expect(mail!.html).toMatch(/^<!DOCTYPE html>/);
    expect(mail!.html).toContain("Reports A");
    expect(mail!.html).toContain("Person B1");
    expect(mail!.html).toContain(`href="${linkTo(`/reports/team?team=${TEAM_B}`)}"`);
  });

  it("a manager whose language is English gets it in English, with their one team only", async () => {
    const [mail, ...more] = summariesTo(en);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe("Your teams’ week in Ambassade");
    expect(mail!.text).toMatch(/^Hello Manager en,/);
    expect(mail!.text).toContain("## Reports B");
    expect(mail!.text).not.toContain("Reports A");
    expect(mail!.text).toContain("New accreditation (1): Person B1.");
  });

  it("nothing for the manager who turned it off, the manager with nothing to report (the week is claimed), nor one who left", async () => {
    expect(summariesTo(off)).toHaveLength(0);
    expect(summaryWeeks(off.id)).toEqual([]);
    expect(summariesTo(quiet)).toHaveLength(0);
    expect(summaryWeeks(quiet.id)).toEqual([{ week: "2026-W50", mailed: false }]);
    expect(summariesTo(gone)).toHaveLength(0);
    expect(summaryWeeks(fr.id)).toEqual([{ week: "2026-W50", mailed: true }]);
  });

  it("runs again in the same week, in a row or in parallel, send nothing more; the next week's runs in parallel send one each", async () => {
    const before = summaries().length;
    expect((await runWeeklySummaries(new Date(NOW.getTime() + 3_600_000))).mailed).toBe(0);
    const same = await Promise.all([runWeeklySummaries(new Date(NOW.getTime() + DAY)), runWeeklySummaries(new Date(NOW.getTime() + DAY))]);
    expect(same.map((r) => r.mailed)).toEqual([0, 0]);
    expect(summaries()).toHaveLength(before);

    const nextWeek = new Date(NOW.getTime() + 7 * DAY);
    expect(isoWeek(nextWeek.getTime())).toBe("2026-W51");
    const parallel = await Promise.all([runWeeklySummaries(nextWeek), runWeeklySummaries(nextWeek), runWeeklySummaries(nextWeek)]);
    const mailedNow = summaries().length - before;
    expect(parallel.reduce((n, r) => n + r.mailed, 0)).toBe(mailedNow);
    for (const m of [fr, en]) {
      expect(summariesTo(m)).toHaveLength(2);
      expect(
        summaryWeeks(m.id)
          .map((w) => w.week)
          .sort(),
      ).toEqual(["2026-W50", "2026-W51"]);
    }
    // One row per manager and week: the key.
    const rows = getDb()
      .select()
      .from(weeklySummaries)
      .where(inArray(weeklySummaries.userId, [fr.id, en.id, quiet.id]))
      .all();
    expect(rows).toHaveLength(6);
  });

  it("the records of past weeks are forgotten after 90 days (housekeeping)", () => {
    const count = () => getDb().select().from(weeklySummaries).where(eq(weeklySummaries.userId, fr.id)).all().length;
    // The rows were written with the injected clock (NOW and a week later).
    expect(purgeOldWeeklySummaries(90, new Date(NOW.getTime() + 90 * DAY))).toBe(0);
    expect(count()).toBe(2);
    expect(purgeOldWeeklySummaries(90, new Date(NOW.getTime() + 91 * DAY))).toBeGreaterThanOrEqual(1);
    expect(count()).toBe(1);
  });
});

describe("ISO weeks", () => {
  it("follow ISO 8601 across years", () => {
    expect(isoWeek(Date.UTC(2026, 0, 1))).toBe("2026-W01");
    expect(isoWeek(Date.UTC(2027, 0, 1))).toBe("2026-W53");
    expect(isoWeek(Date.UTC(2024, 11, 30))).toBe("2025-W01");
    expect(isoWeek(Date.UTC(2026, 11, 13, 23, 59))).toBe("2026-W50");
    expect(isoWeek(Date.UTC(2026, 11, 14))).toBe("2026-W51");
  });
});
