/**
 * What the accreditation pages show: a person's road (/accreditation, their home page), their
 * history, the managers' lists and one decision case. Every "may I?" comes from the state machine
 * (`availableTransitions`) and reaches the view as `can: {…}`; every "in force" from `standingProblems`.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "../../db/connection";
import { accreditations, auditLog, users, type Level, type Locale } from "../../db/schema";
import {
  ACCREDITATION_STATUSES,
  PENDING_STATES,
  RULES,
  STATES,
  TRANSITIONS,
  availableTransitions,
  inRenewalWindow,
  isInForce,
  latestValidUntil,
  nextStep,
  personState,
  reasonFrom,
  requestAgainFrom,
  standingProblems,
  statesFrom,
  addMonths,
  type AccreditationState,
  type NextStepKey,
  type PersonState,
  type StateReason,
  type Transition,
} from "~/domain/accreditation";
import type { Eligibility } from "~/domain/eligibility";
import { charterSigned, eligibilityFor, guardFactsFor, type PersonFacts } from "./accreditation-facts.server";
import type { AccreditationRow } from "./accreditation-transition.server";
import { channelLabels, offeredChannels, type Channel } from "./channels.server";
import { examLockedUntil } from "./exam.server";
import { getSetting } from "./settings.server";

type Row = AccreditationRow;

function latestRow(userId: string): Row | null {
  return (
    getDb()
      .select()
      .from(accreditations)
      .where(eq(accreditations.userId, userId))
      .orderBy(desc(accreditations.requestedAt), desc(accreditations.updatedAt))
      .limit(1)
      .get() ?? null
  );
}

export type AccreditationView = {
  id: string;
  status: AccreditationState;
  version: number;
  channels: string[];
  channelLabels: string[];
  requestedChannels: string[];
  requestedChannelLabels: string[];
  statement: string;
  requestedAt: Date;
  grantedAt: Date | null;
  validUntil: Date | null;
  reason: StateReason | null;
  inForce: boolean;
};

function toView(row: Row, inForce: boolean, offered: Channel[]): AccreditationView {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    channels: row.channels,
    channelLabels: channelLabels(row.channels, offered),
    requestedChannels: row.requestedChannels,
    requestedChannelLabels: channelLabels(row.requestedChannels, offered),
    statement: row.statement,
    requestedAt: row.requestedAt,
    grantedAt: row.grantedAt,
    validUntil: row.validUntil,
    reason: reasonFrom(row),
    inForce,
  };
}

export type AccreditationStatus = {
  eligibility: Eligibility;
  level: Level | null;
  accreditation: AccreditationView | null;
  state: PersonState;
  /** What the person may ask for now (from the state machine). */
  can: { request: boolean; requestRenewal: boolean };
  /** After a revocation: when they may ask again (null when they may already, or were never revoked). */
  requestAgainFrom: Date | null;
  next: NextStepKey;
  /** After a failed exam: when it can be taken again (null when it is open now). */
  examOpensAt: Date | null;
  /** Whether the person has completed at least one module (the track's button says "Start" or "Continue"). */
  trackStarted: boolean;
  channels: Channel[];
};

/**
 * The road to accreditation for one person: the checklist, their current (latest) accreditation,
 * what they may do and the next thing to do. Used by /accreditation and the learner's home page.
 */
export async function accreditationStatusFor(userId: string, now = new Date(), locale: Locale = "fr"): Promise<AccreditationStatus> {
  const facts = await eligibilityFor(userId, now, locale);
  const row = latestRow(userId);
  const state = personState(row);
  const offered = offeredChannels();
  const inForce = row ? isInForce(row, now, charterSigned(facts)) : false;
  const guard = guardFactsFor(row, facts, now);
  const available = availableTransitions({ kind: "holder" }, state, guard);
  const lockedUntil = examLockedUntil(userId, now);
  const trackItem = facts.eligibility.checklist.find((c) => c.item === "track");
  const examMet = facts.eligibility.checklist.find((c) => c.item === "exam")?.met ?? false;
  return {
    eligibility: facts.eligibility,
    level: facts.level,
    accreditation: row ? toView(row, inForce, offered) : null,
    state,
    can: { request: available.includes("request"), requestRenewal: available.includes("request_renewal") },
    requestAgainFrom: state === "revoked" ? requestAgainFrom(guard) : null,
    next: nextStep({
      state,
      available,
      inForce,
      inRenewalWindow: inRenewalWindow(row?.validUntil ?? null, now),
      recertified: guard.recertified ?? false,
      unmet: facts.eligibility.next,
      currentReason: guard.currentReason ?? null,
      examLocked: lockedUntil !== null,
      charterUnsigned: !charterSigned(facts),
    }),
    // Said only while the exam is still to pass (after a failure), not after a pass.
    examOpensAt: examMet ? null : lockedUntil,
    trackStarted: trackItem?.item === "track" && trackItem.completed > 0,
    channels: offered,
  };
}

/** The next step alone, for the pages of the road that end on it (placement, track, module, exam, charter). */
export type RoadStep = Pick<AccreditationStatus, "next" | "requestAgainFrom" | "examOpensAt" | "trackStarted">;

