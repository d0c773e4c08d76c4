import type { Role } from "../../db/schema";
import { can, type Permission } from "./permissions";

export type NavItem = { to: string; labelKey: string };

/** Role-aware navigation: an entry appears only when its permission is held. Order is display order. */
const NAV: { to: string; labelKey: string; permission: Permission | null }[] = [
  { to: "/home", labelKey: "nav.home", permission: null },
  { to: "/track", labelKey: "nav.myTrack", permission: "learn" },
  { to: "/teams", labelKey: "nav.teams", permission: "team.view" },
  { to: "/people", labelKey: "nav.people", permission: "people.invite" },
  { to: "/admin/teams", labelKey: "nav.adminTeams", permission: "teams.manage" },
  { to: "/admin/audit", labelKey: "nav.audit", permission: "audit.view" },
];

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return NAV.filter((item) => item.permission === null || can(roles, item.permission)).map(({ to, labelKey }) => ({ to, labelKey }));
}
