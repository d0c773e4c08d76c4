/**
 * Pieces of the accreditation pages: the checklist of conditions, the next step, the current
 * accreditation, and `AccreditationRoad` which the learner's home page shows. Data comes from
 * `accreditationStatusFor` (app/models/accreditation-views.server.ts), serialised by the loader.
 * Statuses, next steps and reasons are the state machine's types (app/domain/accreditation.ts): each
 * is read with an exhaustive `switch`, so a new state is a compile error here until it is described.
 */
import { Link } from "@remix-run/react";
import { Badge, Card, type BadgeTone } from "./ui";
import { unreachable, type AccreditationState, type NextStepKey, type StateReason } from "~/domain/accreditation";
import { useTranslation } from "~/i18n/react";
import { useDates } from "./dates";
import { NEXT_STEP_LINKS, NextStep, type RoadStepData } from "./next-step";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/accreditation.client";

export { NextStep, type RoadStepData };

type DateLike = string | Date;

export type ChecklistData =
  | { item: "placed"; met: boolean; level: string | null; levelName?: string }
  | { item: "track"; met: boolean; completed: number; total: number }
  | { item: "exam"; met: boolean; passedAt: DateLike | null; validUntil: DateLike | null; score: number | null; lapsed: boolean }
  | { item: "charter"; met: boolean; currentVersion: string | null; signedVersion: string | null };

export type AccreditationData = {
  id: string;
  status: AccreditationState;
  channelLabels: string[];
  requestedChannelLabels: string[];
  statement: string;
  requestedAt: DateLike;
  validUntil: DateLike | null;
  reason: StateReason | null;
  inForce: boolean;
};

export type RoadData = {
  eligibility: { eligible: boolean; checklist: ChecklistData[] };
  accreditation: AccreditationData | null;
  next: NextStepKey;
  requestAgainFrom: DateLike | null;
  examOpensAt?: DateLike | null;
  trackStarted?: boolean;
};

/** The checklist's own links: the unmet conditions' next steps. */
const CHECKLIST_LINKS: Record<ChecklistData["item"], string | null> = {
  placed: NEXT_STEP_LINKS.placed,
  track: NEXT_STEP_LINKS.track,
  exam: NEXT_STEP_LINKS.exam,
  charter: NEXT_STEP_LINKS.charter,
};

function badgeTone(status: AccreditationState): BadgeTone {
  switch (status) {
    case "granted":
      return "success";
    case "suspended":
    case "requested":
    case "renewal_requested":
      return "warning";
    case "declined":
    case "expired":
    case "revoked":
      return "neutral";
    default:
      return unreachable(status);
  }
}

export function StateBadge({ status }: { status: AccreditationState }) {
  const { t } = useTranslation();
  return <Badge tone={badgeTone(status)}>{t(`accreditation.states.${status}`)}</Badge>;
}

type Translate = (key: string, params?: Record<string, string>) => string;

/** A stored reason in words (a manager's words are shown as typed). */
export function reasonInWords(reason: StateReason, t: Translate): string {
  switch (reason.kind) {
    case "decision":
      return reason.text;
    case "charter":
      return t("accreditation.page.reasonCharter", { version: reason.version });
    case "left_organisation":
      return t("lifecycle.history.leftOrganisation", { source: t(`lifecycle.history.sources.${reason.source}`) });
    default:
      return unreachable(reason);
  }
}

function detailOf(entry: ChecklistData, t: (key: string, params?: Record<string, unknown>) => string, date: (d: DateLike | null) => string): string {
  switch (entry.item) {
    case "placed":
      // The level's name comes translated with the data (no placement strings on these pages).
      return entry.level ? t("accreditation.checklist.placedMet", { level: entry.levelName ?? entry.level }) : t("accreditation.checklist.placedUnmet");
    case "track":
      return t("accreditation.checklist.trackProgress", { count: entry.completed, completed: entry.completed, total: entry.total });
    case "exam":
      if (entry.met) return t("accreditation.checklist.examMet", { date: date(entry.passedAt), score: entry.score, until: date(entry.validUntil) });
      if (entry.lapsed) return t("accreditation.checklist.examLapsed", { date: date(entry.passedAt), until: date(entry.validUntil) });
      return t("accreditation.checklist.examUnmet");
    case "charter":
      if (!entry.currentVersion) return t("accreditation.checklist.charterNone");
      if (entry.met) return t("accreditation.checklist.charterMet", { version: entry.currentVersion });
      if (entry.signedVersion) return t("accreditation.checklist.charterOld", { signed: entry.signedVersion, current: entry.currentVersion });
      return t("accreditation.checklist.charterUnmet", { current: entry.currentVersion });
  }
}

/**
 * The conditions. Staff views (app/components/accreditation-staff.tsx) pass `detail`, their own
 * third-person wording where it differs (null: this one), and `links={false}`: no link to the reader's
 * own pages.
 */
