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
};

export default security;
export type SecurityStrings = typeof security;
