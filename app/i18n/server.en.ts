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
  notifications,
};

export default server;
