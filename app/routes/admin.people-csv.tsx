/**
 * People CSV import (preview, then apply in one transaction) and the link to the export. Admins only.
 * A preview posts the file (multipart); the apply step posts the id of the file the preview kept.
 */
import {
  MaxPartSizeExceededError,
  json,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { DataTable } from "~/components/data-table";
import { Card } from "~/components/ui/card";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useIsPending } from "~/components/form";
import { ProvisioningTabs } from "~/components/api-admin";
import { CSV_MAX_BYTES } from "~/domain/people-csv";
import { resolveLocale } from "~/i18n/config";
import { getT } from "~/i18n/i18n.server";
import { applyImport, CsvFileError, planImport, type ImportPlan } from "~/models/people-csv.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";

export const meta = titled;

const ENVELOPE_BYTES = 64 * 1024;
const SHOWN = { creates: 200, changes: 200, refused: 1000 };

function applySchema() {
  return z.object({
    intent: z.literal("apply", { error: "errors.invalidInput" }),
    fileId: z.string().regex(/^[a-f0-9]{64}$/, "errors.invalidInput"),
    fileName: z.string().trim().min(1, "errors.invalidInput").max(200, "errors.invalidInput"),
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "people.manage");
  return json({ title: `${getT(resolveLocale(request, viewer.locale))("provisioning.csv.title")} · Ambassade` });
}

/** What the page shows of a plan: counts, and the first lines of each kind. */
function preview(plan: ImportPlan) {
  return {
    fileId: plan.fileId,
    fileName: plan.fileName,
    counts: { lines: plan.lines, creates: plan.creates.length, changes: plan.changes.length, unchanged: plan.unchanged, refused: plan.refused.length },
    newTeams: plan.newTeams.slice(0, 50),
    newTeamCount: plan.newTeams.length,
    creates: plan.creates.slice(0, SHOWN.creates),
    changes: plan.changes.slice(0, SHOWN.changes).map(({ line, email, changes }) => ({ line, email, changes })),
    refused: plan.refused.slice(0, SHOWN.refused),
  };
}

type Preview = ReturnType<typeof preview>;

function fileError(error: CsvFileError) {
  return json({ fileError: { key: `provisioning.csv.errors.${error.key}`, params: error.params }, preview: null }, { status: error.status });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "people.manage");
    try {
      if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
        if (Number(request.headers.get("Content-Length") ?? 0) > CSV_MAX_BYTES + ENVELOPE_BYTES) throw new CsvFileError("tooLarge", {}, 413);
        let form: FormData;
        try {
          form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: CSV_MAX_BYTES }));
        } catch (error) {
          if (error instanceof MaxPartSizeExceededError) throw new CsvFileError("tooLarge", {}, 413);
          throw new CsvFileError("noFile");
        }
        const file = form.get("file");
        if (!file || typeof file === "string" || file.size === 0) throw new CsvFileError("noFile");
        const plan = await planImport(new Uint8Array(await file.arrayBuffer()), file.name || "people.csv", viewer);
        return json({ fileError: null, preview: preview(plan) });
      }
      const form = await parseForm(request, applySchema());
      const plan = await applyImport(viewer, form.fileId, form.fileName);
      if (plan.refused.length) return json({ fileError: { key: "provisioning.csv.errors.refused", params: {} }, preview: preview(plan) }, { status: 400 });
      return redirectWithFlash("/admin/people-csv", {
        kind: "success",
        key: "provisioning.csv.applied",
        params: { created: plan.creates.length, changed: plan.changes.length },
      });
    } catch (error) {
      if (error instanceof CsvFileError) return fileError(error);
      throw error;
    }
  });
}

