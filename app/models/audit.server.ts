import { and, asc, desc, eq, gt, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Tx as DbTx } from "../../db/connection";
import { getDb } from "../../db/connection";
import { accreditations, auditLog, teams, users, type Locale } from "../../db/schema";
import { isAuditAction, type AuditAction } from "~/domain/audit";
import { getT } from "~/i18n/i18n.server";
import { channelLabels, offeredChannels } from "./channels.server";

type Tx = Pick<DbTx, "insert">;

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
};

/**
 * Where a change came from, kept in the audit row's data as `source`: an admin's page, a SCIM
 * provisioning token (by name), a CSV file (by name), single sign-on.
 */
export type AuditSource =
  { kind: "admin" } | { kind: "scim"; tokenId: string; tokenName: string } | { kind: "csv"; file: string } | { kind: "sso"; provider: string };

/** Writes one append-only audit row; call it inside the transaction that makes the change. */
export function recordAudit(tx: Tx, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      reason: entry.reason ?? null,
      data: entry.data ?? null,
    })
    .run();
}

export type AuditFilter = {
  action?: string;
  /** Actions starting with this text, e.g. "accreditation." */
  actionPrefix?: string;
  /** Rows about this person: their own record, or a record whose data names them (data.userId). */
  personId?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  /** Rows made by any of these people. */
  actorIds?: readonly string[];
  /** Rows about any of these people (as `personId`). */
  personIds?: readonly string[];
  from?: Date;
  to?: Date;
  before?: number;
  /** With `order: "asc"`: the rows after this id (the next page, oldest first). */
  after?: number;
  /** Newest first (the default), or oldest first. */
  order?: "asc" | "desc";
  limit?: number;
};

export function listAudit(filter: AuditFilter = {}) {
  const where: SQL[] = [];
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.actionPrefix) where.push(sql`substr(${auditLog.action}, 1, ${filter.actionPrefix.length}) = ${filter.actionPrefix}`);
  if (filter.personId) where.push(sql`(${auditLog.subjectId} = ${filter.personId} or json_extract(${auditLog.data}, '$.userId') = ${filter.personId})`);
  if (filter.subjectType) where.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId) where.push(eq(auditLog.subjectId, filter.subjectId));
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.actorIds) where.push(filter.actorIds.length ? inArray(auditLog.actorId, [...filter.actorIds]) : sql`0`);
  if (filter.personIds) {
    const ids = [...filter.personIds];
    where.push(
      ids.length
        ? sql`(${inArray(auditLog.subjectId, ids)} or json_extract(${auditLog.data}, '$.userId') in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}))`
        : sql`0`,
    );
  }
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lt(auditLog.at, filter.to));
  if (filter.before) where.push(lt(auditLog.id, filter.before));
  if (filter.after) where.push(gt(auditLog.id, filter.after));
  return getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      fromState: auditLog.fromState,
      toState: auditLog.toState,
      reason: auditLog.reason,
      actorId: auditLog.actorId,
      actorName: users.name,
      data: auditLog.data,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(filter.order === "asc" ? asc(auditLog.id) : desc(auditLog.id))
    .limit(filter.limit ?? 50)
    .all();
}

export type AuditRow = ReturnType<typeof listAudit>[number];

