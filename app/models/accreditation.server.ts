/**
 * Accreditations: eligibility facts, requests, the decisions of the person's manager (grant, decline,
 * revoke, renew), the time-based jobs (expiry notices, expiries) and the views of the pages.
 * Every state change goes through `applyTransition` (the state machine, optimistic concurrency and an
 * audit row, in one transaction). See docs/decisions/0006-accreditation-state-machine.md.
 */
import { and, asc, desc, eq, inArray, isNull, lte, gt, sql } from "drizzle-orm";
import { getDb, type Tx } from "../../db/connection";
import { accreditations, auditLog, charterSignatures, checkAnswers, moduleProgress, placements, teamManagers, users, type Level, type Locale } from "../../db/schema";
import { loadContentLibrary } from "~/content/library.server";
import {
  PENDING_STATES,
  REASON_MAX,
  RENEWAL_WINDOW_DAYS,
  STATEMENT_MAX,
  STATEMENT_MIN,
  addMonths,
  decide,
  expiryNoticeDue,
  isInForce,
  personState,
  type AccreditationState,
  type PersonState,
} from "~/domain/accreditation";
import { evaluateEligibility, type Eligibility } from "~/domain/eligibility";
import type { ProgressRow } from "~/domain/track";
import { queueExpiryNoticeMail } from "~/mail/templates.server";
import { InputError } from "~/utils/errors";
import { newId } from "~/utils/ids.server";
import { applyTransition, refusalError, type AccreditationRow } from "./accreditation-transition.server";
import { recordAudit } from "./audit.server";
import { getCurrentCharter, latestSignatures } from "./charter.server";
import { examSettings, latestPasses, type PassedAttempt } from "./exam.server";
import { getSetting } from "./settings.server";
import { trackFor } from "./track.server";

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------------

export type Channel = { id: string; label: string };

/** "TikTok" → "tiktok": the id stored with accreditations and used by the posting gate. */
export function channelId(label: string): string {
  return label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** The channels one can be accredited for (setting accreditation.channels), in their order. */
export function offeredChannels(): Channel[] {
  const seen = new Set<string>();
  const out: Channel[] = [];
  for (const label of getSetting("accreditation.channels").split(",")) {
    const trimmed = label.trim();
    const id = channelId(trimmed);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, label: trimmed });
  }
  return out;
}

/** Labels for channel ids, including channels no longer offered (shown as their id). */
export function channelLabels(ids: readonly string[], offered = offeredChannels()): string[] {
  const byId = new Map(offered.map((c) => [c.id, c.label]));
  return ids.map((id) => byId.get(id) ?? id);
}

// ---------------------------------------------------------------------------------------------
// Facts and eligibility (batched: one query per kind of fact, whatever the number of people)
// ---------------------------------------------------------------------------------------------

export type ModuleEvidence = { id: string; title: string; status: string; checksPassed: number; answers: number };

export type PersonFacts = {
  userId: string;
  level: Level | null;
  placementSource: "questionnaire" | "override" | null;
  placementReason: string | null;
  modules: ModuleEvidence[];
  lastPass: PassedAttempt | null;
  signedVersion: string | null;
  signedAt: Date | null;
  currentCharter: string | null;
  eligibility: Eligibility;
};

