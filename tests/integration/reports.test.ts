/**
 * The programme's results (issue 15): every figure of the dashboards and the exam analytics checked
 * against counts computed here, independently, with plain SQL over a seeded organisation with known
 * numbers (tests/support/reports-fixture.ts); the scopes (a manager sees their own teams only, never
 * one person's exam answers; small groups are not broken down by level organisation-wide); the exports
 * (the rows of the page); the reminders (outbox, rate limit, audit).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { getDb } from "../../db/connection";
import { dashboard, exportPeople, reportPeople } from "../../app/models/reports.server";
import { examAnalytics } from "../../app/models/exam-analytics.server";
import { flushMail, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { allKeys, postData, routeData, signedIn } from "../support/accreditation";
import { DAY, PEOPLE, TEAM_A, TEAM_B, emailOf, fixtureItems, idOf, seedReportsFixture, trackModulesByLevel } from "../support/reports-fixture";
import { currentCharter } from "../support/gate";
import { rightAnswer } from "../support/accreditation";

// Figures read again after every write (the server keeps the organisation's for a minute: tested below).
process.env.REPORTS_MAX_AGE_MS = "0";

let server: TestServer;
let charter: string;
beforeAll(async () => {
  await seedDemoOrganisation();
  charter = seedReportsFixture().charter;
  server = await startServer();
});
afterAll(() => server.close());

const sql = getDb().$client;
const one = (query: string, ...params: unknown[]) => Object.values(sql.prepare(query).get(...params) as Record<string, number>)[0] as number;

/** The funnel, counted in plain SQL: active employees, each step with every step before it. */
function funnelBySql(where: string, params: unknown[], now: number): number[] {
  const tracks = JSON.stringify(Object.entries(trackModulesByLevel()).flatMap(([level, ids]) => ids.map((id) => [level, id])));
  const row = sql
    .prepare(
      `with flags as (
         select
           (u.password_hash is not null or exists (select 1 from identities i where i.user_id = u.id)) as s,
           exists (select 1 from placements pl where pl.user_id = u.id and pl.is_current = 1) as p,
           (select count(*) from json_each(@tracks) j join placements pl on pl.user_id = u.id and pl.is_current = 1 where json_extract(j.value, '$[0]') = pl.level) as total,
           (select count(*) from module_progress mp join placements pl on pl.user_id = mp.user_id and pl.is_current = 1
              where mp.user_id = u.id and mp.status = 'completed'
              and exists (select 1 from json_each(@tracks) j where json_extract(j.value, '$[0]') = pl.level and json_extract(j.value, '$[1]') = mp.module_id)) as done,
           exists (select 1 from exam_attempts a where a.user_id = u.id and a.passed = 1) as e,
           exists (select 1 from charter_signatures c where c.user_id = u.id and c.version = @charter) as c,
           exists (select 1 from accreditations a where a.user_id = u.id and a.status in ('granted', 'renewal_requested') and a.valid_until > @now) as a
         from users u join user_roles r on r.user_id = u.id and r.role = 'employee'
         where u.active = 1 and ${where}
       )
       select count(*), sum(s), sum(s and p), sum(s and p and total > 0 and done >= total), sum(s and p and total > 0 and done >= total and e),
         sum(s and p and total > 0 and done >= total and e and c), sum(s and p and total > 0 and done >= total and e and c and a)
       from flags`,
    )
    .raw()
    .get({ tracks, charter, now }, ...params) as (number | null)[];
  return row.map((n) => Number(n ?? 0));
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2;
};

