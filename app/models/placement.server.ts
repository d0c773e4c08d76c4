/**
 * Placements: every level a person was ever given, by the questionnaire or by an override, exactly
 * one of them current. Each transition (questionnaire result, override, reset for a retake) is one
 * function, one transaction, one audit row. Team views read placements in one query per list.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Tx } from "../../db/connection";
import { diagnosticAnswers, placements, ROLES, teams, users, type Locale, type Role } from "../../db/schema";
import { loadContentLibrary, lookupModule } from "~/content/library.server";
import { LEVELS, type Level, type PlacementFact } from "~/domain/placement";
import { retakeStatus, type RetakeStatus } from "~/domain/retake";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { recordAudit } from "./audit.server";
import { notify } from "./notifications.server";
import { preparedQuery } from "./prepared.server";
import { getSetting } from "./settings.server";

export type PlacementSource = "questionnaire" | "override";

export type CurrentPlacement = {
  id: string;
  level: (typeof placements.$inferSelect)["level"];
  source: PlacementSource;
  facts: (typeof placements.$inferSelect)["facts"];
  reason: string | null;
  setByName: string | null;
  retakeAllowed: boolean;
  /** The questionnaire version a questionnaire placement was computed with; null for an override. */
  questionnaireVersion: number | null;
  createdAt: Date;
};

const currentColumns = {
  id: placements.id,
  level: placements.level,
  source: placements.source,
  facts: placements.facts,
  reason: placements.reason,
  setByName: users.name,
  retakeAllowed: placements.retakeAllowed,
  questionnaireVersion: placements.questionnaireVersion,
  createdAt: placements.createdAt,
};

/** `is_current = 1` written literally, so that SQLite can use the partial indexes on current placements. */
const isCurrent = sql`${placements.isCurrent} = 1`;

/** The person's current placement, or null when they have not been placed yet. */
export function getCurrentPlacement(userId: string): CurrentPlacement | null {
  return (
    getDb()
      .select(currentColumns)
      .from(placements)
      .leftJoin(users, eq(users.id, placements.setBy))
      .where(and(eq(placements.userId, userId), isCurrent))
      .get() ?? null
  );
}

/** Whether the person may take the questionnaire now, under the admin's waiting period. */
export function getRetakeStatus(userId: string, now: Date = new Date()): RetakeStatus {
  return retakeStatus(getCurrentPlacement(userId), getSetting("diagnostic.retakeWaitDays"), now);
}

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------

export type PlacementRecord = CurrentPlacement & {
  isCurrent: boolean;
  runId: string | null;
  /** The run's answers (question id → option ids), for questionnaire placements. */
  answers: Record<string, string[]> | null;
};

/** Every placement of a person, newest first, with the answers of the runs behind them (two queries). */
export function placementHistory(userId: string): PlacementRecord[] {
  const db = getDb();
  const rows = db
    .select({ ...currentColumns, isCurrent: placements.isCurrent, runId: placements.runId })
    .from(placements)
    .leftJoin(users, eq(users.id, placements.setBy))
    .where(eq(placements.userId, userId))
    .orderBy(desc(placements.createdAt), desc(placements.isCurrent))
    .all();
  const runIds = rows.map((r) => r.runId).filter((id): id is string => id !== null);
  const answers = new Map<string, Record<string, string[]>>();
  if (runIds.length) {
    const answerRows = db
      .select({ runId: diagnosticAnswers.runId, questionId: diagnosticAnswers.questionId, optionIds: diagnosticAnswers.optionIds })
      .from(diagnosticAnswers)
      .where(inArray(diagnosticAnswers.runId, runIds))
      .all();
    for (const a of answerRows) {
      const run = answers.get(a.runId) ?? {};
      run[a.questionId] = a.optionIds;
      answers.set(a.runId, run);
    }
  }
  return rows.map((r) => ({ ...r, answers: r.runId ? (answers.get(r.runId) ?? null) : null }));
}

// ---------------------------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------------------------

export type NewPlacement = {
  userId: string;
  level: Level;
  source: PlacementSource;
  runId?: string | null;
  scores?: Record<string, number> | null;
  facts: PlacementFact[];
  reason?: string | null;
  setBy?: string | null;
  /** Required for a questionnaire placement (the version it was computed with); ignored for an override. */
  questionnaireVersion?: number | null;
};

