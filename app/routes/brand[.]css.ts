import type { LoaderFunctionArgs } from "@remix-run/node";
import { getBrand } from "~/models/brand.server";

/**
 * The organisation's accent colour as a stylesheet (ADR 0030), public: the sign-in page wears it too.
 * Every brand colour of app/styles/app.css derives from `--brand-accent`. The URL names the colour
 * (`?v=1e40af`): when it is the current one the answer is cached for good, otherwise not at all.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { accent } = getBrand();
  const current = new URL(request.url).searchParams.get("v") === accent.slice(1);
  // The value is a validated #rrggbb (app/domain/brand.ts): nothing else can reach this text.
  return new Response(`:root{--brand-accent:${accent}}\n`, {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
