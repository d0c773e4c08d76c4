/**
 * `npx tsx bench/report-stages.ts [quick]`: where the programme reports' time goes, stage by stage, in
 * this process's CPU time (meaningful on a loaded machine, unlike wall time): each query that gathers
 * the records, the dashboard's figures, the full export's rows and its CSV. Runs on a copy of the
 * bench's pristine seed (the full one, 53,000 people, unless `quick`). See ADR 0033.
 */
import fs from "node:fs";
import path from "node:path";
import { benchConfig, DATA_DIR } from "./config";
import { copyPristine, ensureSeed } from "./seed";

const quick = process.argv[2] === "quick";
const { file: pristine } = await ensureSeed(benchConfig(quick), console.info);
const db = path.join(DATA_DIR, "stages.db");
copyPristine(pristine, db);
process.env.DATABASE_PATH = db;
process.env.REPORTS_MAX_AGE_MS = "0";

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function stage<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const c = cpu();
  const w = performance.now();
  const out = await fn();
  console.info(`${name.padEnd(48)} cpu ${(cpu() - c).toFixed(0).padStart(6)} ms   wall ${(performance.now() - w).toFixed(0).padStart(6)} ms`);
  return out;
}

const { gatherReportPeople, dashboard, exportPeople, forgetReportRecords } = await import("../app/models/reports.server");
const { peopleTable, formatter } = await import("../app/utils/report-tables.server");
const { accreditedInForce } = await import("../app/domain/reports");
const { getT } = await import("../app/i18n/i18n.server");
const { loadContentLibrary } = await import("../app/content/library.server");
const { stringify } = await import("csv-stringify/sync");

await stage("content library (first load)", () => loadContentLibrary());
for (let round = 1; round <= 2; round++) {
  const people = await stage(`records of everyone (round ${round})`, () => gatherReportPeople(undefined));
  console.info(`  ${people.length} people`);
}
forgetReportRecords();
await stage("programme dashboard, cold (records + figures)", () => dashboard({ view: "programme", scope: undefined, filters: {}, stalledAfterDays: 14 }));
await stage("programme dashboard, warm (figures only)", () => dashboard({ view: "programme", scope: undefined, filters: {}, stalledAfterDays: 14 }));
const everyone = await stage("export: records + names (warm records)", async () => [...(await exportPeople(undefined, {})).batches()].flat());
const f = formatter(getT("fr"), "fr");
const now = Date.now();
const table = peopleTable((p) => accreditedInForce(p, now), f);
const rows = await stage("export: rows as text", () => everyone.map(table.row));
await stage("export: CSV (csv-stringify, batches of 2,000)", () => {
  let bytes = 0;
  for (let i = 0; i < rows.length; i += 2000) bytes += Buffer.byteLength(stringify(rows.slice(i, i + 2000)));
  return bytes;
});
fs.rmSync(db, { force: true });

// The same over HTTP, in the server's CPU time: the export and the dashboards as `npm run bench` requests them.
if (process.argv.includes("--http")) {
  const { startAppServer, cpuTimeMs } = await import("./server");
  const { readFileSync } = await import("node:fs");
  const manifest = JSON.parse(readFileSync(pristine.replace(/\.db$/, ".json"), "utf8")) as {
    admin: { session: string };
    manager: { session: string; teamId: string };
  };
  const httpDb = path.join(DATA_DIR, "stages-http.db");
  copyPristine(pristine, httpDb);
  const server = await startAppServer({
    dbPath: httpDb,
    port: 21_000 + Math.floor(Math.random() * 9_000),
    appDir: path.resolve("."),
    workers: 1,
    env: { REPORTS_MAX_AGE_MS: "60000" },
  });
  try {
    const timed = async (name: string, pathname: string, cookie: string) => {
      const c = cpuTimeMs(server.pid)!;
      const w = performance.now();
      const response = await fetch(`${server.url}${pathname}`, { headers: { cookie } });
      const bytes = (await response.arrayBuffer()).byteLength;
      console.info(
        `${name.padEnd(48)} cpu ${String(Math.round(cpuTimeMs(server.pid)! - c)).padStart(6)} ms   wall ${(performance.now() - w).toFixed(0).padStart(6)} ms  ${response.status} ${bytes} B`,
      );
    };
    const admin = `ambassade_session=${manifest.admin.session}`;
    await timed("HTTP export CSV (cold)", "/reports/export?view=programme&table=people&format=csv", admin);
    await timed("HTTP programme dashboard (warm records)", "/reports", admin);
    await timed("HTTP export CSV (warm)", "/reports/export?view=programme&table=people&format=csv", admin);
    await timed("HTTP export XLSX (warm)", "/reports/export?view=programme&table=people&format=xlsx", admin);
    for (const level of ["native", "beginner", ""]) await timed(`HTTP programme dashboard level=${level || "all"}`, `/reports?level=${level}`, admin);
    await timed("HTTP team dashboard (1,000)", `/reports/team?team=${manifest.manager.teamId}&days=30`, `ambassade_session=${manifest.manager.session}`);
  } finally {
    await server.stop();
    fs.rmSync(httpDb, { force: true });
  }
}
