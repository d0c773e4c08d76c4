/**
 * The admin pages for machine access: API tokens (/admin/api), SCIM tokens (/admin/provisioning) and
 * webhooks (/admin/webhooks). One token table and one creation form serve both kinds of token; their
 * words come from the page's namespace (`api.tokens` or `provisioning.scim`), which have the same keys.
 */
import { Button } from "~/components/ui/button";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Form, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { DataTable } from "~/components/data-table";
import { DateTime, useDates } from "~/components/dates";
import { Field, FormErrors } from "~/components/form";

type Tab = { to: string; label: string; end?: boolean; document?: boolean };

/** A row of tabs under a page title; `document` tabs are plain links (a file, not a page of the app). */
function SubNav({ label, tabs }: { label: string; tabs: Tab[] }) {
  const tab = ({ isActive }: { isActive: boolean }) =>
    `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        {tabs.map((item) => (
          <li key={item.to}>
            {item.document ? (
              <a href={item.to} className={tab({ isActive: false })}>
                {item.label}
              </a>
            ) : (
              <NavLink to={item.to} end={item.end} className={tab}>
                {item.label}
              </NavLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The sub-navigation of the API admin pages: tokens, webhooks, and the OpenAPI document. */
export function ApiTabs() {
  const { t } = useTranslation();
  return (
    <SubNav
      label={t("api.tabs.label")}
      tabs={[
        { to: "/admin/api", label: t("api.tabs.tokens"), end: true },
        { to: "/admin/webhooks", label: t("api.tabs.webhooks") },
        { to: "/api/v1/openapi.json", label: t("api.tabs.docs"), document: true },
      ]}
    />
  );
}

/** The sub-navigation of the provisioning admin pages: SCIM tokens, CSV import and export. */
export function ProvisioningTabs() {
  const { t } = useTranslation();
  return (
    <SubNav
      label={t("provisioning.tabs.label")}
      tabs={[
        { to: "/admin/provisioning", label: t("provisioning.tabs.scim"), end: true },
        { to: "/admin/people-csv", label: t("provisioning.tabs.csv") },
      ]}
    />
  );
}

/** A secret shown once, in a read-only field that is easy to select and copy. */
export function ShownOnce({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input id={id} readOnly value={value} className="field-input font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}

/** What a creation gave (a token or a secret shown once), announced as a status. */
export function CreatedPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section role="status" aria-labelledby="created-title" className="card space-y-3 border-l-4 border-l-green-700">
      <h2 id="created-title" className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The longest token name (the routes' schemas use it too). */
export const TOKEN_NAME_MAX = 80;

/** The namespaces of the two kinds of token's words (same keys in both). */
export type TokenWords = "api.tokens" | "provisioning.scim";

/** A token just created: its name and the secret, shown on this response only. */
export function CreatedToken({ words, created }: { words: TokenWords; created: { name: string; token: string } }) {
  const { t } = useTranslation();
  return (
    <CreatedPanel title={t(`${words}.createdTitle`, { name: created.name })}>
      <p className="text-slate-800">{t(`${words}.createdBody`)}</p>
      <ShownOnce id="created-token" label={t(`${words}.tokenLabel`)} value={created.token} />
    </CreatedPanel>
  );
}

/**
 * The form that creates a token: its name (80 characters at most, as the route's schema says) and any
 * `extra` fields. `formKey` changes after a creation, so the form starts empty again.
 */
export function TokenCreateForm({
  words,
  formKey,
  errors,
  busy,
  extra,
}: {
  words: TokenWords;
  formKey: string;
  errors: Record<string, string> | null;
  busy: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t(`${words}.createTitle`)} className="space-y-4">
      <Form key={formKey} method="post" className="flex flex-wrap items-end gap-4" noValidate>
        <FormErrors errors={errors} />
        <input type="hidden" name="intent" value="create" />
        <div className="min-w-64 flex-1">
          <Field
            name="name"
            id="token-name"
            label={t(`${words}.name`)}
            hint={t(`${words}.nameHint`)}
            required
            maxLength={TOKEN_NAME_MAX}
            errors={errors}
            autoComplete="off"
          />
        </div>
        {extra}
        <Button type="submit" disabled={busy}>
          {t(`${words}.create`)}
        </Button>
      </Form>
    </Card>
  );
}

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
};

/**
 * The list of tokens with a revoke button each. `creator` adds who created it under the date (API
 * tokens); `now` adds the expiry column and the "expired" status (SCIM tokens, which may end).
 */
export function TokenTable({ words, tokens, creator = false, now }: { words: TokenWords; tokens: TokenRow[]; creator?: boolean; now?: number }) {
  const { t } = useTranslation();
  const { date } = useDates();
  const expiry = now !== undefined;
  const c = (key: string) => t(`${words}.columns.${key}`);
  return (
    <section aria-labelledby="list-title" className="space-y-3">
      <h2 id="list-title" className="text-heading font-semibold">
        {t(`${words}.listTitle`)}
      </h2>
      {tokens.length === 0 ? (
        <EmptyState title={t(`${words}.empty`)} headingLevel={3}>
          {t("staffPages.tokens.emptyHint")}
        </EmptyState>
      ) : (
        <DataTable columns={[c("name"), c("prefix"), c("created"), c("lastUsed"), ...(expiry ? [c("expires")] : []), c("status"), c("actions")]}>
          {tokens.map((token) => {
            const expired = expiry && token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now;
            return (
              <tr key={token.id}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {token.name}
                </th>
                <td className="px-3 py-2 font-mono">{token.prefix}…</td>
                <td className="px-3 py-2">
                  <DateTime value={token.createdAt} />
                  {creator ? (
                    <span className="block text-xs text-slate-600">
                      {c("createdBy")} {token.createdByName ?? t(`${words}.cli`)}
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">{token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : t(`${words}.never`)}</td>
                {expiry ? <td className="px-3 py-2">{token.expiresAt ? <DateTime value={token.expiresAt} /> : t(`${words}.noExpiry`)}</td> : null}
                <td className="px-3 py-2">
                  {token.revokedAt ? (
                    <Badge tone="danger">{t(`${words}.revoked`, { date: date(token.revokedAt) })}</Badge>
                  ) : expired ? (
                    <Badge tone="warning">{t(`${words}.expired`)}</Badge>
                  ) : (
                    <Badge tone="success">{t(`${words}.active`)}</Badge>
                  )}
                </td>
                <td className="px-3 py-2">
                  {token.revokedAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="tokenId" value={token.id} />
                      <Button type="submit" variant="danger" size="sm" aria-label={t(`${words}.revokeLabel`, { name: token.name })}>
                        {t(`${words}.revoke`)}
                      </Button>
                    </Form>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
