import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/auth/guards.server";
import { MEDIA_FILE, mimeOfMediaFile } from "~/domain/media";
import { getBrand } from "~/models/brand.server";
import { readMediaFile } from "~/models/media.server";

/**
 * The organisation's logo, public (the sign-in page shows it): only the file the setting names, never
 * another upload (those stay behind sign-in at /media). Content-addressed, so cached for good.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const name = params.file ?? "";
  const { logoFile } = getBrand();
  const mime = name === logoFile ? mimeOfMediaFile(name) : null;
  const bytes = mime ? readMediaFile(name) : null;
  if (!mime || !bytes) throw notFound();
  const etag = `"${MEDIA_FILE.exec(name)?.[1] ?? ""}"`;
  const headers = {
    "Content-Type": mime,
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    ETag: etag,
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(bytes), { headers: { ...headers, "Content-Length": String(bytes.length) } });
}