describe("the figures of a team, against the fixture's known numbers and plain SQL", () => {
  it("funnel: counts and rates", async () => {
    const now = Date.now();
    const d = await dashboard({ view: "team", scope: [TEAM_A], filters: {}, stalledAfterDays: 14, now: new Date(now) });
    const counts = d.funnel.map((r) => r.count);
    // Known: 17 active people; 14 signed in; 12 placed; 10 completed their track; 9 passed; 7 signed; 4 in force.
    expect(counts).toEqual([17, 14, 12, 10, 9, 7, 4]);
    expect(counts).toEqual(funnelBySql("u.team_id = ?", [TEAM_A], now));
    expect(d.funnel[6]!.ofInvited).toBeCloseTo(4 / 17, 10);
    expect(d.funnel[6]!.ofPrevious).toBeCloseTo(4 / 7, 10);
    expect(d.funnel[0]!.ofPrevious).toBeNull();
  });

  it("accreditations: in force by channel, expiring, suspended, revoked, renewals", async () => {
    const now = Date.now();
    const d = await dashboard({ view: "team", scope: [TEAM_A], filters: {}, stalledAfterDays: 14, now: new Date(now) });
    const a = d.accreditations;
    const inForceWhere = `from accreditations a join users u on u.id = a.user_id
      where u.team_id = ? and a.status in ('granted', 'renewal_requested') and a.valid_until > ?
      and exists (select 1 from charter_signatures c where c.user_id = a.user_id and c.version = ?)`;
    expect(a.inForce).toBe(4);
    expect(a.inForce).toBe(one(`select count(*) ${inForceWhere}`, TEAM_A, now, charter));
    const channels = sql
      .prepare(
        `select j.value as channel, count(*) as n ${inForceWhere.replace("from accreditations a", "from accreditations a, json_each(a.channels) j")} group by j.value`,
      )
      .all(TEAM_A, now, charter) as { channel: string; n: number }[];
    expect(Object.fromEntries(a.byChannel.map((c) => [c.channel, c.count]))).toEqual(Object.fromEntries(channels.map((c) => [c.channel, c.n])));
    expect(Object.fromEntries(a.byChannel.map((c) => [c.channel, c.count]))).toEqual({ linkedin: 3, x: 1, instagram: 1 });
    for (const window of a.expiring)
      expect(window.count).toBe(one(`select count(*) ${inForceWhere} and a.valid_until <= ?`, TEAM_A, now, charter, now + window.days * DAY));
    expect(a.expiring.map((e) => e.count)).toEqual([1, 2, 3]);
    expect(a.renewalsDue).toBe(one(`select count(*) ${inForceWhere} and a.status = 'granted' and a.valid_until <= ?`, TEAM_A, now, charter, now + 30 * DAY));
    expect(a.renewalsDue).toBe(1);
    const byStatus = (status: string, reason?: string) =>
      one(
        `select count(*) from accreditations a join users u on u.id = a.user_id where u.team_id = ? and a.status = ?${reason ? " and a.reason_kind = ?" : ""}`,
        TEAM_A,
        status,
        ...(reason ? [reason] : []),
      );
    expect(a.suspended.charter).toBe(byStatus("suspended", "charter"));
    expect(a.suspended.leftOrganisation).toBe(byStatus("suspended", "left_organisation"));
    expect(a.revoked).toBe(byStatus("revoked"));
    expect(a.requestsPending).toBe(byStatus("requested"));
    expect([a.suspended.charter, a.suspended.leftOrganisation, a.revoked, a.requestsPending]).toEqual([1, 1, 1, 1]);
  });

  it("time to accreditation (median, quartiles) and charter share", async () => {
    const d = await dashboard({ view: "team", scope: [TEAM_A], filters: {}, stalledAfterDays: 14 });
    const days = (
      sql
        .prepare(
          "select (min(a.granted_at) - u.created_at) / 86400000.0 as d from accreditations a join users u on u.id = a.user_id where u.team_id = ? and a.granted_at is not null group by u.id",
        )
        .all(TEAM_A) as { d: number }[]
    ).map((r) => r.d);
    const all = d.timeToAccreditation.find((r) => r.level === "all")!;
    expect(all.spread.n).toBe(days.length);
    expect(all.spread.n).toBe(7);
    expect(all.spread.median).toBeCloseTo(median(days), 6);
    expect(all.spread.median).toBeCloseTo(70, 6);
    expect(all.spread.min).toBeCloseTo(Math.min(...days), 6);
    expect(all.spread.max).toBeCloseTo(Math.max(...days), 6);
    // Team views are not organisation-wide: a level is shown whatever its size.
    expect(d.timeToAccreditation.find((r) => r.level === "native")!.spread.n).toBe(7);
    const active = one("select count(*) from users where team_id = ? and active = 1", TEAM_A);
    const signed = one(
      "select count(*) from users u join charter_signatures c on c.user_id = u.id and c.version = ? where u.team_id = ? and u.active = 1",
      charter,
      TEAM_A,
    );
    expect(d.charter).toEqual({ signed, active, share: signed / active });
    expect(d.charter.signed).toBe(7);
  });

  it("people who need a nudge: stalled for more than N days at their next step", async () => {
    const d = await dashboard({ view: "team", scope: [TEAM_A], filters: {}, stalledAfterDays: 14 });
    const stalled = Object.fromEntries(d.stalled.map((s) => [s.id, s.step]));
    expect(stalled).toEqual({
      [idOf("a2")]: "signedIn",
      [idOf("a4")]: "placed",
      [idOf("a6")]: "trackCompleted",
      [idOf("a8")]: "examPassed",
      [idOf("a10")]: "accredited",
      [idOf("a16")]: "charterSigned",
      [idOf("a17")]: "accredited",
    });
    // A longer threshold keeps only those stuck longer.
    const longer = await dashboard({ view: "team", scope: [TEAM_A], filters: {}, stalledAfterDays: 35 });
    expect(longer.stalled.map((s) => s.id).sort()).toEqual([idOf("a16"), idOf("a17"), idOf("a4")].sort());
  });

  it("filters: the period chooses people by invitation date, the level by current placement", async () => {
    const now = Date.now();
    const from = now - 50 * DAY;
    const d = await dashboard({ view: "team", scope: [TEAM_A], filters: { from, to: now + DAY }, stalledAfterDays: 14, now: new Date(now) });
    expect(d.funnel.map((r) => r.count)).toEqual(funnelBySql("u.team_id = ? and u.created_at >= ?", [TEAM_A, from], now));
    const native = await dashboard({ view: "team", scope: [TEAM_A], filters: { level: "native" }, stalledAfterDays: 14, now: new Date(now) });
    expect(native.funnel.map((r) => r.count)).toEqual(
      funnelBySql("u.team_id = ? and exists (select 1 from placements p where p.user_id = u.id and p.is_current = 1 and p.level = 'native')", [TEAM_A], now),
    );
  });

  it("monthly trends: invitations, placements, first passes and first grants per month", async () => {
    const d = await dashboard({ view: "team", scope: [TEAM_A], filters: {}, stalledAfterDays: 14 });
    const month = (column: string, from: string) =>
      Object.fromEntries(
        (
          sql.prepare(`select strftime('%Y-%m', ${column} / 1000, 'unixepoch') as m, count(*) as n ${from} group by m`).all(TEAM_A) as {
            m: string;
            n: number;
          }[]
        ).map((r) => [r.m, r.n]),
      );
    const invited = month("u.created_at", "from users u join user_roles r on r.user_id = u.id and r.role = 'employee' where u.team_id = ?");
    const passed = month(
      "f.first",
      "from (select a.user_id, min(a.graded_at) as first from exam_attempts a join users u on u.id = a.user_id where a.passed = 1 and u.team_id = ? group by a.user_id) f",
    );
    const granted = month(
      "f.first",
      "from (select a.user_id, min(a.granted_at) as first from accreditations a join users u on u.id = a.user_id where a.granted_at is not null and u.team_id = ? group by a.user_id) f",
    );
    expect(d.trends).toHaveLength(12);
    for (const row of d.trends) {
      expect(row.invited).toBe(invited[row.month] ?? 0);
      expect(row.examPassed).toBe(passed[row.month] ?? 0);
      expect(row.accredited).toBe(granted[row.month] ?? 0);
    }
  });
});

