import { asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { teamManagers, teams, userRoles, users } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { recordAudit } from "./audit.server";

export type TeamRow = { id: string; name: string; memberCount: number; managers: { id: string; name: string }[] };

/** All teams (or only `ids`) with their member count and managers, in two queries. */
export function listTeams(ids?: readonly string[]): TeamRow[] {
  const db = getDb();
  if (ids && ids.length === 0) return [];
  const rows = db
    .select({
      id: teams.id,
      name: teams.name,
      memberCount: sql<number>`(select count(*) from users as member where member.team_id = "teams"."id" and member.active = 1)`,
    })
    .from(teams)
    .where(ids ? inArray(teams.id, [...ids]) : undefined)
    .orderBy(asc(teams.name))
    .all();
  const managerRows = db
    .select({ teamId: teamManagers.teamId, id: users.id, name: users.name })
    .from(teamManagers)
    .innerJoin(users, eq(users.id, teamManagers.userId))
    .where(ids ? inArray(teamManagers.teamId, [...ids]) : undefined)
    .orderBy(asc(users.name))
    .all();
  const byTeam = new Map<string, { id: string; name: string }[]>();
  for (const m of managerRows) {
    const list = byTeam.get(m.teamId) ?? [];
    list.push({ id: m.id, name: m.name });
    byTeam.set(m.teamId, list);
  }
  return rows.map((r) => ({ ...r, managers: byTeam.get(r.id) ?? [] }));
}

export function getTeam(id: string) {
  return getDb().select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, id)).get() ?? null;
}

export function teamOptions() {
  return getDb().select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)).all();
}

function assertNameFree(name: string, exceptId?: string) {
  const other = getDb()
    .select({ id: teams.id })
    .from(teams)
    .where(sql`lower(${teams.name}) = lower(${name})`)
    .get();
  if (other && other.id !== exceptId) throw new InputError({ name: "errors.teamNameTaken" });
}

export function createTeam(actorId: string, name: string): string {
  const id = newId();
  assertNameFree(name);
  getDb().transaction((tx) => {
    tx.insert(teams).values({ id, name }).run();
    recordAudit(tx, { actorId, action: "team.created", subjectType: "team", subjectId: id, toState: name });
  });
  return id;
}

export function renameTeam(actorId: string, id: string, name: string): void {
  const team = getTeam(id);
  if (!team) throw new InputError({ form: "errors.notFound" }, 404);
  assertNameFree(name, id);
  getDb().transaction((tx) => {
    tx.update(teams).set({ name }).where(eq(teams.id, id)).run();
    recordAudit(tx, { actorId, action: "team.renamed", subjectType: "team", subjectId: id, fromState: team.name, toState: name });
  });
}

/** Replaces the managers of a team. Every one of them must hold the manager role. */
export function setTeamManagers(actorId: string, teamId: string, managerIds: string[]): void {
  const team = getTeam(teamId);
  if (!team) throw new InputError({ form: "errors.notFound" }, 404);
  const unique = [...new Set(managerIds)];
  const db = getDb();
  if (unique.length) {
    const valid = db
      .select({ id: userRoles.userId })
      .from(userRoles)
      .where(sql`${userRoles.role} = 'manager' and ${inArray(userRoles.userId, unique)}`)
      .all();
    if (valid.length !== unique.length) throw new InputError({ managers: "errors.notAManager" });
  }
  db.transaction((tx) => {
    const before = tx.select({ userId: teamManagers.userId }).from(teamManagers).where(eq(teamManagers.teamId, teamId)).all();
    tx.delete(teamManagers).where(eq(teamManagers.teamId, teamId)).run();
    if (unique.length)
      tx.insert(teamManagers)
        .values(unique.map((userId) => ({ teamId, userId })))
        .run();
    recordAudit(tx, {
      actorId,
      action: "team.managers",
      subjectType: "team",
      subjectId: teamId,
      fromState: before
        .map((b) => b.userId)
        .sort()
        .join(","),
      toState: unique.sort().join(","),
    });
  });
}
