import type { SecurityInviteStrings } from "../fr/security-invite";

/** Strings of an invitation's mail as staff see it (English). Namespace `security.invite.*` (staff group). */
const securityInvite: SecurityInviteStrings = {
  invite: {
    queued: "Invitation sent to {{email}}.",
    resendQueued: "A new invitation is on its way.",
    mailStatus: {
      pending: "The invitation mail is being sent.",
      sending: "The invitation mail is being sent.",
      sent: "The invitation mail was sent.",
      failed:
        "The invitation mail could not be sent after several attempts: the mail server is unreachable or refused it. Check the mail settings (SMTP_URL), then send the invitation again.",
    },
  },
};

export default securityInvite;
