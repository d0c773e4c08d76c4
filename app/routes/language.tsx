import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { getViewer } from "~/auth/guards.server";
import { localeCookie } from "~/i18n/config";
import { setLocale } from "~/models/user.server";
import { formToObject, readFormData, z } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/redirect";

function schema() {
  return z.object({ locale: z.enum(["fr", "en"]), redirectTo: z.string().optional() });
}

export async function loader(_: LoaderFunctionArgs) {
  throw redirect("/");
}

/** Open to everyone (the sign-in page has the switch too); remembered per person when signed in. */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = schema().safeParse(formToObject(await readFormData(request).catch(() => new FormData())));
  if (!parsed.success) return new Response("Choose fr or en.", { status: 400 });
  const viewer = await getViewer(request, context);
  if (viewer) setLocale(viewer.id, parsed.data.locale);
  return redirect(safeRedirect(parsed.data.redirectTo, "/"), { headers: { "Set-Cookie": localeCookie(parsed.data.locale) } });
}
