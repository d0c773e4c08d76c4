/**
 * Every page's frame: the bar (brand, navigation, language, inbox, account) and the main column.
 * Menus are `<details>` disclosures: no script, keyboard and screen readers handle them natively, and
 * they work before the page hydrates (ADR 0030). Each is keyed by the path, so that it closes once a
 * page is chosen. Looks live in app/styles/app.css (`.bar-link`, `.menu-link`, icons), not here: this
 * module ships on every page, the learner's included, whose JavaScript must not grow.
 */
import type { SerializeFrom } from "@remix-run/node";
import { NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { loadShellData } from "~/utils/shell.server";
import { FlashMessage } from "./flash-message";

/** The root loader's data, as the browser receives it. */
export type ShellData = SerializeFrom<typeof loadShellData>;
type NavItems = ShellData["nav"];

function LanguageSwitch({ locale }: { locale: "fr" | "en" }) {
  const { t } = useTranslation();
  const location = useLocation();
  const other = locale === "fr" ? "en" : "fr";
  return (
    // A plain form: switching language reloads the document so that only one language is downloaded.
    <form method="post" action="/language">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="btn-secondary btn-sm" lang={other} aria-label={t("nav.switchToLabel")}>
        {t("nav.switchTo")}
      </button>
    </form>
  );
}

function SignOut({ className }: { className: string }) {
  const { t } = useTranslation();
  return (
    <form method="post" action="/logout">
      <button type="submit" className={className}>
        {t("nav.signOut")}
      </button>
    </form>
  );
}

/** A list of navigation links (`end`: "current" for its own path only, app/auth/navigation.ts). */
function Links({ items, className, linkClass = "menu-link" }: { items: NavItems; className: string; linkClass?: string }) {
  const { t } = useTranslation();
  return (
    <ul className={className}>
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.end} prefetch="intent" className={linkClass}>
            {t(item.labelKey)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

export function AppShell({ data, children }: { data: ShellData; children: React.ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { viewer, nav, flash, locale, unread, brand } = data;
  const main = nav.filter((item) => item.group === "main");
  const admin = nav.filter((item) => item.group === "admin");
  return (
    <>
      <a href="#main" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <header className="shell-header">
        <div className="shell-bar">
          <a href={viewer ? "/home" : "/login"} className="shell-brand">
            {brand?.logo ? (
              <img src={brand.logo} alt="" className="shell-logo" />
            ) : (
              <span aria-hidden="true" className="shell-mark">
                A
              </span>
            )}
            {t("app.name")}
          </a>
          {viewer ? (
            // Wide screens: the main items on one row, the administration pages in a menu.
            <nav aria-label={t("nav.main")} className="shell-nav">
              <Links items={main} className="shell-row" linkClass="bar-link" />
              {admin.length ? (
                <details key={pathname} className="disclosure relative">
                  <summary className="bar-link shell-row">
                    {t("nav.administration")}
                    <span aria-hidden="true" className="icon-chevron" />
                  </summary>
                  <Links items={admin} className="menu-panel" />
                </details>
              ) : null}
            </nav>
          ) : null}
          <div className="shell-end">
            <div className={viewer ? "wide-only" : ""}>
              <LanguageSwitch locale={locale} />
            </div>
            {viewer ? (
              <>
                <NavLink to="/inbox" className="bar-link shell-row">
                  {/* The name read out is the text ("Notifications 3"), with "unread" for screen readers. */}
                  <span aria-hidden="true" className="icon-bell" />
                  <span className="shell-inbox-label">{t("nav.inbox")}</span>
                  {unread > 0 ? (
                    <span className="unread-pill" data-testid="unread-count">
                      {unread > 99 ? "99+" : unread}
                      <span className="sr-only"> {t("inbox.unreadSuffix", { count: unread })}</span>
                    </span>
                  ) : null}
                </NavLink>
                {/*
                  One menu: on phones it discloses every item, the account and the language; on wide screens,
                  where the bar shows the items, it is the person's name and holds the account and sign-out.
                */}
                <details key={pathname} className="disclosure" data-testid="menu">
                  <summary className="btn-secondary btn-sm">
                    <span className="phone-only">{t("nav.menu")}</span>
                    <span className="wide-only shell-name">{viewer.name}</span>
                    <span aria-hidden="true" className="icon-chevron" />
                  </summary>
                  <div className="menu-drop">
                    <nav aria-label={t("nav.main")} className="phone-only">
                      <Links items={main} className="phone-links" />
                      {admin.length ? (
                        <>
                          <p className="phone-group">{t("nav.administration")}</p>
                          <Links items={admin} className="phone-links" />
                        </>
                      ) : null}
                    </nav>
                    <div className="menu-account">
                      <NavLink to="/account" className="menu-link">
                        {t("nav.account")}
                      </NavLink>
                      <div className="phone-only">
                        <LanguageSwitch locale={locale} />
                      </div>
                      <SignOut className="menu-link" />
                    </div>
                  </div>
                </details>
              </>
            ) : null}
          </div>
        </div>
      </header>
      {flash ? <FlashMessage flash={flash} /> : null}
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
