import type { Locale } from "../../db/schema";
import enCore from "./core.en";
import enDiagnostic from "./diagnostic.en";
import enExam from "./exam.en";
import enTrack from "./track.en";
import enModule from "./module.en";
import enPlacement from "./placement.en";
import enAccreditation from "./accreditation.en";
import enCharter from "./charter.en";
import enAccount from "./account.en";
import frDiagnostic from "./diagnostic.fr";
import frExam from "./exam.fr";
import frTrack from "./track.fr";
import frModule from "./module.fr";
import frPlacement from "./placement.fr";
import frAccreditation from "./accreditation.fr";
import frCharter from "./charter.fr";
import frAccount from "./account.fr";
import enServer from "./server.en";
import enStaff from "./staff.en";
import frCore from "./core.fr";
import frServer from "./server.fr";
import frStaff from "./staff.fr";
import { createTranslator, type TFunction, type Translator } from "./translate";

// Built once at start with every string of both languages: a request only picks one.
const translators: Record<Locale, Translator> = {
  fr: createTranslator("fr", [frCore, frExam, frDiagnostic, frTrack, frModule, frPlacement, frAccreditation, frCharter, frAccount, frStaff, frServer]),
  en: createTranslator("en", [enCore, enExam, enDiagnostic, enTrack, enModule, enPlacement, enAccreditation, enCharter, enAccount, enStaff, enServer]),
};

export function translatorFor(locale: Locale): Translator {
  return translators[locale];
}

export function getT(locale: Locale): TFunction {
  return translators[locale].t;
}

/**
 * A placement level's name in words, for data sent to pages that show only that (the home page, the accreditation
 * checklist): they need not download the placement pages' strings for one name (ADR 0038).
 */
export function levelName(locale: Locale, level: string): string {
  return translators[locale].t(`placement.levels.${level}.name`);
}
