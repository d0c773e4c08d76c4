/**
 * What people are told, and whether they may turn it off. Pure: the kinds, which of them are
 * mandatory (they change what the person may do: no opt-out), and how several notices to one person
 * in one change are sent (one mail, a digest when there are several). Which accreditation transition
 * tells whom is NOT listed here: it is a column of the state table (`notify` in RULES,
 * app/domain/accreditation.ts); the models deliver (app/models/notifications.server.ts).
 * See docs/decisions/0020-notifications.md.
 */

export const NOTIFICATION_KINDS = [
  // To the managers of the person's team.
  "request_waiting",
  "team_suspended",
  "team_expiring",
  /** The weekly summary of their teams (mail only: the dashboard is its page). */
  "weekly_summary",
  // To the person.
  "granted",
  "declined",
  "suspended",
  "reinstated",
  "expiring",
  "expired",
  "revoked",
  "reopened",
  "renewed",
  "reflection_reviewed",
  "placement_overridden",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Kinds that change what a person may do (post for the company or not): always mailed, no opt-out.
 * Typed over every kind so that a new kind must say whether it is mandatory.
 */
const MANDATORY: Record<NotificationKind, boolean> = {
  request_waiting: false,
  team_suspended: false,
  team_expiring: false,
  weekly_summary: false,
  granted: true,
  declined: false,
  suspended: true,
  reinstated: true,
  expiring: false,
  expired: false,
  revoked: true,
  reopened: false,
  renewed: false,
  reflection_reviewed: false,
  placement_overridden: false,
};

export function isMandatory(kind: NotificationKind): boolean {
  return MANDATORY[kind];
}

/** The kinds a person may turn off (the account page lists them in this order). */
export const OPTIONAL_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter((k) => !MANDATORY[k]);

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** Who is told of an accreditation transition: the holder, the managers of their team, each with a kind (or nobody). */
export type TransitionNotice = { holder: NotificationKind | null; managers: NotificationKind | null };

/** What a notice carries to be written later in the reader's language (names, channel labels, ISO dates, a reason…). */
export type NoticeParams = Record<string, string | number | null>;

/**
 * The mails one recipient gets for the notices of one change: mandatory ones always, the others
 * unless opted out; one mail for all of them (`digest` when there are several).
 */
export function mailPlan<T extends { kind: NotificationKind }>(
  notices: readonly T[],
  optedOut: ReadonlySet<NotificationKind>,
): { notices: T[]; digest: boolean } | null {
  const mailed = notices.filter((n) => isMandatory(n.kind) || !optedOut.has(n.kind));
  if (mailed.length === 0) return null;
  return { notices: mailed, digest: mailed.length > 1 };
}

/** For exhaustive switches over kinds: a compile error when a kind is missing. */
export function unreachableKind(value: never): never {
  throw new Error(`unexpected notification kind ${JSON.stringify(value)}`);
}
