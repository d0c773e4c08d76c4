import charter from "./fr/charter";

/**
 * The charter page's strings (French: the reference): loaded by the pages that use them
 * (app/i18n/load/charter.client.ts), and by staff with their group (the charter's admin pages show its refusals).
 */
const group = { accreditation: { charter } };

export default group;
export type CharterGroup = typeof group;
