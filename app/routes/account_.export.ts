/**
 * POST /account/export: the signed-in person downloads everything Ambassade holds about them (a ZIP:
 * readable summary, one JSON per kind of record, their credentials). Audit-logged, so the request is a
 * POST (a read writes nothing). See docs/privacy.md.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { resolveLocale } from "~/i18n/config";
import { exportPersonalData } from "~/models/personal-data.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";

function schema() {
  return z.object({ intent: z.literal("export", { error: "errors.invalidInput" }) });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requireUser(request, context);
    await parseForm(request, schema());
    const { fileName, zip } = await exportPersonalData({ userId: viewer.id, actorId: viewer.id, locale: resolveLocale(request, viewer.locale) });
    return new Response(Buffer.from(zip), {
      headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
    });
  });
}