/**
 * Makes `placement` the person's current one inside the caller's transaction: the previous current
 * placement stays in the history, no longer current. Writes the audit row (who, from, to, why).
 */
export function replaceCurrentPlacement(tx: Tx, actorId: string | null, placement: NewPlacement, now: Date = new Date()): { id: string; from: Level | null } {
  const before = tx
    .select({ id: placements.id, level: placements.level })
    .from(placements)
    .where(and(eq(placements.userId, placement.userId), isCurrent))
    .get();
  if (before) tx.update(placements).set({ isCurrent: false }).where(eq(placements.id, before.id)).run();
  const id = newId();
  tx.insert(placements)
    .values({
      id,
      userId: placement.userId,
      level: placement.level,
      source: placement.source,
      runId: placement.runId ?? null,
      scores: placement.scores ?? null,
      facts: placement.facts,
      reason: placement.reason ?? null,
      setBy: placement.setBy ?? null,
      questionnaireVersion: placement.source === "questionnaire" ? questionnaireVersionOf(placement) : null,
      isCurrent: true,
      retakeAllowed: false,
      createdAt: now,
    })
    .run();
  recordAudit(tx, {
    actorId,
    action: placement.source === "override" ? "placement.overridden" : "placement.questionnaire",
    subjectType: "user",
    subjectId: placement.userId,
    fromState: before?.level ?? null,
    toState: placement.level,
    reason: placement.reason ?? null,
    data: {
      placementId: id,
      previousPlacementId: before?.id ?? null,
      runId: placement.runId ?? null,
      ...(placement.source === "questionnaire" ? { questionnaireVersion: placement.questionnaireVersion ?? null } : {}),
    },
  });
  return { id, from: before?.level ?? null };
}

function questionnaireVersionOf(placement: NewPlacement): number {
  if (placement.questionnaireVersion == null) throw new Error("a questionnaire placement needs the questionnaire's version");
  return placement.questionnaireVersion;
}

/**
 * Whether a placement was made with an earlier questionnaire than the one in force: the person keeps
 * the level, and the page says so next to the facts of the time (ADR 0027).
 */
export function placedWithEarlierQuestionnaire(
  placement: { source: PlacementSource; questionnaireVersion: number | null },
  currentVersion: number | null,
): boolean {
  return placement.source === "questionnaire" && currentVersion !== null && (placement.questionnaireVersion ?? 1) < currentVersion;
}

/** Who an actor may act on: one person, looked up within the teams of their scope (undefined: everyone). */
export type PlacementSubject = { id: string; name: string; email: string; teamId: string | null; teamName: string | null; active: boolean };

export function findPlacementSubject(userId: string, teamIds: readonly string[] | undefined): PlacementSubject | null {
  if (teamIds && teamIds.length === 0) return null;
  const where: SQL[] = [eq(users.id, userId)];
  if (teamIds) where.push(inArray(users.teamId, [...teamIds]));
  return (
    getDb()
      .select({ id: users.id, name: users.name, email: users.email, teamId: users.teamId, teamName: teams.name, active: users.active })
      .from(users)
      .leftJoin(teams, eq(teams.id, users.teamId))
      .where(and(...where))
      .get() ?? null
  );
}

export const OVERRIDE_REASON_MAX = 500;

/**
 * A trainer or manager sets a person's level, with a reason the person will read. `teamIds` is the
 * actor's scope for placement.override (undefined: everyone); outside it the person is "not found".
 */
export function overridePlacement(
  actor: { id: string; teamIds: readonly string[] | undefined },
  userId: string,
  input: { level: string; reason: string },
  now: Date = new Date(),
): { id: string; from: Level | null; level: Level } {
  // Nobody sets their own level: that is what the questionnaire, a trainer or their manager is for.
  if (actor.id === userId) throw new InputError({ form: "diagnostic.errors.selfOverride" }, 403);
  const reason = input.reason.trim();
  const level = LEVELS.find((l) => l === input.level);
  const errors: Record<string, string> = {};
  if (!level) errors.level = "diagnostic.errors.levelInvalid";
  if (!reason) errors.reason = "errors.required";
  else if (reason.length > OVERRIDE_REASON_MAX) errors.reason = "errors.tooLong";
  if (!level || Object.keys(errors).length) throw new InputError(errors);
  return getDb().transaction((tx) => {
    if (!subjectInScope(tx, userId, actor.teamIds)) throw new InputError({ form: "errors.notFound" }, 404);
    const placed = replaceCurrentPlacement(tx, actor.id, { userId, level, source: "override", facts: [], reason, setBy: actor.id }, now);
    const by = tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)).get();
    notify(tx, [{ userId, kind: "placement_overridden", params: { by: by?.name ?? "", level, reason }, link: "/placement" }], now);
    return { ...placed, level };
  });
}

