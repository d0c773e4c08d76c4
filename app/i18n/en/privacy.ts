import type { PrivacyStrings } from "../fr/privacy";

/**
 * Strings of a person's own data (English): the privacy notice, acknowledging it, downloading one's
 * data, and a credential whose holder was erased. Namespace `privacy.*` (docs/privacy.md).
 */
const privacy: PrivacyStrings = {
  title: "Privacy notice",
  versionLine: "Version {{version}}, published on {{date}}.",
  seen: "You read it (version {{version}}) on {{date}}.",
  seenOlder: "You read version {{version}} on {{date}}; the notice has changed since.",
  notSeen: "You have not read this version yet.",
  acknowledge: "I have read this notice",
  acknowledged: "Noted: the date you read it is recorded.",
  beforeQuestionnaire: "Before you start: what the programme keeps about you",
  beforeQuestionnaireHelp:
    "By starting the questionnaire, you confirm you have read this notice (version {{version}}). You can read it again at any time from “My account”.",
  account: {
    title: "Your data",
    readNotice: "Read the privacy notice",
    download: "Download my data (ZIP)",
    downloadHelp: "A ZIP file with a readable summary (summary.html), the details of each kind of data as JSON, and your signed credential.",
  },
  verify: {
    noLongerAvailable: "No longer available",
    noLongerAvailableHelp: "The data of this credential’s holder has been erased: it can no longer be verified and no longer counts as an accreditation.",
  },
  errors: {
    noticeChanged: "The notice changed since the page was shown: read it again before you continue.",
  },
};

export default privacy;
