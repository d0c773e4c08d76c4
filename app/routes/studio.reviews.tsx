import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { DateTime } from "~/components/dates";
import { requirePermission } from "~/auth/guards.server";
import { Breadcrumb } from "~/components/breadcrumb";
import { Button, ButtonLink } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pagination } from "~/components/pagination";
import { loadContentLibrary, lookupModule } from "~/content/library.server";
import { resolveLocale } from "~/i18n/config";
import { REVIEW_COMMENT_MAX_CHARS, listPendingReflections, reviewReflection } from "~/models/reviews.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z, fields } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

const PAGE_SIZE = 20;

function querySchema() {
  return z.object({ page: z.coerce.number().int().min(1).max(100000).catch(1) });
}

function reviewSchema() {
  const key = () => z.string({ error: "errors.invalidInput" }).min(1, "errors.invalidInput").max(200, "errors.invalidInput");
  return z.object({
    userId: key(),
    moduleId: key(),
    reflectionId: key(),
    seen: z.coerce.number({ error: "errors.invalidInput" }).int("errors.invalidInput"),
    comment: fields.freeText(REVIEW_COMMENT_MAX_CHARS * 2),
    page: z.coerce.number().int().min(1).max(100000).catch(1),
  });
}

export const meta = titled;

/** The queue, oldest first: who answered what, to which prompt (in the reader's language). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "reviews.manage");
  const locale = resolveLocale(request, viewer.locale);
  const { page } = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, total } = listPendingReflections({ page, pageSize: PAGE_SIZE });
  const library = await loadContentLibrary();
  const items = rows.map((row) => {
    const module = lookupModule(library, row.moduleId, locale)?.module;
    return {
      ...row,
      updatedAt: row.updatedAt.toISOString(),
      seen: row.updatedAt.getTime(),
      moduleTitle: module?.title ?? row.moduleId,
      prompt: module?.reflections.find((r) => r.id === row.reflectionId)?.prompt ?? null,
    };
  });
  return json({ items, total, page, pageSize: PAGE_SIZE, title: titleFor(request, viewer, "studioReviews") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "reviews.manage");
    const form = await parseForm(request, reviewSchema());
    const library = await loadContentLibrary();
    const title = (locale: "fr" | "en") => lookupModule(library, form.moduleId, locale)?.module.title ?? form.moduleId;
    reviewReflection(viewer.id, {
      userId: form.userId,
      moduleId: form.moduleId,
      reflectionId: form.reflectionId,
      comment: form.comment,
      seenUpdatedAt: form.seen,
      moduleTitles: { fr: title("fr"), en: title("en") },
    });
    return redirectWithFlash(`/studio/reviews?page=${form.page}`, { kind: "success", key: "studio.reviews.done" });
  });
}

export default function Reviews() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string> | null = result && "fieldErrors" in result ? result.fieldErrors : null;
  return (
    <div className="page-wide space-y-6">
      <Breadcrumb label={t("studio.editor.breadcrumb")} trail={[{ to: "/studio", label: t("studio.title") }]} current={t("studio.reviews.title")} />
      <PageHeader title={t("studio.reviews.title")} description={t("studio.reviews.intro", { count: data.total })} className="mb-0" />
      {errors ? (
        <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {Object.values(errors).map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
        </div>
      ) : null}
      {data.items.length === 0 ? (
        <EmptyState
          title={t("studio.reviews.empty")}
          action={
            <ButtonLink to="/studio" variant="secondary">
              {t("staffPages.reviews.back")}
            </ButtonLink>
          }
        >
          {t("staffPages.reviews.emptyHint")}
        </EmptyState>
      ) : (
        <ol className="space-y-4">
          {data.items.map((item) => {
            const key = `${item.userId}-${item.moduleId}-${item.reflectionId}`;
            return (
              <li key={key} className="card space-y-3">
                <p className="text-sm text-slate-700">
                  <span className="font-semibold text-slate-900">{item.userName}</span> — {item.moduleTitle} — <DateTime value={item.updatedAt} />
                </p>
                {item.prompt ? <p className="font-semibold">{item.prompt}</p> : null}
                <blockquote className="whitespace-pre-line border-l-4 border-slate-300 pl-4 text-slate-800">{item.text}</blockquote>
                {item.previousComment ? (
                  <p className="text-sm text-slate-700">
                    {t("studio.reviews.previousComment")} {item.previousComment}
                  </p>
                ) : null}
                <Form method="post" className="space-y-2">
                  <input type="hidden" name="userId" value={item.userId} />
                  <input type="hidden" name="moduleId" value={item.moduleId} />
                  <input type="hidden" name="reflectionId" value={item.reflectionId} />
                  <input type="hidden" name="seen" value={item.seen} />
                  <input type="hidden" name="page" value={data.page} />
                  <label htmlFor={`comment-${key}`} className="field-label">
                    {t("studio.reviews.comment", { name: item.userName })}
                  </label>
                  <textarea id={`comment-${key}`} name="comment" rows={3} maxLength={REVIEW_COMMENT_MAX_CHARS} className="field-input" />
                  <Button type="submit" disabled={navigation.state === "submitting"}>
                    {t("studio.reviews.markReviewed")}
                  </Button>
                </Form>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
