import type { ServerStrings } from "./server.fr";

/** Strings only the server uses (e-mails), English; typed by server.fr.ts so that no key can be missing. Never sent to the browser. */
const server: ServerStrings = {
  titles: {
    account: "My account",
    accreditation: "My accreditation",
    certificate: "My certificate",
    adminApi: "API tokens",
    adminAudit: "Audit log",
    adminCharter: "Charter versions",
    adminSettings: "Settings",
    adminTeams: "Manage teams",
    adminWebhooks: "Webhooks",
    charter: "Social media charter",
    diagnostic: "Placement questionnaire",
    diagnosticStep: "Question {{n}} of {{total}} · Placement questionnaire",
    diagnosticClosed: "Questionnaire closed",
    diagnosticReview: "Review my answers",
    exam: "Final exam",
    examAttempt: "Exam in progress",
    examResult: "Exam result",
    forgotPassword: "Forgotten password",
    home: "Home",
    invite: "Accept the invitation",
    login: "Sign in",
    logout: "Sign out",
    person: "{{name}} · People",
    personPlacement: "Placement · {{name}}",
    people: "People",
    peopleInvite: "Invite a person",
    placement: "My level",
    resetPassword: "New password",
    studio: "Studio",
    studioModule: "{{id}} · Studio",
    studioHistory: "History · {{id}} · Studio",
    studioReviews: "Reflections to review · Studio",
    studioTracks: "Tracks by level · Studio",
    teamRequest: "Request · {{name}}",
    teamRequests: "Accreditation requests",
    team: "Team {{name}}",
    teams: "Teams",
    track: "My track",
    trackModule: "{{title}} · My track",
    verify: "Accreditation check",
  },
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
};

export default server;
