import track from "./fr/track";

/** The track pages' strings (French: the reference): loaded by the pages that use them (app/i18n/load/track.client.ts). */
const group = {
  track,
  // The mark on a module that changed since the learner completed it (the module page has the rest).
  studio: { learner: { updatedBadge: "Mis à jour — à relire" } },
};

export default group;
export type TrackGroup = typeof group;
