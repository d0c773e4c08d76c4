/** The issuer of credentials: the organisation's Open Badges 3.0 Profile (public, JSON-LD). */
import { issuerDocument } from "~/models/credential.server";

export async function loader() {
  return new Response(JSON.stringify(issuerDocument()), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
