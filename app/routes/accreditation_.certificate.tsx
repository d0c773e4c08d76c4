/**
 * /accreditation/certificate: the person's certificate, to show and to share — its PDF, the public
 * verification link and its QR code, LinkedIn's "add to profile" link, the signed credential (VC-JWT).
 * Without a credential yet, the page says so and points at the next step of the road.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { NextStep } from "~/components/next-step";
import { useDates } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { resolveLocale } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";
import { roadStepFor } from "~/models/accreditation-views.server";
import { certificateFor } from "~/models/certificate.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";
// The page group of strings this file names (ADR 0032).
import "~/i18n/load/accreditation.client";

export const meta = titled;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, context, "learn");
  const locale = resolveLocale(request, viewer.locale);
  const certificate = await certificateFor(viewer.id, locale);
  return json({
    title: titleFor(request, viewer, "certificate"),
    certificate,
    road: certificate ? null : await roadStepFor(viewer.id, new Date(), locale),
  });
}

/** The certificate's edge says its state (classes of app/styles/app.css); the words say it too. */
const STATUS_TONE = { valid: "edge-ok", expired: "edge-warn", suspended: "edge-warn", revoked: "edge-bad" } as const;

export default function CertificatePage() {
  const { t } = useTranslation();
  const { day } = useDates();
  const { certificate: c, road } = useLoaderData<typeof loader>();
  return (
    <div className="page-narrow space-y-6">
      <PageHeader title={t("accreditation.certificate.title")} description={<p>{t("accreditation.certificate.intro")}</p>} />
      {!c ? (
        <>
          <EmptyState title={t("accreditation.certificate.none")} />
          {road ? <NextStep {...road} /> : null}
        </>
      ) : (
        <>
          <Card title={c.holderName} className={`space-y-4 ${STATUS_TONE[c.status]}`}>
            <p className="font-semibold">
              {t("accreditation.certificate.status")}
              {t("accreditation.colon")}
              {t(`api.verify.status.${c.status}`)}
            </p>
            <dl className="facts">
              <dt>{t("api.verify.channels")}</dt>
              <dd>{c.channelLabels.join(", ")}</dd>
              <dt>{t("api.verify.issuer")}</dt>
              <dd>{c.organisationName}</dd>
              <dt>{t("accreditation.certificate.validity")}</dt>
              <dd>{t("accreditation.certificate.fromTo", { from: day(c.validFrom), until: day(c.validUntil) })}</dd>
              <dt>{t("api.verify.credentialId")}</dt>
              <dd className="break-all font-mono text-sm">{c.credentialId}</dd>
            </dl>
          </Card>
          <Card title={t("accreditation.certificate.shareTitle")}>
            <div className="flex flex-wrap items-start gap-6">
              {/* The qrcode library's SVG of our own verification URL (generated on the server). */}
              <div role="img" aria-label={t("accreditation.certificate.qr")} className="qr" dangerouslySetInnerHTML={{ __html: c.qrSvg }} />
              <div className="min-w-0 flex-1 space-y-3">
                <p>
                  {t("accreditation.certificate.verifyAt")}{" "}
                  <a href={c.verifyUrl} className="link break-all">
                    {c.verifyUrl}
                  </a>
                </p>
                <p className="actions">
                  <a href="/accreditation/certificate.pdf" className="btn-primary" download>
                    {t("accreditation.certificate.pdf")}
                  </a>
                  <a href={c.linkedInUrl} className="btn-secondary" target="_blank" rel="noopener noreferrer">
                    {t("accreditation.certificate.linkedIn")}
                    <span className="sr-only"> {t("accreditation.certificate.newWindow")}</span>
                  </a>
                </p>
                <p>
                  <a className="link" href="/accreditation/credential" download>
                    {t("api.credential.download")}
                  </a>
                </p>
              </div>
            </div>
          </Card>
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
