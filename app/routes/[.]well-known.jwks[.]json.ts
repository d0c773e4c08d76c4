/** The public keys that sign credentials (JWKS), for anyone verifying one. Public. */
import { jwks } from "~/models/credential.server";

export async function loader() {
  return new Response(JSON.stringify(jwks()), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
