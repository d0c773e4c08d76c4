/** Strings of the diagnostic questionnaire flow, overrides and placement views (fr and en). */
export const diagnosticStrings = {
  fr: {},
  en: {},
};
