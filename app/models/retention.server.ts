/**
 * Retention: keeps each kind of personal data no longer than its setting (`retention.*` in
 * app/models/settings.server.ts; 0 keeps it forever where allowed). The server runs it nightly (and on
 * start); `npm run cli -- retention [--dry-run]` runs it by hand. Each run that removes something writes
 * one `retention.applied` audit row with the counts per kind, and the server logs them.
 *
 * "Older than the setting" means strictly older than now − N days. People under a legal hold are skipped
 * for the kinds that belong to a person. See docs/privacy.md and ADR 0024.
 */
import { desc, eq } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import { getDb } from "../../db/connection";
import { recordAudit } from "./audit.server";
import { getSettings } from "./settings.server";
import { RETENTION_KINDS, type RetentionKind } from "~/domain/retention";

const DAY_MS = 86_400_000;

export { RETENTION_KINDS, type RetentionKind };
export type RetentionReport = { dryRun: boolean; at: string; cutoffs: Partial<Record<RetentionKind, string>>; removed: Record<RetentionKind, number> };

const NOT_HELD = (column: string) => `${column} not in (select user_id from legal_holds)`;

type Rule = { kind: RetentionKind; days: number; count: string; apply: string };

/** The rules, as SQL over one parameter (@cutoff, milliseconds; sessions use seconds). */
function rules(): Rule[] {
  const s = getSettings();
  const list: Rule[] = [];
  const add = (kind: RetentionKind, days: number, from: string, where: string, apply?: string) =>
    list.push({ kind, days, count: `select count(*) as n from ${from} where ${where}`, apply: apply ?? `delete from ${from} where ${where}` });
  add(
    "questionnaire_answers",
    s["retention.questionnaireAnswersDays"],
    "diagnostic_answers",
    `run_id in (select id from diagnostic_runs where created_at < @cutoff and ${NOT_HELD("user_id")})`,
  );
  add(
    "exam_answers",
    s["retention.examAnswersDays"],
    "exam_answers",
    `attempt_id in (select id from exam_attempts where started_at < @cutoff and status = 'graded' and ${NOT_HELD("user_id")})`,
  );
  add("reflections", s["retention.reflectionsDays"], "reflections", `updated_at < @cutoff and review_status <> 'pending' and ${NOT_HELD("user_id")}`);
  add("sessions", s["retention.sessionsDays"], "sessions", `created_at < @cutoff / 1000`);
  add("mail", s["retention.mailDays"], "mail_outbox", `status in ('sent', 'failed') and created_at < @cutoff`);
  add("webhook_deliveries", s["retention.webhookDeliveriesDays"], "webhook_deliveries", `status in ('succeeded', 'failed') and created_at < @cutoff`);
  // Events older than the deliveries' limit with no delivery left once those are removed (the same in a dry run).
  add(
    "webhook_events",
    s["retention.webhookDeliveriesDays"],
    "webhook_events",
    `created_at < @cutoff and not exists (select 1 from webhook_deliveries d where d.event_id = webhook_events.id and not (d.status in ('succeeded', 'failed') and d.created_at < @cutoff))`,
  );
  // People who left: the audit rows about them keep action, date, actor and states; reason and data go.
  const leaverRows = `(reason is not null or (data is not null and data <> json_object('userId', json_extract(data, '$.userId')))) and (
      (subject_type = 'user' and subject_id in (select id from users where active = 0 and deactivated_at < @cutoff and ${NOT_HELD("id")}))
      or json_extract(data, '$.userId') in (select id from users where active = 0 and deactivated_at < @cutoff and ${NOT_HELD("id")}))`;
  list.push({
    kind: "leaver_audit_details",
    days: s["retention.leaverAuditDetailsDays"],
    count: `select count(*) as n from audit_log where ${leaverRows}`,
    apply: `update audit_log set reason = null, data = case when json_extract(data, '$.userId') is not null then json_object('userId', json_extract(data, '$.userId')) else null end where ${leaverRows}`,
  });
  return list;
}

/**
 * Applies every rule (or only counts, with `dryRun`), in one transaction; returns what was (or would
 * be) removed per kind. A rule whose setting is 0 keeps everything.
 */
export function applyRetention(options: { now?: Date; dryRun?: boolean } = {}): RetentionReport {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const db = getDb();
  const client = db.$client;
  const removed = Object.fromEntries(RETENTION_KINDS.map((k) => [k, 0])) as Record<RetentionKind, number>;
  const cutoffs: RetentionReport["cutoffs"] = {};
  const run = client.transaction(() => {
    for (const rule of rules()) {
      if (rule.days <= 0) continue;
      const cutoff = now.getTime() - rule.days * DAY_MS;
      cutoffs[rule.kind] = new Date(cutoff).toISOString();
      removed[rule.kind] = dryRun ? (client.prepare(rule.count).get({ cutoff }) as { n: number }).n : client.prepare(rule.apply).run({ cutoff }).changes;
    }
    const total = Object.values(removed).reduce((a, b) => a + b, 0);
    if (!dryRun && total > 0) {
      recordAudit(db, {
        actorId: null,
        action: "retention.applied",
        subjectType: "retention",
        subjectId: now.toISOString().slice(0, 10),
        data: { removed, cutoffs },
      });
    }
  });
  run.immediate();
  return { dryRun, at: now.toISOString(), cutoffs, removed };
}

/** The latest run that removed something (for the admin's privacy page). */
export function lastRetentionRun(): { at: Date; removed: Record<string, number> } | null {
  const row = getDb()
    .select({ at: auditLog.at, data: auditLog.data })
    .from(auditLog)
    .where(eq(auditLog.action, "retention.applied"))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  if (!row) return null;
  return { at: row.at, removed: (row.data as { removed?: Record<string, number> } | null)?.removed ?? {} };
}

/** One line for the log: what a run removed. */
export function describeRetention(report: RetentionReport): string {
  const parts = RETENTION_KINDS.filter((k) => report.removed[k] > 0).map((k) => `${report.removed[k]} ${k.replace(/_/g, " ")}`);
  return `${report.dryRun ? "would remove" : "removed"} ${parts.length ? parts.join(", ") : "nothing"}`;
}