export async function roadStepFor(userId: string, now = new Date(), locale: Locale = "fr"): Promise<RoadStep> {
  const { next, requestAgainFrom, examOpensAt, trackStarted } = await accreditationStatusFor(userId, now, locale);
  return { next, requestAgainFrom, examOpensAt, trackStarted };
}

export type HistoryEntry = {
  id: number;
  at: Date;
  action: string;
  fromState: AccreditationState | null;
  toState: AccreditationState | null;
  reason: StateReason | null;
  actorName: string | null;
};

function isState(value: string | null): value is AccreditationState {
  return value !== null && Object.hasOwn(STATES, value);
}

/** The audit rows' reason: structured in `data.reason` since ADR 0015; a manager's words before. */
function historyReason(data: unknown, text: string | null): StateReason | null {
  const stored = (data as { reason?: StateReason } | null)?.reason;
  if (stored && typeof stored === "object" && "kind" in stored) return stored;
  return text ? { kind: "decision", text } : null;
}

/** An audit row about an accreditation, as the history views show it. */
function historyEntry(r: {
  id: number;
  at: Date;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  data: unknown;
  actorName: string | null;
}): HistoryEntry {
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    fromState: isState(r.fromState) ? r.fromState : null,
    toState: isState(r.toState) ? r.toState : null,
    reason: historyReason(r.data, r.reason),
    actorName: r.actorName,
  };
}

/** The audit trail of a person's accreditations, newest first (one query). */
export function accreditationHistory(userId: string, limit = 50): HistoryEntry[] {
  return getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      fromState: auditLog.fromState,
      toState: auditLog.toState,
      reason: auditLog.reason,
      data: auditLog.data,
      actorName: users.name,
    })
    .from(auditLog)
    .innerJoin(accreditations, and(eq(auditLog.subjectType, "accreditation"), eq(auditLog.subjectId, accreditations.id)))
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(accreditations.userId, userId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all()
    .map(historyEntry);
}

// ---------------------------------------------------------------------------------------------
// Managers: the requests and accreditations of their teams
// ---------------------------------------------------------------------------------------------

/** Team scope: undefined = every team; otherwise the teams the viewer manages. */
export type TeamScope = readonly string[] | undefined;

export function scopeCondition(scope: TeamScope) {
  if (scope === undefined) return undefined;
  if (scope.length === 0) return sql`0`;
  return inArray(users.teamId, [...scope]);
}

const caseColumns = {
  row: accreditations,
  name: users.name,
  email: users.email,
  teamId: users.teamId,
  active: users.active,
};

export type CaseSummary = AccreditationView & { userId: string; name: string; email: string };

/** Pending requests (new and renewals) of the people in scope, oldest first, in one query. */
export function listPendingRequests(scope: TeamScope): CaseSummary[] {
  const offered = offeredChannels();
  return getDb()
    .select(caseColumns)
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(and(inArray(accreditations.status, [...PENDING_STATES]), scopeCondition(scope)))
    .orderBy(asc(accreditations.requestedAt))
    .all()
    .map((r) => ({ ...toView(r.row, false, offered), userId: r.row.userId, name: r.name, email: r.email }));
}

/** Rows a manager may still revoke that are not in the pending list. */
const REVOCABLE_NOT_PENDING = statesFrom("revoke").filter((s) => !STATES[s].pending);

/** The states of the managers' list of accreditations in force or suspended (its filter's choices). */
export const TEAM_ACCREDITATION_STATES = REVOCABLE_NOT_PENDING;
/** The columns that list sorts by (the page's `?sort=`). */
export const TEAM_ACCREDITATION_SORTS = ["validUntil", "name", "status"] as const;
export type TeamAccreditationQuery = {
  sort?: (typeof TEAM_ACCREDITATION_SORTS)[number];
  dir?: "asc" | "desc";
  /** Part of a name or an email. */
  search?: string;
  status?: AccreditationState;
};

/**
 * Accreditations of the people in scope that a manager may still revoke, soonest end first (or in the
 * order asked). "In
 * force" here is the row's own standing (`standingProblems` without the charter, not read for lists).
 */
