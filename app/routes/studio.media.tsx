import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guards.server";
import { listMedia, storeMedia } from "~/models/media.server";
import { InputError } from "~/utils/errors";
import { withFormErrors } from "~/utils/forms.server";
import { readMultipartForm } from "~/utils/upload.server";

/** The uploaded images, newest first (for the studio's figure dialog). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "content.author");
  return json({ media: listMedia().map((item) => ({ src: item.src, fileName: item.fileName })) });
}

/**
 * Uploads one image (field `file`). Refused with a 4xx and nothing stored: over 2 MB (413), not a
 * PNG, JPEG, WebP or GIF by its bytes, or named with another type's extension (415).
 */
export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "content.author");
    // The whole body within the limit, declared or chunked: a part limit alone let a chunked upload of
    // many parts grow without bound (issue #13).
    const form = await readMultipartForm(request);
    const file = form.get("file");
    if (!file || typeof file === "string") throw new InputError({ file: "studio.media.errors.empty" });
    const item = storeMedia(viewer.id, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return json({ media: { src: item.src, fileName: item.fileName } });
  });
}
