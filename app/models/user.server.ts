import { and, asc, eq, inArray, like, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { ROLES, sessions, teams, userRoles, users, type Locale, type Role } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { newId, normalizeEmail } from "~/utils/ids.server";
import { recordAudit, type AuditSource } from "./audit.server";
import { preparedQuery } from "./prepared.server";

export type Viewer = {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  teamId: string | null;
  teamName: string | null;
  roles: Role[];
  managedTeamIds: string[];
  sessionId: string;
};

const rolesOf = sql<string | null>`(select group_concat(role) from user_roles where user_roles.user_id = "users"."id")`;

function parseRoles(value: string | null): Role[] {
  if (!value) return [];
  return value.split(",").filter((r): r is Role => (ROLES as readonly string[]).includes(r)).sort(
    (a, b) => ROLES.indexOf(a) - ROLES.indexOf(b),
  );
}

/** The signed-in person with their roles and managed teams, in one query. */
const viewerQuery = preparedQuery((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      teamId: users.teamId,
      teamName: teams.name,
      active: users.active,
      roles: rolesOf,
      managed: sql<string | null>`(select group_concat(team_id) from team_managers where team_managers.user_id = "users"."id")`,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare(),
);

export function loadViewer(userId: string, sessionId: string): Viewer | null {
  const row = viewerQuery().get({ userId });
  if (!row || !row.active) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    teamId: row.teamId,
    teamName: row.teamName,
    roles: parseRoles(row.roles),
    managedTeamIds: row.managed ? row.managed.split(",") : [],
    sessionId,
  };
}

export function findUserByEmail(email: string) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, active: users.active, locale: users.locale })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
}

export type PersonRow = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  invited: boolean;
  teamId: string | null;
  teamName: string | null;
  roles: Role[];
};

const personColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  active: users.active,
  invited: sql<number>`${users.passwordHash} is null`,
  teamId: users.teamId,
  teamName: teams.name,
  roles: rolesOf,
};

function toPerson(row: { id: string; email: string; name: string; active: boolean; invited: number; teamId: string | null; teamName: string | null; roles: string | null }): PersonRow {
  return { ...row, invited: Boolean(row.invited), roles: parseRoles(row.roles) };
}

export function getPerson(id: string): PersonRow | null {
  const row = getDb().select(personColumns).from(users).leftJoin(teams, eq(teams.id, users.teamId)).where(eq(users.id, id)).get();
  return row ? toPerson(row) : null;
}

export type PeopleQuery = {
  search?: string;
  /** Restricts the list to these teams (a manager's scope); undefined means everyone. */
  teamIds?: readonly string[];
  teamId?: string;
  page: number;
  pageSize: number;
};

export function listPeople(query: PeopleQuery): { rows: PersonRow[]; total: number } {
  const where: SQL[] = [];
  if (query.teamIds) {
    if (query.teamIds.length === 0) return { rows: [], total: 0 };
    where.push(inArray(users.teamId, [...query.teamIds]));
  }
  if (query.teamId) where.push(eq(users.teamId, query.teamId));
  const search = query.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(or(like(users.name, pattern), like(users.email, pattern))!);
  }
  const condition = where.length ? and(...where) : undefined;
  const db = getDb();
  const total = db.select({ n: sql<number>`count(*)` }).from(users).where(condition).get()?.n ?? 0;
  const rows = db
    .select(personColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(condition)
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  return { rows: rows.map(toPerson), total };
}

type NewUser = { email: string; name: string; teamId: string | null; roles: Role[]; passwordHash?: string | null; locale?: Locale | null };

/** Creates a person with their roles. Runs inside the caller's transaction. */
export function insertUser(tx: Tx, input: NewUser): string {
  const id = newId();
  const email = normalizeEmail(input.email);
  const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (existing) throw new InputError({ email: "errors.emailTaken" });
  tx.insert(users)
    .values({ id, email, name: input.name.trim(), teamId: input.teamId, passwordHash: input.passwordHash ?? null, locale: input.locale ?? null })
    .run();
  if (input.roles.length) tx.insert(userRoles).values(input.roles.map((role) => ({ userId: id, role }))).run();
  return id;
}

export function updatePerson(
  actorId: string,
  userId: string,
  changes: { name: string; teamId: string | null; roles: Role[] },
): void {
  const db = getDb();
  db.transaction((tx) => {
    const before = tx.select({ teamId: users.teamId, name: users.name, roles: rolesOf }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new InputError({ form: "errors.notFound" }, 404);
    tx.update(users).set({ name: changes.name.trim(), teamId: changes.teamId }).where(eq(users.id, userId)).run();
    tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
    if (changes.roles.length) tx.insert(userRoles).values(changes.roles.map((role) => ({ userId, role }))).run();
    const fromRoles = parseRoles(before.roles).join(",");
    const toRoles = [...changes.roles].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)).join(",");
    if (fromRoles !== toRoles) {
      recordAudit(tx, { actorId, action: "person.roles", subjectType: "user", subjectId: userId, fromState: fromRoles, toState: toRoles });
    }
    if (before.teamId !== changes.teamId) {
      recordAudit(tx, { actorId, action: "person.team", subjectType: "user", subjectId: userId, fromState: before.teamId, toState: changes.teamId });
    }
  });
}

/**
 * Deactivating ends every session of the person at once, in the same transaction. The one way to
 * (de)activate a person, whoever asks: an admin, SCIM provisioning, a CSV import (`source` says which,
 * in the audit row). Inside a caller's transaction it runs as a savepoint of it.
 */
export function setActive(actorId: string | null, userId: string, active: boolean, source?: AuditSource): void {
  getDb().transaction((tx) => {
    const before = tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
    if (!before) throw new InputError({ form: "errors.notFound" }, 404);
    if (before.active === active) return;
    tx.update(users).set({ active, deactivatedAt: active ? null : new Date() }).where(eq(users.id, userId)).run();
    if (!active) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    recordAudit(tx, {
      actorId,
      action: active ? "person.reactivated" : "person.deactivated",
      subjectType: "user",
      subjectId: userId,
      fromState: before.active ? "active" : "inactive",
      toState: active ? "active" : "inactive",
      data: source ? { source } : null,
    });
  });
}

export function setLocale(userId: string, locale: Locale): void {
  getDb().update(users).set({ locale }).where(eq(users.id, userId)).run();
}

export function setPasswordHash(userId: string, passwordHash: string): void {
  getDb().update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
}

export function peopleWithRole(role: Role) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, role)))
    .where(eq(users.active, true))
    .orderBy(asc(users.name))
    .all();
}
