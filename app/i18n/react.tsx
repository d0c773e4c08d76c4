import { createContext, useContext } from "react";
import type { TFunction, Translator } from "./translate";

type Translation = { t: TFunction; i18n: { language: string } };

const I18nContext = createContext<Translation | null>(null);
const translations = new WeakMap<Translator, Translation>();

/** Makes a translator available to `useTranslation` below it (one per language on the server, one in the browser). */
export function I18nProvider({ translator, children }: { translator: Translator; children: React.ReactNode }) {
  let value = translations.get(translator);
  if (!value) {
    value = { t: translator.t, i18n: { language: translator.language } };
    translations.set(translator, value);
  }
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The interface strings of the page's language: `t(key, options)` and `i18n.language`. */
export function useTranslation(): Translation {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useTranslation needs an I18nProvider above it.");
  return value;
}
