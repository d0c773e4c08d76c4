import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect } from "react";
import { AppShell } from "./components/app-shell";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import { useTranslation } from "./i18n/react";
import { groupsFor, hasStringsFor } from "./i18n/strings";
import stylesheet from "./styles/app.css";
import { loadShellData } from "./utils/shell.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.ico", sizes: "any" },
];

export const meta: MetaFunction = () => [{ title: "Ambassade" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return json(await loadShellData(request, context));
}

/** Background saves (an exam answer, where the reader is in a module) change nothing the shell shows. */
const BACKGROUND_SAVES = new Set(["answer", "visit"]);
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  return typeof intent === "string" && BACKGROUND_SAVES.has(intent) ? false : defaultShouldRevalidate;
};

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const { i18n } = useTranslation();
  const locale = data?.locale ?? i18n.language ?? "fr";
  return (
    // The browser's entry loads the strings named here before it hydrates.
    <html lang={locale} data-strings={groupsFor(data?.viewer?.roles).join(" ")} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* The organisation's accent colour, after the app's stylesheet (a file: the CSP allows no inline style). */}
        {data?.brand?.stylesheet ? <link rel="stylesheet" href={data.brand.stylesheet} /> : null}
      </head>
      <body className="min-h-full bg-slate-50 text-slate-900 antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  const roles = data.viewer?.roles;
  // Sign-in forms reload the page. Should the person's roles or language change otherwise (an admin gives
  // them a role, a language saved in another tab), reload once for the strings they now need (ADR 0011).
  useEffect(() => {
    if (!hasStringsFor(data.locale, roles)) window.location.reload();
  }, [data.locale, roles]);
  return (
    <AppShell data={data}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <AppShell data={data ?? { locale: "fr", timeZone: "UTC", flash: null, viewer: null, nav: [], unread: 0, brand: null }}>
      <GeneralErrorBoundary />
    </AppShell>
  );
}
