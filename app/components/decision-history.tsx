/**
 * Decisions on accreditations, as staff read them: per person (on a case) and per team (the requests
 * page). Entries come from the audit trail (app/models/accreditation-views.server.ts); actions and
 * states are the state machine's, in the reader's language.
 */
import { Link } from "@remix-run/react";
import type { AccreditationState, StateReason } from "~/domain/accreditation";
import { useTranslation } from "~/i18n/react";
import { reasonInWords } from "./accreditation";
import { DataTable } from "./data-table";
import { useDates } from "./dates";

type Entry = {
  id: number;
  at: string | Date;
  action: string;
  fromState: AccreditationState | null;
  toState: AccreditationState | null;
  reason: StateReason | null;
  actorName: string | null;
  person?: string;
  accreditationId?: string;
};

function actionLabel(t: (key: string) => string, entry: Entry): string {
  const action = t(`accreditation.actions.${entry.action.replace(/^accreditation\./, "")}`);
  return entry.toState && entry.fromState !== entry.toState ? `${action} → ${t(`accreditation.states.${entry.toState}`)}` : action;
}

/** A table of decisions; with `withPerson`, a column names the person and links to their case. */
export function DecisionHistory({ entries, withPerson = false, caption }: { entries: Entry[]; withPerson?: boolean; caption: string }) {
  const { t } = useTranslation();
  const { dateTime } = useDates();
  if (entries.length === 0) return <p className="mt-2 text-slate-700">{t("staffView.history.empty")}</p>;
  return (
    <DataTable
      caption={caption}
      columns={[
        t("staffView.history.when"),
        ...(withPerson ? [t("staffView.history.person")] : []),
        t("staffView.history.decision"),
        t("staffView.history.by"),
        t("staffView.history.reason"),
      ]}
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td className="px-3 py-2 whitespace-nowrap">
            <time dateTime={new Date(entry.at).toISOString()}>{dateTime(entry.at)}</time>
          </td>
          {withPerson ? (
            <td className="px-3 py-2">
              {entry.accreditationId ? (
                <Link to={`/team/requests/${entry.accreditationId}`} className="link">
                  {entry.person}
                </Link>
              ) : (
                entry.person
              )}
            </td>
          ) : null}
          <td className="px-3 py-2 font-medium">{actionLabel(t, entry)}</td>
          <td className="px-3 py-2">{entry.actorName ?? t("staffView.history.system")}</td>
          <td className="px-3 py-2">{entry.reason ? reasonInWords(entry.reason, t) : ""}</td>
        </tr>
      ))}
    </DataTable>
  );
}
