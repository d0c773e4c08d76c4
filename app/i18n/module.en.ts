import moduleStrings from "./en/module";
import type { ModuleGroup } from "./module.fr";

/** The module page's strings (English, typed by module.fr.ts): loaded by the pages that use them (app/i18n/load/module.client.ts). */
const group: ModuleGroup = {
  track: moduleStrings,
  studio: {
    learner: {
      updatedTitle: "This module was updated",
      updatedBody: "It changed significantly since you completed it. Your module stays completed: read it again, answer any new questions, then confirm.",
      markReviewed: "I have reviewed this module",
      errors: {
        notCompleted: "This module is not completed yet.",
        checksFirst: "First answer the module's new questions.",
      },
    },
  },
};

export default group;