export function Checklist({
  checklist,
  detail,
  links = true,
}: {
  checklist: ChecklistData[];
  detail?: (entry: ChecklistData) => string | null;
  links?: boolean;
}) {
  const { t } = useTranslation();
  const { date } = useDates();
  return (
    <ol className="space-y-3">
      {checklist.map((entry) => (
        <li key={entry.item} className="checklist-item">
          <span aria-hidden="true" className={entry.met ? "tick tick-met" : "tick"}>
            {entry.met ? "✓" : ""}
          </span>
          <div>
            <p className="font-medium text-slate-900">
              {t(`accreditation.checklist.${entry.item}`)}
              <span className="sr-only"> — {entry.met ? t("accreditation.checklist.met") : t("accreditation.checklist.unmet")}</span>
            </p>
            <p className="muted text-sm">
              {detail?.(entry) ?? detailOf(entry, t, date)}
              {links && !entry.met && CHECKLIST_LINKS[entry.item] ? (
                <>
                  {" "}
                  <Link to={CHECKLIST_LINKS[entry.item]!} className="link">
                    {t("accreditation.next.go")}
                    <span className="sr-only"> : {t(`accreditation.checklist.${entry.item}`)}</span>
                  </Link>
                </>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Why the accreditation is in its state, in words the person understands (staff: app/components/accreditation-staff.tsx). */
export function StateExplanation({ accreditation }: { accreditation: AccreditationData }) {
  const { t } = useTranslation();
  const { day } = useDates();
  const { status, reason } = accreditation;
  switch (status) {
    case "suspended":
      if (reason?.kind === "left_organisation")
        return (
          <p role="status" className="text-amber-900">
            {t("lifecycle.explanation.leftOrganisation")}
          </p>
        );
      return (
        <p role="status" className="text-amber-900">
          {t("accreditation.page.suspendedBecause", { version: reason?.kind === "charter" ? reason.version : "" })}
        </p>
      );
    case "revoked":
    case "declined":
      return (
        <p className="text-red-800">
          {t(status === "revoked" ? "accreditation.page.revokedBecause" : "accreditation.page.declinedBecause", {
            reason: reason ? reasonInWords(reason, t) : "",
          })}
        </p>
      );
    case "expired":
      return <p className="text-slate-800">{t("accreditation.page.expiredInfo", { date: day(accreditation.validUntil) })}</p>;
    case "granted":
    case "renewal_requested":
      return (
        <p className={accreditation.inForce ? "text-green-900" : "text-slate-800"}>
          {accreditation.inForce ? t("accreditation.page.inForce") : t("accreditation.page.notInForce")}
        </p>
      );
    case "requested":
      return null;
    default:
      return unreachable(status);
  }
}

/** Channels asked for but not granted: the labels (empty when the grant covers the request, or before any grant). */
export function notGranted(accreditation: Pick<AccreditationData, "channelLabels" | "requestedChannelLabels">): string[] {
  if (accreditation.channelLabels.length === 0) return [];
  return accreditation.requestedChannelLabels.filter((label) => !accreditation.channelLabels.includes(label));
}

/** A partial grant, explained to the holder. */
export function PartialGrant({ accreditation }: { accreditation: AccreditationData }) {
  const { t } = useTranslation();
  const missing = notGranted(accreditation);
  if (missing.length === 0) return null;
  return <p className="text-sm text-slate-800">{t("accreditation.page.partialGrant", { channels: missing.join(", ") })}</p>;
}

export function AccreditationSummary({ accreditation }: { accreditation: AccreditationData }) {
  const { t } = useTranslation();
  const { day } = useDates();
  const granted = accreditation.channelLabels.length > 0;
  return (
    <div className="space-y-2">
      <p>
        <span className="font-medium">
          {t("accreditation.page.status")}
          {t("accreditation.colon")}
        </span>
        <StateBadge status={accreditation.status} />
      </p>
      <StateExplanation accreditation={accreditation} />
      <PartialGrant accreditation={accreditation} />
      <dl className="facts text-sm">
        {granted ? (
          <>
            <dt>{t("accreditation.page.channels")}</dt>
            <dd>{accreditation.channelLabels.join(", ")}</dd>
          </>
        ) : (
          <>
            <dt>{t("accreditation.page.requestedChannels")}</dt>
            <dd>{accreditation.requestedChannelLabels.join(", ")}</dd>
          </>
        )}
        {accreditation.validUntil ? (
          <>
            <dt>{t("accreditation.page.validUntil")}</dt>
            <dd>{day(accreditation.validUntil)}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

/** The road to accreditation, for the learner's home page: where they stand and what to do next. */
export function AccreditationRoad({ road }: { road: RoadData }) {
  const { t } = useTranslation();
  return (
    <Card title={t("accreditation.home.title")} className="space-y-4">
      {road.accreditation ? <AccreditationSummary accreditation={road.accreditation} /> : null}
      <NextStep next={road.next} requestAgainFrom={road.requestAgainFrom} examOpensAt={road.examOpensAt ?? null} trackStarted={road.trackStarted ?? false} />
      <Checklist checklist={road.eligibility.checklist} />
      <p>
        <Link to="/accreditation" className="link">
          {t("accreditation.home.details")}
        </Link>
      </p>
    </Card>
  );
}