/**
 * A trainer lets a person retake the questionnaire before the waiting period ends. Refused (409) when
 * the person has no placement (they may take it anyway) or was already reset.
 */
export function allowRetake(actor: { id: string; teamIds: readonly string[] | undefined }, userId: string): void {
  getDb().transaction((tx) => {
    if (!subjectInScope(tx, userId, actor.teamIds)) throw new InputError({ form: "errors.notFound" }, 404);
    const current = tx
      .select({ id: placements.id, level: placements.level, retakeAllowed: placements.retakeAllowed })
      .from(placements)
      .where(and(eq(placements.userId, userId), isCurrent))
      .get();
    if (!current) throw new InputError({ form: "diagnostic.errors.resetNotPlaced" }, 409);
    if (current.retakeAllowed) throw new InputError({ form: "diagnostic.errors.resetAlready" }, 409);
    tx.update(placements).set({ retakeAllowed: true }).where(eq(placements.id, current.id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "placement.reset",
      subjectType: "user",
      subjectId: userId,
      fromState: current.level,
      toState: current.level,
      data: { placementId: current.id },
    });
  });
}

function subjectInScope(tx: Tx, userId: string, teamIds: readonly string[] | undefined): boolean {
  if (teamIds && teamIds.length === 0) return false;
  const where: SQL[] = [eq(users.id, userId)];
  if (teamIds) where.push(inArray(users.teamId, [...teamIds]));
  return Boolean(
    tx
      .select({ id: users.id })
      .from(users)
      .where(and(...where))
      .get(),
  );
}

// ---------------------------------------------------------------------------------------------
// Team views
// ---------------------------------------------------------------------------------------------

export type LevelCount = { level: Level | null; count: number };

const levelCountsQuery = preparedQuery((db) =>
  db
    .select({ level: placements.level, count: sql<number>`count(*)` })
    .from(users)
    .leftJoin(placements, and(eq(placements.userId, users.id), isCurrent))
    .where(and(eq(users.teamId, sql.placeholder("teamId")), eq(users.active, true)))
    .groupBy(placements.level)
    .prepare(),
);

/** How many active members of a team are at each level (null: not placed yet), in one query. */
export function teamLevelDistribution(teamId: string): LevelCount[] {
  const rows = levelCountsQuery().all({ teamId });
  const counts = new Map(rows.map((r) => [r.level, Number(r.count)]));
  return [...LEVELS.map((level) => ({ level, count: counts.get(level) ?? 0 })), { level: null, count: counts.get(null) ?? 0 }];
}

export type TeamMemberRow = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  invited: boolean;
  roles: Role[];
  level: Level | null;
  source: PlacementSource | null;
  setByName: string | null;
  placedAt: Date | null;
};

const setter = alias(users, "setter");

const teamMemberColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  active: users.active,
  invited: sql<number>`${users.passwordHash} is null`,
  roles: sql<string | null>`(select group_concat(role) from user_roles where user_roles.user_id = "users"."id")`,
  level: placements.level,
  source: placements.source,
  setByName: setter.name,
  placedAt: placements.createdAt,
};

// The team page's two reads, compiled once (the page is a manager's everyday view of up to 1,000 people).
const teamPageQuery = preparedQuery((db) =>
  db
    .select(teamMemberColumns)
    .from(users)
    .leftJoin(placements, and(eq(placements.userId, users.id), isCurrent))
    .leftJoin(setter, eq(setter.id, placements.setBy))
    .where(eq(users.teamId, sql.placeholder("teamId")))
    .orderBy(asc(users.name), asc(users.id))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare(),
);

