import track from "./en/track";
import type { TrackGroup } from "./track.fr";

/** The track pages' strings (English, typed by track.fr.ts): loaded by the pages that use them (app/i18n/load/track.client.ts). */
const group: TrackGroup = {
  track,
  // The mark on a module that changed since the learner completed it (the module page has the rest).
  studio: { learner: { updatedBadge: "Updated — please review" } },
};

export default group;
