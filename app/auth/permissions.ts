import type { Role } from "../../db/schema";

/**
 * The one table of what each role may do, and over whom.
 * - "self": only on one's own records;
 * - "team": on people of the teams one manages (the scope is also applied in the queries);
 * - "all": on everyone.
 */
export type Scope = "self" | "team" | "all";

export type Permission =
  | "learn"
  | "team.view"
  | "people.invite"
  | "people.manage"
  | "teams.manage"
  | "placement.override"
  | "placement.reset"
  | "accreditation.decide"
  | "content.author"
  | "reviews.manage"
  | "settings.manage"
  /** Draft, compare and publish charter versions (docs/decisions/0028-charter-in-the-browser.md). */
  | "charter.manage"
  | "audit.view"
  | "api.manage"
  /** The programme's results: dashboards and exports (trainers read them; managers for their teams). */
  | "reports.view"
  /** Sending a reminder to someone who needs a nudge. */
  | "reports.nudge"
  /** A team's chat webhook (Slack, Teams): its managers and admins (ADR 0031). */
  | "team.chat";

export const GRANTS: Record<Role, Partial<Record<Permission, Scope>>> = {
  employee: { learn: "self" },
  trainer: {
    "team.view": "all",
    "placement.override": "all",
    "placement.reset": "all",
    "content.author": "all",
    "reviews.manage": "all",
    "reports.view": "all",
  },
  manager: {
    "team.view": "team",
    "people.invite": "team",
    "placement.override": "team",
    "accreditation.decide": "team",
    "reports.view": "team",
    "reports.nudge": "team",
    "team.chat": "team",
  },
  admin: {
    "team.view": "all",
    "people.invite": "all",
    "people.manage": "all",
    "teams.manage": "all",
    "placement.reset": "all",
    "content.author": "all",
    "settings.manage": "all",
    "charter.manage": "all",
    "audit.view": "all",
    "api.manage": "all",
    "reports.view": "all",
    "reports.nudge": "all",
    "team.chat": "all",
  },
};

const RANK: Record<Scope, number> = { self: 1, team: 2, all: 3 };

/** The widest scope any of the roles grants for a permission, or null when none grants it. */
export function scopeFor(roles: readonly Role[], permission: Permission): Scope | null {
  let best: Scope | null = null;
  for (const role of roles) {
    const scope = GRANTS[role][permission];
    if (scope && (!best || RANK[scope] > RANK[best])) best = scope;
  }
  return best;
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return scopeFor(roles, permission) !== null;
}

/** Whether an actor holding `permission` may act on a person in `targetTeamId`. */
export function canActOn(
  actor: { id: string; roles: readonly Role[]; managedTeamIds: readonly string[] },
  permission: Permission,
  target: { id: string; teamId: string | null },
): boolean {
  const scope = scopeFor(actor.roles, permission);
  if (scope === "all") return true;
  if (scope === "team") return target.teamId !== null && actor.managedTeamIds.includes(target.teamId);
  if (scope === "self") return actor.id === target.id;
  return false;
}
