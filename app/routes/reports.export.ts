/**
 * Exports of the reports' tables, CSV or XLSX, with the page's filters: the rows the page shows
 * (app/utils/report-tables.server.ts). `view` says which page: programme (organisation-wide: admins,
 * trainers), team (a manager's own teams; any team for admins and trainers), exam (trainers' analytics).
 * The full export of everyone (`table=people`) is written as it is read, never held whole as text.
 */
import { PassThrough, Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/auth/permissions";
import { forbidden, notFound, requirePermission, teamScope } from "~/auth/guards.server";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { examAnalytics } from "~/models/exam-analytics.server";
import { listTeams, teamOptions } from "~/models/team.server";
import { dashboardPage, peopleExport } from "~/utils/report-page.server";
import { DASHBOARD_TABLES, EXAM_TABLES, examTables, formatter, parseFilters, type TextTable } from "~/utils/report-tables.server";
import { z } from "~/utils/forms.server";
import { csvResponse, downloadHeaders as headers } from "~/utils/csv-response.server";

function querySchema() {
  return z.object({
    view: z.enum(["programme", "team", "exam"]),
    table: z.enum([...DASHBOARD_TABLES, ...EXAM_TABLES]),
    format: z.enum(["csv", "xlsx"]).default("csv"),
  });
}

const BATCH = 2_000;

async function xlsxResponse(name: string, sheet: string, columns: string[], rows: Iterable<string[]>): Promise<Response> {
  // exceljs is loaded by the first XLSX export, not by every process at start (ADR 0039).
  const { default: ExcelJS } = await import("exceljs");
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet.slice(0, 31).replace(/[\\/?*[\]:]/g, " "));
  worksheet.addRow(columns).commit();
  void (async () => {
    try {
      let n = 0;
      for (const row of rows) {
        // Counts as numbers, so that the spreadsheet can sum them.
        worksheet.addRow(row.map((cell) => (/^\d+$/.test(cell) && cell.length < 15 ? Number(cell) : cell))).commit();
        if (++n % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      worksheet.commit();
      await workbook.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: headers(name, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // The exam analytics are the content authors' (trainers, admins); the dashboards need reports.view.
  const viewer = await requirePermission(request, context, url.searchParams.get("view") === "exam" ? "content.author" : "reports.view");
  const locale = resolveLocale(request, viewer.locale);
  const t = getT(locale);
  const parsed = querySchema().safeParse({
    view: url.searchParams.get("view") ?? undefined,
    table: url.searchParams.get("table") ?? undefined,
    format: url.searchParams.get("format") ?? undefined,
  });
  if (!parsed.success) return new Response(t("reports.export.badTable"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { view, table, format } = parsed.data;
  const send = (name: string, columns: string[], rows: Iterable<string[]>) =>
    format === "csv" ? csvResponse(name, columns, rows) : xlsxResponse(name, t(`reports.export.tables.${name}`), columns, rows);

  if (view === "exam") {
    if (!(EXAM_TABLES as readonly string[]).includes(table)) return new Response(t("reports.export.badTable"), { status: 400 });
    const tables = examTables(await examAnalytics(locale), formatter(t, locale));
    const chosen: TextTable = tables[table as (typeof EXAM_TABLES)[number]];
    return format === "csv" ? csvResponse(`exam-${table}`, chosen.columns, chosen.rows) : xlsxResponse(`exam-${table}`, table, chosen.columns, chosen.rows);
  }
  if (!(DASHBOARD_TABLES as readonly string[]).includes(table)) return new Response(t("reports.export.badTable"), { status: 400 });
  const filters = parseFilters(url, t);

  // The same scope as the page the link came from.
  let scope: readonly string[] | undefined;
  if (view === "programme") {
    if (viewer.scope !== "all" || !can(viewer.roles, "reports.view")) throw forbidden();
    if (filters.team && !teamOptions().some((team) => team.id === filters.team)) throw notFound();
    scope = filters.team ? [filters.team] : undefined;
  } else {
    if (!can(viewer.roles, "reports.view")) throw forbidden();
    const teams = listTeams(teamScope(viewer)).map((team) => team.id);
    if (filters.team && !teams.includes(filters.team)) throw notFound();
    scope = filters.team ? [filters.team] : viewer.scope === "team" ? teams : teams.slice(0, 1);
  }

  if (table === "people") {
    const { columns, rows } = await peopleExport({ scope, filters, t, locale });
    return send("people", columns, rows);
  }
  const page = await dashboardPage({ view, scope, filters, t, locale, allStalled: table === "stalled" });
  if (page.withheld) return new Response(t("reports.withheld"), { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const chosen = page.tables[table as Exclude<(typeof DASHBOARD_TABLES)[number], "people">];
  return send(table, chosen.columns, chosen.rows);
}
