/** The kinds of personal data retention trims (app/models/retention.server.ts), in report order. */
export const RETENTION_KINDS = [
  "questionnaire_answers",
  "exam_answers",
  "reflections",
  "sessions",
  "mail",
  "webhook_deliveries",
  "webhook_events",
  "leaver_audit_details",
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
