/**
 * What every page's shell shows (language, flash message, who is signed in, navigation): the root
 * loader's data. Its own module so that the shell's components take their type from it
 * (`ShellData` in app/components/app-shell.tsx) without importing the root route.
 */
import type { AppLoadContext } from "@remix-run/node";
import { getViewer } from "~/auth/guards.server";
import { navigationFor } from "~/auth/navigation";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { brandForShell } from "~/models/brand.server";
import { unreadCount } from "~/models/notifications.server";
import { getSetting } from "~/models/settings.server";
import { readTimeZoneCookie } from "./dates";
import { consumeFlash } from "./flash.server";

export async function loadShellData(request: Request, context: AppLoadContext) {
  const viewer = await getViewer(request, context);
  const locale = resolveLocale(request, viewer?.locale);
  const flash = await consumeFlash(request, context);
  return {
    locale,
    /** The reader's time zone (their browser's, ADR 0022), else the organisation's. */
    timeZone: readerTimeZone(request),
    /**
     * The flash message in words: translated here, so that its key may belong to any group of strings, whichever
     * page it is shown on (the page's own groups need not hold it).
     */
    flash: flash ? { kind: flash.kind, text: getT(locale)(flash.key, flash.params) } : null,
    viewer: viewer ? { id: viewer.id, name: viewer.name, email: viewer.email, roles: viewer.roles, teamName: viewer.teamName } : null,
    nav: viewer ? navigationFor(viewer.roles) : [],
    /** Unread notices, for the header's link to /inbox (one indexed count). */
    unread: viewer ? unreadCount(viewer.id) : 0,
    /** The organisation's accent (a stylesheet) and logo, for every page including sign-in (ADR 0030). */
    brand: brandForShell() as { stylesheet: string | null; logo: string | null } | null,
  };
}

/** The time zone dates are shown in: the browser's (cookie written by entry.client.tsx), else the organisation's setting. */
export function readerTimeZone(request: Request): string {
  return readTimeZoneCookie(request.headers.get("Cookie")) ?? getSetting("organisation.timeZone");
}
