/**
 * SCIM provisioning's data: people as SCIM Users and teams as SCIM Groups (one team per person, so
 * adding a person to a group moves them to that team). Every change runs in one transaction with its
 * audit rows, whose `source` names the SCIM token. Deactivation goes through the user model's one
 * (de)activation function. Rules and parsing: app/domain/scim.ts.
 */
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { teams, userRoles, users } from "../../db/schema";
import {
  ScimError,
  type GroupChange,
  type GroupInput,
  type PatchOperation,
  type ScimFilter,
  type ScimPerson,
  applyUserPatch,
  groupChanges,
} from "~/domain/scim";
import { newId } from "~/utils/ids.server";
import { recordAudit, type AuditSource } from "./audit.server";
import { deactivatePerson, reactivatePerson } from "./leaver.server";

export type ScimActor = { tokenId: string; tokenName: string };

const sourceOf = (actor: ScimActor): AuditSource => ({ kind: "scim", tokenId: actor.tokenId, tokenName: actor.tokenName });

/**
 * The single place SCIM (de)activates someone: the leaver path every source shares (ends sessions,
 * suspends accreditations with "left the organisation", queues their webhooks; see leaver.server.ts).
 * Inside the caller's transaction it runs as a savepoint of it.
 */
function provisioningSetActive(actor: ScimActor, userId: string, active: boolean): void {
  const input = { userId, actor: { id: null }, source: { kind: "scim" as const, label: actor.tokenName } };
  if (active) reactivatePerson(input);
  else deactivatePerson(input);
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

// ─────────────────────────────── Users ───────────────────────────────

const userColumns = {
  id: users.id,
  email: users.email,
  userName: users.userName,
  externalId: users.externalId,
  name: users.name,
  givenName: users.givenName,
  familyName: users.familyName,
  active: users.active,
  locale: users.locale,
  teamId: users.teamId,
  teamName: teams.name,
  createdAt: users.createdAt,
  deactivatedAt: users.deactivatedAt,
};

export type ScimUserRow = {
  id: string;
  email: string;
  userName: string | null;
  externalId: string | null;
  name: string;
  givenName: string | null;
  familyName: string | null;
  active: boolean;
  locale: "fr" | "en" | null;
  teamId: string | null;
  teamName: string | null;
  createdAt: Date;
  deactivatedAt: Date | null;
};

export function personOf(row: ScimUserRow): ScimPerson {
  return {
    userName: row.userName ?? row.email,
    email: row.email,
    externalId: row.externalId,
    name: row.name,
    givenName: row.givenName,
    familyName: row.familyName,
    active: row.active,
    locale: row.locale,
  };
}

function userFilter(filters: readonly ScimFilter[]): SQL | undefined {
  return filters.length ? and(...filters.map(userCondition)) : undefined;
}

function userCondition(filter: ScimFilter): SQL | undefined {
  const value = filter.value;
  switch (filter.attribute) {
    case "userName": {
      const v = String(value).trim().toLowerCase();
      return or(eq(users.userName, v), and(isNull(users.userName), eq(users.email, v)));
    }
    case "externalId":
      return eq(users.externalId, String(value));
    case "id":
      return eq(users.id, String(value));
    case "emails.value":
    case "emails":
      return eq(users.email, String(value).trim().toLowerCase());
    case "active":
      return eq(users.active, value === true || String(value).toLowerCase() === "true");
    default:
      throw new ScimError(400, `unsupported filter attribute ${filter.attribute}`, "invalidFilter");
  }
}

export const USER_FILTER_ATTRIBUTES = ["userName", "externalId", "id", "emails.value", "emails", "active"] as const;

export function listScimUsers(filters: readonly ScimFilter[], page: { startIndex: number; count: number }): { total: number; rows: ScimUserRow[] } {
  const db = getDb();
  const where = and(isNull(users.scimDeletedAt), userFilter(filters));
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(where)
      .get()?.n ?? 0;
  if (page.count === 0) return { total, rows: [] };
  const rows = db
    .select(userColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(where)
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(page.count)
    .offset(page.startIndex - 1)
    .all();
  return { total, rows };
}

function readUser(tx: Pick<Tx, "select">, id: string): ScimUserRow | undefined {
  return tx
    .select(userColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.id, id), isNull(users.scimDeletedAt)))
    .get();
}

export function getScimUser(id: string): ScimUserRow {
  const row = readUser(getDb(), id);
  if (!row) throw new ScimError(404, `no User with id ${id}`);
  return row;
}

