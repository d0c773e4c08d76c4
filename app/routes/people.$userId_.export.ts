/**
 * POST /people/<id>/export: an admin downloads everything Ambassade holds about a person (the same ZIP
 * the person gets from their account), whether active, deactivated or erased. Audit-logged.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/i18n/config";
import { exportPersonalData } from "~/models/personal-data.server";
import { getPerson } from "~/models/user.server";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, context, "people.manage");
  const person = getPerson(params.userId ?? "");
  if (!person) throw notFound();
  const { fileName, zip } = exportPersonalData({ userId: person.id, actorId: viewer.id, locale: resolveLocale(request, viewer.locale) });
  return new Response(Buffer.from(zip), {
    headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
}
