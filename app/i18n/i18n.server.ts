import type { Locale } from "../../db/schema";
import enCore from "./core.en";
import enServer from "./server.en";
import enStaff from "./staff.en";
import frCore from "./core.fr";
import frServer from "./server.fr";
import frStaff from "./staff.fr";
import { createTranslator, type TFunction, type Translator } from "./translate";

// Built once at start with every string of both languages: a request only picks one.
const translators: Record<Locale, Translator> = {
  fr: createTranslator("fr", [frCore, frStaff, frServer]),
  en: createTranslator("en", [enCore, enStaff, enServer]),
};

export function translatorFor(locale: Locale): Translator {
  return translators[locale];
}

export function getT(locale: Locale): TFunction {
  return translators[locale].t;
}
