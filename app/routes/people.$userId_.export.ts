/**
 * POST /people/<id>/export: an admin downloads everything Ambassade holds about a person (the same ZIP
 * the person gets from their account), whether active, deactivated or erased. Audit-logged.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/auth/guards.server";
import { resolveLocale } from "~/i18n/config";
import { exportPersonalData } from "~/models/personal-data.server";
import { getPerson } from "~/models/user.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";

function schema() {
  return z.object({ intent: z.literal("export", { error: "errors.invalidInput" }) });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "people.manage");
    const person = getPerson(params.userId ?? "");
    if (!person) throw notFound();
    await parseForm(request, schema());
    const { fileName, zip } = await exportPersonalData({ userId: person.id, actorId: viewer.id, locale: resolveLocale(request, viewer.locale) });
    return new Response(Buffer.from(zip), {
      headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
    });
  });
}