/** Who else holds this email, userName or externalId (SCIM-deleted people included: they may come back). */
function holders(tx: Pick<Tx, "select">, person: ScimPerson) {
  const conditions = [eq(users.email, person.email), eq(users.email, person.userName), eq(users.userName, person.userName), eq(users.userName, person.email)];
  if (person.externalId) conditions.push(eq(users.externalId, person.externalId));
  return tx
    .select({ id: users.id, email: users.email, userName: users.userName, externalId: users.externalId, deletedAt: users.scimDeletedAt })
    .from(users)
    .where(or(...conditions))
    .all();
}

function assertUnique(tx: Pick<Tx, "select">, person: ScimPerson, selfId: string | null) {
  const other = holders(tx, person).find((h) => h.id !== selfId);
  if (!other) return;
  const field = other.externalId && other.externalId === person.externalId ? "externalId" : other.email === person.email ? "email" : "userName";
  throw new ScimError(409, `another person already has this ${field}`, "uniqueness");
}

function columnsOf(person: ScimPerson) {
  return {
    email: person.email,
    userName: person.userName === person.email ? null : person.userName,
    externalId: person.externalId,
    name: person.name,
    givenName: person.givenName,
    familyName: person.familyName,
    locale: person.locale,
  };
}

/** Writes a person's new attributes, audits what changed, then (de)activates through the leaver path. */
function saveUser(tx: Tx, actor: ScimActor, before: ScimUserRow, next: ScimPerson): void {
  const prev = personOf(before);
  const changed = (Object.keys(next) as (keyof ScimPerson)[]).filter((k) => k !== "active" && prev[k] !== next[k]);
  if (changed.length) {
    assertUnique(tx, next, before.id);
    tx.update(users).set(columnsOf(next)).where(eq(users.id, before.id)).run();
    recordAudit(tx, {
      actorId: null,
      action: "person.updated",
      subjectType: "user",
      subjectId: before.id,
      fromState: JSON.stringify(Object.fromEntries(changed.map((k) => [k, prev[k]]))),
      toState: JSON.stringify(Object.fromEntries(changed.map((k) => [k, next[k]]))),
      data: { source: sourceOf(actor) },
    });
  }
  if (prev.active !== next.active) provisioningSetActive(actor, before.id, next.active);
}

function write<T>(run: (tx: Tx) => T): T {
  try {
    return getDb().transaction(run);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ScimError(409, "another resource already has this value", "uniqueness");
    throw error;
  }
}

/**
 * POST /Users. A person the IdP deleted earlier (SCIM DELETE) with the same userName or email comes
 * back: same record, reactivated. Anyone else holding the userName, email or externalId: 409.
 */
export function createScimUser(actor: ScimActor, person: ScimPerson): { row: ScimUserRow; created: boolean } {
  const id = write((tx) => {
    const found = holders(tx, person);
    const returning = found.length === 1 && found[0]!.deletedAt ? found[0]! : null;
    if (!returning && found.length) assertUnique(tx, person, null);
    if (returning) {
      const before = readDeleted(tx, returning.id);
      tx.update(users).set({ scimDeletedAt: null }).where(eq(users.id, returning.id)).run();
      recordAudit(tx, {
        actorId: null,
        action: "person.provisioned",
        subjectType: "user",
        subjectId: returning.id,
        toState: "returned",
        data: { source: sourceOf(actor) },
      });
      saveUser(tx, actor, before, person);
      return returning.id;
    }
    const newUserId = newId();
    tx.insert(users)
      .values({ id: newUserId, ...columnsOf(person), teamId: null, passwordHash: null })
      .run();
    tx.insert(userRoles).values({ userId: newUserId, role: "employee" }).run();
    recordAudit(tx, {
      actorId: null,
      action: "person.provisioned",
      subjectType: "user",
      subjectId: newUserId,
      toState: "active",
      data: { source: sourceOf(actor), email: person.email, userName: person.userName, externalId: person.externalId },
    });
    if (!person.active) provisioningSetActive(actor, newUserId, false);
    return newUserId;
  });
  return { row: getScimUser(id), created: true };
}

function readDeleted(tx: Pick<Tx, "select">, id: string): ScimUserRow {
  return tx.select(userColumns).from(users).leftJoin(teams, eq(teams.id, users.teamId)).where(eq(users.id, id)).get()!;
}

/** PUT /Users/:id: the resource as sent replaces the person's SCIM attributes. */
export function replaceScimUser(actor: ScimActor, id: string, person: ScimPerson): ScimUserRow {
  write((tx) => {
    const before = readUser(tx, id);
    if (!before) throw new ScimError(404, `no User with id ${id}`);
    saveUser(tx, actor, before, person);
  });
  return getScimUser(id);
}

