/** Strings of the learner's track, module pages and knowledge checks (fr and en). */
export const trackStrings = {
  fr: {},
  en: {},
};