async function gatherFacts(userIds: readonly string[], now: Date, locale: Locale): Promise<Map<string, PersonFacts>> {
  const out = new Map<string, PersonFacts>();
  if (userIds.length === 0) return out;
  const ids = [...new Set(userIds)];
  const db = getDb();
  const library = await loadContentLibrary();
  const current = (await getCurrentCharter())?.version ?? null;
  const placed = db
    .select({ userId: placements.userId, level: placements.level, source: placements.source, reason: placements.reason })
    .from(placements)
    .where(and(inArray(placements.userId, ids), eq(placements.isCurrent, true)))
    .all();
  const progress = db
    .select({ userId: moduleProgress.userId, moduleId: moduleProgress.moduleId, status: moduleProgress.status, lastSection: moduleProgress.lastSection, completedVersion: moduleProgress.completedVersion })
    .from(moduleProgress)
    .where(inArray(moduleProgress.userId, ids))
    .all();
  const checks = db
    .select({ userId: checkAnswers.userId, moduleId: checkAnswers.moduleId, answers: sql<number>`count(*)`, passed: sql<number>`sum(${checkAnswers.correct})` })
    .from(checkAnswers)
    .where(inArray(checkAnswers.userId, ids))
    .groupBy(checkAnswers.userId, checkAnswers.moduleId)
    .all();
  const passes = latestPasses(ids);
  const signatures = latestSignatures(ids);
  const signedCurrent = new Set(
    current
      ? db
          .select({ userId: charterSignatures.userId })
          .from(charterSignatures)
          .where(and(inArray(charterSignatures.userId, ids), eq(charterSignatures.version, current)))
          .all()
          .map((r) => r.userId)
      : [],
  );
  const validity = examSettings().validityMonths;
  for (const userId of ids) {
    const placement = placed.find((p) => p.userId === userId) ?? null;
    const rows: ProgressRow[] = progress.filter((p) => p.userId === userId);
    const learnerTrack = placement ? trackFor(library, placement.level, rows, locale) : null;
    const modules: ModuleEvidence[] = (learnerTrack?.track.items ?? []).map((item) => {
      const stats = checks.find((c) => c.userId === userId && c.moduleId === item.id);
      return { id: item.id, title: learnerTrack?.titles[item.id] ?? item.id, status: item.status, checksPassed: Number(stats?.passed ?? 0), answers: Number(stats?.answers ?? 0) };
    });
    const totals = learnerTrack?.track.totals;
    const signature = signatures.get(userId) ?? null;
    const lastPass = passes.get(userId) ?? null;
    out.set(userId, {
      userId,
      level: placement?.level ?? null,
      placementSource: placement?.source ?? null,
      placementReason: placement?.reason ?? null,
      modules,
      lastPass,
      signedVersion: signature?.version ?? null,
      signedAt: signature?.signedAt ?? null,
      currentCharter: current,
      eligibility: evaluateEligibility({
        now,
        level: placement?.level ?? null,
        // The track is complete when every module the library can load is completed (see track.ts).
        track: totals ? { total: totals.available, completed: totals.completed } : null,
        lastPass: lastPass ? { gradedAt: lastPass.gradedAt, score: lastPass.score } : null,
        examValidityMonths: validity,
        charter: { currentVersion: current, signedCurrent: signedCurrent.has(userId), signedVersion: signature?.version ?? null },
      }),
    });
  }
  return out;
}

export async function eligibilityFor(userId: string, now = new Date(), locale: Locale = "fr"): Promise<PersonFacts> {
  return (await gatherFacts([userId], now, locale)).get(userId)!;
}

// ---------------------------------------------------------------------------------------------
// A person's own status
// ---------------------------------------------------------------------------------------------

type Row = AccreditationRow;

function latestRow(userId: string): Row | null {
  return getDb().select().from(accreditations).where(eq(accreditations.userId, userId)).orderBy(desc(accreditations.requestedAt), desc(accreditations.updatedAt)).limit(1).get() ?? null;
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
  reason: string | null;
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
    reason: row.reason,
    inForce,
  };
}

export type NextStep =
  | { key: "placed" | "track" | "exam" | "charter" | "request" | "renew" | "recertify" | "resign"; href: string }
  | { key: "pending" | "inForce" | "none"; href: null };

export type AccreditationStatus = {
  eligibility: Eligibility;
  level: Level | null;
  accreditation: AccreditationView | null;
  state: PersonState;
  /** What the person may ask for now. */
  canRequest: boolean;
  canRequestRenewal: boolean;
  /** The person passed the exam after their accreditation's last grant or renewal. */
  recertified: boolean;
  next: NextStep;
  channels: Channel[];
};

