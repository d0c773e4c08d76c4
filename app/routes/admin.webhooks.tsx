import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { ApiTabs, CreatedPanel, ShownOnce } from "~/components/api-admin";
import { DataTable } from "~/components/data-table";
import { DateTime } from "~/components/dates";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, useIsPending } from "~/components/form";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  setWebhookEndpointEnabled,
} from "~/models/webhook.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

const id = () => z.string().min(1, "errors.invalidInput").max(64, "errors.invalidInput");

function schema() {
  return z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("create"),
      url: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(2000, "errors.tooLong"),
      secret: z.string().trim().max(200, "api.webhooks.errors.secretLength").optional().default(""),
    }),
    z.object({ intent: z.literal("enable"), endpointId: id() }),
    z.object({ intent: z.literal("disable"), endpointId: id() }),
    z.object({ intent: z.literal("delete"), endpointId: id() }),
    z.object({ intent: z.literal("retry"), deliveryId: id() }),
  ]);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "api.manage");
  return json({ endpoints: listWebhookEndpoints(), deliveries: listWebhookDeliveries({ limit: 50 }), title: titleFor(request, viewer, "adminWebhooks") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "api.manage");
    const form = await parseForm(request, schema());
    const here = "/admin/webhooks";
    switch (form.intent) {
      case "create": {
        const created = await createWebhookEndpoint(viewer.id, { url: form.url, secret: form.secret });
        // Not a redirect: a generated secret is shown on this response only.
        return json({ created: { url: created.url, secret: created.generated ? created.secret : null }, fieldErrors: null });
      }
      case "enable":
        setWebhookEndpointEnabled(viewer.id, form.endpointId, true);
        return redirectWithFlash(here, { kind: "success", key: "api.webhooks.enabledFlash" });
      case "disable":
        setWebhookEndpointEnabled(viewer.id, form.endpointId, false);
        return redirectWithFlash(here, { kind: "success", key: "api.webhooks.disabledFlash" });
      case "delete":
        deleteWebhookEndpoint(viewer.id, form.endpointId);
        return redirectWithFlash(here, { kind: "success", key: "api.webhooks.deletedFlash" });
      case "retry":
        retryWebhookDelivery(viewer.id, form.deliveryId);
        return redirectWithFlash(here, { kind: "success", key: "api.webhooks.retriedFlash" });
    }
  });
}

const STATUS_STYLE = { pending: "text-amber-900", succeeded: "text-green-800", failed: "text-red-800" } as const;

