import diagnostic from "./fr/diagnostic";

/** The diagnostic pages' strings (French: the reference): loaded by the pages that use them (app/i18n/load/diagnostic.client.ts). */
const group = {
  diagnostic,
  // The privacy notice's line above the questionnaire.
  privacy: {
    beforeQuestionnaire: "Avant de commencer : ce que le programme conserve sur vous",
    beforeQuestionnaireHelp:
      "En commençant le questionnaire, vous confirmez avoir lu cette notice (version {{version}}). Vous pourrez la relire à tout moment depuis « Mon compte ».",
  },
};

export default group;
export type DiagnosticGroup = typeof group;
