/**
 * What every page's shell shows (language, flash message, who is signed in, navigation): the root
 * loader's data. Its own module so that the shell's components take their type from it
 * (`ShellData` in app/components/app-shell.tsx) without importing the root route.
 */
import type { AppLoadContext } from "@remix-run/node";
import { getViewer } from "~/auth/guards.server";
import { navigationFor } from "~/auth/navigation";
import { resolveLocale } from "~/i18n/config";
import { unreadCount } from "~/models/notifications.server";
import { consumeFlash } from "./flash.server";

export async function loadShellData(request: Request, context: AppLoadContext) {
  const viewer = await getViewer(request, context);
  const locale = resolveLocale(request, viewer?.locale);
  const flash = await consumeFlash(request, context);
  return {
    locale,
    flash,
    viewer: viewer ? { id: viewer.id, name: viewer.name, email: viewer.email, roles: viewer.roles, teamName: viewer.teamName } : null,
    nav: viewer ? navigationFor(viewer.roles) : [],
    /** Unread notices, for the header's link to /inbox (one indexed count). */
    unread: viewer ? unreadCount(viewer.id) : 0,
  };
}
