import track from "./fr/track";

/** The track pages' strings (French: the reference): loaded by the pages that use them (app/i18n/load/track.client.ts). */
const group = { track };

export default group;
export type TrackGroup = typeof group;
