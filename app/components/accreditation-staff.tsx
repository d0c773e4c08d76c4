/**
 * The accreditation pieces as staff read them (a manager on a person's case): in the third person,
 * with the person's name, and without links to the reader's own charter or exam. Staff strings only
 * (`staffView.*`): this file is imported by staff pages, never by a learner's.
 */
import { unreachable } from "~/domain/accreditation";
import { useTranslation } from "~/i18n/react";
import { Checklist, notGranted, reasonInWords, type AccreditationData, type ChecklistData } from "./accreditation";
import { useDates } from "./dates";

/** Why the accreditation is in its state, about `person`. */
export function StaffStateExplanation({ accreditation, person }: { accreditation: AccreditationData; person: string }) {
  const { t } = useTranslation();
  const { date } = useDates();
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
          {t("staffView.explanation.suspendedCharter", { name: person, version: reason?.kind === "charter" ? reason.version : "" })}
        </p>
      );
    case "revoked":
      return <p className="text-red-800">{t("staffView.explanation.revoked", { reason: reason ? reasonInWords(reason, t) : "" })}</p>;
    case "declined":
      return <p className="text-red-800">{t("staffView.explanation.declined", { reason: reason ? reasonInWords(reason, t) : "" })}</p>;
    case "expired":
      return <p className="text-slate-800">{t("staffView.explanation.expired", { date: date(accreditation.validUntil) })}</p>;
    case "granted":
    case "renewal_requested":
      return (
        <p className={accreditation.inForce ? "text-green-900" : "text-slate-800"}>
          {t(accreditation.inForce ? "staffView.explanation.inForce" : "staffView.explanation.notInForce", { name: person })}
        </p>
      );
    case "requested":
      return null;
    default:
      return unreachable(status);
  }
}

/** A partial grant, for staff. */
export function StaffPartialGrant({ accreditation }: { accreditation: AccreditationData }) {
  const { t } = useTranslation();
  const missing = notGranted(accreditation);
  if (missing.length === 0) return null;
  return <p className="text-sm text-slate-800">{t("staffView.explanation.partial", { channels: missing.join(", ") })}</p>;
}

/** The person's conditions, in the third person where the learner's wording says "you", without links. */
export function StaffChecklist({ checklist }: { checklist: ChecklistData[] }) {
  const { t } = useTranslation();
  const { date } = useDates();
  const detail = (entry: ChecklistData): string | null => {
    switch (entry.item) {
      case "placed":
        return entry.level ? null : t("staffView.checklist.placedUnmet");
      case "exam":
        return !entry.met && entry.lapsed ? t("staffView.checklist.examLapsed", { date: date(entry.passedAt), until: date(entry.validUntil) }) : null;
      case "charter":
        return !entry.met && entry.currentVersion && entry.signedVersion
          ? t("staffView.checklist.charterOld", { signed: entry.signedVersion, current: entry.currentVersion })
          : null;
      case "track":
        return null;
      default:
        return unreachable(entry);
    }
  };
  return <Checklist checklist={checklist} detail={detail} links={false} />;
}
