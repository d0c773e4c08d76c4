import accreditation from "./en/accreditation-page";
import api from "./en/api";
import lifecycle from "./en/lifecycle-page";
import type { AccreditationGroup } from "./accreditation.fr";

/**
 * The strings of the learner's accreditation (English, typed by accreditation.fr.ts): its page, checklist, certificate and
 * history, the accreditation card on the home page, and the public verification page. Loaded by the pages that use
 * them (app/i18n/load/accreditation.client.ts), and by staff with their group (managers' decisions).
 */
const group: AccreditationGroup = {
  accreditation,
  lifecycle,
  api,
  privacy: {
    verify: {
      noLongerAvailable: "No longer available",
      noLongerAvailableHelp: "The data of this credential’s holder has been erased: it can no longer be verified and no longer counts as an accreditation.",
    },
  },
};

export default group;