export function listTeamAccreditations(scope: TeamScope, now = new Date(), query: TeamAccreditationQuery = {}): CaseSummary[] {
  const offered = offeredChannels();
  const by = query.dir === "desc" ? desc : asc;
  const sort = query.sort ?? "validUntil";
  const order =
    sort === "name"
      ? [by(users.name), asc(accreditations.validUntil)]
      : sort === "status"
        ? [by(accreditations.status), asc(users.name)]
        : [by(accreditations.validUntil), asc(users.name)];
  const search = query.search?.trim();
  const pattern = search ? `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  return getDb()
    .select(caseColumns)
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(
      and(
        inArray(accreditations.status, query.status ? [query.status] : REVOCABLE_NOT_PENDING),
        scopeCondition(scope),
        pattern ? sql`(${users.name} like ${pattern} escape '\\' or ${users.email} like ${pattern} escape '\\')` : undefined,
      ),
    )
    .orderBy(...order, asc(accreditations.id))
    .all()
    .map((r) => ({ ...toView(r.row, standingProblems(r.row, now).length === 0, offered), userId: r.row.userId, name: r.name, email: r.email }));
}

/** States that are no longer open (declined, expired, revoked): the person's case is closed for now. */
const CLOSED_STATES = ACCREDITATION_STATUSES.filter((s) => !STATES[s].open);

/**
 * People in scope whose latest accreditation is closed (revoked, expired, declined): they stay in the
 * manager's list, most recent change first.
 */
export function listTeamClosedAccreditations(scope: TeamScope, limit = 200): CaseSummary[] {
  const offered = offeredChannels();
  const newer = alias(accreditations, "newer");
  return getDb()
    .select(caseColumns)
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(
      and(
        inArray(accreditations.status, CLOSED_STATES),
        scopeCondition(scope),
        sql`not exists (select 1 from ${accreditations} as ${newer} where ${newer.userId} = ${accreditations.userId} and ${newer.requestedAt} > ${accreditations.requestedAt})`,
      ),
    )
    .orderBy(desc(accreditations.updatedAt))
    .limit(limit)
    .all()
    .map((r) => ({ ...toView(r.row, false, offered), userId: r.row.userId, name: r.name, email: r.email }));
}

/** The audit actions of managers' decisions: the transitions a manager may make (the state table's `by`). */
const MANAGER_DECISIONS = TRANSITIONS.filter((t) => RULES[t].by.includes("manager")).map((t) => `accreditation.${t}`);

export type TeamDecision = HistoryEntry & { person: string; accreditationId: string };

/** The latest managers' decisions on accreditations of people in scope, newest first (one query). */
export function teamDecisionHistory(scope: TeamScope, limit = 50): TeamDecision[] {
  const actor = alias(users, "actor");
  return getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      fromState: auditLog.fromState,
      toState: auditLog.toState,
      reason: auditLog.reason,
      data: auditLog.data,
      actorName: actor.name,
      person: users.name,
      accreditationId: accreditations.id,
    })
    .from(auditLog)
    .innerJoin(accreditations, and(eq(auditLog.subjectType, "accreditation"), eq(auditLog.subjectId, accreditations.id)))
    .innerJoin(users, eq(users.id, accreditations.userId))
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(and(inArray(auditLog.action, MANAGER_DECISIONS), scopeCondition(scope)))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...historyEntry(r), person: r.person, accreditationId: r.accreditationId }));
}

/** Whether an accreditation exists and belongs to someone in scope (for a 404 before anything else). */
export function accreditationInScope(id: string, scope: TeamScope): boolean {
  return Boolean(
    getDb()
      .select({ id: accreditations.id })
      .from(accreditations)
      .innerJoin(users, eq(users.id, accreditations.userId))
      .where(and(eq(accreditations.id, id), scopeCondition(scope)))
      .get(),
  );
}

/** What the manager may do on a case; `grant` is a renewal when `renewal` is true. */
export type ManagerCan = { grant: boolean; decline: boolean; revoke: boolean; reinstate: boolean; reopen: boolean };

function managerCan(available: readonly Transition[]): ManagerCan {
  return {
    grant: available.includes("grant") || available.includes("renew"),
    decline: available.includes("decline"),
    revoke: available.includes("revoke"),
    reinstate: available.includes("reinstate"),
    reopen: available.includes("reopen"),
  };
}

export type DecisionCase = CaseSummary & {
  facts: PersonFacts;
  offered: Channel[];
  active: boolean;
  renewal: boolean;
  can: ManagerCan;
  defaultValidUntil: Date;
  /** The latest end date a grant may have now (setting accreditation.maxValidityMonths). */
  maxValidUntil: Date;
};

/** One accreditation with the evidence a manager decides on; null when missing or out of scope. */
export async function getDecisionCase(id: string, scope: TeamScope, locale: Locale, viewerId: string, now = new Date()): Promise<DecisionCase | null> {
  const r = getDb()
    .select(caseColumns)
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(and(eq(accreditations.id, id), scopeCondition(scope)))
    .get();
  if (!r) return null;
  const offered = offeredChannels();
  const facts = await eligibilityFor(r.row.userId, now, locale);
  const guard = guardFactsFor(r.row, facts, now, r.active);
  // Eligibility is shown as evidence and checked on submission: the grant form stays on the page.
  const available = availableTransitions({ kind: "manager", ownCase: r.row.userId === viewerId }, r.row.status, { ...guard, eligible: true });
  const maxMonths = getSetting("accreditation.maxValidityMonths");
  return {
    ...toView(r.row, isInForce(r.row, now, charterSigned(facts)), offered),
    userId: r.row.userId,
    name: r.name,
    email: r.email,
    active: r.active,
    facts,
    offered,
    renewal: available.includes("renew"),
    can: managerCan(available),
    defaultValidUntil: addMonths(now, Math.min(getSetting("accreditation.validityMonths"), maxMonths)),
    maxValidUntil: latestValidUntil(now, maxMonths),
  };
}
