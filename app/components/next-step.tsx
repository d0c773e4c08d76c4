/**
 * The next step of the learner's road, with one primary button: every page of the road ends on it
 * (ADR 0022). Keys come from the state machine's `nextStep` (app/domain/accreditation.ts); this file
 * only maps them to words and links. It imports nothing of the domain at run time, so the pages that
 * show it do not ship the state machine to the browser.
 */
import { Link } from "@remix-run/react";
import type { NextStepKey } from "~/domain/accreditation";
import { useTranslation } from "~/i18n/react";
import { useDates } from "./dates";

type DateLike = string | Date;

/** Where each next step leads (null: nothing to open). */
export const NEXT_STEP_LINKS: Record<NextStepKey, string | null> = {
  placed: "/diagnostic",
  track: "/track",
  exam: "/exam",
  charter: "/charter",
  request: "/accreditation#request",
  renew: "/accreditation#request",
  recertify: "/exam",
  resign: "/charter",
  contactManager: null,
  waiting: null,
  pending: null,
  inForce: "/accreditation/certificate",
  none: null,
};

/** Steps with no button (nothing to open); the others' buttons are `accreditation.next.actions.<key>`. */
const NO_ACTION: ReadonlySet<NextStepKey> = new Set(["contactManager", "waiting", "pending", "none"]);

/** The next step as the loaders send it (`roadStepFor` / `accreditationStatusFor`). */
export type RoadStepData = { next: NextStepKey; requestAgainFrom?: DateLike | null; examOpensAt?: DateLike | null; trackStarted?: boolean };

/**
 * What to do next, with one primary button. A track with nothing done says "Start my track"; after a
 * failed exam, the date it reopens is said beside what can be done meanwhile.
 */
export function NextStep({ next, requestAgainFrom = null, examOpensAt = null, trackStarted = false }: RoadStepData) {
  const { t } = useTranslation();
  const { date, dateTime } = useDates();
  const href = NEXT_STEP_LINKS[next];
  const action = NO_ACTION.has(next) ? null : `accreditation.next.actions.${next === "track" ? (trackStarted ? "trackContinue" : "trackStart") : next}`;
  // The leaver path's two steps have their words with the lifecycle strings.
  const text =
    next === "contactManager" || next === "waiting"
      ? t(
          next === "waiting" && requestAgainFrom
            ? "lifecycle.next.waiting"
            : next === "waiting"
              ? "lifecycle.next.waitingNoDate"
              : "lifecycle.next.contactManager",
          { date: date(requestAgainFrom) },
        )
      : t(`accreditation.next.${next}`);
  return (
    <section aria-labelledby="next-step-title" className="callout-next">
      <h2 id="next-step-title" className="text-sm font-semibold text-brand-800">
        {t("accreditation.next.title")}
      </h2>
      <p className="mt-1 text-slate-900">{text}</p>
      {examOpensAt ? <p className="mt-1 text-slate-800">{t("accreditation.exam.refused.cooldown", { date: dateTime(examOpensAt) })}</p> : null}
      {href && action ? (
        <p className="mt-3">
          <Link to={href} className="btn-primary">
            {t(action)}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
