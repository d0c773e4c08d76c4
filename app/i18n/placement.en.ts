import placement from "./en/placement";
import type { PlacementGroup } from "./placement.fr";

/** The placement pages' strings (English, typed by placement.fr.ts): loaded by the pages that use them (app/i18n/load/placement.client.ts). */
const group: PlacementGroup = { placement };

export default group;
