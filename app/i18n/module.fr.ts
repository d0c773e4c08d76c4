import moduleStrings from "./fr/module";

/** The module page's strings (French: the reference): loaded by the pages that use them (app/i18n/load/module.client.ts). */
const group = {
  track: moduleStrings,
  // Marks on a module that changed since the learner completed it.
  studio: {
    learner: {
      updatedTitle: "Ce module a été mis à jour",
      updatedBody:
        "Il a changé de façon importante depuis que vous l’avez terminé. Votre module reste terminé\u00a0: relisez-le, répondez aux éventuelles nouvelles questions, puis confirmez.",
      markReviewed: "J’ai relu ce module",
      errors: {
        notCompleted: "Ce module n’est pas encore terminé.",
        checksFirst: "Répondez d’abord aux nouvelles questions du module.",
      },
    },
  },
};

export default group;
export type ModuleGroup = typeof group;
