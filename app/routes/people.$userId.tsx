import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ROLES } from "~/domain/roles";
import { notFound, requirePermission, teamScope } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AccountStatusBadge } from "~/components/account-status";
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
import { accreditationHistory, accreditationInScope, accreditationStatusFor } from "~/models/accreditation-views.server";
import { gradedAttempts } from "~/models/exam.server";
import { StateBadge } from "~/components/accreditation";
import { StaffChecklist, StaffPartialGrant, StaffStateExplanation } from "~/components/accreditation-staff";
import { DataTable } from "~/components/data-table";
import { useDates } from "~/components/dates";
import { DecisionHistory } from "~/components/decision-history";
import { scopeFor } from "~/auth/permissions";
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
  // The learning record: where the person stands, their latest accreditation and its decisions, their exam results.
  const status = await accreditationStatusFor(person.id, new Date(), resolveLocale(request, viewer.locale));
  const accreditation = status.accreditation;
  const decideScope = scopeFor(viewer.roles, "accreditation.decide");
  const mayDecide = Boolean(accreditation && decideScope && accreditationInScope(accreditation.id, teamScope({ ...viewer, scope: decideScope })));
  return json({
    title: titleFor(request, viewer, "person", { name: person.name }),
    person,
    record: {
      checklist: status.eligibility.checklist,
      accreditation,
      caseLink: mayDecide && accreditation ? `/team/requests/${accreditation.id}` : null,
      history: accreditationHistory(person.id),
      exams: gradedAttempts(person.id),
    },
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
  const { person, teams, invitationMail, mailToFile, record } = useLoaderData<typeof loader>();
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
            <AccountStatusBadge person={person} />
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
      <LearningRecord name={person.name} record={record} />
    </div>
  );
}

/** The person's road as staff read it, in the third person: conditions, latest accreditation, decisions, exam results. */
function LearningRecord({ name, record }: { name: string; record: ReturnType<typeof useLoaderData<typeof loader>>["record"] }) {
  const { t } = useTranslation();
  const { date } = useDates();
  const { accreditation } = record;
  return (
    <Card title={t("staffPages.person.record")} className="space-y-5">
      <p className="text-slate-700">{t("staffPages.person.recordIntro", { name })}</p>
      <StaffChecklist checklist={record.checklist} />
      <section aria-labelledby="record-current" className="space-y-2">
        <h3 id="record-current" className="font-semibold">
          {t("staffPages.person.current")}
        </h3>
        {accreditation ? (
          <>
            <p className="flex flex-wrap items-center gap-2">
              <StateBadge status={accreditation.status} />
              {accreditation.channelLabels.length ? <span>{accreditation.channelLabels.join(", ")}</span> : null}
              {accreditation.validUntil ? (
                <span className="text-slate-700">{t("staffPages.person.validUntil", { date: date(accreditation.validUntil) })}</span>
              ) : null}
            </p>
            <StaffStateExplanation accreditation={accreditation} person={name} />
            <StaffPartialGrant accreditation={accreditation} />
            {record.caseLink ? (
              <ButtonLink to={record.caseLink} variant="secondary">
                {t("staffPages.person.openCase")}
              </ButtonLink>
            ) : null}
          </>
        ) : (
          <p className="text-slate-700">{t("staffPages.person.noAccreditation", { name })}</p>
        )}
      </section>
      <section aria-labelledby="record-history" className="space-y-2">
        <h3 id="record-history" className="font-semibold">
          {t("staffPages.person.history")}
        </h3>
        <DecisionHistory entries={record.history} caption={t("staffPages.person.history")} />
      </section>
      <section aria-labelledby="record-exams" className="space-y-2">
        <h3 id="record-exams" className="font-semibold">
          {t("staffPages.person.exams")}
        </h3>
        {record.exams.length === 0 ? (
          <p className="text-slate-700">{t("staffPages.person.examsEmpty")}</p>
        ) : (
          <DataTable
            caption={t("staffPages.person.exams")}
            columns={[t("staffPages.person.examWhen"), t("staffPages.person.examScore"), t("staffPages.person.examResult")]}
          >
            {record.exams.map((attempt) => (
              <tr key={attempt.id}>
                <td className="px-3 py-2 whitespace-nowrap">{date(attempt.gradedAt ?? attempt.startedAt)}</td>
                <td className="px-3 py-2">{attempt.score === null ? "—" : t("common.percent", { value: attempt.score })}</td>
                <td className="px-3 py-2">{attempt.passed ? t("staffPages.person.passed") : t("staffPages.person.failed")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </Card>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
