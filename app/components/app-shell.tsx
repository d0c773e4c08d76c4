import type { SerializeFrom } from "@remix-run/node";
import { NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { loadShellData } from "~/utils/shell.server";
import { FlashMessage } from "./flash-message";

/** The root loader's data, as the browser receives it. */
export type ShellData = SerializeFrom<typeof loadShellData>;

function LanguageSwitch({ locale }: { locale: "fr" | "en" }) {
  const { t } = useTranslation();
  const location = useLocation();
  const other = locale === "fr" ? "en" : "fr";
  return (
    // A plain form: switching language reloads the document so that only one language is downloaded.
    <form method="post" action="/language">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="btn-secondary px-3 py-1" lang={other} aria-label={t("nav.switchToLabel")}>
        {t("nav.switchTo")}
      </button>
    </form>
  );
}

export function AppShell({ data, children }: { data: ShellData; children: React.ReactNode }) {
  const { t } = useTranslation();
  const { viewer, nav, flash, locale, unread } = data;
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <a href={viewer ? "/home" : "/login"} className="text-lg font-bold text-brand-800">
            {t("app.name")}
          </a>
          {viewer ? (
            <nav aria-label={t("nav.main")} className="flex-1">
              <ul className="flex flex-wrap gap-1">
                {nav.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      prefetch="intent"
                      className={({ isActive }) =>
                        `block rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`
                      }
                    >
                      {t(item.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : (
            <div className="flex-1" />
          )}
          <div className="flex items-center gap-2">
            <LanguageSwitch locale={locale} />
            {viewer ? (
              <>
                <NavLink
                  to="/inbox"
                  className={({ isActive }) => `flex items-center gap-1 rounded-md px-3 py-2 text-sm ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {/* The name read out is the text shown ("Notifications 3"), with "unread" for screen readers. */}
                  <span>{t("nav.inbox")}</span>
                  {unread > 0 ? (
                    <span className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white" data-testid="unread-count">
                      {unread > 99 ? "99+" : unread}
                      <span className="sr-only"> {t("inbox.unreadSuffix", { count: unread })}</span>
                    </span>
                  ) : null}
                </NavLink>
                <NavLink to="/account" className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
                  <span className="sr-only">{t("nav.account")}: </span>
                  {viewer.name}
                </NavLink>
                <form method="post" action="/logout">
                  <button type="submit" className="btn-secondary px-3 py-1">
                    {t("nav.signOut")}
                  </button>
                </form>
              </>
            ) : null}
          </div>
        </div>
      </header>
      {flash ? <FlashMessage flash={flash} /> : null}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
