import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/auth/guards.server";
import { MEDIA_FILE, mimeOfMediaFile } from "~/domain/media";
import { readMediaFile } from "~/models/media.server";

/**
 * An uploaded image, to signed-in people. Content-addressed (<sha256>.<ext>), so it never changes:
 * cached for a year, immutable. The type comes from the stored name (checked by the bytes at upload),
 * and browsers are told not to guess another.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context);
  const name = params.file ?? "";
  const mime = mimeOfMediaFile(name);
  const bytes = mime ? readMediaFile(name) : null;
  if (!mime || !bytes) throw notFound();
  const etag = `"${MEDIA_FILE.exec(name)?.[1] ?? ""}"`;
  const headers = {
    "Content-Type": mime,
    "Cache-Control": "private, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    ETag: etag,
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(bytes), { headers: { ...headers, "Content-Length": String(bytes.length) } });
}
