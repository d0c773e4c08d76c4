/** Strings of an invitation's mail as staff see it (French). Namespace `security.invite.*` (staff group). */
const securityInvite = {
  invite: {
    queued: "Invitation envoyée à {{email}}.",
    resendQueued: "Une nouvelle invitation part à l’instant.",
    mailStatus: {
      pending: "Le message d’invitation est en cours d’envoi.",
      sending: "Le message d’invitation est en cours d’envoi.",
      sent: "Le message d’invitation a été envoyé.",
      failed:
        "Le message d’invitation n’a pas pu partir après plusieurs essais : le serveur de messagerie est injoignable ou l’a refusé. Vérifiez la configuration de la messagerie (SMTP_URL), puis renvoyez l’invitation.",
    },
  },
};

export default securityInvite;
export type SecurityInviteStrings = typeof securityInvite;
