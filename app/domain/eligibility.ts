/**
 * Who may request an accreditation: placed, track complete, exam passed within its validity, charter
 * in force signed. Pure; the model gathers the facts (app/models/accreditation.server.ts).
 */
import { addMonths } from "./accreditation";

export const ELIGIBILITY_ITEMS = ["placed", "track", "exam", "charter"] as const;
export type EligibilityItem = (typeof ELIGIBILITY_ITEMS)[number];

export type EligibilityFacts = {
  now: Date;
  /** The person's current level, or null when not placed. */
  level: string | null;
  /** Modules of their track and how many are completed; null when not placed (no track yet). */
  track: { total: number; completed: number } | null;
  /** The person's most recent passed exam attempt, or null. */
  lastPass: { gradedAt: Date; score: number } | null;
  examValidityMonths: number;
  /** The charter version in force (null when none is published) and whether the person signed it. */
  charter: { currentVersion: string | null; signedCurrent: boolean; signedVersion: string | null };
};

export type ChecklistEntry =
  // `levelName`: the level in the reader's words, added by the models (app/models/accreditation-facts.server.ts).
  | { item: "placed"; met: boolean; level: string | null; levelName?: string }
  | { item: "track"; met: boolean; completed: number; total: number }
  | { item: "exam"; met: boolean; passedAt: Date | null; validUntil: Date | null; score: number | null; lapsed: boolean }
  | { item: "charter"; met: boolean; currentVersion: string | null; signedVersion: string | null };

export type Eligibility = {
  eligible: boolean;
  checklist: ChecklistEntry[];
  /** The first unmet item, in the order a learner meets them. */
  next: EligibilityItem | null;
};

export function examValidUntil(gradedAt: Date, validityMonths: number): Date {
  return addMonths(gradedAt, validityMonths);
}

/** The one definition of a complete track: placed, with at least one module, every one completed. */
export function isTrackComplete(placed: boolean, track: { total: number; completed: number } | null): boolean {
  return placed && track !== null && track.total > 0 && track.completed >= track.total;
}

export function evaluateEligibility(facts: EligibilityFacts): Eligibility {
  const placed = facts.level !== null;
  const track = facts.track ?? { total: 0, completed: 0 };
  const trackMet = isTrackComplete(placed, facts.track);
  const examUntil = facts.lastPass ? examValidUntil(facts.lastPass.gradedAt, facts.examValidityMonths) : null;
  const examMet = examUntil !== null && examUntil.getTime() > facts.now.getTime();
  const charterMet = facts.charter.currentVersion !== null && facts.charter.signedCurrent;
  const checklist: ChecklistEntry[] = [
    { item: "placed", met: placed, level: facts.level },
    { item: "track", met: trackMet, completed: Math.min(track.completed, track.total), total: track.total },
    {
      item: "exam",
      met: examMet,
      passedAt: facts.lastPass?.gradedAt ?? null,
      validUntil: examUntil,
      score: facts.lastPass?.score ?? null,
      lapsed: examUntil !== null && !examMet,
    },
    { item: "charter", met: charterMet, currentVersion: facts.charter.currentVersion, signedVersion: facts.charter.signedVersion },
  ];
  const next = checklist.find((entry) => !entry.met)?.item ?? null;
  return { eligible: next === null, checklist, next };
}
