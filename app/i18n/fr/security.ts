/** Strings of the safe-to-deploy protections: passwords, free text, queued mails, storage (French). */
const security = {
  errors: {
    passwordTooShort: "Le mot de passe doit contenir au moins 12 caractères.",
    passwordWeak:
      "Ce mot de passe est trop facile à deviner : évitez les mots de passe courants, les suites (1234, azerty), les répétitions et les dates. Une phrase de quelques mots choisis au hasard est à la fois solide et facile à retenir.",
    passwordPersonal: "Ce mot de passe reprend votre nom ou votre adresse e-mail : choisissez-en un qui ne dise rien de vous.",
    forbiddenCharacters:
      "Ce texte contient des caractères invisibles ou de contrôle (retour chariot, tabulation, inversion de sens, espace de largeur nulle…). Retapez-le plutôt que de le coller.",
    storageUnavailable:
      "Le service ne peut pas enregistrer pour le moment (base de données en lecture seule ou indisponible). Réessayez plus tard ; si cela persiste, prévenez votre administrateur.",
  },
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

export default security;
export type SecurityStrings = typeof security;
