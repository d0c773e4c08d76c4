/**
 * Page titles, "<page> · Ambassade" in the page's language (issue 12, WCAG 2.4.2): each loader of a
 * page returns `title` from here and the route exports `meta = titled` (app/utils/meta.ts). The words
 * are in the server group (`titles.*`), so they add nothing to what the browser downloads.
 */
import type { Locale } from "../../db/schema";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import type { TOptions } from "~/i18n/translate";
import { SITE_NAME } from "./meta";

export type TitleKey =
  | "account"
  | "accreditation"
  | "certificate"
  | "adminApi"
  | "adminAudit"
  | "adminCharter"
  | "adminSettings"
  | "adminTeams"
  | "adminWebhooks"
  | "charter"
  | "diagnostic"
  | "diagnosticStep"
  | "diagnosticClosed"
  | "diagnosticReview"
  | "exam"
  | "examAttempt"
  | "examResult"
  | "forgotPassword"
  | "home"
  | "inbox"
  | "invite"
  | "login"
  | "logout"
  | "person"
  | "personPlacement"
  | "people"
  | "peopleInvite"
  | "placement"
  | "resetPassword"
  | "studio"
  | "studioModule"
  | "studioHistory"
  | "studioReviews"
  | "studioTracks"
  | "teamRequest"
  | "teamRequests"
  | "team"
  | "teams"
  | "track"
  | "trackModule"
  | "verify"
  | "verifyNotFound";

/** "<page> · Ambassade" in `locale`. */
export function pageTitle(locale: Locale, key: TitleKey, values?: TOptions): string {
  return `${getT(locale)(`titles.${key}`, values)} · ${SITE_NAME}`;
}

/** The title in the request's language (the signed-in person's saved language first). */
export function titleFor(request: Request, viewer: { locale?: Locale | null } | null, key: TitleKey, values?: TOptions): string {
  return pageTitle(resolveLocale(request, viewer?.locale), key, values);
}

/** A title already translated elsewhere (an admin page's own heading key), with the site's name. */
export function withSiteName(title: string): string {
  return `${title} · ${SITE_NAME}`;
}
