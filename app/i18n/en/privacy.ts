import type { PrivacyStrings } from "../fr/privacy";

/** Strings of a person's own data (English): the privacy notice, acknowledging it, downloading one's data. Namespace `privacy.*` (the page group "account"; docs/privacy.md). The notice's refusal is in the core group, the questionnaire's line in the diagnostic group, a credential whose holder was erased in the accreditation group. */
const privacy: PrivacyStrings = {
  title: "Privacy notice",
  versionLine: "Version {{version}}, published on {{date}}.",
  seen: "You read it (version {{version}}) on {{date}}.",
  seenOlder: "You read version {{version}} on {{date}}; the notice has changed since.",
  notSeen: "You have not read this version yet.",
  acknowledge: "I have read this notice",
  acknowledged: "Noted: the date you read it is recorded.",
  account: {
    title: "Your data",
    readNotice: "Read the privacy notice",
    download: "Download my data (ZIP)",
    downloadHelp: "A ZIP file with a readable summary (summary.html), the details of each kind of data as JSON, and your signed credential.",
  },
};

export default privacy;
