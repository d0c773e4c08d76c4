import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nProvider } from "./i18n/react";
import { adoptTranslator, loadStrings, type StringGroup } from "./i18n/strings";
import { createTranslator } from "./i18n/translate";

/** Tells the server the reader's time zone, so that the next pages show dates in it (ADR 0022). */
function rememberTimeZone() {
  try {
    const zone = encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (zone && !document.cookie.split("; ").includes(`ambassade_tz=${zone}`)) document.cookie = `ambassade_tz=${zone}; Path=/; Max-Age=31536000; SameSite=Lax`;
  } catch {
    // An old browser: the organisation's time zone is used.
  }
}

async function hydrate() {
  rememberTimeZone();
  const html = document.documentElement;
  const locale = html.lang === "en" ? "en" : "fr";
  // Only the page's language, and only the groups of strings the signed-in person's pages use (the root
  // layout names them); switching language reloads the document.
  const groups = (html.dataset.strings ?? "core").split(" ").filter((g): g is StringGroup => g === "core" || g === "staff");
  const translator = createTranslator(locale, await loadStrings(locale, groups));
  // With the page groups the page's modules loaded before this entry ran (app/i18n/load/*.client.ts).
  adoptTranslator(translator);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nProvider translator={translator}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nProvider>,
    );
  });
}

void hydrate();
