/**
 * Every action an audit row may record: ONE list, from which the schema's column type, `recordAudit`'s
 * argument, the audit log's sentences (app/i18n/fr/audit-log.ts, `satisfies Record<AuditAction, …>`)
 * and its action filter are derived. Writing a new action anywhere without adding it here is a compile
 * error, and adding it here without a sentence in both languages is one too (ADR 0031).
 *
 * The accreditation's actions are its state machine's transitions (`accreditation.<transition>`).
 */
import { TRANSITIONS, type Transition } from "./accreditation";

const OTHER_ACTIONS = [
  "accreditation.expiry_notice",
  "api_token.created",
  "api_token.revoked",
  "charter.draft_created",
  "charter.draft_discarded",
  "charter.published",
  "charter.signed",
  "charter.text_stored",
  "exam.graded",
  "exam.started",
  "media.imported",
  "media.uploaded",
  "module.completed",
  "module.created",
  "module.deleted",
  "module.draft_discarded",
  "module.imported",
  "module.published",
  "module.reviewed",
  "module.rolled_back",
  "person.accepted",
  "person.created",
  "person.data_exported",
  "person.deactivated",
  "person.deprovisioned",
  "person.email",
  "person.erased",
  "person.imported",
  "person.invite_existing",
  "person.invited",
  "person.legal_hold_cleared",
  "person.legal_hold_set",
  "person.password_changed",
  "person.password_reset",
  "person.provisioned",
  "person.reactivated",
  "person.reinvited",
  "person.roles",
  "person.team",
  "person.updated",
  "placement.overridden",
  "placement.questionnaire",
  "placement.reset",
  "privacy_notice.published",
  "reflection.reviewed",
  "reports.reminder_sent",
  "retention.applied",
  "settings.updated",
  "sso.linked",
  "sso.signin",
  "team.chat_webhook_removed",
  "team.chat_webhook_set",
  "team.created",
  "team.deleted",
  "team.managers",
  "team.renamed",
  "tracks.imported",
  "tracks.published",
  "webhook.created",
  "webhook.deleted",
  "webhook.delivery_retried",
  "webhook.disabled",
  "webhook.enabled",
] as const;

export type AccreditationAuditAction = `accreditation.${Transition}`;
export type AuditAction = (typeof OTHER_ACTIONS)[number] | AccreditationAuditAction;

export function accreditationAction(transition: Transition): AccreditationAuditAction {
  return `accreditation.${transition}`;
}

/** Every action, grouped by kind (the part before the dot) in this order. */
export const AUDIT_ACTIONS: readonly AuditAction[] = [...TRANSITIONS.map(accreditationAction), ...OTHER_ACTIONS];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The kinds of actions ("accreditation", "person"…), for the filter's groups and "every action of a kind". */
export const AUDIT_KINDS: readonly string[] = [...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0]!))];

export function kindOf(action: string): string {
  return action.split(".")[0] ?? action;
}