/** PATCH /Users/:id. */
export function patchScimUser(actor: ScimActor, id: string, operations: readonly PatchOperation[]): ScimUserRow {
  write((tx) => {
    const before = readUser(tx, id);
    if (!before) throw new ScimError(404, `no User with id ${id}`);
    saveUser(tx, actor, before, applyUserPatch(personOf(before), operations));
  });
  return getScimUser(id);
}

/**
 * DELETE /Users/:id: the person is deactivated (leaver path) and stops being a SCIM resource. The
 * record stays, for the audit trail and their accreditations' history.
 */
export function deleteScimUser(actor: ScimActor, id: string): void {
  write((tx) => {
    const before = readUser(tx, id);
    if (!before) throw new ScimError(404, `no User with id ${id}`);
    provisioningSetActive(actor, id, false);
    tx.update(users).set({ scimDeletedAt: new Date() }).where(eq(users.id, id)).run();
    recordAudit(tx, {
      actorId: null,
      action: "person.deprovisioned",
      subjectType: "user",
      subjectId: id,
      toState: "deleted",
      data: { source: sourceOf(actor) },
    });
  });
}

// ─────────────────────────────── Groups ───────────────────────────────

export type ScimGroupRow = { id: string; name: string; externalId: string | null; createdAt: Date; members?: { id: string; name: string }[] };

export const GROUP_FILTER_ATTRIBUTES = ["displayName", "externalId", "id", "members.value"] as const;

function groupFilter(filters: readonly ScimFilter[]): SQL | undefined {
  return filters.length ? and(...filters.map(groupCondition)) : undefined;
}

function groupCondition(filter: ScimFilter): SQL | undefined {
  const value = String(filter.value);
  switch (filter.attribute) {
    case "displayName":
      return sql`lower(${teams.name}) = lower(${value})`;
    case "externalId":
      return eq(teams.externalId, value);
    case "id":
      return eq(teams.id, value);
    case "members.value":
      return sql`exists (select 1 from users m where m.team_id = ${teams.id} and m.id = ${value} and m.scim_deleted_at is null)`;
    default:
      throw new ScimError(400, `unsupported filter attribute ${filter.attribute}`, "invalidFilter");
  }
}

function membersOf(teamIds: string[]): Map<string, { id: string; name: string }[]> {
  const out = new Map<string, { id: string; name: string }[]>();
  if (teamIds.length === 0) return out;
  const rows = getDb()
    .select({ teamId: users.teamId, id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.teamId, teamIds), isNull(users.scimDeletedAt)))
    .orderBy(asc(users.name))
    .all();
  for (const r of rows) {
    const list = out.get(r.teamId!) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.teamId!, list);
  }
  return out;
}

export function listScimGroups(
  filters: readonly ScimFilter[],
  page: { startIndex: number; count: number },
  withMembers: boolean,
): { total: number; rows: ScimGroupRow[] } {
  const db = getDb();
  const where = groupFilter(filters);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(teams)
      .where(where)
      .get()?.n ?? 0;
  if (page.count === 0) return { total, rows: [] };
  const rows: ScimGroupRow[] = db
    .select({ id: teams.id, name: teams.name, externalId: teams.externalId, createdAt: teams.createdAt })
    .from(teams)
    .where(where)
    .orderBy(asc(teams.createdAt), asc(teams.id))
    .limit(page.count)
    .offset(page.startIndex - 1)
    .all();
  if (withMembers) {
    const members = membersOf(rows.map((r) => r.id));
    for (const row of rows) row.members = members.get(row.id) ?? [];
  }
  return { total, rows };
}

export function getScimGroup(id: string, withMembers: boolean): ScimGroupRow {
  const row: ScimGroupRow | undefined = getDb()
    .select({ id: teams.id, name: teams.name, externalId: teams.externalId, createdAt: teams.createdAt })
    .from(teams)
    .where(eq(teams.id, id))
    .get();
  if (!row) throw new ScimError(404, `no Group with id ${id}`);
  if (withMembers) row.members = membersOf([id]).get(id) ?? [];
  return row;
}

function assertGroupNameFree(tx: Pick<Tx, "select">, name: string, selfId: string | null) {
  const other = tx
    .select({ id: teams.id })
    .from(teams)
    .where(sql`lower(${teams.name}) = lower(${name})`)
    .get();
  if (other && other.id !== selfId) throw new ScimError(409, `a team is already called ${name}`, "uniqueness");
}

/**
 * Moves people into `teamId` (or out of any team with null). Unknown ids are refused (400) before
 * anything is written. Pending accreditation requests follow the person: managers see the requests
 * of their teams' current members (app/models/accreditation.server.ts, listPendingRequests).
 */
