import { checkDatabase } from "~/models/health.server";

/**
 * Liveness and database check for load balancers; public. 200 "ok" when the database reads and takes
 * writes; otherwise 503 with what is wrong (no path, no stack), so the operator knows where to look.
 */
export async function loader() {
  const health = checkDatabase();
  return new Response(health.ok ? "ok" : health.problem, {
    status: health.ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
