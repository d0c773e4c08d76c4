/**
 * /people/<id>/privacy: one person's personal data, for admins: export it (ZIP), set or lift a legal
 * hold (with its reason), erase it on the person's request (app/models/erasure.server.ts). Refusals
 * (legal hold, last admin, oneself, already erased) are 409s with the reason, nothing written.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { notFound, requirePermission } from "~/auth/guards.server";
import { useDates } from "~/components/dates";
import { Card } from "~/components/ui/card";
import { Badge } from "~/components/ui/badge";
import { Button, ButtonLink } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FieldFrame, FormErrors } from "~/components/form";
import { getT } from "~/i18n/i18n.server";
import { resolveLocale } from "~/i18n/config";
import { HOLD_REASON_MAX, LegalHoldError, clearLegalHold, erasePerson, erasureState, getLegalHold, setLegalHold } from "~/models/erasure.server";
import { InputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { fields, parseForm, safeText, withFormErrors, z } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Ambassade" }];

function schema() {
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("hold"), reason: safeText({ max: HOLD_REASON_MAX, multiline: true, required: true }) }),
    z.object({ intent: z.literal("release") }),
    z.object({ intent: z.literal("erase"), confirmEmail: fields.email() }),
  ]);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "people.manage");
  const person = erasureState(params.userId ?? "");
  if (!person) throw notFound();
  const hold = getLegalHold(person.id);
  return json({
    title: `${getT(resolveLocale(request, viewer.locale))("privacyAdmin.person.title", { name: person.name })} · Ambassade`,
    person: { ...person, erasedAt: person.erasedAt?.toISOString() ?? null },
    hold: hold && { reason: hold.reason, setAt: hold.setAt.toISOString(), setBy: hold.setBy },
  });
}

export async function action(args: ActionFunctionArgs) {
  return withFormErrors(args, async ({ request, context, params }) => {
    const viewer = await requirePermission(request, context, "people.manage");
    const person = erasureState(params.userId ?? "");
    if (!person) throw notFound();
    const form = await parseForm(request, schema());
    const here = `/people/${person.id}/privacy`;
    switch (form.intent) {
      case "hold":
        setLegalHold(viewer.id, person.id, form.reason);
        return redirectWithFlash(here, { kind: "success", key: "privacyAdmin.person.holdSaved" });
      case "release":
        clearLegalHold(viewer.id, person.id);
        return redirectWithFlash(here, { kind: "success", key: "privacyAdmin.person.holdReleased" });
      case "erase": {
        if (person.erasedAt) throw new InputError({ form: "privacyAdmin.errors.alreadyErased" }, 409);
        if (form.confirmEmail !== person.email) throw new InputError({ confirmEmail: "privacyAdmin.errors.confirmMismatch" });
        try {
          const result = erasePerson({ userId: person.id, actorId: viewer.id, actorEmail: viewer.email });
          return redirectWithFlash(here, { kind: "success", key: "privacyAdmin.person.erased", params: { pseudonym: result.pseudonym } });
        } catch (error) {
          // The hold's reason is part of the answer.
          if (error instanceof LegalHoldError) return json({ fieldErrors: error.fieldErrors, holdReason: error.holdReason }, { status: 409 });
          throw error;
        }
      }
    }
  });
}

export default function PersonPrivacy() {
  const { t } = useTranslation();
  const { date } = useDates();
  const { person, hold } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "fieldErrors" in data ? data.fieldErrors : null;
  const holdReason = data && "holdReason" in data ? data.holdReason : null;
  return (
    <div className="page-narrow space-y-6">
      <PageHeader
        title={t("privacyAdmin.person.title", { name: person.name })}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <span>{person.email}</span>
            {person.erasedAt ? (
              <Badge tone="danger">{t("privacyAdmin.person.erasedOn", { date: date(person.erasedAt) })}</Badge>
            ) : person.active ? (
              <Badge tone="success">{t("common.active")}</Badge>
            ) : (
              <Badge tone="neutral">{t("common.inactive")}</Badge>
            )}
          </p>
        }
        actions={
          <ButtonLink to={`/people/${person.id}`} variant="secondary">
            {t("people.editTitle", { name: person.name })}
          </ButtonLink>
        }
        className="mb-0"
      />
      <FormErrors errors={errors} />
      {holdReason ? (
        <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900" data-hold-reason="true">
          {t("privacyAdmin.person.holdRefused", { reason: holdReason })}
        </p>
      ) : null}

      <Card title={t("privacyAdmin.person.exportTitle")} className="space-y-3">
        <p id="export-help" className="text-sm text-slate-700">
          {t("privacyAdmin.person.exportHelp")}
        </p>
        <Form method="post" action={`/people/${person.id}/export`} reloadDocument>
          <input type="hidden" name="intent" value="export" />
          <Button type="submit" aria-describedby="export-help" variant="secondary">
            {t("privacyAdmin.person.exportSubmit")}
          </Button>
        </Form>
      </Card>

      {person.erasedAt ? null : (
        <Card title={t("privacyAdmin.person.holdTitle")} className="space-y-3">
          <p className="text-sm text-slate-700">{t("privacyAdmin.person.holdHelp")}</p>
          {hold ? (
            <div className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950" data-legal-hold="true">
              <p className="font-medium">{t("privacyAdmin.person.holdActive", { date: date(hold.setAt), by: hold.setBy ?? "—" })}</p>
              <p className="mt-1 whitespace-pre-line">{hold.reason}</p>
            </div>
          ) : (
            <p>{t("privacyAdmin.person.holdNone")}</p>
          )}
          <Form method="post" className="space-y-2" noValidate>
            <input type="hidden" name="intent" value="hold" />
            <FieldFrame id="hold-reason" label={t("privacyAdmin.person.holdReason")} error={errors?.reason ? t(errors.reason) : null}>
              {(aria) => <textarea {...aria} name="reason" rows={3} maxLength={500} required defaultValue={hold?.reason ?? ""} className="field-input" />}
            </FieldFrame>
            <Button type="submit" variant="secondary">
              {hold ? t("privacyAdmin.person.holdUpdate") : t("privacyAdmin.person.holdSubmit")}
            </Button>
          </Form>
          {hold ? (
            <Form method="post">
              <input type="hidden" name="intent" value="release" />
              <Button type="submit" variant="secondary">
                {t("privacyAdmin.person.holdRelease")}
              </Button>
            </Form>
          ) : null}
        </Card>
      )}

      {person.erasedAt ? null : (
        <Card title={t("privacyAdmin.person.eraseTitle")} className="space-y-3">
          <p id="erase-help" className="text-sm text-slate-700">
            {t("privacyAdmin.person.eraseHelp")}
          </p>
          <Form method="post" className="space-y-2" noValidate>
            <input type="hidden" name="intent" value="erase" />
            <FieldFrame
              id="confirm-email"
              label={t("privacyAdmin.person.eraseConfirm")}
              error={errors?.confirmEmail ? t(errors.confirmEmail) : null}
              describedBy={["erase-help"]}
            >
              {(aria) => <input {...aria} name="confirmEmail" type="email" autoComplete="off" required className="field-input" />}
            </FieldFrame>
            <Button type="submit" variant="danger">
              {t("privacyAdmin.person.eraseSubmit")}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
