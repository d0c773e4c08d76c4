import type { SerializeFrom } from "@remix-run/node";
import { NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { loadShellData } from "~/utils/shell.server";
import { FlashMessage } from "./flash-message";

/** The root loader's data, as the browser receives it. */
export type ShellData = SerializeFrom<typeof loadShellData>;
type NavItems = ShellData["nav"];

function LanguageSwitch({ locale, className = "btn-secondary btn-sm" }: { locale: "fr" | "en"; className?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const other = locale === "fr" ? "en" : "fr";
  return (
    // A plain form: switching language reloads the document so that only one language is downloaded.
    <form method="post" action="/language">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className={className} lang={other} aria-label={t("nav.switchToLabel")}>
        {t("nav.switchTo")}
      </button>
    </form>
  );
}

function SignOut({ className = "btn-secondary btn-sm" }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <form method="post" action="/logout">
      <button type="submit" className={className}>
        {t("nav.signOut")}
      </button>
    </form>
  );
}

function Chevron() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="chevron h-4 w-4 shrink-0 transition-transform" fill="currentColor">
      <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
    </svg>
  );
}

/** A link of the bar is "current" for its own path only when another item lives under it (/reports vs /reports/exam). */
function endFor(items: NavItems, to: string): boolean {
  return items.some((other) => other.to !== to && other.to.startsWith(`${to}/`));
}

const barLink = (isActive: boolean) =>
  `block whitespace-nowrap rounded-control px-2 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`;
const menuLink = (isActive: boolean) => `block rounded-control px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-800 hover:bg-slate-100"}`;

/**
 * The bar of wide screens: the main items on one row, the administration items in a disclosure
 * (`<details>`: no script, keyboard and screen readers handle it natively). Keyed by the path so that
 * it closes once a page is chosen.
 */
function DesktopNav({ items }: { items: NavItems }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const main = items.filter((item) => item.group === "main");
  const admin = items.filter((item) => item.group === "admin");
  const inAdmin = admin.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));
  return (
    <nav aria-label={t("nav.main")} className="hidden min-w-0 flex-1 lg:block" data-testid="desktop-nav">
      <ul className="flex flex-nowrap items-center gap-0.5">
        {main.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={endFor(items, item.to)} prefetch="intent" className={({ isActive }) => barLink(isActive)}>
              {t(item.labelKey)}
            </NavLink>
          </li>
        ))}
        {admin.length ? (
          <li>
            <details key={pathname} className="disclosure relative">
              <summary className={`${barLink(inAdmin)} flex list-none items-center gap-1`}>
                {t("nav.administration")}
                <Chevron />
              </summary>
              <ul className="absolute left-0 z-40 mt-2 w-64 rounded-card border border-line bg-white p-1.5 shadow-raised">
                {admin.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} prefetch="intent" className={({ isActive }) => menuLink(isActive)}>
                      {t(item.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/**
 * The menu of small screens: one button that discloses every item, the account and the language. A
 * `<details>` element, so it costs no JavaScript and works before the page hydrates (ADR 0030).
 */
function PhoneMenu({ items, data }: { items: NavItems; data: ShellData }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const main = items.filter((item) => item.group === "main");
  const admin = items.filter((item) => item.group === "admin");
  return (
    <details key={pathname} className="disclosure lg:hidden" data-testid="phone-menu">
      <summary className="btn-secondary btn-sm list-none">
        {t("nav.menu")}
        <Chevron />
      </summary>
      <div className="absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-line bg-white px-4 pb-4 shadow-raised">
        <nav aria-label={t("nav.main")}>
          <ul className="grid gap-0.5 pt-2 sm:grid-cols-2">
            {main.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={endFor(items, item.to)} className={({ isActive }) => menuLink(isActive)}>
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
          {admin.length ? (
            <>
              <p className="mt-3 px-3 text-xs font-semibold uppercase tracking-wide text-slate-600">{t("nav.administration")}</p>
              <ul className="grid gap-0.5 pt-1 sm:grid-cols-2">
                {admin.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} className={({ isActive }) => menuLink(isActive)}>
                      {t(item.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </nav>
        <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-line pt-3">
          {data.viewer ? (
            <NavLink to="/account" className={({ isActive }) => `${menuLink(isActive)} mr-auto`}>
              <span className="sr-only">{t("nav.account")}: </span>
              {data.viewer.name}
            </NavLink>
          ) : null}
          <LanguageSwitch locale={data.locale} />
          {data.viewer ? <SignOut /> : null}
        </div>
      </div>
    </details>
  );
}

/** The person's name opens their account link and the sign-out button (wide screens; phones have them in the menu). */
function AccountMenu({ name }: { name: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <details key={pathname} className="disclosure relative hidden lg:block" data-testid="account-menu">
      <summary className={`${barLink(pathname === "/account")} flex max-w-52 list-none items-center gap-1`}>
        <span className="truncate">{name}</span>
        <Chevron />
      </summary>
      <div className="absolute right-0 z-40 mt-2 w-56 rounded-card border border-line bg-white p-1.5 shadow-raised">
        <NavLink to="/account" className={({ isActive }) => menuLink(isActive)}>
          {t("nav.account")}
        </NavLink>
        <SignOut className="block w-full rounded-control px-3 py-2 text-left text-sm font-medium text-slate-800 hover:bg-slate-100" />
      </div>
    </details>
  );
}

function Brand({ data }: { data: ShellData }) {
  const { t } = useTranslation();
  const logo = data.brand?.logo;
  return (
    <a href={data.viewer ? "/home" : "/login"} className="flex shrink-0 items-center gap-2 rounded-control text-lg font-bold text-brand-800">
      {logo ? <img src={logo} alt="" className="h-8 w-auto max-w-32 object-contain" /> : <span aria-hidden="true" className="flex h-8 w-8 items-center justify-center rounded-control bg-brand-700 text-base text-white">A</span>}
      <span>{t("app.name")}</span>
    </a>
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
      <header className="relative border-b border-line bg-white">
        <div className="flex h-16 items-center gap-3 px-4 lg:px-6">
          <Brand data={data} />
          {viewer ? <DesktopNav items={nav} /> : <div className="flex-1" />}
          <div className="ml-auto flex items-center gap-1.5">
            <div className={viewer ? "hidden lg:block" : ""}>
              <LanguageSwitch locale={locale} />
            </div>
            {viewer ? (
              <>
                <NavLink
                  to="/inbox"
                  className={({ isActive }) => `flex items-center gap-1.5 whitespace-nowrap rounded-control px-2.5 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {/* The name read out is the text shown ("Notifications 3"), with "unread" for screen readers. */}
                  <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5 shrink-0">
                    <path d="M10 2a6 6 0 0 0-6 6v2.6l-1.7 3A1 1 0 0 0 3.2 15h13.6a1 1 0 0 0 .9-1.4l-1.7-3V8a6 6 0 0 0-6-6Zm0 17a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 10 19Z" />
                  </svg>
                  <span className="sr-only 2xl:not-sr-only">{t("nav.inbox")}</span>
                  {unread > 0 ? (
                    <span className="rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white" data-testid="unread-count">
                      {unread > 99 ? "99+" : unread}
                      <span className="sr-only"> {t("inbox.unreadSuffix", { count: unread })}</span>
                    </span>
                  ) : null}
                </NavLink>
                <AccountMenu name={viewer.name} />
                <PhoneMenu items={nav} data={data} />
              </>
            ) : null}
          </div>
        </div>
      </header>
      {flash ? <FlashMessage flash={flash} /> : null}
      <main id="main" className="page-wide px-4 py-6 sm:py-8" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
