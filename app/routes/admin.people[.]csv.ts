/** The people CSV export (admins): streamed, never held whole in memory. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { exportPeopleCsv } from "~/models/people-csv.server";
import { isoDay } from "~/utils/dates";
import { readerTimeZone } from "~/utils/shell.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "people.manage");
  const day = isoDay(new Date(), readerTimeZone(request));
  return new Response(await exportPeopleCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ambassade-people-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
