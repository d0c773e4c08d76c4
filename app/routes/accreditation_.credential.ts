/**
 * GET /accreditation/credential: the signed-in person downloads their latest verifiable credential
 * (Open Badges 3.0, VC-JWT) to keep it or load it into a wallet. 404 when they have none.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "~/auth/guards.server";
import { latestCredentialOf } from "~/models/credential.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const credential = latestCredentialOf(viewer.id);
  if (!credential) throw notFound();
  return new Response(credential.jwt, {
    headers: {
      "Content-Type": "application/jwt; charset=utf-8",
      "Content-Disposition": `attachment; filename="ambassade-credential-${credential.id.slice(0, 8)}.jwt"`,
      "Cache-Control": "private, no-store",
    },
  });
}