const NEXT_HREF = { placed: "/diagnostic", track: "/track", exam: "/exam", charter: "/charter" } as const;

/**
 * The road to accreditation for one person: the checklist, their current (latest) accreditation,
 * and the next thing to do. Used by /accreditation and the learner's home page.
 */
export async function accreditationStatusFor(userId: string, now = new Date(), locale: Locale = "fr"): Promise<AccreditationStatus> {
  const facts = await eligibilityFor(userId, now, locale);
  const row = latestRow(userId);
  const state = personState(row);
  const offered = offeredChannels();
  const signedCurrent = facts.eligibility.checklist.find((c) => c.item === "charter")?.met ?? false;
  const inForce = row ? isInForce(row, now, signedCurrent) : false;
  const recertified = Boolean(row?.grantedAt && facts.lastPass && facts.lastPass.gradedAt.getTime() > row.grantedAt.getTime());
  const renewalFacts = { now, eligible: facts.eligibility.eligible, recertified, validUntil: row?.validUntil ?? null, channels: offered.slice(0, 1).map((c) => c.id), offeredChannels: offered.map((c) => c.id) };
  const canRequest = state === "none" && facts.eligibility.eligible;
  const canRequestRenewal = (state === "granted" || state === "expired") && decide(state, "request_renewal", renewalFacts).ok;
  const inWindow = Boolean(row?.validUntil && row.validUntil.getTime() - now.getTime() <= RENEWAL_WINDOW_DAYS * DAY_MS);

  let next: NextStep;
  const unmet = facts.eligibility.next;
  if (state === "suspended") next = { key: "resign", href: "/charter" };
  else if (state === "requested" || state === "renewal_requested") next = { key: "pending", href: null };
  else if (canRequest) next = { key: "request", href: "/accreditation#request" };
  else if (canRequestRenewal) next = { key: "renew", href: "/accreditation#request" };
  else if (state === "granted" && inForce && !inWindow) next = { key: "inForce", href: null };
  else if ((state === "granted" || state === "expired") && !recertified && (unmet === null || unmet === "exam")) next = { key: "recertify", href: "/exam" };
  else if (unmet) next = { key: unmet, href: NEXT_HREF[unmet] };
  else next = { key: state === "granted" ? "inForce" : "none", href: null };

  return {
    eligibility: facts.eligibility,
    level: facts.level,
    accreditation: row ? toView(row, inForce, offered) : null,
    state,
    canRequest,
    canRequestRenewal,
    recertified,
    next,
    channels: offered,
  };
}

export type HistoryEntry = { id: number; at: Date; action: string; fromState: string | null; toState: string | null; reason: string | null; actorName: string | null };