export default function AdminPeopleCsv() {
  const { t } = useTranslation();
  useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useIsPending();
  const result = data && "preview" in data ? data : null;
  const fieldErrors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const p = (result?.preview ?? null) as Preview | null;
  const col = (key: string) => t(`provisioning.csv.columns.${key}`);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("provisioning.csv.title")}
        description={
          <>
            <p>{t("provisioning.csv.intro")}</p>
            <p className="mt-1 text-sm">{t("provisioning.csv.columnsHelp")}</p>
          </>
        }
        className="mb-0"
      />
      <ProvisioningTabs />

      <Card title={t("provisioning.csv.exportTitle")} className="space-y-3">
        <p className="text-slate-700">{t("provisioning.csv.exportBody")}</p>
        <a href="/admin/people.csv" className="btn-secondary inline-block" download>
          {t("provisioning.csv.exportLink")}
        </a>
      </Card>

      <Card title={t("provisioning.csv.importTitle")} className="space-y-4">
        {result?.fileError || fieldErrors ? (
          <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            {result?.fileError ? t(result.fileError.key, result.fileError.params) : t("errors.formHasErrors")}
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="csv-file" className="field-label">
              {t("provisioning.csv.file")}
            </label>
            <p id="csv-file-hint" className="mt-1 text-sm text-slate-600">
              {t("provisioning.csv.fileHint")}
            </p>
            <input id="csv-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="csv-file-hint" className="mt-1 block" />
          </div>
          <Button type="submit" disabled={busy}>
            {t("provisioning.csv.preview")}
          </Button>
        </Form>
      </Card>

      {p ? (
        <section aria-labelledby="preview-title" className="space-y-4">
          <h2 id="preview-title" className="text-xl font-semibold">
            {t("provisioning.csv.previewTitle", { file: p.fileName })}
          </h2>
          <ul className="card list-disc space-y-1 pl-8">
            <li>{t("provisioning.csv.summary.lines", { count: p.counts.lines })}</li>
            <li>{t("provisioning.csv.summary.creates", { count: p.counts.creates })}</li>
            <li>{t("provisioning.csv.summary.changes", { count: p.counts.changes })}</li>
            <li>{t("provisioning.csv.summary.unchanged", { count: p.counts.unchanged })}</li>
            <li className={p.counts.refused ? "font-semibold text-red-800" : undefined}>
              {t("provisioning.csv.summary.refused", { count: p.counts.refused })}
            </li>
            {p.newTeamCount ? <li>{t("provisioning.csv.summary.newTeams", { count: p.newTeamCount, names: p.newTeams.join(", ") })}</li> : null}
          </ul>

          {p.refused.length ? (
            <div className="space-y-2">
              <h3 className="text-lg font-semibold">{t("provisioning.csv.refusedTitle")}</h3>
              <p className="text-slate-700">{t("provisioning.csv.refusedHelp")}</p>
              {p.counts.refused > p.refused.length ? <p className="text-sm">{t("provisioning.csv.shownFirst", { count: p.refused.length })}</p> : null}
              <DataTable columns={[col("line"), col("email"), col("problems")]}>
                {p.refused.map((r) => (
                  <tr key={r.line}>
                    <th scope="row" className="px-3 py-2 text-left font-mono">
                      {r.line}
                    </th>
                    <td className="px-3 py-2">{r.email}</td>
                    <td className="px-3 py-2">{r.problems.map((problem) => t(`provisioning.csv.problems.${problem.key}`, problem.params)).join(" ; ")}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          ) : p.counts.creates + p.counts.changes === 0 ? (
            <p className="card">{t("provisioning.csv.nothingToDo")}</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="apply" />
              <input type="hidden" name="fileId" value={p.fileId} />
              <input type="hidden" name="fileName" value={p.fileName} />
              <Button type="submit" disabled={busy}>
                {t("provisioning.csv.apply")}
              </Button>
            </Form>
          )}

          {p.creates.length ? (
            <div className="space-y-2">
              <h3 className="text-lg font-semibold">{t("provisioning.csv.createsTitle")}</h3>
              {p.counts.creates > p.creates.length ? <p className="text-sm">{t("provisioning.csv.shownFirst", { count: p.creates.length })}</p> : null}
              <DataTable columns={[col("line"), col("email"), col("name"), col("team"), col("roles")]}>
                {p.creates.map((c) => (
                  <tr key={c.line}>
                    <th scope="row" className="px-3 py-2 text-left font-mono">
                      {c.line}
                    </th>
                    <td className="px-3 py-2">{c.email}</td>
                    <td className="px-3 py-2">{c.name}</td>
                    <td className="px-3 py-2">{c.team ?? ""}</td>
                    <td className="px-3 py-2">{c.roles.join(", ")}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          ) : null}

          {p.changes.length ? (
            <div className="space-y-2">
              <h3 className="text-lg font-semibold">{t("provisioning.csv.changesTitle")}</h3>
              {p.counts.changes > p.changes.length ? <p className="text-sm">{t("provisioning.csv.shownFirst", { count: p.changes.length })}</p> : null}
              <DataTable columns={[col("line"), col("email"), col("changes")]}>
                {p.changes.map((c) => (
                  <tr key={c.line}>
                    <th scope="row" className="px-3 py-2 text-left font-mono">
                      {c.line}
                    </th>
                    <td className="px-3 py-2">{c.email}</td>
                    <td className="px-3 py-2">
                      {c.changes
                        .map((change) =>
                          t("provisioning.csv.change", { field: t(`provisioning.csv.fields.${change.field}`), from: change.from, to: change.to }),
                        )
                        .join(" ; ")}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
