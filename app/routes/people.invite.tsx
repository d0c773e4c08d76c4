import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ROLES, type Role } from "~/domain/roles";
import { requirePermission, teamScope } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { Field, FormErrors, useIsPending } from "~/components/form";
import { RoleCheckboxes, TeamSelect } from "~/components/role-checkboxes";
import { resolveLocale } from "~/i18n/config";
import { mailGoesToFile } from "~/mail/mailer.server";
import { linkTo } from "~/mail/templates.server";
import { invitePerson } from "~/models/invitation.server";
import { teamOptions } from "~/models/team.server";
import { InputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { fields, parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

function schema() {
  return z.object({
    email: fields.email(),
    name: fields.text(120),
    teamId: z.string({ error: "errors.teamRequired" }).min(1, "errors.teamRequired").max(64, "errors.teamInvalid"),
    roles: z
      .array(z.enum(ROLES, { error: "errors.roleInvalid" }))
      .min(1, "errors.rolesRequired")
      .max(4, "errors.roleInvalid"),
  });
}

/** Admins invite anyone into any team; managers invite employees into the teams they manage. */
function invitableFor(viewer: Awaited<ReturnType<typeof requirePermission>>) {
  const scope = teamScope(viewer);
  const teams = teamOptions().filter((team) => !scope || scope.includes(team.id));
  const roles: readonly Role[] = viewer.scope === "all" ? ROLES : ["employee"];
  return { teams, roles };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "people.invite");
  return json({ ...invitableFor(viewer), title: titleFor(request, viewer, "peopleInvite") });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context }) => {
    const viewer = await requirePermission(request, context, "people.invite");
    const form = await parseForm(request, schema(), { arrayFields: ["roles"] });
    const allowed = invitableFor(viewer);
    if (!allowed.teams.some((team) => team.id === form.teamId)) throw new InputError({ teamId: "errors.teamInvalid" });
    if (form.roles.some((role) => !allowed.roles.includes(role))) throw new InputError({ roles: "errors.managerRoles" });
    const result = invitePerson(
      viewer.id,
      { email: form.email, name: form.name, teamId: form.teamId, roles: [...new Set(form.roles)] },
      { inviter: viewer.name, locale: resolveLocale(request, viewer.locale) },
      { visibleTeamIds: teamScope(viewer) },
    );
    // The mail is queued and sent after this reply. Should it fail, the person's page tells the
    // administrators, with the button to send it again. A manager inviting an address that already
    // has an account outside their teams gets the same answer as for a new person ("concealed").
    // Without a mail server the message only goes to a file: never claim it was sent. An admin (who
    // sees everyone: nothing to conceal) gets the link to pass on; a manager is told to ask one.
    if (mailGoesToFile()) {
      if (viewer.scope === "all" && result.kind === "invited") {
        return redirectWithFlash("/people", {
          kind: "info",
          key: "staffView.invite.fileOnly",
          params: { email: form.email, link: linkTo(`/invite/${result.token}`) },
        });
      }
      return redirectWithFlash("/people", { kind: "info", key: "staffView.invite.fileOnlyAskAdmin", params: { email: form.email } });
    }
    return redirectWithFlash("/people", { kind: "success", key: "security.invite.queued", params: { email: form.email } });
  });
}

export default function InvitePerson() {
  const { t } = useTranslation();
  const { teams, roles } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.fieldErrors ?? null;
  const busy = useIsPending();
  return (
    <div className="page-narrow">
      <PageHeader
        title={t("invite.title")}
        description={t("invite.intro")}
        before={
          <div>
            <Link to="/people" className="link text-sm">
              {t("staffPages.person.back")}
            </Link>
          </div>
        }
      />
      <Form method="post" className="card space-y-4" noValidate>
        <FormErrors errors={errors} />
        <Field name="name" label={t("common.name")} required maxLength={120} errors={errors} autoComplete="off" />
        <Field name="email" type="email" label={t("common.email")} required maxLength={254} errors={errors} autoComplete="off" />
        <TeamSelect teams={teams} value={teams.length === 1 ? teams[0]!.id : null} errors={errors} />
        <RoleCheckboxes selected={["employee"]} allowed={roles} errors={errors} />
        <Button type="submit" disabled={busy}>
          {t("invite.submit")}
        </Button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
