import type { PrivacyAdminStrings } from "../fr/privacy-admin";

/**
 * Strings of the administrators' privacy pages (English): the notice's versions, retention, and one
 * person's data (export, legal hold, erasure). Namespace `privacyAdmin.*` (docs/privacy.md).
 */
const privacyAdmin: PrivacyAdminStrings = {
  nav: "Privacy",
  title: "Privacy and personal data",
  notice: {
    title: "Privacy notice",
    intro:
      "Shown to each person before the placement questionnaire, and rereadable from their account. Publishing creates a new version: people will see it before their next questionnaire.",
    fr: "French text",
    en: "English text",
    hint: "Plain text; a blank line separates two paragraphs.",
    publish: "Publish a new version",
    published: "Version {{version}} of the notice published.",
    versions: "Published versions",
    version: "Version",
    publishedAt: "Published on",
    publishedBy: "By",
    seenBy: "Read by",
    firstRun: "installation",
  },
  retention: {
    title: "Retention periods",
    intro: "Every night, data older than these periods is removed. The periods are set in the settings.",
    settings: "Set the periods",
    lastRun: "Last run that removed data: {{date}}.",
    never: "No run has removed any data yet.",
    kinds: {
      questionnaire_answers: "questionnaire answers",
      exam_answers: "exam answers",
      reflections: "reflections",
      sessions: "sessions",
      mail: "emails",
      webhook_deliveries: "webhook deliveries",
      webhook_events: "webhook events",
      leaver_audit_details: "audit details of people who left",
    },
  },
  person: {
    link: "Personal data",
    title: "{{name}}’s personal data",
    erasedOn: "Data erased on {{date}}.",
    exportTitle: "Export",
    exportHelp: "A ZIP file with everything Ambassade keeps about this person (readable summary and JSON). The export is recorded in the audit log.",
    exportSubmit: "Download their data (ZIP)",
    holdTitle: "Legal hold",
    holdHelp: "While a hold is set, the person’s data cannot be erased (litigation, a legal duty to keep it).",
    holdNone: "No legal hold.",
    holdActive: "Legal hold set on {{date}} by {{by}}.",
    holdReason: "Reason for the hold",
    holdRefused: "Reason for the hold: {{reason}}",
    holdSubmit: "Set the hold",
    holdUpdate: "Update the hold",
    holdRelease: "Lift the hold",
    holdSaved: "Legal hold saved.",
    holdReleased: "Legal hold lifted.",
    eraseTitle: "Erase",
    eraseHelp:
      "At the person’s request. Their account is deactivated, their accreditations suspended, their answers, reflections and sessions deleted, their name and address replaced by a pseudonym everywhere. Statistics and the audit log stay, without their identity. Their credential will be “no longer available”. Earlier backups keep this data until they expire. This cannot be undone.",
    eraseConfirm: "To confirm, type the person’s email address",
    eraseSubmit: "Erase for good",
    erased: "Data erased; the person now appears as {{pseudonym}}.",
  },
  errors: {
    changed: "Someone published another version meanwhile: reload the page.",
    unchanged: "The text is the same as the version in force: nothing to publish.",
    legalHold: "Erasure refused: a legal hold is set on this person.",
    alreadyErased: "This person’s data has already been erased: there is nothing left to erase.",
    self: "You cannot erase your own account.",
    confirmMismatch: "The address typed is not the person’s.",
  },
};

export default privacyAdmin;
