import type { Role } from "../../db/schema";
import { can, type Permission } from "./permissions";

/** `admin`: grouped under the "Administration" menu, so that the bar stays on one row (ADR 0030). */
export type NavGroup = "main" | "admin";
/** `end`: the link is "current" on its own path only, because another item lives under it (/reports and /reports/exam). */
export type NavItem = { to: string; labelKey: string; group: NavGroup; end: boolean };

/** Role-aware navigation: an entry appears only when its permission is held. Order is display order. */
const NAV: { to: string; labelKey: string; permission: Permission | null }[] = [
  { to: "/home", labelKey: "nav.home", permission: null },
  { to: "/track", labelKey: "nav.myTrack", permission: "learn" },
  { to: "/placement", labelKey: "nav.myLevel", permission: "learn" },
  { to: "/accreditation", labelKey: "accreditation.nav.mine", permission: "learn" },
  { to: "/teams", labelKey: "nav.teams", permission: "team.view" },
  { to: "/people", labelKey: "nav.people", permission: "people.invite" },
  { to: "/team/requests", labelKey: "accreditation.nav.requests", permission: "accreditation.decide" },
  { to: "/reports", labelKey: "reports.nav", permission: "reports.view" },
  { to: "/reports/exam", labelKey: "reports.navExam", permission: "content.author" },
  { to: "/studio", labelKey: "studio.nav", permission: "content.author" },
  { to: "/admin/teams", labelKey: "nav.adminTeams", permission: "teams.manage" },
  { to: "/admin/audit", labelKey: "nav.audit", permission: "audit.view" },
  { to: "/admin/settings", labelKey: "nav.settings", permission: "settings.manage" },
  { to: "/admin/sso", labelKey: "ssoAdmin.nav", permission: "settings.manage" },
  { to: "/admin/charter", labelKey: "accreditation.nav.charterAdmin", permission: "settings.manage" },
  { to: "/admin/privacy", labelKey: "privacyAdmin.nav", permission: "settings.manage" },
  { to: "/admin/api", labelKey: "api.nav", permission: "api.manage" },
  { to: "/admin/provisioning", labelKey: "provisioning.nav", permission: "api.manage" },
];

export function navigationFor(roles: readonly Role[]): NavItem[] {
  const items = NAV.filter((item) => item.permission === null || can(roles, item.permission));
  return items.map(({ to, labelKey }) => ({
    to,
    labelKey,
    group: to.startsWith("/admin/") ? "admin" : "main",
    end: items.some((other) => other.to.startsWith(`${to}/`)),
  }));
}