/** Up to `limit` people whose name or email contains `text` (the audit log's actor and person filters). */
export function peopleMatching(text: string, limit = 200): string[] {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return getDb()
    .select({ id: users.id })
    .from(users)
    .where(or(sql`${users.name} like ${pattern} escape '\\'`, sql`${users.email} like ${pattern} escape '\\'`))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

export type DescribedAudit = {
  id: number;
  at: string;
  action: string;
  /** The action's short name in the reader's language. */
  label: string;
  /** What happened, as a sentence in the reader's language, names resolved. */
  sentence: string;
  /** Who did it (a person, a source, Ambassade), as in the sentence. */
  actor: string;
  /** Whom it is about, when it is about a person. */
  person: string | null;
  reason: string | null;
  subjectType: string;
  subjectId: string;
};

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const capitalise = (text: string) => (text ? text[0]!.toLocaleUpperCase() + text.slice(1) : text);

/**
 * Audit rows as sentences in `locale` (app/i18n/<locale>/audit-log.ts): people's names resolved (an
 * erased person reads as a former employee with their pseudonym), values translated (levels, roles,
 * teams, channels). Three queries per batch whatever its size.
 */
export function describeAudit(rows: readonly AuditRow[], locale: Locale): DescribedAudit[] {
  const t = getT(locale);
  const db = getDb();
  const accreditationIds = rows.filter((r) => r.subjectType === "accreditation").map((r) => r.subjectId);
  const accreditationRows = new Map(
    accreditationIds.length
      ? db
          .select({ id: accreditations.id, userId: accreditations.userId, channels: accreditations.channels })
          .from(accreditations)
          .where(inArray(accreditations.id, [...new Set(accreditationIds)]))
          .all()
          .map((a) => [a.id, a])
      : [],
  );
  const personOf = (row: AuditRow): string | null =>
    row.subjectType === "user"
      ? row.subjectId
      : (str(row.data?.userId) ?? (row.subjectType === "accreditation" ? (accreditationRows.get(row.subjectId)?.userId ?? null) : null));
  const userIds = new Set<string>();
  for (const row of rows) {
    if (row.actorId) userIds.add(row.actorId);
    const person = personOf(row);
    if (person) userIds.add(person);
    if (row.action === "team.managers") for (const id of `${row.fromState ?? ""},${row.toState ?? ""}`.split(",")) if (id) userIds.add(id);
  }
  const people = new Map<string, { name: string; erased: boolean }>();
  const ids = [...userIds];
  for (let i = 0; i < ids.length; i += 500) {
    for (const u of db
      .select({ id: users.id, name: users.name, erasedAt: users.erasedAt })
      .from(users)
      .where(inArray(users.id, ids.slice(i, i + 500)))
      .all()) {
      people.set(u.id, { name: u.name, erased: u.erasedAt !== null });
    }
  }
  const teamNames = new Map(
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .all()
      .map((team) => [team.id, team.name]),
  );
  const offered = offeredChannels();
  const nameOf = (id: string | null): string => {
    if (!id) return t("auditLog.none");
    const p = people.get(id);
    if (!p) return t("auditLog.someone");
    return p.erased ? t("auditLog.formerEmployee", { pseudonym: p.name }) : p.name;
  };
  const list = (values: string[]) => (values.length ? values.join(", ") : t("auditLog.none"));

  return rows.map((row) => {
    const data = row.data ?? {};
    const source = data.source as { kind?: string; tokenName?: string; file?: string; provider?: string } | undefined;
    const actor = row.actorId
      ? nameOf(row.actorId)
      : source?.kind && source.kind !== "admin"
        ? t(`auditLog.source.${source.kind}`, { name: source.tokenName ?? source.file ?? source.provider ?? "" })
        : t("auditLog.system");
    const personId = personOf(row);
    const person = personId ? nameOf(personId) : null;
    const channelIds = Array.isArray(data.channels) ? (data.channels as string[]) : (accreditationRows.get(row.subjectId)?.channels ?? []);
    let from = row.fromState ?? t("auditLog.none");
    let to = row.toState ?? t("auditLog.none");
    let target = row.subjectId;
    switch (row.subjectType) {
      case "team":
        target = teamNames.get(row.subjectId) ?? (row.action === "team.renamed" ? row.toState : (row.toState ?? row.fromState)) ?? row.subjectId;
        break;
      case "api_token":
        target = str(data.name) ?? row.subjectId;
        break;
      case "webhook_endpoint":
        target = str(data.url) ?? row.subjectId;
        break;
      case "media":
        target = str(data.fileName) ?? row.subjectId;
        break;
      case "reflection":
        target = str(data.moduleId) ?? row.subjectId;
        break;
      case "user":
        target = str(row.toState) ?? row.subjectId;
        break;
    }
    switch (row.action) {
      case "placement.overridden":
      case "placement.questionnaire":
      case "placement.reset":
        from = row.fromState ? t(`placement.levels.${row.fromState}.name`) : t("auditLog.none");
        to = row.toState ? t(`placement.levels.${row.toState}.name`) : t("auditLog.none");
        break;
      case "person.roles": {
        const roles = (v: string | null) =>
          list(
            (v ?? "")
              .split(",")
              .filter(Boolean)
              .map((r) => t(`roles.${r}`)),
          );
        from = roles(row.fromState);
        to = roles(row.toState);
        break;
      }
      case "person.team": {
        const team = (v: string | null) => (v ? (teamNames.get(v) ?? v) : t("auditLog.noTeam"));
        from = team(row.fromState);
        to = team(row.toState);
        break;
      }
      case "team.managers": {
        const names = (v: string | null) => list((v ?? "").split(",").filter(Boolean).map(nameOf));
        from = names(row.fromState);
        to = names(row.toState);
        break;
      }
      case "team.chat_webhook_set":
        to = row.toState === "slack" || row.toState === "teams" ? t(`auditLog.chatFormat.${row.toState}`) : to;
        break;
      case "sso.linked":
      case "sso.signin":
        target = str(row.toState) ?? source?.provider ?? str(data.provider) ?? "";
        break;
    }
    const fields = (() => {
      try {
        return Object.keys(JSON.parse(row.toState ?? "{}") as object).join(", ");
      } catch {
        return "";
      }
    })();
    const values = {
      actor,
      person: person ?? t("auditLog.none"),
      target,
      from,
      to,
      channels: list(channelLabels(channelIds, offered)),
      fields,
      result: t(`auditLog.examResult.${row.toState === "passed" ? "passed" : "failed"}`),
      score: t("auditLog.score", { score: typeof data.score === "number" ? data.score : "—" }),
    };
    const known = isAuditAction(row.action);
    const sentence = known ? t(`auditLog.sentences.${row.action}`, values) : t("auditLog.unknown", { ...values, action: row.action });
    return {
      id: row.id,
      at: row.at.toISOString(),
      action: row.action,
      label: known ? t(`auditLog.labels.${row.action}`) : row.action,
      sentence: capitalise(sentence),
      actor: capitalise(actor),
      person,
      reason: row.reason,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
    };
  });
}
