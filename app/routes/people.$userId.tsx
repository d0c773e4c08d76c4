import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ROLES } from "~/domain/roles";
import { notFound, requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/form";
import { RoleCheckboxes, TeamSelect } from "~/components/role-checkboxes";
import { resolveLocale } from "~/i18n/config";
import { latestMailFor } from "~/mail/outbox.server";
import { mailGoesToFile } from "~/mail/mailer.server";
import { linkTo } from "~/mail/templates.server";
import { reissueInvitation } from "~/models/invitation.server";
import { getTeam, teamOptions } from "~/models/team.server";
import { deactivatePerson, reactivatePerson } from "~/models/leaver.server";
import { getPerson, updatePerson } from "~/models/user.server";
import { InputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { fields, parseForm, withFormErrors, z } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

export const meta = titled;

function updateSchema() {
  return z.object({
    intent: z.literal("update"),
    name: fields.text(120),
    teamId: z.string().max(64, "errors.teamInvalid").default(""),
    roles: z
      .array(z.enum(ROLES, { error: "errors.roleInvalid" }))
      .min(1, "errors.rolesRequired")
      .max(4, "errors.roleInvalid"),
  });
}

function schema() {
  return z.discriminatedUnion("intent", [
    updateSchema(),
    z.object({ intent: z.literal("deactivate") }),
    z.object({ intent: z.literal("reactivate") }),
    z.object({ intent: z.literal("reinvite") }),
  ]);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "people.manage");
  const person = getPerson(params.userId ?? "");
  if (!person) throw notFound();
  const invitationMail = person.invited ? latestMailFor(person.id, "invitation") : null;
  return json({
    title: titleFor(request, viewer, "person", { name: person.name }),
    person,
    teams: teamOptions(),
    mailToFile: mailGoesToFile(),
    invitationMail: invitationMail && { status: invitationMail.status, attempts: invitationMail.attempts, lastError: invitationMail.lastError },
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "people.manage");
    const person = getPerson(params.userId ?? "");
    if (!person) throw notFound();
    const form = await parseForm(request, schema(), { arrayFields: ["roles"] });
    const here = `/people/${person.id}`;
    switch (form.intent) {
      case "update": {
        if (form.teamId && !getTeam(form.teamId)) throw new InputError({ teamId: "errors.teamInvalid" });
        updatePerson(viewer.id, person.id, { name: form.name, teamId: form.teamId || null, roles: [...new Set(form.roles)] });
        return redirectWithFlash(here, { kind: "success", key: "people.saved" });
      }
      case "deactivate":
        if (person.id === viewer.id) throw new InputError({ form: "people.selfDeactivate" });
        deactivatePerson({ userId: person.id, actor: { id: viewer.id }, source: { kind: "admin", label: viewer.email } });
        return redirectWithFlash(here, { kind: "success", key: "people.deactivated" });
      case "reactivate":
        reactivatePerson({ userId: person.id, actor: { id: viewer.id }, source: { kind: "admin", label: viewer.email } });
        return redirectWithFlash(here, { kind: "success", key: "people.reactivated" });
      case "reinvite": {
        const { token } = reissueInvitation(viewer.id, person.id, { inviter: viewer.name, locale: resolveLocale(request, viewer.locale) });
        // Without a mail server the message only goes to a file: the admin gets the link to pass on.
        if (mailGoesToFile())
          return redirectWithFlash(here, { kind: "info", key: "staffView.invite.fileOnly", params: { email: person.email, link: linkTo(`/invite/${token}`) } });
        return redirectWithFlash(here, { kind: "success", key: "security.invite.resendQueued" });
      }
    }
  });
}

export default function EditPerson() {
  const { t } = useTranslation();
  const { person, teams, invitationMail, mailToFile } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.fieldErrors ?? null;
  return (
    <div className="page-narrow space-y-6">
      <h1 className="text-3xl font-bold">{t("people.editTitle", { name: person.name })}</h1>
      <p className="text-slate-700">
        {person.email} — {!person.active ? t("common.inactive") : person.invited ? t("common.invited") : t("common.active")}
      </p>
      <p>
        <Link to={`/people/${person.id}/privacy`} className="link">
          {t("privacyAdmin.person.link")}
        </Link>
      </p>
      <Form method="post" className="card space-y-4" noValidate>
        <FormErrors errors={errors} />
        <input type="hidden" name="intent" value="update" />
        <Field name="name" label={t("common.name")} defaultValue={person.name} required maxLength={120} errors={errors} />
        <TeamSelect teams={teams} value={person.teamId} errors={errors} />
        <RoleCheckboxes selected={person.roles} errors={errors} />
        <button type="submit" className="btn-primary">
          {t("common.save")}
        </button>
      </Form>
      <div className="card space-y-3">
        {person.invited && person.active && mailToFile && invitationMail?.status === "sent" ? (
          <p role="status" className="text-amber-900">
            {t("staffView.invite.fileStatus")}
          </p>
        ) : person.invited && person.active && invitationMail ? (
          <p role={invitationMail.status === "failed" ? "alert" : "status"} className={invitationMail.status === "failed" ? "text-red-800" : "text-slate-700"}>
            {t(`security.invite.mailStatus.${invitationMail.status}`)}
            {invitationMail.status === "failed" && invitationMail.lastError ? ` (${invitationMail.lastError})` : ""}
          </p>
        ) : null}
        {person.invited && person.active ? (
          <Form method="post">
            <input type="hidden" name="intent" value="reinvite" />
            <button type="submit" className="btn-secondary">
              {t("invite.resend")}
            </button>
          </Form>
        ) : null}
        {person.active ? (
          <Form method="post">
            <input type="hidden" name="intent" value="deactivate" />
            <button type="submit" className="btn-danger" aria-describedby="deactivate-help">
              {t("people.deactivate")}
            </button>
            <p id="deactivate-help" className="mt-2 text-sm text-slate-600">
              {t("people.deactivateHelp")}
            </p>
          </Form>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="reactivate" />
            <button type="submit" className="btn-secondary">
              {t("people.reactivate")}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
