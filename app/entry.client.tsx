import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nProvider } from "./i18n/react";
import { loadStrings, type StringGroup } from "./i18n/strings";
import { createTranslator } from "./i18n/translate";

async function hydrate() {
  const html = document.documentElement;
  const locale = html.lang === "en" ? "en" : "fr";
  // Only the page's language, and only the groups of strings the signed-in person's pages use (the root
  // layout names them); switching language reloads the document.
  const groups = (html.dataset.strings ?? "core").split(" ").filter((g): g is StringGroup => g === "core" || g === "staff");
  const translator = createTranslator(locale, await loadStrings(locale, groups));
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