export default function AdminWebhooks() {
  const { t } = useTranslation();
  const { endpoints, deliveries } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const created = data && "created" in data ? data.created : null;
  const busy = useIsPending();
  return (
    <div className="space-y-6">
      <PageHeader title={t("api.webhooks.title")} description={t("api.webhooks.intro")} className="mb-0" />
      <ApiTabs />

      {created ? (
        <CreatedPanel title={t("api.webhooks.createdTitle")}>
          {created.secret ? (
            <>
              <p className="text-slate-800">{t("api.webhooks.createdSecret", { url: created.url })}</p>
              <ShownOnce id="created-secret" label={t("api.webhooks.secretLabel")} value={created.secret} />
            </>
          ) : (
            <p className="text-slate-800">{t("api.webhooks.createdTyped", { url: created.url })}</p>
          )}
        </CreatedPanel>
      ) : null}

      <Card title={t("api.webhooks.addTitle")} className="space-y-4">
        <Form key={created?.url ?? "new"} method="post" className="space-y-4" noValidate>
          <FormErrors errors={errors} />
          <input type="hidden" name="intent" value="create" />
          <Field
            name="url"
            type="url"
            label={t("api.webhooks.url")}
            hint={t("api.webhooks.urlHint")}
            required
            maxLength={2000}
            errors={errors}
            autoComplete="off"
          />
          <Field name="secret" label={t("api.webhooks.secret")} hint={t("api.webhooks.secretHint")} maxLength={200} errors={errors} autoComplete="off" />
          <Button type="submit" disabled={busy}>
            {t("api.webhooks.add")}
          </Button>
        </Form>
      </Card>

      <section aria-labelledby="endpoints-title" className="space-y-3">
        <h2 id="endpoints-title" className="text-heading font-semibold">
          {t("api.webhooks.endpointsTitle")}
        </h2>
        {endpoints.length === 0 ? (
          <EmptyState title={t("api.webhooks.emptyEndpoints")} headingLevel={3}>
            {t("staffPages.webhooks.emptyHint")}
          </EmptyState>
        ) : (
          <ul className="space-y-3">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="card flex flex-wrap items-center justify-between gap-4">
                <div className="min-w-0">
                  <p className="break-all font-mono text-sm">{endpoint.url}</p>
                  <p className="text-sm text-slate-700">
                    <Badge tone={endpoint.enabled ? "success" : "neutral"}>{endpoint.enabled ? t("api.webhooks.enabled") : t("api.webhooks.disabled")}</Badge>
                    {" · "}
                    {t("api.webhooks.counts", { pending: endpoint.pending, failed: endpoint.failed })}
                  </p>
                </div>
                <div className="flex gap-2">
                  <Form method="post">
                    <input type="hidden" name="intent" value={endpoint.enabled ? "disable" : "enable"} />
                    <input type="hidden" name="endpointId" value={endpoint.id} />
                    <Button
                      type="submit"
                      variant="secondary"
                      size="sm"
                      aria-label={t(endpoint.enabled ? "api.webhooks.disableLabel" : "api.webhooks.enableLabel", { url: endpoint.url })}
                    >
                      {endpoint.enabled ? t("api.webhooks.disable") : t("api.webhooks.enable")}
                    </Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="endpointId" value={endpoint.id} />
                    <Button type="submit" variant="danger" size="sm" aria-label={t("api.webhooks.deleteLabel", { url: endpoint.url })}>
                      {t("api.webhooks.delete")}
                    </Button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="deliveries-title" className="space-y-3">
        <h2 id="deliveries-title" className="text-heading font-semibold">
          {t("api.webhooks.deliveriesTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("api.webhooks.deliveriesIntro")}</p>
        {deliveries.length === 0 ? (
          <EmptyState title={t("api.webhooks.emptyDeliveries")} headingLevel={3} />
        ) : (
          <DataTable
            columns={[
              t("api.webhooks.columns.created"),
              t("api.webhooks.columns.event"),
              t("api.webhooks.columns.endpoint"),
              t("api.webhooks.columns.status"),
              t("api.webhooks.columns.attempts"),
              t("api.webhooks.columns.last"),
              t("api.webhooks.columns.next"),
              t("api.webhooks.columns.actions"),
            ]}
          >
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td className="px-3 py-2 whitespace-nowrap">
                  <DateTime value={d.createdAt} />
                </td>
                <td className="px-3 py-2">
                  <span className="font-mono">{d.eventType}</span>
                  <span className="block font-mono text-xs text-slate-600">{d.eventId}</span>
                </td>
                <td className="px-3 py-2 break-all font-mono text-xs">{d.endpointUrl}</td>
                <td className={`px-3 py-2 font-medium ${STATUS_STYLE[d.status]}`}>{t(`api.webhooks.statuses.${d.status}`)}</td>
                <td className="px-3 py-2">{d.attempts}</td>
                <td className="px-3 py-2">
                  {d.lastStatusCode ?? (d.lastError ? "" : t("api.webhooks.noResponse"))}
                  {d.lastError && d.lastStatusCode === null ? (
                    <span className="text-red-800">{t(`api.webhooks.failures.${d.lastError}`, { defaultValue: d.lastError })}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {d.status === "pending" && d.nextAttemptAt ? <DateTime value={d.nextAttemptAt} /> : t("api.webhooks.noResponse")}
                </td>
                <td className="px-3 py-2">
                  {d.status === "failed" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="retry" />
                      <input type="hidden" name="deliveryId" value={d.id} />
                      <Button type="submit" variant="secondary" size="sm" aria-label={t("api.webhooks.retryLabel", { event: d.eventType, url: d.endpointUrl })}>
                        {t("api.webhooks.retry")}
                      </Button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
