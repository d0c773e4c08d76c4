import track from "./en/track";
import type { TrackGroup } from "./track.fr";

/** The track pages' strings (English, typed by track.fr.ts): loaded by the pages that use them (app/i18n/load/track.client.ts). */
const group: TrackGroup = {
  track,
  studio: {
    learner: {
      updatedBadge: "Updated — please review",
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