describe("organisation-wide figures", () => {
  it("the programme funnel counts every active employee, demo and fixture alike", async () => {
    const now = Date.now();
    const d = await dashboard({ view: "programme", scope: undefined, filters: {}, stalledAfterDays: 14, now: new Date(now) });
    expect(d.funnel.map((r) => r.count)).toEqual(funnelBySql("1", [], now));
    expect(d.accreditations.inForce).toBe(
      one(
        `select count(distinct a.user_id) from accreditations a join user_roles r on r.user_id = a.user_id and r.role = 'employee'
         where a.status in ('granted', 'renewal_requested') and a.valid_until > ? and exists (select 1 from charter_signatures c where c.user_id = a.user_id and c.version = ?)`,
        now,
        charter,
      ),
    );
  });

  it("does not break small groups (fewer than 5) down by level", async () => {
    const d = await dashboard({ view: "programme", scope: undefined, filters: {}, stalledAfterDays: 14 });
    const perLevel = Object.fromEntries(
      (
        sql
          .prepare(
            "select p.level, count(*) as n from users u join user_roles r on r.user_id = u.id and r.role = 'employee' join placements p on p.user_id = u.id and p.is_current = 1 where u.active = 1 group by p.level",
          )
          .all() as { level: string; n: number }[]
      ).map((r) => [r.level, r.n]),
    );
    for (const row of d.byLevel.filter((l) => l.level !== null)) {
      const n = perLevel[row.level!] ?? 0;
      expect(row.suppressed).toBe(n > 0 && n < 5);
      expect(row.people).toBe(row.suppressed ? 0 : n);
      if (row.suppressed) expect(row.funnel).toBeNull();
    }
    // The fixture's lone objector makes that group small, unless the demo has four more.
    expect(perLevel.objector! < 5).toBe(d.byLevel.find((l) => l.level === "objector")!.suppressed);
    // The same team view shows it.
    const team = await dashboard({ view: "team", scope: [TEAM_B], filters: {}, stalledAfterDays: 14 });
    expect(team.byLevel.find((l) => l.level === "objector")).toMatchObject({ people: 1, suppressed: false });
    // Filtered to one small level, an organisation-wide view withholds everything.
    if (perLevel.objector! < 5) {
      const small = await dashboard({ view: "programme", scope: undefined, filters: { level: "objector" }, stalledAfterDays: 14 });
      expect(small.withheld).toBe(true);
      expect(small.funnel[0]!.count).toBe(0);
    }
  });

  it("reads the records once while nothing changes, and again after a write (the organisation's after a minute)", async () => {
    const first = await reportPeople(undefined);
    expect(await reportPeople(undefined)).toBe(first);
    sql.prepare("update users set name = name where id = ?").run(idOf("a1"));
    sql
      .prepare(
        "insert into charter_signatures (id, user_id, version, locale, text_hash, signed_name, created_at) values ('rpt-sig-extra', ?, ?, 'fr', ?, 'x', ?)",
      )
      .run(idOf("b2"), charter, "0".repeat(64), Date.now());
    const after = await reportPeople(undefined);
    expect(after).not.toBe(first);
    expect(after.find((p) => p.id === idOf("b2"))!.charterSignedAt).not.toBeNull();
    // With the production setting, the organisation's records are reused for a minute after a write;
    // a team's are read again at once.
    process.env.REPORTS_MAX_AGE_MS = "60000";
    try {
      const team = await reportPeople([TEAM_B]);
      sql.prepare("delete from charter_signatures where id = 'rpt-sig-extra'").run();
      expect(await reportPeople(undefined)).toBe(after);
      const teamAfter = await reportPeople([TEAM_B]);
      expect(teamAfter).not.toBe(team);
      expect(teamAfter.find((p) => p.id === idOf("b2"))!.charterSignedAt).toBeNull();
    } finally {
      process.env.REPORTS_MAX_AGE_MS = "0";
    }
    expect((await reportPeople(undefined)).find((p) => p.id === idOf("b2"))!.charterSignedAt).toBeNull();
  });
});