/** The audit trail of a person's accreditations, newest first (one query). */
export function accreditationHistory(userId: string, limit = 50): HistoryEntry[] {
  return getDb()
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, fromState: auditLog.fromState, toState: auditLog.toState, reason: auditLog.reason, actorName: users.name })
    .from(auditLog)
    .innerJoin(accreditations, and(eq(auditLog.subjectType, "accreditation"), eq(auditLog.subjectId, accreditations.id)))
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(accreditations.userId, userId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export type RequestInput = { channels: string[]; statement: string };

function checkStatement(statement: string) {
  const length = statement.trim().length;
  if (length < STATEMENT_MIN || length > STATEMENT_MAX) throw new InputError({ statement: "accreditation.errors.statementLength" });
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** A person with nothing open asks for an accreditation. Refused (nothing written) unless eligible. */
export async function requestAccreditation(userId: string, input: RequestInput, now = new Date()): Promise<string> {
  checkStatement(input.statement);
  const facts = await eligibilityFor(userId, now);
  const offered = offeredChannels().map((c) => c.id);
  const id = newId();
  try {
    getDb().transaction((tx) => {
      const latest = tx.select().from(accreditations).where(eq(accreditations.userId, userId)).orderBy(desc(accreditations.requestedAt)).limit(1).get() ?? null;
      const from = personState(latest);
      const decision = decide(from, "request", { now, eligible: facts.eligibility.eligible, channels: input.channels, offeredChannels: offered });
      if (!decision.ok) {
        if (decision.error === "accreditation.errors.transitionNotAllowed") {
          throw new InputError({ form: from === "expired" || from === "granted" ? "accreditation.errors.useRenewal" : "accreditation.errors.alreadyOpen" }, 409);
        }
        throw refusalError(decision.field, decision.error);
      }
      tx.insert(accreditations)
        .values({ id, userId, status: decision.to, requestedChannels: [...new Set(input.channels)], statement: input.statement.trim(), requestedAt: now, updatedAt: now })
        .run();
      recordAudit(tx, { actorId: userId, action: "accreditation.request", subjectType: "accreditation", subjectId: id, fromState: null, toState: decision.to, data: { userId, channels: input.channels } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new InputError({ form: "accreditation.errors.alreadyOpen" }, 409);
    throw error;
  }
  return id;
}

/** After recertification, the person asks for their granted (within 30 days of its end) or expired accreditation to be renewed. */
export async function requestRenewal(userId: string, input: RequestInput, now = new Date()): Promise<void> {
  checkStatement(input.statement);
  const facts = await eligibilityFor(userId, now);
  const offered = offeredChannels().map((c) => c.id);
  getDb().transaction((tx) => {
    const row = tx.select().from(accreditations).where(eq(accreditations.userId, userId)).orderBy(desc(accreditations.requestedAt)).limit(1).get();
    if (!row) throw new InputError({ form: "accreditation.errors.transitionNotAllowed" }, 409);
    const recertified = Boolean(row.grantedAt && facts.lastPass && facts.lastPass.gradedAt.getTime() > row.grantedAt.getTime());
    applyTransition(tx, {
      row,
      transition: "request_renewal",
      facts: { now, eligible: facts.eligibility.eligible, recertified, validUntil: row.validUntil, channels: input.channels, offeredChannels: offered },
      actorId: userId,
      patch: { requestedChannels: [...new Set(input.channels)], statement: input.statement.trim(), requestedAt: now },
      data: { channels: input.channels },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Managers: the requests and accreditations of their teams
// ---------------------------------------------------------------------------------------------

/** Team scope: undefined = every team; otherwise the teams the viewer manages. */
export type TeamScope = readonly string[] | undefined;

function scopeCondition(scope: TeamScope) {
  if (scope === undefined) return undefined;
  if (scope.length === 0) return sql`0`;
  return inArray(users.teamId, [...scope]);
}

const caseColumns = {
  row: accreditations,
  name: users.name,
  email: users.email,
  teamId: users.teamId,
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

/** Accreditations of the people in scope that a manager may still revoke, soonest end first. */
export function listTeamAccreditations(scope: TeamScope, now = new Date()): CaseSummary[] {
  const offered = offeredChannels();
  return getDb()
    .select(caseColumns)
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(and(inArray(accreditations.status, ["granted", "suspended"]), scopeCondition(scope)))
    .orderBy(asc(accreditations.validUntil))
    .all()
    .map((r) => ({ ...toView(r.row, r.row.status === "granted" && (r.row.validUntil?.getTime() ?? 0) > now.getTime(), offered), userId: r.row.userId, name: r.name, email: r.email }));
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

export type DecisionCase = CaseSummary & { facts: PersonFacts; offered: Channel[]; defaultValidUntil: Date };

/** One accreditation with the evidence a manager decides on; null when missing or out of scope. */
export async function getDecisionCase(id: string, scope: TeamScope, locale: Locale, now = new Date()): Promise<DecisionCase | null> {
  const r = getDb()
    .select(caseColumns)
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(and(eq(accreditations.id, id), scopeCondition(scope)))
    .get();
  if (!r) return null;
  const offered = offeredChannels();
  const facts = await eligibilityFor(r.row.userId, now, locale);
  const signed = facts.eligibility.checklist.find((c) => c.item === "charter")?.met ?? false;
  return {
    ...toView(r.row, isInForce(r.row, now, signed), offered),
    userId: r.row.userId,
    name: r.name,
    email: r.email,
    facts,
    offered,
    defaultValidUntil: addMonths(now, getSetting("accreditation.validityMonths")),
  };
}

export type Decider = { id: string; scope: TeamScope };

function rowInScope(tx: Tx, id: string, decider: Decider): Row {
  const found = tx
    .select({ row: accreditations })
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(and(eq(accreditations.id, id), scopeCondition(decider.scope)))
    .get();
  if (!found) throw new InputError({ form: "accreditation.errors.notFound" }, 404);
  if (found.row.userId === decider.id) throw new InputError({ form: "accreditation.errors.ownRequest" }, 403);
  return found.row;
}

export type GrantInput = { expectedVersion: number; channels: string[]; validUntil: Date };

/**
 * Grants a request (`grant`) or a renewal request (`renew`): channels ⊆ requested ∩ offered, a
 * future end date, and the person still eligible. Two managers deciding at once: the second gets 409.
 */
export async function grantAccreditation(decider: Decider, id: string, input: GrantInput, now = new Date()): Promise<AccreditationState> {
  const target = getDb().select({ userId: accreditations.userId }).from(accreditations).where(eq(accreditations.id, id)).get();
  const facts = target ? await eligibilityFor(target.userId, now) : null;
  const offered = offeredChannels().map((c) => c.id);
  return getDb().transaction((tx) => {
    const row = rowInScope(tx, id, decider);
    const transition = row.status === "renewal_requested" ? "renew" : "grant";
    return applyTransition(tx, {
      row,
      transition,
      expectedVersion: input.expectedVersion,
      facts: { now, eligible: facts?.eligibility.eligible ?? false, channels: input.channels, requestedChannels: row.requestedChannels, offeredChannels: offered, newValidUntil: input.validUntil },
      actorId: decider.id,
      patch: {
        channels: [...new Set(input.channels)],
        validUntil: input.validUntil,
        grantedAt: now,
        grantedBy: decider.id,
        decidedBy: decider.id,
        decidedAt: now,
        reason: null,
        charterVersion: facts?.currentCharter ?? null,
        examAttemptId: facts?.lastPass?.id ?? null,
        expiryNoticeSentAt: null,
      },
      data: { channels: input.channels, validUntil: input.validUntil.toISOString() },
    });
  });
}

function checkReasonLength(reason: string) {
  if (reason.trim().length > REASON_MAX) throw new InputError({ reason: "accreditation.errors.reasonTooLong" });
}

/** Declines a request or a renewal request, with a reason. */
export function declineAccreditation(decider: Decider, id: string, input: { expectedVersion: number; reason: string }, now = new Date()): AccreditationState {
  checkReasonLength(input.reason);
  return getDb().transaction((tx) => {
    const row = rowInScope(tx, id, decider);
    const renewal = row.status === "renewal_requested";
    return applyTransition(tx, {
      row,
      transition: "decline",
      expectedVersion: input.expectedVersion,
      facts: { now, reason: input.reason, validUntil: row.validUntil },
      actorId: decider.id,
      // A declined renewal leaves the accreditation as it was; the reason stays in the audit trail.
      patch: renewal ? { decidedBy: decider.id, decidedAt: now } : { decidedBy: decider.id, decidedAt: now, reason: input.reason.trim() },
    });
  });
}

/** Revokes an accreditation at any time, with a reason. */
export function revokeAccreditation(decider: Decider, id: string, input: { expectedVersion: number; reason: string }, now = new Date()): AccreditationState {
  checkReasonLength(input.reason);
  return getDb().transaction((tx) => {
    const row = rowInScope(tx, id, decider);
    return applyTransition(tx, {
      row,
      transition: "revoke",
      expectedVersion: input.expectedVersion,
      facts: { now, reason: input.reason },
      actorId: decider.id,
      patch: { decidedBy: decider.id, decidedAt: now, reason: input.reason.trim() },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Jobs
// ---------------------------------------------------------------------------------------------

/**
 * Time-based transitions, safe to run often and from several processes: sends the 30-day expiry
 * notice once per validity period (to the person and the managers of their team), and expires
 * accreditations past their end date. The server runs it on start and every 10 minutes.
 */
export async function runAccreditationJobs(now = new Date()): Promise<{ notices: number; expired: number }> {
  const db = getDb();
  // Expiries.
  const due = db
    .select({ id: accreditations.id, userId: accreditations.userId, status: accreditations.status, version: accreditations.version, validUntil: accreditations.validUntil })
    .from(accreditations)
    .where(and(inArray(accreditations.status, ["granted", "suspended"]), lte(accreditations.validUntil, now)))
    .all();
  let expired = 0;
  for (const row of due) {
    try {
      db.transaction((tx) => applyTransition(tx, { row, transition: "expire", facts: { now, validUntil: row.validUntil }, actorId: null }));
      expired += 1;
    } catch (error) {
      // Someone else changed it meanwhile (a revocation, another process): nothing to do.
      if (!(error instanceof InputError)) throw error;
    }
  }

  // Notices.
  const horizon = new Date(now.getTime() + RENEWAL_WINDOW_DAYS * DAY_MS);
  const candidates = db
    .select({ row: accreditations, name: users.name, email: users.email, locale: users.locale, teamId: users.teamId, active: users.active })
    .from(accreditations)
    .innerJoin(users, eq(users.id, accreditations.userId))
    .where(and(inArray(accreditations.status, ["granted", "suspended"]), isNull(accreditations.expiryNoticeSentAt), gt(accreditations.validUntil, now), lte(accreditations.validUntil, horizon)))
    .all()
    .filter((c) => expiryNoticeDue(c.row, now));
  const teamIds = [...new Set(candidates.map((c) => c.teamId).filter((t): t is string => t !== null))];
  const managers = teamIds.length
    ? db
        .select({ teamId: teamManagers.teamId, name: users.name, email: users.email, locale: users.locale })
        .from(teamManagers)
        .innerJoin(users, eq(users.id, teamManagers.userId))
        .where(and(inArray(teamManagers.teamId, teamIds), eq(users.active, true)))
        .all()
    : [];
  const offered = offeredChannels();
  let notices = 0;
  for (const c of candidates) {
    // Claim the notice first, so that two runs never send it twice.
    const claimed = db.transaction((tx) => {
      const result = tx
        .update(accreditations)
        .set({ expiryNoticeSentAt: now })
        .where(and(eq(accreditations.id, c.row.id), isNull(accreditations.expiryNoticeSentAt)))
        .run();
      if (result.changes !== 1) return false;
      recordAudit(tx, { actorId: null, action: "accreditation.expiry_notice", subjectType: "accreditation", subjectId: c.row.id, fromState: c.row.status, toState: c.row.status, data: { userId: c.row.userId, validUntil: c.row.validUntil?.toISOString() } });
      return true;
    });
    if (!claimed) continue;
    notices += 1;
    const channels = channelLabels(c.row.channels, offered).join(", ");
    const validUntil = c.row.validUntil!;
    // Queued, sent by the mail worker (app/mail/outbox.server.ts); links come from APP_URL.
    if (c.active) queueExpiryNoticeMail(db, { to: c.email, name: c.name, person: c.name, channels, validUntil, pathname: "/accreditation", locale: c.locale ?? "fr", forManager: false, refId: c.row.id });
    for (const m of managers.filter((m) => m.teamId === c.teamId && m.email !== c.email)) {
      queueExpiryNoticeMail(db, { to: m.email, name: m.name, person: c.name, channels, validUntil, pathname: "/team/requests", locale: m.locale ?? "fr", forManager: true, refId: c.row.id });
    }
  }
  return { notices, expired };
}
