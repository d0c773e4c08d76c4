/**
 * A credential's public verification page (its `id`): anyone, signed in or not, sees whether the
 * accreditation is valid now, for whom, on which channels and until when. A client asking for JSON
 * (Accept: application/json or application/ld+json) gets /api/v1/credentials/<id> instead (the
 * HTTP server negotiates, see app/server/http.ts).
 */
import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CalendarDay, DateOnly, DateTime } from "~/components/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui";
import { getCredentialView, organisationName } from "~/models/credential.server";
import { titleFor } from "~/utils/title.server";
import { titled } from "~/utils/meta";
import "~/i18n/load/accreditation.client";

export const meta: MetaFunction = (args) => [...titled(args), { name: "robots", content: "noindex" }];

export const headers: HeadersFunction = () => ({ Vary: "Accept", "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public: verifying a credential needs no account.
  const view = getCredentialView(params.id ?? "");
  // Its own message: an unknown identifier is not a question of scope (a 404 all the same).
  if (!view) return json({ found: false as const, erased: false as const, title: titleFor(request, null, "verifyNotFound") }, { status: 404 });
  // The holder's data was erased: the credential exists no more, and the page says so (410 Gone).
  if (view === "erased")
    return json({ found: true as const, erased: true as const, issuerName: organisationName(), title: titleFor(request, null, "verify") }, { status: 410 });
  return json({
    found: true as const,
    erased: false as const,
    title: titleFor(request, null, "verify"),
    id: view.id,
    url: view.url,
    status: view.status,
    holderLeft: view.holderLeft,
    holderName: view.holderName,
    channelLabels: view.channelLabels,
    validFrom: view.validFrom,
    validUntil: view.validUntil,
    issuedAt: view.issuedAt,
    issuerName: view.issuerName,
  });
}

/** The status panel's colours (classes of app/styles/app.css); its words say the status too. */
const STATUS_TONE = { valid: "status-ok", expired: "status-warn", suspended: "status-warn", revoked: "status-bad" } as const;

export default function VerifyCredential() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  if (!data.found) {
    return (
      <div className="page-narrow">
        <PageHeader title={t("api.verify.notFoundTitle")} />
        <p role="status" className="status-panel status-none">
          {t("api.verify.notFound")}
        </p>
      </div>
    );
  }
  if (data.erased) {
    return (
      <div className="page-narrow space-y-6">
        <PageHeader title={t("api.verify.title")} description={<p>{t("api.verify.intro", { issuer: data.issuerName })}</p>} />
        <section aria-labelledby="status-title" className="status-panel status-off" data-erased="true">
          <h2 id="status-title">{t("api.verify.statusLabel")}</h2>
          <p className="status-word">{t("privacy.verify.noLongerAvailable")}</p>
          <p className="mt-2">{t("privacy.verify.noLongerAvailableHelp")}</p>
        </section>
      </div>
    );
  }
  const c = data;
  return (
    <div className="page-narrow space-y-6">
      <PageHeader title={t("api.verify.title")} description={<p>{t("api.verify.intro", { issuer: c.issuerName })}</p>} />

      <section aria-labelledby="status-title" className={`status-panel ${STATUS_TONE[c.status]}`}>
        <h2 id="status-title">{t("api.verify.statusLabel")}</h2>
        <p className="status-word">{t(`api.verify.status.${c.status}`)}</p>
        <p className="mt-2" data-holder-left={c.holderLeft ? "true" : undefined}>
          {c.holderLeft ? t("lifecycle.verify.leftOrganisation") : t(`api.verify.statusHelp.${c.status}`)}
        </p>
      </section>

      <dl className="card facts-wide">
        {[
          [t("api.verify.holder"), c.holderName],
          [t("api.verify.channels"), c.channelLabels.join(", ")],
          [t("api.verify.validFrom"), <DateOnly key="from" value={c.validFrom} />],
          [t("api.verify.validUntil"), <CalendarDay key="until" value={c.validUntil} />],
          [t("api.verify.issuer"), c.issuerName],
          [t("api.verify.issuedAt"), <DateTime key="issued" value={c.issuedAt} />],
        ].map(([term, value], i) => (
          <div key={i}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{t("api.verify.credentialId")}</dt>
          <dd className="break-all font-mono text-sm">{c.url}</dd>
        </div>
      </dl>

      <p className="muted text-sm">{t("api.verify.technical")}</p>
      <p>
        <a className="link" href={`/api/v1/credentials/${c.id}`} type="application/json">
          {t("api.verify.json")}
        </a>
      </p>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
