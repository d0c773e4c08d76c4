import accreditation from "./fr/accreditation-page";
import api from "./fr/api";
import lifecycle from "./fr/lifecycle-page";

/**
 * The strings of the learner's accreditation (French: the reference): its page, checklist, certificate and
 * history, the accreditation card on the home page, and the public verification page. Loaded by the pages that use
 * them (app/i18n/load/accreditation.client.ts), and by staff with their group (managers' decisions).
 */
const group = {
  accreditation,
  lifecycle,
  api,
  privacy: {
    verify: {
      noLongerAvailable: "Plus disponible",
      noLongerAvailableHelp: "Les données du titulaire de cette attestation ont été effacées : elle ne peut plus être vérifiée et ne vaut plus accréditation.",
    },
  },
};

export default group;
export type AccreditationGroup = typeof group;
