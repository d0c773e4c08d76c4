import diagnostic from "./en/diagnostic";
import type { DiagnosticGroup } from "./diagnostic.fr";

/** The diagnostic pages' strings (English, typed by diagnostic.fr.ts): loaded by the pages that use them (app/i18n/load/diagnostic.client.ts). */
const group: DiagnosticGroup = {
  diagnostic,
  // The privacy notice's line above the questionnaire.
  privacy: {
    beforeQuestionnaire: "Before you start: what the programme keeps about you",
    beforeQuestionnaireHelp:
      "By starting the questionnaire, you confirm you have read this notice (version {{version}}). You can read it again at any time from “My account”.",
  },
};

export default group;
