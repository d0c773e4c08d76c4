/**
 * What waits for staff on their home page (issue 16): a manager's pending requests and accreditations
 * about to end, a trainer's reflections to review and content problems, an admin's set-up problems
 * (no SMTP, no APP_URL, demo accounts still present). Words are made here, in the reader's language,
 * from the server strings (`homeSignals.*`): the home page is also a learner's page, whose browser
 * holds only the core strings.
 */
import { like, sql } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { users, type Locale, type Role } from "../../db/schema";
import { scopeFor } from "~/auth/permissions";
import { RENEWAL_WINDOW_DAYS } from "~/domain/accreditation";
import { loadContentLibrary } from "~/content/library.server";
import { getT } from "~/i18n/i18n.server";
import { listPendingRequests, listTeamAccreditations } from "./accreditation-views.server";
import { listPendingReflections } from "./reviews.server";
import { reportPeople, stalledWithNames } from "./reports.server";
import { stalledPeople } from "~/domain/reports";

export type HomeSignal = { id: string; text: string; href: string | null; tone: "todo" | "problem" | "ok" };

/** How many stalled people a manager's home names (the team dashboard lists them all). */
export const HOME_STALLED = 3;
/** The team dashboard's default threshold (its `days` filter): stalled after this many days without moving. */
const STALLED_AFTER_DAYS = 14;
export type HomeSignals = { title: string; items: HomeSignal[] };

const DAY_MS = 24 * 60 * 60 * 1000;

export async function homeSignals(
  viewer: { roles: readonly Role[]; managedTeamIds: readonly string[] },
  locale: Locale,
  now = new Date(),
): Promise<HomeSignals | null> {
  const t = getT(locale);
  const items: HomeSignal[] = [];
  const decide = scopeFor(viewer.roles, "accreditation.decide");
  if (decide) {
    const scope = decide === "all" ? undefined : decide === "team" ? viewer.managedTeamIds : [];
    const pending = listPendingRequests(scope).length;
    const expiring = listTeamAccreditations(scope, now).filter(
      (a) => a.validUntil && a.validUntil.getTime() > now.getTime() && a.validUntil.getTime() - now.getTime() <= RENEWAL_WINDOW_DAYS * DAY_MS,
    ).length;
    if (pending) items.push({ id: "requests", text: t("homeSignals.requests", { count: pending }), href: "/team/requests", tone: "todo" });
    if (expiring) items.push({ id: "expiring", text: t("homeSignals.expiring", { count: expiring }), href: "/team/requests", tone: "todo" });
  }
  // A manager's few people stalled longest, by the team dashboard's definition (app/domain/reports.ts).
  if (scopeFor(viewer.roles, "reports.view") === "team" && viewer.managedTeamIds.length) {
    const stalled = stalledPeople(await reportPeople(viewer.managedTeamIds), now.getTime(), STALLED_AFTER_DAYS);
    for (const person of stalledWithNames(stalled, HOME_STALLED)) {
      items.push({
        id: `stalled-${person.id}`,
        text: t("homeSignals.stalled", { name: person.name, count: person.days, step: t(`homeSignals.nextStep.${person.step}`) }),
        href: "/reports/team",
        tone: "todo",
      });
    }
    if (stalled.length > HOME_STALLED)
      items.push({ id: "stalled-more", text: t("homeSignals.stalledMore", { count: stalled.length - HOME_STALLED }), href: "/reports/team", tone: "todo" });
  }
  if (scopeFor(viewer.roles, "reviews.manage")) {
    const reviews = listPendingReflections({ page: 1, pageSize: 1 }).total;
    if (reviews) items.push({ id: "reviews", text: t("homeSignals.reviews", { count: reviews }), href: "/studio/reviews", tone: "todo" });
  }
  if (scopeFor(viewer.roles, "content.author")) {
    const problems = (await loadContentLibrary()).problems.length;
    if (problems) items.push({ id: "content", text: t("homeSignals.contentProblems", { count: problems }), href: "/studio", tone: "problem" });
  }
  if (scopeFor(viewer.roles, "settings.manage")) {
    if (!process.env.SMTP_URL) items.push({ id: "smtp", text: t("homeSignals.noSmtp"), href: null, tone: "problem" });
    if (!process.env.APP_URL) items.push({ id: "appUrl", text: t("homeSignals.noAppUrl"), href: null, tone: "problem" });
    const demo =
      getDb()
        .select({ n: sql<number>`count(*)` })
        .from(users)
        .where(like(users.id, "demo-%"))
        .get()?.n ?? 0;
    if (demo) items.push({ id: "demo", text: t("homeSignals.demoData", { count: demo }), href: "/people", tone: "problem" });
  }
  const staff = decide || scopeFor(viewer.roles, "reviews.manage") || scopeFor(viewer.roles, "content.author") || scopeFor(viewer.roles, "settings.manage");
  if (!staff) return null;
  if (items.length === 0) items.push({ id: "none", text: t("homeSignals.nothing"), href: null, tone: "ok" });
  return { title: t("homeSignals.title"), items };
}
