import placement from "./fr/placement";

/** The placement pages' strings (French: the reference): loaded by the pages that use them (app/i18n/load/placement.client.ts). */
const group = { placement };

export default group;
export type PlacementGroup = typeof group;
