import diagnostic from "./fr/diagnostic";

/** The diagnostic pages' strings (French: the reference): loaded by the pages that use them (app/i18n/load/diagnostic.client.ts). */
const group = { diagnostic };

export default group;
export type DiagnosticGroup = typeof group;
