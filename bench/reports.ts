/**
 * The programme results' scenarios (issue 15): the programme dashboard as the bench admin, the team
 * dashboard of the team of 1,000 as its manager (8 connections each, filters rotating), and the full
 * export of everyone, timed once cold (right after the server started, nothing in memory) and once warm.
 */
import type { LoadSpec } from "./load";
import type { SeedManifest } from "./seed";
import type { AppServer } from "./server";

type Common = Pick<LoadSpec, "seconds" | "warmupSeconds" | "pid">;

function rotate<T>(list: readonly T[]): () => T {
  let i = 0;
  return () => list[i++ % list.length]!;
}

export function reportSpecs(server: AppServer, seed: SeedManifest, common: Common): LoadSpec[] {
  const levels = rotate(["", "native", "late_adopter", "reluctant", "objector", "beginner"]);
  const days = rotate(["14", "30", "7"]);
  return [
    {
      name: "programme dashboard (53,000)",
      url: `${server.url}/reports`,
      label: "/reports?level=…",
      connections: 8,
      headers: { cookie: `ambassade_session=${seed.admin.session}` },
      vary: () => ({ path: `/reports?level=${levels()}` }),
      ...common,
    },
    {
      name: "team dashboard (1,000)",
      url: `${server.url}/reports/team`,
      label: "/reports/team?team=…&days=…",
      connections: 8,
      headers: { cookie: `ambassade_session=${seed.manager.session}` },
      vary: () => ({ path: `/reports/team?team=${seed.manager.teamId}&days=${days()}` }),
      ...common,
    },
    {
      // The audit log in sentences (ADR 0031): the newest page, a kind of action, a person by name.
      name: "audit log (sentences, filters)",
      url: `${server.url}/admin/audit`,
      label: "/admin/audit?…",
      connections: 4,
      headers: { cookie: `ambassade_session=${seed.admin.session}` },
      vary: () => ({ path: `/admin/audit?${auditFilters()}` }),
      ...common,
    },
  ];
}

const auditFilters = rotate(["", "action=accreditation.*", "action=accreditation.grant", "person=bench", "from=2026-01-01"]);

export type ExportTiming = { name: string; path: string; status: number; ms: number; bytes: number; rows: number | null };

async function timed(name: string, url: string, cookie: string, countRows: boolean): Promise<ExportTiming> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const body = Buffer.from(await response.arrayBuffer());
  const ms = Math.round(performance.now() - started);
  const rows = countRows
    ? body
        .toString("utf8")
        .split("\n")
        .filter((l) => l.length > 0).length - 1
    : null;
  return { name, path: new URL(url).pathname + new URL(url).search, status: response.status, ms, bytes: body.length, rows };
}

/** One request each: run before the load scenarios, so that the first is cold. */
export async function reportTimings(server: AppServer, seed: SeedManifest): Promise<ExportTiming[]> {
  const admin = `ambassade_session=${seed.admin.session}`;
  const out: ExportTiming[] = [];
  out.push(await timed("full export of everyone, CSV (cold)", `${server.url}/reports/export?view=programme&table=people&format=csv`, admin, true));
  out.push(await timed("programme dashboard, first request (warm records)", `${server.url}/reports`, admin, false));
  out.push(await timed("full export of everyone, CSV (warm)", `${server.url}/reports/export?view=programme&table=people&format=csv`, admin, true));
  out.push(await timed("audit log, CSV export of accreditation decisions", `${server.url}/admin/audit.csv?action=accreditation.*`, admin, true));
  out.push(await timed("full export of everyone, XLSX (warm)", `${server.url}/reports/export?view=programme&table=people&format=xlsx`, admin, false));
  out.push(await timed("exam analytics, first request", `${server.url}/reports/exam`, admin, false));
  return out;
}
