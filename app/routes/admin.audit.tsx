import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { DateTime } from "~/components/dates";
import { requirePermission } from "~/auth/guards.server";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listAudit } from "~/models/audit.server";
import { findUserByEmail } from "~/models/user.server";
import { z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

const PAGE = 50;

function querySchema() {
  return z.object({
    action: z.string().trim().max(60).optional().catch(undefined),
    subject: z.string().trim().max(64).optional().catch(undefined),
    person: z.string().trim().max(254).optional().catch(undefined),
    before: z.coerce.number().int().positive().optional().catch(undefined),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "audit.view");
  const q = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  // "accreditation.*" (or "accreditation.") lists every action of that kind; a person is found by email.
  const prefix = q.action && /[.*]$/.test(q.action) ? q.action.replace(/\*$/, "") : undefined;
  const personId = q.person ? (findUserByEmail(q.person)?.id ?? "—") : undefined;
  const rows = listAudit({ action: prefix ? undefined : q.action || undefined, actionPrefix: prefix, personId, subjectId: q.subject || undefined, before: q.before, limit: PAGE + 1 });
  return json({ rows: rows.slice(0, PAGE), more: rows.length > PAGE, q, title: titleFor(request, viewer, "adminAudit") });
}

export default function AuditLog() {
  const { t } = useTranslation();
  const { rows, more, q } = useLoaderData<typeof loader>();
  const last = rows[rows.length - 1];
  const nextParams = new URLSearchParams({ ...(q.action ? { action: q.action } : {}), ...(q.subject ? { subject: q.subject } : {}), ...(q.person ? { person: q.person } : {}), before: String(last?.id ?? "") });
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("nav.audit")}</h1>
      <Form method="get" className="card flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="action" className="field-label">{t("audit.filterAction")}</label>
          <input id="action" name="action" defaultValue={q.action ?? ""} className="field-input" maxLength={60} />
        </div>
        <div>
          <label htmlFor="subject" className="field-label">{t("audit.filterSubject")}</label>
          <input id="subject" name="subject" defaultValue={q.subject ?? ""} className="field-input" maxLength={64} />
        </div>
        <div>
          <label htmlFor="person" className="field-label">{t("common.email")}</label>
          <input id="person" name="person" type="email" defaultValue={q.person ?? ""} className="field-input" maxLength={254} />
        </div>
        <button type="submit" className="btn-secondary">{t("common.search")}</button>
      </Form>
      <DataTable columns={[t("audit.when"), t("audit.who"), t("audit.action"), t("audit.subject"), t("audit.change"), t("audit.why")]}>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className="px-3 py-2 whitespace-nowrap"><DateTime value={row.at} /></td>
            <td className="px-3 py-2">{row.actorName ?? "—"}</td>
            <td className="px-3 py-2 font-mono">{row.action}</td>
            <td className="px-3 py-2 font-mono text-xs">{row.subjectType}:{row.subjectId}</td>
            <td className="px-3 py-2">{row.fromState ?? "∅"} → {row.toState ?? "∅"}</td>
            <td className="px-3 py-2">{row.reason ?? ""}</td>
          </tr>
        ))}
      </DataTable>
      {rows.length === 0 ? <p className="card">{t("audit.empty")}</p> : null}
      {more ? <Link className="btn-secondary" to={`?${nextParams}`}>{t("audit.older")}</Link> : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
