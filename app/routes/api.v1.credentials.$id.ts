/**
 * A credential's JSON form with its current status (public). Also what /verify/<id> answers to a
 * client whose Accept header prefers application/json or application/ld+json (app/server/http.ts).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { credentialDocument, getCredentialView } from "~/models/credential.server";
import { ApiError, apiJson, withApiErrors } from "~/utils/api.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public: anyone may check a credential.
  return withApiErrors(request, () => {
    const view = getCredentialView(params.id ?? "");
    if (!view) throw new ApiError("not_found", {}, { Vary: "Accept" });
    // The holder's data was erased: nothing left to show but that (410 Gone).
    if (view === "erased")
      return apiJson(
        { status: "no_longer_available", checkedAt: new Date().toISOString() },
        { status: 410, headers: { Vary: "Accept", "Access-Control-Allow-Origin": "*" } },
      );
    return apiJson(credentialDocument(view), { headers: { Vary: "Accept", "Access-Control-Allow-Origin": "*" } });
  });
}
