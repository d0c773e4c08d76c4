/**
 * May a person take the diagnostic questionnaire now? Pure: the caller passes the current placement,
 * the waiting period (admin setting `diagnostic.retakeWaitDays`) and the clock.
 *
 * - Nobody placed yet: yes.
 * - A trainer reset the current placement (`retakeAllowed`): yes, at once.
 * - Otherwise: once `waitDays` full days have passed since the current placement was made, whoever
 *   made it. An override restarts the wait, so a learner cannot undo a manager's decision by
 *   retaking the questionnaire the next day.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

export type RetakeStatus = { kind: "first_time" } | { kind: "reset" } | { kind: "waited" } | { kind: "waiting"; availableAt: Date; daysLeft: number };

export type PlacementForRetake = { createdAt: Date; retakeAllowed: boolean } | null;

export function retakeStatus(current: PlacementForRetake, waitDays: number, now: Date): RetakeStatus {
  if (!current) return { kind: "first_time" };
  if (current.retakeAllowed) return { kind: "reset" };
  const wait = Math.max(0, Math.floor(waitDays));
  const availableAt = new Date(current.createdAt.getTime() + wait * DAY_MS);
  if (now.getTime() >= availableAt.getTime()) return { kind: "waited" };
  return { kind: "waiting", availableAt, daysLeft: Math.ceil((availableAt.getTime() - now.getTime()) / DAY_MS) };
}

export function mayTakeDiagnostic(status: RetakeStatus): boolean {
  return status.kind !== "waiting";
}
