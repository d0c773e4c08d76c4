import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { DataTable } from "~/components/data-table";
import { DateTime } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FieldFrame, FormErrors } from "~/components/form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { AUDIT_ACTIONS, AUDIT_KINDS, kindOf } from "~/domain/audit";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { describeAudit, listAudit } from "~/models/audit.server";
import { auditQueryString, parseAuditQuery } from "~/utils/audit-filters.server";
import { titled } from "~/utils/meta";
import { readerTimeZone } from "~/utils/shell.server";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

const PAGE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "audit.view");
  const locale = resolveLocale(request, viewer.locale);
  const t = getT(locale);
  const url = new URL(request.url);
  const { q, filter, errors } = parseAuditQuery(url, readerTimeZone(request));
  // The action filter: every action of a kind, then each action, in the reader's language.
  const actions = AUDIT_KINDS.map((kind) => ({
    kind,
    label: t(`auditLog.kinds.${kind}`),
    all: t("auditLog.allOfKind", { kind: t(`auditLog.kinds.${kind}`) }),
    actions: AUDIT_ACTIONS.filter((a) => kindOf(a) === kind).map((a) => ({ value: a, label: t(`auditLog.labels.${a}`) })),
  }));
  const rows = errors ? [] : listAudit({ ...filter, limit: PAGE + 1 });
  const shown = describeAudit(rows.slice(0, PAGE), locale);
  const query = auditQueryString(q);
  const dir: "asc" | "desc" = filter.order === "asc" ? "asc" : "desc";
  // The same filters and order, for the next page and the first one.
  const ordered = new URLSearchParams(query);
  if (dir === "asc") {
    ordered.set("sort", "at");
    ordered.set("dir", "asc");
  }
  const cursor = dir === "asc" ? "after" : "before";
  const next = rows.length > PAGE ? new URLSearchParams([...ordered, [cursor, String(shown[shown.length - 1]!.id)]]).toString() : null;
  return json(
    {
      rows: shown,
      next,
      paged: Boolean(filter.before || filter.after),
      first: ordered.toString(),
      sort: { key: "at", dir },
      q,
      errors,
      actions,
      query: query.toString(),
      title: titleFor(request, viewer, "adminAudit"),
    },
    { status: errors ? 400 : 200, headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function AuditLog() {
  const { t } = useTranslation();
  const { rows, next, paged, first, sort, q, errors, actions, query } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("nav.audit")}
        description={t("audit.intro")}
        actions={
          <a className="btn-secondary" href={`/admin/audit.csv${query ? `?${query}` : ""}`} download>
            {t("audit.export")}
          </a>
        }
        className="mb-0"
      />
      <Card title={t("audit.filters")} headingLevel={2}>
        <Form method="get" role="search" aria-label={t("audit.filters")} className="space-y-4">
          <FormErrors errors={errors} />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field
              name="actor"
              label={t("audit.filterActor")}
              hint={t("audit.filterPersonHint")}
              defaultValue={q.actor ?? ""}
              maxLength={254}
              errors={errors}
            />
            <Field
              name="person"
              label={t("audit.filterPerson")}
              hint={t("audit.filterPersonHint")}
              defaultValue={q.person ?? ""}
              maxLength={254}
              errors={errors}
            />
            <FieldFrame id="field-action" label={t("audit.filterAction")} error={errors?.action ? t(errors.action) : null}>
              {(aria) => (
                <select name="action" className="field-input" defaultValue={q.action ?? ""} {...aria}>
                  <option value="">{t("audit.allActions")}</option>
                  {actions.map((group) => (
                    <optgroup key={group.kind} label={group.label}>
                      <option value={`${group.kind}.*`}>{group.all}</option>
                      {group.actions.map((a) => (
                        <option key={a.value} value={a.value}>
                          {a.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </FieldFrame>
            <Field name="from" type="date" label={t("audit.from")} defaultValue={q.from ?? ""} errors={errors} />
            <Field name="to" type="date" label={t("audit.to")} defaultValue={q.to ?? ""} errors={errors} />
          </div>
          {/* A new filter keeps the order. */}
          {sort.dir === "asc" ? (
            <>
              <input type="hidden" name="sort" value="at" />
              <input type="hidden" name="dir" value="asc" />
            </>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit">{t("audit.apply")}</Button>
            {query ? (
              <Link to="/admin/audit" className="btn-secondary">
                {t("audit.clear")}
              </Link>
            ) : null}
          </div>
        </Form>
      </Card>
      {rows.length ? (
        <DataTable sort={sort} caption={t("nav.audit")} columns={[{ label: t("audit.when"), sortKey: "at" }, t("audit.what"), t("audit.why")]}>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-3 py-2 align-top whitespace-nowrap">
                <DateTime value={row.at} />
              </td>
              <td className="px-3 py-2 align-top">
                {row.sentence}
                <span className="ml-2 text-xs text-slate-600">{row.label}</span>
              </td>
              <td className="px-3 py-2 align-top">{row.reason ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <EmptyState
          title={t("audit.empty")}
          action={
            query ? (
              <Link to="/admin/audit" className="btn-secondary">
                {t("audit.clear")}
              </Link>
            ) : null
          }
        >
          {query ? t("staffPages.audit.emptyHint") : null}
        </EmptyState>
      )}
      <nav aria-label={t("audit.pages")} className="flex flex-wrap gap-3">
        {paged ? (
          <Link className="btn-secondary" to={`/admin/audit${first ? `?${first}` : ""}`}>
            {sort.dir === "asc" ? t("staffPages.audit.oldest") : t("audit.newest")}
          </Link>
        ) : null}
        {next ? (
          <Link className="btn-secondary" to={`?${next}`} rel="next">
            {sort.dir === "asc" ? t("staffPages.audit.newer") : t("audit.older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
