import charter from "./en/charter";
import type { CharterGroup } from "./charter.fr";

/**
 * The charter page's strings (English, typed by charter.fr.ts): loaded by the pages that use them
 * (app/i18n/load/charter.client.ts), and by staff with their group (the charter's admin pages show its refusals).
 */
const group: CharterGroup = { accreditation: { charter } };

export default group;
