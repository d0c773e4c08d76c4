import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";

async function hydrate() {
  const locale = document.documentElement.lang === "en" ? "en" : "fr";
  // Only the page's language is downloaded; switching language reloads the document.
  const strings = locale === "en" ? (await import("./i18n/en")).default : (await import("./i18n/fr")).default;
  await i18next.use(initReactI18next).init({
    resources: { [locale]: { translation: strings } },
    lng: locale,
    fallbackLng: locale,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
