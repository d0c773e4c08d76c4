/**
 * The audit log's rows with the page's filters, as CSV (admins): the same sentences as the page, in the
 * reader's language, with the date in UTC and in the reader's time zone, and the raw action code and
 * subject for tools. Read and written in batches, never held whole.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { describeAudit, listAudit } from "~/models/audit.server";
import { parseAuditQuery } from "~/utils/audit-filters.server";
import { csvResponse } from "~/utils/csv-response.server";
import { formatDate } from "~/utils/dates";
import { readerTimeZone } from "~/utils/shell.server";

const BATCH = 1_000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "audit.view");
  const locale = resolveLocale(request, viewer.locale);
  const t = getT(locale);
  const timeZone = readerTimeZone(request);
  const { filter, errors } = parseAuditQuery(new URL(request.url), timeZone);
  if (errors) {
    const message = Object.values(errors)
      .map((key) => t(key))
      .join("\n");
    return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const columns = [
    t("audit.csv.at"),
    t("audit.csv.localTime", { zone: timeZone }),
    t("audit.csv.actor"),
    t("audit.csv.person"),
    t("audit.csv.action"),
    t("audit.csv.sentence"),
    t("audit.csv.reason"),
    t("audit.csv.code"),
    t("audit.csv.subject"),
  ];
  const rows = (function* () {
    let before = filter.before;
    for (;;) {
      // Newest first, whatever order the page showed.
      const batch = listAudit({ ...filter, order: "desc", after: undefined, before, limit: BATCH });
      for (const row of describeAudit(batch, locale)) {
        yield [
          row.at,
          formatDate(row.at, "dateTime", { language: locale, timeZone }),
          row.actor,
          row.person ?? "",
          row.label,
          row.sentence,
          row.reason ?? "",
          row.action,
          `${row.subjectType}:${row.subjectId}`,
        ];
      }
      if (batch.length < BATCH) return;
      before = batch[batch.length - 1]!.id;
    }
  })();
  return csvResponse("audit", columns, rows);
}
