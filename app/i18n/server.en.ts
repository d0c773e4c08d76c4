import type { ServerStrings } from "./server.fr";
import notifications from "./en/notifications-mail";

/** Strings only the server uses (e-mails), English; typed by server.fr.ts so that no key can be missing. Never sent to the browser. */
const server: ServerStrings = {
  invite: {
    mailSubject: "Your invitation to Ambassade",
    mailBody: "Hello {{name}},\n\n{{inviter}} invites you to join Ambassade, where the company trains its social-media ambassadors.\n\nChoose your password with this link (valid for 7 days, single use):\n{{link}}\n\nIf you were not expecting this message, ignore it.",
  },
  password: {
    mailSubject: "Reset your Ambassade password",
    mailBody: "Hello {{name}},\n\nTo choose a new password, open this link (valid for one hour, single use):\n{{link}}\n\nIf you did not ask for this, ignore this message: your current password still works.",
  },
  accreditation: {
    mail: {
      noticeSubject: "Your accreditation ends on {{date}}",
      noticeBody:
        "Hello {{name}},\n\nYour accreditation to post on the company's behalf ({{channels}}) ends on {{date}}.\n\nTo renew it: take the exam again, sign the charter in force if you have not, then request the renewal from your manager:\n{{link}}",
      managerNoticeSubject: "{{person}}'s accreditation ends on {{date}}",
      managerNoticeBody:
        "Hello {{name}},\n\n{{person}}'s accreditation ({{channels}}) ends on {{date}}. {{person}} has been told and may ask you for a renewal after passing the exam again.\n\nYour team's requests:\n{{link}}",
    },
  },
  privacyExport: {
    title: "Data Ambassade keeps about {{name}}",
    intro: "Address: {{email}}. Export made on {{date}} (UTC).",
    files: "This ZIP file holds this summary, person.json, one JSON file per kind of data below and, in the credentials/ folder, your signed credentials (VC-JWT). Secrets (password and token hashes) are not included.",
    none: "No data.",
    count_one: "{{count}} record.",
    count_other: "{{count}} records.",
    kinds: {
      account: "Account",
      roles: "Roles",
      managed_teams: "Teams managed",
      sessions: "Sign-in sessions",
      invitations: "Invitations received",
      invitations_sent: "Invitations sent",
      password_resets: "Password resets",
      sign_in_counters: "Failed sign-in counters",
      identities: "Single sign-on (SSO) accounts",
      questionnaire_runs: "Placement questionnaires",
      questionnaire_answers: "Questionnaire answers",
      placements: "Levels given",
      placements_set: "Levels given to others",
      module_progress: "Module progress",
      check_answers: "Knowledge-check answers",
      reflections: "Written reflections",
      reflections_reviewed: "Reflections reviewed",
      charter_signatures: "Charter signatures",
      charter_publications: "Charters published",
      exam_attempts: "Exam attempts",
      exam_answers: "Exam answers",
      accreditations: "Accreditations",
      accreditation_decisions: "Accreditation decisions taken",
      credentials: "Verifiable credentials",
      webhook_events: "Events sent to connected tools",
      mails: "Emails",
      api_tokens_created: "API tokens created",
      webhooks_created: "Webhooks created",
      module_versions_authored: "Module versions published",
      module_drafts_edited: "Module drafts edited",
      track_versions_authored: "Track versions published",
      media_uploaded: "Images uploaded",
      privacy_notices_seen: "Privacy notices read",
      notifications: "Notifications (inbox)",
      notification_opt_outs: "Mails turned off",
      privacy_notices_published: "Privacy notices published",
      legal_hold: "Legal hold",
      legal_holds_set: "Legal holds set",
      audit_log: "Audit log",
    },
  },
  notifications,
};

export default server;
