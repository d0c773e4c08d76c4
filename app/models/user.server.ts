import { and, asc, desc, eq, inArray, like, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { ROLES, teams, userRoles, users, type Locale, type Role } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { newId, normalizeEmail } from "~/utils/ids.server";
import { recordAudit } from "./audit.server";
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
  return value
    .split(",")
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r))
    .sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
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

function toPerson(row: {
  id: string;
  email: string;
  name: string;
  active: boolean;
  invited: number;
  teamId: string | null;
  teamName: string | null;
  roles: string | null;
}): PersonRow {
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
  /** The column the list is sorted by (name by default), then by name and id so pages never overlap. */
  sort?: PeopleSort;
  dir?: "asc" | "desc";
};

export const PEOPLE_SORTS = ["name", "email", "team"] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

function peopleOrder(sort: PeopleSort, dir: "asc" | "desc"): SQL[] {
  const by = dir === "desc" ? desc : asc;
  const column = sort === "email" ? users.email : sort === "team" ? sql`coalesce(${teams.name}, '')` : users.name;
  return [by(column), asc(users.name), asc(users.id)];
}

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
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(condition)
      .get()?.n ?? 0;
  const rows = db
    .select(personColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(condition)
    .orderBy(...peopleOrder(query.sort ?? "name", query.dir ?? "asc"))
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
  if (input.roles.length)
    tx.insert(userRoles)
      .values(input.roles.map((role) => ({ userId: id, role })))
      .run();
  return id;
}

/** The error when the change would leave no active administrator. */
function lastAdminError(field = "form"): InputError {
  return new InputError({ [field]: "lifecycle.errors.lastAdmin" }, 409);
}

/**
 * Throws when `userId` is an active admin and no other active admin exists. Call it inside the write
 * transaction that removes the role or deactivates the person (an immediate one), so that two such
 * changes at once cannot both pass.
 */
export function assertNotLastAdmin(tx: Tx, userId: string, field = "form"): void {
  const isActiveAdmin = tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "admin")))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .get();
  if (!isActiveAdmin) return;
  const others = tx
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "admin")))
    .where(and(ne(users.id, userId), eq(users.active, true)))
    .get();
  if ((others?.n ?? 0) === 0) throw lastAdminError(field);
}

/**
 * Changes a person's name, team and roles, in one immediate transaction: removing the admin role
 * from the last active admin is refused (checked inside the write, so two such changes at once
 * cannot both pass).
 */
export function updatePerson(actorId: string, userId: string, changes: { name: string; teamId: string | null; roles: Role[] }): void {
  const db = getDb();
  db.transaction(
    (tx) => {
      const before = tx.select({ teamId: users.teamId, name: users.name, roles: rolesOf }).from(users).where(eq(users.id, userId)).get();
      if (!before) throw new InputError({ form: "errors.notFound" }, 404);
      if (!changes.roles.includes("admin")) assertNotLastAdmin(tx, userId, "roles");
      tx.update(users).set({ name: changes.name.trim(), teamId: changes.teamId }).where(eq(users.id, userId)).run();
      tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
      if (changes.roles.length)
        tx.insert(userRoles)
          .values(changes.roles.map((role) => ({ userId, role })))
          .run();
      const fromRoles = parseRoles(before.roles).join(",");
      const toRoles = [...changes.roles].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)).join(",");
      if (fromRoles !== toRoles) {
        recordAudit(tx, { actorId, action: "person.roles", subjectType: "user", subjectId: userId, fromState: fromRoles, toState: toRoles });
      }
      if (before.teamId !== changes.teamId) {
        recordAudit(tx, { actorId, action: "person.team", subjectType: "user", subjectId: userId, fromState: before.teamId, toState: changes.teamId });
      }
    },
    { behavior: "immediate" },
  );
}

export function setLocale(userId: string, locale: Locale): void {
  getDb().update(users).set({ locale }).where(eq(users.id, userId)).run();
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
