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
import { resolveLocale } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";
import { roadStepFor } from "~/models/accreditation-views.server";
import { certificateFor } from "~/models/certificate.server";
import { titled } from "~/utils/meta";
import { titleFor } from "~/utils/title.server";

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

const STATUS_STYLE = {
  valid: "border-green-700 bg-green-50 text-green-900",
  expired: "border-amber-700 bg-amber-50 text-amber-950",
  suspended: "border-amber-700 bg-amber-50 text-amber-950",
  revoked: "border-red-700 bg-red-50 text-red-900",
} as const;

export default function CertificatePage() {
  const { t } = useTranslation();
  const { day } = useDates();
  const { certificate: c, road } = useLoaderData<typeof loader>();
  return (
    <div className="page-narrow space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t("accreditation.certificate.title")}</h1>
        <p className="mt-2 text-slate-700">{t("accreditation.certificate.intro")}</p>
      </header>
      {!c ? (
        <>
          <p className="card">{t("accreditation.certificate.none")}</p>
          {road ? <NextStep {...road} /> : null}
        </>
      ) : (
        <>
          <section aria-labelledby="certificate-title" className={`card space-y-4 border-l-4 ${STATUS_STYLE[c.status]}`}>
            <h2 id="certificate-title" className="text-xl font-semibold">
              {c.holderName}
            </h2>
            <p className="font-semibold">
              {t("accreditation.certificate.status")}
              {t("accreditation.colon")}
              {t(`api.verify.status.${c.status}`)}
            </p>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium text-slate-700">{t("api.verify.channels")}</dt>
              <dd>{c.channelLabels.join(", ")}</dd>
              <dt className="font-medium text-slate-700">{t("api.verify.issuer")}</dt>
              <dd>{c.organisationName}</dd>
              <dt className="font-medium text-slate-700">{t("accreditation.certificate.validity")}</dt>
              <dd>{t("accreditation.certificate.fromTo", { from: day(c.validFrom), until: day(c.validUntil) })}</dd>
              <dt className="font-medium text-slate-700">{t("api.verify.credentialId")}</dt>
              <dd className="break-all font-mono text-sm">{c.credentialId}</dd>
            </dl>
          </section>
          <section aria-labelledby="share-title" className="card space-y-4">
            <h2 id="share-title" className="text-xl font-semibold">
              {t("accreditation.certificate.shareTitle")}
            </h2>
            <div className="flex flex-wrap items-start gap-6">
              {/* The qrcode library's SVG of our own verification URL (generated on the server). */}
              <div
                role="img"
                aria-label={t("accreditation.certificate.qr")}
                className="h-40 w-40 shrink-0 bg-white"
                dangerouslySetInnerHTML={{ __html: c.qrSvg }}
              />
              <div className="min-w-0 flex-1 space-y-3">
                <p>
                  {t("accreditation.certificate.verifyAt")}{" "}
                  <a href={c.verifyUrl} className="link break-all">
                    {c.verifyUrl}
                  </a>
                </p>
                <p className="flex flex-wrap gap-3">
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
          </section>
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
