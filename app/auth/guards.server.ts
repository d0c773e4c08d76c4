/**
 * Every loader and action starts here: who is asking, and may they? Throws a redirect to sign in
 * for anonymous visitors and a 403 response for a signed-in person without the permission.
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import { loadViewer, type Viewer } from "~/models/user.server";
import { scopeFor, type Permission, type Scope } from "./permissions";
import { blankSessionCookie, hasSessionCookie, validateSessionCookie } from "./lucia.server";

export type { Viewer };

async function lookUpViewer(request: Request, context: AppLoadContext): Promise<Viewer | null> {
  const cookie = request.headers.get("Cookie");
  const session = await validateSessionCookie(cookie);
  if (!session) {
    if (hasSessionCookie(cookie)) context.responseCookies.push(blankSessionCookie());
    return null;
  }
  if (session.setCookie) context.responseCookies.push(session.setCookie);
  return loadViewer(session.userId, session.sessionId);
}

export function getViewer(request: Request, context: AppLoadContext): Promise<Viewer | null> {
  context.viewer ??= lookUpViewer(request, context);
  return context.viewer;
}

export async function requireUser(request: Request, context: AppLoadContext): Promise<Viewer> {
  const viewer = await getViewer(request, context);
  if (viewer) return viewer;
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  throw redirect(redirectTo === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(redirectTo)}`);
}

export function forbidden(message = "forbidden"): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "not found"): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export async function requirePermission(request: Request, context: AppLoadContext, permission: Permission): Promise<Viewer & { scope: Scope }> {
  const viewer = await requireUser(request, context);
  const scope = scopeFor(viewer.roles, permission);
  if (!scope) throw forbidden();
  return { ...viewer, scope };
}

/** The teams a viewer's scope covers for a permission: undefined means all teams. */
export function teamScope(viewer: Viewer & { scope: Scope }): readonly string[] | undefined {
  if (viewer.scope === "all") return undefined;
  if (viewer.scope === "team") return viewer.managedTeamIds;
  return viewer.teamId ? [] : [];
}
