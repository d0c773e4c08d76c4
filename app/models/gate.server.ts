/**
 * The posting gate's facts: ONE indexed query for any number of checks (see app/domain/gate.ts for
 * the rules and the reason codes). For each distinct email it reads the active account (unique index
 * on users.email), the most relevant once-granted accreditation (index on accreditations.user_id),
 * the charter version in force (latest publication) and whether the person signed it (unique index
 * on charter_signatures(user_id, version)).
 */
import { ACCREDITATION_STATUSES, gateOrderSql, type AccreditationState } from "~/domain/accreditation";
import { decideGate, type GateAnswer, type GateFacts } from "~/domain/gate";
import { channelId } from "./channels.server";
import { prepared } from "./prepared.server";

const GATE_SQL = `
with wanted(email) as (select distinct value from json_each(?))
select
  w.email as email,
  u.id as userId,
  a.id as accId,
  a.status as status,
  a.channels as channels,
  a.granted_at as grantedAt,
  a.valid_until as validUntil,
  c.version as charterVersion,
  case when c.version is not null and exists (
    select 1 from charter_signatures s where s.user_id = u.id and s.version = c.version
  ) then 1 else 0 end as charterSigned
from wanted w
left join users u on u.email = w.email and u.active = 1
left join accreditations a on a.id = (
  select x.id from accreditations x
  where x.user_id = u.id and x.granted_at is not null
  order by ${gateOrderSql("x.status")},
    x.requested_at desc
  limit 1
)
left join (select version from charter_publications order by id desc limit 1) c on 1
`;

type GateRow = {
  email: string;
  userId: string | null;
  accId: string | null;
  status: AccreditationState | null;
  channels: string | null;
  grantedAt: number | null;
  validUntil: number | null;
  charterVersion: string | null;
  charterSigned: 0 | 1;
};

function parseChannels(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").map(channelId) : [];
  } catch {
    return [];
  }
}

function isStatus(value: string | null): value is AccreditationState {
  return value !== null && (ACCREDITATION_STATUSES as readonly string[]).includes(value);
}

function factsFor(row: GateRow | undefined): GateFacts["person"] {
  if (!row?.userId) return null;
  return {
    accreditation:
      row.accId && isStatus(row.status)
        ? {
            id: row.accId,
            status: row.status,
            channels: parseChannels(row.channels),
            validFrom: row.grantedAt === null ? null : new Date(row.grantedAt),
            validUntil: row.validUntil === null ? null : new Date(row.validUntil),
          }
        : null,
    charterInForce: row.charterVersion !== null,
    charterSigned: row.charterSigned === 1,
  };
}

/** Answers every check in one query. Emails must already be normalised (trimmed, lower case); channels are ids. */
export function checkGate(checks: readonly { email: string; channel: string }[], now = new Date()): GateAnswer[] {
  if (checks.length === 0) return [];
  const emails = [...new Set(checks.map((c) => c.email))];
  const rows = prepared(GATE_SQL).all(JSON.stringify(emails)) as GateRow[];
  const byEmail = new Map(rows.map((row) => [row.email, row]));
  return checks.map((check) => decideGate({ person: factsFor(byEmail.get(check.email)), channel: check.channel, now }));
}