describe("exam and content analytics", () => {
  it("per item: share right, discrimination, options chosen, against plain SQL", async () => {
    const analytics = await examAnalytics("en");
    const items = fixtureItems();
    for (const itemId of items) {
      const stats = analytics.items.find((i) => i.itemId === itemId)!;
      const key = JSON.stringify([...rightAnswer(itemId)].sort());
      const drawn = one("select count(*) from exam_attempts a, json_each(a.items) j where a.status = 'graded' and json_extract(j.value, '$.id') = ?", itemId);
      const rows = sql
        .prepare("select e.option_ids, a.passed from exam_answers e join exam_attempts a on a.id = e.attempt_id where a.status = 'graded' and e.item_id = ?")
        .all(itemId) as { option_ids: string; passed: number }[];
      const isRight = (ids: string) => JSON.stringify((JSON.parse(ids) as string[]).sort()) === key;
      const right = rows.filter((r) => isRight(r.option_ids)).length;
      expect(stats.answers).toBe(drawn);
      expect(stats.correct).toBe(right);
      expect(stats.shareCorrect).toBeCloseTo(right / drawn, 10);
      const passedDrawn = one(
        "select count(*) from exam_attempts a, json_each(a.items) j where a.status = 'graded' and a.passed = 1 and json_extract(j.value, '$.id') = ?",
        itemId,
      );
      const failedDrawn = drawn - passedDrawn;
      const passedRight = rows.filter((r) => r.passed === 1 && isRight(r.option_ids)).length;
      const failedRight = right - passedRight;
      if (passedDrawn > 0 && failedDrawn > 0) expect(stats.discrimination).toBeCloseTo(passedRight / passedDrawn - failedRight / failedDrawn, 10);
      for (const option of stats.options) {
        expect(option.chosen).toBe(rows.filter((r) => (JSON.parse(r.option_ids) as string[]).includes(option.optionId)).length);
      }
    }
    // The fixture's first two items were missed by both failed attempts only: they separate well.
    expect(analytics.items.find((i) => i.itemId === items[0])!.discrimination).toBeGreaterThan(0);
    // The fourth item was left unanswered once (a14's failed attempt).
    expect(analytics.items.find((i) => i.itemId === items[3])!.unanswered).toBeGreaterThanOrEqual(1);
  });

  it("first-attempt pass rate per level, module completion and the checks failed most", async () => {
    const analytics = await examAnalytics("fr");
    const first = sql
      .prepare(
        `select p.level, count(*) as n, sum(a.passed) as passed from exam_attempts a
         join placements p on p.user_id = a.user_id and p.is_current = 1
         where a.status = 'graded' and a.started_at = (select min(b.started_at) from exam_attempts b where b.user_id = a.user_id)
         group by p.level`,
      )
      .all() as { level: string; n: number; passed: number }[];
    for (const row of first) {
      const shown = analytics.firstAttempts.find((r) => r.level === row.level)!;
      if (row.n < 5) expect(shown.suppressed).toBe(true);
      else expect([shown.attempts, shown.passed]).toEqual([row.n, row.passed]);
    }
    const moduleRow = analytics.modules.find((m) => m.moduleId === "core-code-of-conduct")!;
    expect(moduleRow.started).toBe(one("select count(*) from module_progress where module_id = 'core-code-of-conduct'"));
    expect(moduleRow.completed).toBe(one("select count(*) from module_progress where module_id = 'core-code-of-conduct' and status = 'completed'"));
    const hard = analytics.checks.find((c) => c.checkId === "rpt-check-hard")!;
    expect(hard).toMatchObject({ answers: 3, wrong: 2, people: 1 });
    const easy = analytics.checks.find((c) => c.checkId === "rpt-check-easy")!;
    expect(analytics.checks.indexOf(hard)).toBeLessThan(analytics.checks.indexOf(easy));
  });
});