const teamSizeQuery = preparedQuery((db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(eq(users.teamId, sql.placeholder("teamId")))
    .prepare(),
);

/** The columns a team's member list sorts by (the page's `?sort=`), the name breaking ties. */
export const TEAM_MEMBER_SORTS = ["name", "email", "level"] as const;
export type TeamMemberSort = (typeof TEAM_MEMBER_SORTS)[number];
/** The level filter: one level, or `none` for the members not placed yet. */
export const TEAM_MEMBER_LEVEL_FILTERS = [...LEVELS, "none"] as const;
export type TeamMemberLevelFilter = (typeof TEAM_MEMBER_LEVEL_FILTERS)[number];

export type TeamMemberQuery = {
  teamId: string;
  page: number;
  pageSize: number;
  sort?: TeamMemberSort;
  dir?: "asc" | "desc";
  /** Part of a name or an email. */
  search?: string;
  level?: TeamMemberLevelFilter;
};

function teamMemberOrder(sort: TeamMemberSort, dir: "asc" | "desc"): SQL[] {
  const by = dir === "desc" ? desc : asc;
  // Levels in the model's order (native … beginner), the members not placed yet last in ascending order.
  const levelRank = sql`case ${placements.level} ${sql.join(
    LEVELS.map((level, index) => sql`when ${level} then ${index}`),
    sql` `,
  )} else ${LEVELS.length} end`;
  const column = sort === "email" ? users.email : sort === "level" ? levelRank : users.name;
  return [by(column), asc(users.name), asc(users.id)];
}

/** A filtered or re-ordered page of a team's members (the default page is the prepared query above). */
function filteredTeamMembers(query: TeamMemberQuery) {
  const where: SQL[] = [eq(users.teamId, query.teamId)];
  const search = query.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(or(sql`${users.name} like ${pattern} escape '\\'`, sql`${users.email} like ${pattern} escape '\\'`)!);
  }
  if (query.level === "none") where.push(sql`${placements.level} is null`);
  else if (query.level) where.push(eq(placements.level, query.level));
  const condition = and(...where);
  const db = getDb();
  const from = () =>
    db
      .select(teamMemberColumns)
      .from(users)
      .leftJoin(placements, and(eq(placements.userId, users.id), isCurrent))
      .leftJoin(setter, eq(setter.id, placements.setBy));
  const rows = from()
    .where(condition)
    .orderBy(...teamMemberOrder(query.sort ?? "name", query.dir ?? "asc"))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .leftJoin(placements, and(eq(placements.userId, users.id), isCurrent))
      .where(condition)
      .get()?.n ?? 0;
  return { rows, total };
}

/** One page of a team's members with their current placement and the team's size, in one query. */
export function listTeamMembers(query: TeamMemberQuery): { rows: TeamMemberRow[]; total: number } {
  const plain = (query.sort ?? "name") === "name" && (query.dir ?? "asc") === "asc" && !query.search?.trim() && !query.level;
  const { rows, total } = plain
    ? {
        rows: teamPageQuery().all({ teamId: query.teamId, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
        // Counted apart (one lookup in users_team_idx): a `count(*) over ()` column would make SQLite build
        // every member's row, roles included, before the LIMIT; without it the index yields just one page.
        total: teamSizeQuery().get({ teamId: query.teamId })?.n ?? 0,
      }
    : filteredTeamMembers(query);
  return {
    total,
    rows: rows.map(({ invited, roles, ...row }) => ({
      ...row,
      invited: Boolean(invited),
      roles: (roles ?? "")
        .split(",")
        .filter((r): r is Role => (ROLES as readonly string[]).includes(r))
        .sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// What a level's track contains
// ---------------------------------------------------------------------------------------------

/** `locale` is the language of the title: the other one when the module is not translated yet. */
export type TrackModuleTitle = { id: string; title: string | null; locale: Locale | null };

/**
 * The modules a level's track will contain (common core, then the level's own), with their titles in
 * the reader's language (or the other one, flagged). Null when the tracks file is invalid; a module
 * that is unavailable has a null title.
 */
export async function trackOutline(level: Level, locale: Locale): Promise<{ core: TrackModuleTitle[]; level: TrackModuleTitle[] } | null> {
  const library = await loadContentLibrary();
  if (!library.tracks) return null;
  const title = (id: string): TrackModuleTitle => {
    const found = lookupModule(library, id, locale);
    return { id, title: found?.module.title ?? null, locale: found?.locale ?? null };
  };
  return { core: library.tracks.core.map(title), level: library.tracks.levels[level].map(title) };
}
