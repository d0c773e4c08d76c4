import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { DataTable } from "~/components/data-table";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, useIsPending } from "~/components/form";
import { loadContentLibrary } from "~/content/library.server";
import { resolveLocale } from "~/i18n/config";
import { MAX_MODULE_ID_CHARS, createModule, listStudioModules } from "~/models/studio.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/placement.client";

function createSchema() {
  return z.object({
    id: z
      .string({ error: "errors.required" })
      .trim()
      .min(1, "errors.required")
      // The model says what is wrong with the id (format, reserved, taken), in words.
      .max(MAX_MODULE_ID_CHARS * 2, "errors.tooLong"),
  });
}

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "content.author");
  const library = await loadContentLibrary();
  const rows = listStudioModules(library, resolveLocale(request, viewer.locale));
  return json({
    title: titleFor(request, viewer, "studio"),
    modules: rows.map((row) => ({ ...row, updatedAt: row.updatedAt?.toISOString() ?? null })),
    canReview: can(viewer.roles, "reviews.manage"),
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "content.author");
    const form = await parseForm(request, createSchema());
    await createModule(viewer.id, form.id);
    return redirectWithFlash(`/studio/${form.id}`, { kind: "success", key: "studio.created", params: { id: form.id } });
  });
}

const STATUS_TONE = { published: "success", draft: "warning", unpublished: "neutral" } as const satisfies Record<string, BadgeTone>;

export default function Studio() {
  const { t } = useTranslation();
  const { modules, canReview } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.fieldErrors ?? null;
  const busy = useIsPending();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("studio.title")}
        description={t("studio.intro")}
        actions={
          <>
            <ButtonLink to="/studio/tracks" variant="secondary">
              {t("studio.tracks.title")}
            </ButtonLink>
            {canReview ? (
              <ButtonLink to="/studio/reviews" variant="secondary">
                {t("studio.reviews.title")}
              </ButtonLink>
            ) : null}
          </>
        }
        className="mb-0"
      />

      <Card title={t("studio.create.title")} className="max-w-2xl">
        <Form method="post" noValidate className="space-y-3">
          <FormErrors errors={errors} />
          <Field
            name="id"
            label={t("studio.create.id")}
            hint={t("studio.create.idHint")}
            required
            maxLength={MAX_MODULE_ID_CHARS}
            errors={errors}
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" disabled={busy}>
            {t("studio.create.submit")}
          </Button>
        </Form>
      </Card>

      <section aria-labelledby="modules-title">
        <h2 id="modules-title" className="text-heading font-semibold">
          {t("studio.list.title", { count: modules.length })}
        </h2>
        <div className="mt-3">
          {modules.length === 0 ? (
            <EmptyState title={t("staffPages.studio.empty")} headingLevel={3}>
              {t("staffPages.studio.emptyHint")}
            </EmptyState>
          ) : (
            <DataTable columns={[t("studio.list.module"), t("studio.list.status"), t("studio.list.languages"), t("studio.list.tracks")]}>
              {modules.map((module) => (
                <tr key={module.id} className="align-top">
                  <td className="px-3 py-2">
                    <Link to={`/studio/${module.id}`} className="link font-semibold">
                      {module.title}
                    </Link>
                    <div>
                      <code className="text-xs text-slate-700">{module.id}</code>
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={STATUS_TONE[module.status]}>{t(`studio.status.${module.status}`)}</Badge>
                    {!module.available && module.status !== "unpublished" ? <p className="mt-1 text-xs text-red-800">{t("studio.list.unavailable")}</p> : null}
                  </td>
                  <td className="px-3 py-2">
                    <ul className="flex gap-2">
                      {(["fr", "en"] as const).map((lang) => (
                        <li key={lang} className={module.locales[lang] ? "font-semibold text-emerald-900" : "text-red-800"}>
                          <span aria-hidden="true">
                            {lang.toUpperCase()} {module.locales[lang] ? "✓" : "✗"}
                          </span>
                          <span className="sr-only">
                            {t(module.locales[lang] ? "studio.list.hasLanguage" : "studio.list.missesLanguage", { language: t(`studio.languages.${lang}`) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="px-3 py-2">
                    {module.tracks.core || module.tracks.levels.length > 0 ? (
                      <ul className="flex flex-wrap gap-1">
                        {module.tracks.core ? (
                          <li>
                            <Badge tone="brand">{t("studio.tracks.core")}</Badge>
                          </li>
                        ) : null}
                        {module.tracks.levels.map((level) => (
                          <li key={level} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
                            {t(`placement.levels.${level}.name`)}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-xs text-slate-700">{t("studio.list.inNoTrack")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </div>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
