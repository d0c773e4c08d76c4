/**
 * The facts an accreditation decision rests on, for any number of people at once (one query per kind
 * of fact): placement, track progress, exam passes, charter signatures, and the eligibility they add
 * up to (app/domain/eligibility.ts).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { charterSignatures, checkAnswers, moduleProgress, placements, type Level, type Locale } from "../../db/schema";
import { loadContentLibrary } from "~/content/library.server";
import { isRecertified, reasonFrom, type GuardFacts } from "~/domain/accreditation";
import { evaluateEligibility, type Eligibility } from "~/domain/eligibility";
import { levelName } from "~/i18n/i18n.server";
import type { ProgressRow } from "~/domain/track";
import type { AccreditationRow } from "./accreditation-transition.server";
import { offeredChannels } from "./channels.server";
import { getCurrentCharter, latestSignatures } from "./charter.server";
import { examSettings, latestPasses, type PassedAttempt } from "./exam.server";
import { getSetting } from "./settings.server";
import { trackFor } from "./track.server";

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
    .select({
      userId: moduleProgress.userId,
      moduleId: moduleProgress.moduleId,
      status: moduleProgress.status,
      lastSection: moduleProgress.lastSection,
      completedVersion: moduleProgress.completedVersion,
    })
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
      return {
        id: item.id,
        title: learnerTrack?.titles[item.id] ?? item.id,
        status: item.status,
        checksPassed: Number(stats?.passed ?? 0),
        answers: Number(stats?.answers ?? 0),
      };
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
      eligibility: withLevelName(
        locale,
        evaluateEligibility({
          now,
          level: placement?.level ?? null,
          // The track is complete when every module the library can load is completed (see track.ts).
          track: totals ? { total: totals.available, completed: totals.completed } : null,
          lastPass: lastPass ? { gradedAt: lastPass.gradedAt, score: lastPass.score } : null,
          examValidityMonths: validity,
          charter: { currentVersion: current, signedCurrent: signedCurrent.has(userId), signedVersion: signature?.version ?? null },
        }),
      ),
    });
  }
  return out;
}

/**
 * The checklist's level in words, in the reader's language: the pages that show it need not download the placement
 * pages' strings for one name (ADR 0038).
 */
function withLevelName(locale: Locale, eligibility: Eligibility): Eligibility {
  return {
    ...eligibility,
    checklist: eligibility.checklist.map((entry) => (entry.item === "placed" && entry.level ? { ...entry, levelName: levelName(locale, entry.level) } : entry)),
  };
}

export async function eligibilityFor(userId: string, now = new Date(), locale: Locale = "fr"): Promise<PersonFacts> {
  return (await gatherFacts([userId], now, locale)).get(userId)!;
}

/**
 * The state machine's facts about a person and their latest (or given) row, as far as they are known
 * before anyone fills a form: what `availableTransitions` needs, and what `decide` starts from.
 */
export function guardFactsFor(
  row: Pick<AccreditationRow, "status" | "grantedAt" | "validUntil" | "reasonKind" | "reason" | "decidedAt" | "updatedAt" | "reopenedAt"> | null,
  person: PersonFacts,
  now: Date,
  holderActive = true,
): GuardFacts {
  return {
    now,
    eligible: person.eligibility.eligible,
    recertified: isRecertified(row?.grantedAt, person.lastPass?.gradedAt),
    validUntil: row?.validUntil ?? null,
    currentCharterSigned: charterSigned(person),
    holderActive,
    currentReason: row ? reasonFrom(row) : null,
    revokedAt: row?.status === "revoked" ? (row.decidedAt ?? row.updatedAt) : null,
    reopened: Boolean(row?.reopenedAt),
    revokedWaitDays: getSetting("accreditation.revokedWaitDays"),
    offeredChannels: offeredChannels().map((c) => c.id),
  };
}

/** Whether the person signed the charter version in force (their eligibility's charter item). */
export function charterSigned(person: PersonFacts): boolean {
  return person.eligibility.checklist.find((c) => c.item === "charter")?.met ?? false;
}
