/**
 * One uploaded file of a multipart form, read within the media size limit whether the client declared
 * its length or streamed the body (issue #13): over it, a 413; a body that is not a readable form, a
 * 400. Shared by the studio's media upload and the organisation's logo.
 */
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { MAX_MEDIA_BYTES } from "~/domain/media";
import { readBodyWithin } from "./body.server";
import { InputError } from "./errors";

/** Room for the multipart envelope (and a few small text fields) around a file at the size limit. */
const ENVELOPE_BYTES = 64 * 1024;

/** The form's fields; `errorField` names the field a refusal is reported on. */
export async function readMultipartForm(request: Request, errorField = "file"): Promise<FormData> {
  const body = await readBodyWithin(request, MAX_MEDIA_BYTES + ENVELOPE_BYTES);
  if (!body) throw new InputError({ [errorField]: "studio.media.errors.tooLarge" }, 413);
  try {
    const bounded = new Request(request.url, { method: "POST", headers: request.headers, body });
    return await unstable_parseMultipartFormData(bounded, unstable_createMemoryUploadHandler({ maxPartSize: MAX_MEDIA_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new InputError({ [errorField]: "studio.media.errors.tooLarge" }, 413);
    throw new InputError({ [errorField]: "errors.invalidInput" });
  }
}

/** Whether a request carries a multipart form (a file upload). */
export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
}
