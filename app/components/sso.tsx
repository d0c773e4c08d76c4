import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import "~/i18n/load/account.client";

export type SsoProviderButton = { protocol: "oidc" | "saml"; name: string };

/**
 * "Sign in with <name>" for each enabled identity provider: links that start the sign-in (a form
 * could not: the Content-Security-Policy's form-action 'self' stops its redirect to the IdP).
 */
export function SsoButtons({ providers, redirectTo }: { providers: readonly SsoProviderButton[]; redirectTo: string }) {
  const { t } = useTranslation();
  if (providers.length === 0) return null;
  return (
    <div className="card mt-6 space-y-3">
      {providers.map((provider) => (
        <a
          key={provider.protocol}
          href={`/sso/${provider.protocol}?redirectTo=${encodeURIComponent(redirectTo)}`}
          className="btn-primary block w-full text-center"
        >
          {t("sso.signInWith", { name: provider.name })}
        </a>
      ))}
    </div>
  );
}

/** Why an SSO sign-in failed and what to do next (the callback routes render it with a 4xx). */
export function SsoErrorPage({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <section className="card mx-auto max-w-xl" aria-labelledby="sso-error-title">
      <h1 id="sso-error-title" className="text-2xl font-bold">
        {t("sso.errorTitle")}
      </h1>
      <p role="alert" className="mt-3 text-slate-700" data-sso-error={code}>
        {t(`sso.errors.${code}`)}
      </p>
      <p className="mt-6">
        <Link to="/login" className="btn-primary" reloadDocument>
          {t("sso.tryAgain")}
        </Link>
      </p>
    </section>
  );
}

/** An SSO address opened directly (it only answers the sign-in buttons and the IdP): back to sign-in. */
export function SsoNothingHere() {
  const { t } = useTranslation();
  return (
    <section className="card mx-auto max-w-xl">
      <h1 className="text-2xl font-bold">{t("login.title")}</h1>
      <p className="mt-6">
        <Link to="/login" className="btn-primary" reloadDocument>
          {t("sso.tryAgain")}
        </Link>
      </p>
    </section>
  );
}
