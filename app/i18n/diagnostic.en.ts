import diagnostic from "./en/diagnostic";
import type { DiagnosticGroup } from "./diagnostic.fr";

/** The diagnostic pages' strings (English, typed by diagnostic.fr.ts): loaded by the pages that use them (app/i18n/load/diagnostic.client.ts). */
const group: DiagnosticGroup = { diagnostic };

export default group;
