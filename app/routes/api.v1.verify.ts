/**
 * POST /api/v1/verify (public): is this credential genuine, and what is its status now?
 * Body: { "credential": "<VC-JWT>" } or { "credential": { …the credential's JSON form… } }.
 * Anything that is not even shaped like a credential is a 400; a genuine-looking one that fails
 * (tampered, unknown key, revoked…) is a 200 with `valid: false` and a reason.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { API_MAX_BODY_BYTES } from "~/domain/gate";
import { verifyPresentedCredential } from "~/models/credential.server";
import { ApiError, apiJson, describeIssues, methodNotAllowed, readJsonBody, withApiErrors } from "~/utils/api.server";
import { z } from "~/utils/forms.server";
import { decodeJwsHeader } from "~/utils/jws.server";

function schema() {
  return z
    .object({
      credential: z.union(
        [
          z
            .string()
            .trim()
            .min(1, "credential is empty")
            .max(32 * 1024, "credential is too long"),
          z.looseObject({ id: z.string({ error: "credential.id must be a string" }).max(2000), type: z.array(z.string()).min(1) }),
        ],
        { error: "credential must be a VC-JWT string or a credential object with an id and a type" },
      ),
    })
    .strict();
}

export async function loader({ request }: LoaderFunctionArgs) {
  return withApiErrors(request, () => {
    throw methodNotAllowed("POST");
  });
}

export async function action({ request }: ActionFunctionArgs) {
  // Public: anyone may check a credential.
  return withApiErrors(request, async () => {
    if (request.method !== "POST") throw methodNotAllowed("POST");
    const body = await readJsonBody(request, API_MAX_BODY_BYTES);
    const parsed = schema().safeParse(body);
    if (!parsed.success) throw new ApiError("invalid_request", { detail: describeIssues(parsed.error) });
    const credential = parsed.data.credential;
    if (typeof credential === "string") {
      // Not a compact JWS, or a header that does not decode: garbage, not a forgery.
      if (!(await decodeJwsHeader(credential))) {
        throw new ApiError("invalid_request", { detail: "credential is not a VC-JWT (header.payload.signature, base64url)" });
      }
      return apiJson(await verifyPresentedCredential({ jwt: credential }));
    }
    return apiJson(await verifyPresentedCredential({ json: credential }));
  });
}
