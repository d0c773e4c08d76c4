import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** The one error boundary: 403, 404 and everything else, never a stack trace in production. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let status = 500;
  if (isRouteErrorResponse(error)) status = error.status;
  const [titleKey, bodyKey] =
    status === 403
      ? ["errors.forbiddenTitle", "errors.forbidden"]
      : status === 404
        ? ["errors.notFoundTitle", "errors.notFound"]
        : ["errors.serverTitle", "errors.server"];
  const showDetails = process.env.NODE_ENV === "development" && error instanceof Error;
  return (
    <section className="card mx-auto max-w-xl" aria-labelledby="error-title">
      <p className="text-sm font-semibold text-slate-600">{status}</p>
      <h1 id="error-title" className="mt-1 text-2xl font-bold">
        {t(titleKey)}
      </h1>
      <p className="mt-3 text-slate-700">{t(bodyKey)}</p>
      {showDetails ? <pre className="mt-4 overflow-auto text-xs">{error.stack}</pre> : null}
      <p className="mt-6">
        <a href="/home" className="btn-primary">
          {t("errors.goHome")}
        </a>
      </p>
    </section>
  );
}
