/**
 * GET /account/export: the signed-in person downloads everything Ambassade holds about them (a ZIP:
 * readable summary, one JSON per kind of record, their credentials). Audit-logged. See docs/privacy.md.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { resolveLocale } from "~/i18n/config";
import { exportPersonalData } from "~/models/personal-data.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const { fileName, zip } = exportPersonalData({ userId: viewer.id, actorId: viewer.id, locale: resolveLocale(request, viewer.locale) });
  return new Response(Buffer.from(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
