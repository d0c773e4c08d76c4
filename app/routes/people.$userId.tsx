import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ROLES } from "~/domain/roles";
import { notFound, requirePermission } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Badge } from "~/components/ui/badge";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { PageHeader } from "~/components/ui/page-header";
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
      <PageHeader
        title={t("people.editTitle", { name: person.name })}
        before={
          <div>
            <Link to="/people" className="link text-sm">
              {t("staffPages.person.back")}
            </Link>
          </div>
        }
        description={
          <p className="flex flex-wrap items-center gap-2">
            <span>{person.email}</span>
            {!person.active ? (
              <Badge tone="neutral">{t("common.inactive")}</Badge>
            ) : person.invited ? (
              <Badge tone="warning">{t("common.invited")}</Badge>
            ) : (
              <Badge tone="success">{t("common.active")}</Badge>
            )}
          </p>
        }
        actions={
          <ButtonLink to={`/people/${person.id}/privacy`} variant="secondary">
            {t("privacyAdmin.person.link")}
          </ButtonLink>
        }
        className="mb-0"
      />
      <Card title={t("staffPages.person.profile")}>
        <Form method="post" className="space-y-4" noValidate>
          <FormErrors errors={errors} />
          <input type="hidden" name="intent" value="update" />
          <Field name="name" label={t("common.name")} defaultValue={person.name} required maxLength={120} errors={errors} />
          <TeamSelect teams={teams} value={person.teamId} errors={errors} />
          <RoleCheckboxes selected={person.roles} errors={errors} />
          <Button type="submit">{t("common.save")}</Button>
        </Form>
      </Card>
      <Card title={t("staffPages.person.account")} className="space-y-3">
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
            <Button type="submit" variant="secondary">
              {t("invite.resend")}
            </Button>
          </Form>
        ) : null}
        {person.active ? (
          <Form method="post">
            <input type="hidden" name="intent" value="deactivate" />
            <Button type="submit" variant="danger" aria-describedby="deactivate-help">
              {t("people.deactivate")}
            </Button>
            <p id="deactivate-help" className="mt-2 text-sm text-slate-600">
              {t("people.deactivateHelp")}
            </p>
          </Form>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="reactivate" />
            <Button type="submit" variant="secondary">
              {t("people.reactivate")}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
