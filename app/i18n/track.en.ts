import track from "./en/track";
import type { TrackGroup } from "./track.fr";

/** The track pages' strings (English, typed by track.fr.ts): loaded by the pages that use them (app/i18n/load/track.client.ts). */
const group: TrackGroup = { track };

export default group;
