import i18next, { type TFunction } from "i18next";
import type { Locale } from "../../db/schema";
import { resources } from "./resources";

// One instance with both languages, loaded synchronously at start; requests use fixed-language views of it.
const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: "fr",
  fallbackLng: "fr",
  initImmediate: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function getT(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

/** A per-request instance for React rendering on the server. */
export function i18nForRequest(locale: Locale) {
  return instance.cloneInstance({ lng: locale, initImmediate: false });
}
