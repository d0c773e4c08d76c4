import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nProvider } from "./i18n/react";
import { createTranslator } from "./i18n/translate";

async function hydrate() {
  const locale = document.documentElement.lang === "en" ? "en" : "fr";
  // Only the page's language is downloaded; switching language reloads the document.
  const strings = locale === "en" ? (await import("./i18n/en")).default : (await import("./i18n/fr")).default;
  const translator = createTranslator(locale, [strings]);
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