function moveMembers(tx: Tx, actor: ScimActor, ids: readonly string[], teamId: string | null, onlyFrom?: string): number {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return 0;
  const found = tx
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(and(inArray(users.id, unique), isNull(users.scimDeletedAt)))
    .all();
  if (found.length !== unique.length) {
    const missing = unique.find((id) => !found.some((f) => f.id === id));
    throw new ScimError(400, `no User with id ${missing}`, "invalidValue");
  }
  let moved = 0;
  for (const person of found) {
    if (person.teamId === teamId || (onlyFrom !== undefined && person.teamId !== onlyFrom)) continue;
    tx.update(users).set({ teamId }).where(eq(users.id, person.id)).run();
    recordAudit(tx, {
      actorId: null,
      action: "person.team",
      subjectType: "user",
      subjectId: person.id,
      fromState: person.teamId,
      toState: teamId,
      data: { source: sourceOf(actor) },
    });
    moved++;
  }
  return moved;
}

function currentMembers(tx: Pick<Tx, "select">, teamId: string): string[] {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.teamId, teamId), isNull(users.scimDeletedAt)))
    .all()
    .map((r) => r.id);
}

export function createScimGroup(actor: ScimActor, input: GroupInput): ScimGroupRow {
  const id = newId();
  write((tx) => {
    assertGroupNameFree(tx, input.displayName, null);
    if (input.externalId && tx.select({ id: teams.id }).from(teams).where(eq(teams.externalId, input.externalId)).get()) {
      throw new ScimError(409, "another team already has this externalId", "uniqueness");
    }
    tx.insert(teams).values({ id, name: input.displayName, externalId: input.externalId }).run();
    recordAudit(tx, {
      actorId: null,
      action: "team.created",
      subjectType: "team",
      subjectId: id,
      toState: input.displayName,
      data: { source: sourceOf(actor) },
    });
    if (input.members) moveMembers(tx, actor, input.members, id);
  });
  return getScimGroup(id, true);
}

function applyGroupChanges(tx: Tx, actor: ScimActor, id: string, changes: readonly GroupChange[]) {
  const team = tx.select({ name: teams.name, externalId: teams.externalId }).from(teams).where(eq(teams.id, id)).get();
  if (!team) throw new ScimError(404, `no Group with id ${id}`);
  for (const change of changes) {
    switch (change.kind) {
      case "addMembers":
        moveMembers(tx, actor, change.ids, id);
        break;
      case "removeMembers":
        moveMembers(tx, actor, change.ids, null, id);
        break;
      case "replaceMembers": {
        const keep = new Set(change.ids);
        moveMembers(
          tx,
          actor,
          currentMembers(tx, id).filter((m) => !keep.has(m)),
          null,
          id,
        );
        moveMembers(tx, actor, change.ids, id);
        break;
      }
      case "displayName":
        if (change.value !== team.name) {
          assertGroupNameFree(tx, change.value, id);
          tx.update(teams).set({ name: change.value }).where(eq(teams.id, id)).run();
          recordAudit(tx, {
            actorId: null,
            action: "team.renamed",
            subjectType: "team",
            subjectId: id,
            fromState: team.name,
            toState: change.value,
            data: { source: sourceOf(actor) },
          });
          team.name = change.value;
        }
        break;
      case "externalId":
        if (change.value !== team.externalId) {
          tx.update(teams).set({ externalId: change.value }).where(eq(teams.id, id)).run();
          team.externalId = change.value;
        }
        break;
      default: {
        const never: never = change;
        throw new Error(`unknown group change ${JSON.stringify(never)}`);
      }
    }
  }
}

export function patchScimGroup(actor: ScimActor, id: string, operations: readonly PatchOperation[]): void {
  const changes = groupChanges(operations);
  write((tx) => applyGroupChanges(tx, actor, id, changes));
}

export function replaceScimGroup(actor: ScimActor, id: string, input: GroupInput): ScimGroupRow {
  const changes: GroupChange[] = [
    { kind: "displayName", value: input.displayName },
    { kind: "externalId", value: input.externalId },
  ];
  if (input.members) changes.push({ kind: "replaceMembers", ids: input.members });
  write((tx) => applyGroupChanges(tx, actor, id, changes));
  return getScimGroup(id, true);
}

/** DELETE /Groups/:id: the team goes; its members stay, without a team; its managers keep their role. */
export function deleteScimGroup(actor: ScimActor, id: string): void {
  write((tx) => {
    const team = tx.select({ name: teams.name }).from(teams).where(eq(teams.id, id)).get();
    if (!team) throw new ScimError(404, `no Group with id ${id}`);
    moveMembers(tx, actor, currentMembers(tx, id), null, id);
    tx.delete(teams).where(eq(teams.id, id)).run();
    recordAudit(tx, { actorId: null, action: "team.deleted", subjectType: "team", subjectId: id, fromState: team.name, data: { source: sourceOf(actor) } });
  });
}
