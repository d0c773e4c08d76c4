import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requirePermission } from "~/auth/guards.server";
import { Button, ButtonLink } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/form";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { createTeam, listTeams, renameTeam, setTeamManagers } from "~/models/team.server";
import { peopleWithRole } from "~/models/user.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { fields, parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

function schema() {
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("create"), name: fields.text(80) }),
    z.object({ intent: z.literal("rename"), teamId: z.string().min(1).max(64), name: fields.text(80) }),
    z.object({ intent: z.literal("managers"), teamId: z.string().min(1).max(64), managers: z.array(z.string().max(64)).max(50) }),
  ]);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "teams.manage");
  return json({ teams: listTeams(), managers: peopleWithRole("manager"), title: titleFor(request, viewer, "adminTeams") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "teams.manage");
    const form = await parseForm(request, schema(), { arrayFields: ["managers"] });
    if (form.intent === "create") {
      createTeam(viewer.id, form.name);
      return redirectWithFlash("/admin/teams", { kind: "success", key: "teams.created" });
    }
    if (form.intent === "rename") {
      renameTeam(viewer.id, form.teamId, form.name);
      return redirectWithFlash("/admin/teams", { kind: "success", key: "teams.renamed" });
    }
    setTeamManagers(viewer.id, form.teamId, form.managers);
    return redirectWithFlash("/admin/teams", { kind: "success", key: "teams.managersSaved" });
  });
}

export default function AdminTeams() {
  const { t } = useTranslation();
  const { teams, managers } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.fieldErrors ?? null;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("nav.adminTeams")}
        description={t("staffPages.adminTeams.intro")}
        actions={
          <ButtonLink to="/teams" variant="secondary">
            {t("staffPages.adminTeams.seeTeams")}
          </ButtonLink>
        }
        className="mb-0"
      />
      <FormErrors errors={errors} />
      <Form method="post" className="card flex flex-wrap items-end gap-4" noValidate>
        <input type="hidden" name="intent" value="create" />
        <div className="min-w-64 flex-1">
          <Field name="name" id="new-team-name" label={t("teams.create")} required maxLength={80} errors={errors} />
        </div>
        <Button type="submit">{t("teams.createSubmit")}</Button>
      </Form>
      {teams.length === 0 ? <EmptyState title={t("staffPages.adminTeams.empty")}>{t("staffPages.adminTeams.emptyHint")}</EmptyState> : null}
      <ul className="space-y-4">
        {teams.map((team) => (
          <li key={team.id} className="card space-y-4">
            <h2 className="flex flex-wrap items-center gap-2 text-heading font-semibold">
              <Link to={`/teams/${team.id}`} className="link">
                {team.name}
              </Link>{" "}
              <Badge tone="brand">{t("teams.members", { count: team.memberCount })}</Badge>
            </h2>
            <Form method="post" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="rename" />
              <input type="hidden" name="teamId" value={team.id} />
              <div className="flex-1">
                <label htmlFor={`rename-${team.id}`} className="field-label">
                  {t("teams.name")}
                </label>
                <input id={`rename-${team.id}`} name="name" defaultValue={team.name} required maxLength={80} className="field-input" />
              </div>
              <Button type="submit" variant="secondary">
                {t("teams.rename")}
              </Button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="managers" />
              <input type="hidden" name="teamId" value={team.id} />
              <fieldset>
                <legend className="field-label">{t("teams.assignManagers")}</legend>
                <p className="text-sm text-slate-600">{t("teams.assignHelp")}</p>
                <div className="mt-2 flex flex-wrap gap-4">
                  {managers.map((m) => (
                    <label key={m.id} className="inline-flex items-center gap-2">
                      <input type="checkbox" name="managers" value={m.id} defaultChecked={team.managers.some((tm) => tm.id === m.id)} className="h-4 w-4" />
                      {m.name}
                    </label>
                  ))}
                </div>
              </fieldset>
              <Button type="submit" variant="secondary" className="mt-3">
                {t("common.save")}
              </Button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