describe("the pages", () => {
  it("a manager's team dashboard shows their team's figures; another team is a 404; the programme dashboard sends them to their teams", async () => {
    const manager = await signedIn(server, "manager@ambassade.test");
    const data = await routeData(manager, `/reports/team?team=${TEAM_A}`, "routes/reports.team");
    expect(data.status).toBe(200);
    const page = (data.json as { page: { tables: { funnel: { rows: string[][] } } } }).page;
    expect(page.tables.funnel.rows.map((r) => r[1])).toEqual(["17", "14", "12", "10", "9", "7", "4"]);
    expect((await manager.get(`/reports/team?team=${TEAM_B}`)).status).toBe(404);
    const programme = await manager.get("/reports");
    expect(programme.status).toBe(302);
    expect(programme.headers.get("location")).toBe("/reports/team");
    expect((await manager.get("/reports/export?view=programme&table=funnel")).status).toBe(403);
    expect((await manager.get(`/reports/export?view=team&table=funnel&team=${TEAM_B}`)).status).toBe(404);
    // Managers never see exam answers: the analytics are the trainers'.
    expect((await manager.get("/reports/exam")).status).toBe(403);
    expect((await manager.get("/reports/export?view=exam&table=items")).status).toBe(403);
    // Nothing about one person's exam answers in the team dashboard's data.
    const keys = allKeys(data.json);
    for (const key of ["optionIds", "option_ids", "answers", "score", "categoryScores"]) expect(keys.has(key)).toBe(false);
  });

  it("the CSV export holds exactly the rows the page shows, with the filters applied", async () => {
    const manager = await signedIn(server, "manager@ambassade.test");
    const query = `team=${TEAM_A}&level=native&days=21`;
    const data = await routeData(manager, `/reports/team?${query}`, "routes/reports.team");
    const tables = (data.json as { page: { tables: Record<string, { columns: string[]; rows: string[][] }> } }).page.tables;
    for (const table of ["funnel", "stalled", "accreditations", "channels", "trends", "levels", "time", "steps"]) {
      const response = await manager.get(`/reports/export?view=team&${query}&table=${table}&format=csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/csv");
      const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
      expect(rows[0]).toEqual(tables[table]!.columns);
      expect(rows.slice(1)).toEqual(tables[table]!.rows);
    }
    // Natives stalled for more than 21 days: a6, a10, a16, a17 (a8 has waited 20; a2 and a4 are not placed).
    expect(tables.stalled!.rows.map((r) => r[1]).sort()).toEqual(["a6", "a10", "a16", "a17"].map(emailOf).sort());
  });

  it("the full export lists everyone in scope, in CSV and XLSX", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const csv = await admin.get("/reports/export?view=programme&table=people&format=csv");
    expect(csv.status).toBe(200);
    const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, "")) as string[][];
    expect(rows.length - 1).toBe(one("select count(*) from users u join user_roles r on r.user_id = u.id and r.role = 'employee'"));
    expect(rows.some((r) => r[1] === emailOf("a12"))).toBe(true);
    const xlsx = await admin.get(`/reports/export?view=programme&table=people&format=xlsx&team=${TEAM_B}`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(PEOPLE.filter((p) => p.team === TEAM_B).length);
  });

  it("refuses bad filters and unknown tables with a 400, and an unknown team with a 404", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    expect((await admin.get("/reports?from=yesterday")).status).toBe(400);
    expect((await admin.get("/reports?level=expert")).status).toBe(400);
    expect((await admin.get("/reports?from=2026-05-01&to=2026-01-01")).status).toBe(400);
    expect((await admin.get("/reports?days=0")).status).toBe(400);
    expect((await admin.get("/reports?team=nope")).status).toBe(404);
    expect((await admin.get("/reports/export?view=programme&table=secrets")).status).toBe(400);
    expect((await admin.get("/reports/export?view=programme&table=funnel&format=pdf")).status).toBe(400);
  });

  it("admins see the programme in French and English, charts drawn on the server with their tables", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const fr = await (await admin.get("/reports", { "Accept-Language": "fr" })).text();
    expect(fr).toContain("<title>Résultats du programme · Ambassade</title>");
    expect(fr).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Nombre de personnes/);
    expect(fr).not.toContain("<style>:where(.plot");
    const trainer = await signedIn(server, "trainer@ambassade.test");
    const page = await trainer.get("/reports");
    expect(page.status).toBe(200);
    // Trainers read; they send no reminders.
    expect(await page.text()).not.toContain('name="intent" value="remind"');
    const exam = await trainer.get("/reports/exam");
    expect(exam.status).toBe(200);
  });
});

describe("reminders", () => {
  it("a manager sends one to a stalled person of their team: queued in the outbox, audited, then rate-limited", async () => {
    const manager = await signedIn(server, "manager@ambassade.test");
    const path = `/reports/team?team=${TEAM_A}`;
    const sent = await manager.post(path, { intent: "remind", userId: idOf("a6") });
    expect(sent.status).toBe(302);
    const mail = sql.prepare("select kind, to_address, subject from mail_outbox where ref_id = ? and kind = 'reminder'").all(idOf("a6")) as {
      to_address: string;
      subject: string;
    }[];
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to_address).toBe(emailOf("a6"));
    expect(one("select count(*) from audit_log where action = 'reports.reminder_sent' and subject_id = ? and actor_id = 'demo-manager'", idOf("a6"))).toBe(1);
    await flushMail();
    const before = snapshotDatabase();
    const again = await postData(manager, path, "routes/reports.team", { intent: "remind", userId: idOf("a6") });
    expect(again.status).toBe(429);
    expect(again.body.fieldErrors?.form).toBe("reports.nudge.tooSoon");
    // Not stalled (a5 joined two days ago), another team's person, an unknown id: refused, nothing written.
    expect((await postData(manager, path, "routes/reports.team", { intent: "remind", userId: idOf("a5") })).status).toBe(409);
    expect((await postData(manager, path, "routes/reports.team", { intent: "remind", userId: idOf("b2") })).status).toBe(404);
    expect((await postData(manager, path, "routes/reports.team", { intent: "remind", userId: "nobody" })).status).toBe(404);
    expect((await postData(manager, path, "routes/reports.team", {})).status).toBe(400);
    expect(snapshotDatabase()).toBe(before);
  });

  it("two reminders for the same person sent at once: one is queued, the other refused (429)", async () => {
    const manager = await signedIn(server, "manager@ambassade.test");
    const path = `/reports/team?team=${TEAM_A}`;
    const answers = await Promise.all([0, 1, 2, 3].map(() => manager.post(path, { intent: "remind", userId: idOf("a4") })));
    expect(answers.map((a) => a.status).sort()).toEqual([302, 429, 429, 429]);
    expect(one("select count(*) from mail_outbox where ref_id = ? and kind = 'reminder'", idOf("a4"))).toBe(1);
    expect(one("select count(*) from audit_log where action = 'reports.reminder_sent' and subject_id = ?", idOf("a4"))).toBe(1);
  });

  it("trainers cannot send reminders", async () => {
    const trainer = await signedIn(server, "trainer@ambassade.test");
    expect((await trainer.post(`/reports/team?team=${TEAM_A}`, { intent: "remind", userId: idOf("a4") })).status).toBe(403);
  });
});

describe("a renewed accreditation", () => {
  it("counts from its first grant (the audit log's), not from the renewal that rewrote granted_at", async () => {
    const id = "rpt-acc-a15";
    const before = sql.prepare("select granted_at from accreditations where id = ?").get(id) as { granted_at: number };
    const firstGrant = Date.now() - 150 * DAY;
    sql.prepare("update accreditations set granted_at = ? where id = ?").run(Date.now() - 10 * DAY, id);
    sql
      .prepare(
        "insert into audit_log (created_at, action, subject_type, subject_id, from_state, to_state) values (?, 'accreditation.grant', 'accreditation', ?, 'requested', 'granted')",
      )
      .run(firstGrant, id);
    try {
      const record = (await reportPeople([TEAM_A])).find((p) => p.id === idOf("a15"))!;
      expect(record.firstGrantedAt).toBe(one("select min(created_at) from audit_log where subject_id = ? and action = 'accreditation.grant'", id));
    } finally {
      sql.prepare("delete from audit_log where subject_id = ? and action = 'accreditation.grant'").run(id);
      sql.prepare("update accreditations set granted_at = ? where id = ?").run(before.granted_at, id);
    }
  });
});

it("fixture sanity: the charter in force is the one the fixture signed", () => {
  expect(currentCharter()).toBe(charter);
});

describe("the full export, batch by batch", () => {
  it("gives every record in scope once, in order, each with the name, email and team plain SQL gives", async () => {
    const records = await reportPeople(undefined);
    const { count, batches } = await exportPeople(undefined, {}, 7);
    const all = [...batches()];
    expect(all.every((b) => b.length <= 7)).toBe(true);
    const flat = all.flat();
    expect(count).toBe(records.length);
    expect(flat.map((p) => p.id)).toEqual(records.map((p) => p.id));
    const bySql = new Map(
      (
        sql.prepare("select u.id, u.name, u.email, coalesce(t.name, '') as team from users u left join teams t on t.id = u.team_id").all() as {
          id: string;
          name: string;
          email: string;
          team: string;
        }[]
      ).map((r) => [r.id, r]),
    );
    for (const p of flat)
      expect({ name: p.name, email: p.email, team: p.team }).toEqual({
        name: bySql.get(p.id)!.name,
        email: bySql.get(p.id)!.email,
        team: bySql.get(p.id)!.team,
      });
    // With a filter: the records it chooses, no more.
    const native = await exportPeople([TEAM_A], { level: "native" }, 5);
    expect(
      [...native.batches()]
        .flat()
        .map((p) => p.id)
        .sort(),
    ).toEqual(
      records
        .filter((p) => p.teamId === TEAM_A && p.level === "native")
        .map((p) => p.id)
        .sort(),
    );
  });
});

describe("a long list of people who need a nudge", () => {
  it("is paged by 50: every stalled person is on exactly one page, the export holds them all, a page past the last shows the last", async () => {
    const team = "team-rpt-many";
    const ids: string[] = [];
    sql.transaction(() => {
      sql.prepare("insert into teams (id, name) values (?, 'Reports many')").run(team);
      for (let i = 1; i <= 123; i++) {
        const id = `rpt-many-${String(i).padStart(3, "0")}`;
        ids.push(id);
        sql
          .prepare("insert into users (id, email, name, locale, team_id, active, created_at) values (?, ?, ?, 'fr', ?, 1, ?)")
          .run(id, `${id}@reports.test`, `Many ${i}`, team, Date.now() - (20 + i) * DAY);
        sql.prepare("insert into user_roles (user_id, role) values (?, 'employee')").run(id);
      }
    })();
    const admin = await signedIn(server, "admin@ambassade.test");
    type Page = { stalledTotal: number; stalledPage: number; stalledFrom: number; stalledIds: { id: string }[]; tables: { stalled: { rows: string[][] } } };
    const pageOf = async (n: number | string) => (await routeData(admin, `/reports/team?team=${team}&page=${n}`, "routes/reports.team")).json as { page: Page };
    const seen: string[] = [];
    for (const n of [1, 2, 3]) {
      const { page } = await pageOf(n);
      expect(page.stalledTotal).toBe(123);
      expect(page.stalledPage).toBe(n);
      expect(page.stalledFrom).toBe((n - 1) * 50 + 1);
      expect(page.stalledIds).toHaveLength(n < 3 ? 50 : 23);
      expect(page.tables.stalled.rows).toHaveLength(page.stalledIds.length);
      seen.push(...page.stalledIds.map((s) => s.id));
    }
    expect(seen).toHaveLength(123);
    expect([...seen].sort()).toEqual([...ids].sort());
    // Longest stalled first, across pages.
    expect(seen[0]).toBe("rpt-many-123");
    expect(seen[122]).toBe("rpt-many-001");
    // Past the last page: the last; not a number: the first.
    expect((await pageOf(9)).page.stalledPage).toBe(3);
    expect((await pageOf("x")).page.stalledPage).toBe(1);
    // The page links to the next one (filters kept, back to the list) and says which people it shows.
    const html = await (await admin.get(`/reports/team?team=${team}&page=2`)).text();
    expect(html).toContain(`href="/reports/team?team=${team}&amp;page=3#stalled"`);
    expect(html).toContain(`href="/reports/team?team=${team}&amp;page=1#stalled"`);
    expect(html).toMatch(/Personnes 51 à 100 sur 123/);
    // The export holds them all.
    const csv = await (await admin.get(`/reports/export?view=team&table=stalled&team=${team}&format=csv`)).text();
    expect(parseCsv(csv.replace(/^\uFEFF/, ""), { from_line: 2 })).toHaveLength(123);
  });
});
