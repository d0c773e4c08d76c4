import type { Locale } from "../../db/schema";
import en from "./en";
import fr from "./fr";
import { createTranslator, type TFunction, type Translator } from "./translate";

// Built once at start with every string of both languages: a request only picks one.
const translators: Record<Locale, Translator> = {
  fr: createTranslator("fr", [fr]),
  en: createTranslator("en", [en]),
};

export function translatorFor(locale: Locale): Translator {
  return translators[locale];
}

export function getT(locale: Locale): TFunction {
  return translators[locale].t;
}
