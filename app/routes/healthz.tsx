import { pingDatabase } from "~/models/health.server";

/** Liveness and database check for load balancers; public, reveals nothing. */
export async function loader() {
  const ok = pingDatabase();
  return new Response(ok ? "ok" : "database unavailable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
  });
}
