import accreditation from "./fr/accreditation";
import api from "./fr/api";
import diagnostic from "./fr/diagnostic";
import lifecycle from "./fr/lifecycle";
import placement from "./fr/placement";
import privacy from "./fr/privacy";
import security from "./fr/security";
import sso from "./fr/sso";
import track from "./fr/track";

/**
 * Interface strings of every learner's page (root layout, navigation, errors, sign-in, account, track,
 * diagnostic, placement, charter, exam, accreditation), French; the reference: core.en.ts must have the same keys.
 * The browser always loads this group (app/i18n/strings.ts).
 */
const core = {
  app: {
    name: "Ambassade",
    tagline: "Former les ambassadeurs, prouver qui peut parler au nom de l'entreprise.",
    skipToContent: "Aller au contenu",
  },
  nav: {
    main: "Navigation principale",
    home: "Accueil",
    myTrack: "Mon parcours",
    teams: "Équipes",
    people: "Personnes",
    adminTeams: "Gestion des équipes",
    audit: "Journal d'audit",
    settings: "Paramètres",
    myLevel: "Mon niveau",
    account: "Mon compte",
    signOut: "Se déconnecter",
    language: "Langue",
    switchTo: "English",
    switchToLabel: "Switch to English",
  },
  roles: { employee: "Salarié·e", trainer: "Formateur·rice", manager: "Manager", admin: "Administrateur·rice" },
  common: {
    dismiss: "Fermer ce message",
    save: "Enregistrer",
    cancel: "Annuler",
    search: "Rechercher",
    previous: "Précédent",
    next: "Suivant",
    page: "Page {{page}} sur {{pages}}",
    results_one: "{{count}} résultat",
    results_other: "{{count}} résultats",
    none: "Aucun",
    noTeam: "Sans équipe",
    yes: "Oui",
    no: "Non",
    back: "Retour",
    status: "Statut",
    active: "Actif",
    inactive: "Désactivé",
    invited: "Invitation envoyée",
    name: "Nom",
    email: "Adresse e-mail",
    team: "Équipe",
    roles: "Rôles",
    actions: "Actions",
    required: "obligatoire",
  },
  login: {
    title: "Connexion",
    intro: "Connectez-vous avec l'adresse e-mail de votre invitation.",
    email: "Adresse e-mail",
    password: "Mot de passe",
    submit: "Se connecter",
    forgot: "Mot de passe oublié ?",
    invalid: "Adresse e-mail ou mot de passe incorrect.",
    throttled: "Trop de tentatives échouées. Réessayez dans 15 minutes ou réinitialisez votre mot de passe.",
    demoHint: "Démo : les identifiants sont dans le README ; le mot de passe a été affiché au premier démarrage et se trouve dans le dossier des données (demo-password.txt).",
  },
  logout: {
    title: "Déconnexion",
    here: "Se déconnecter de cet appareil",
    everywhere: "Se déconnecter de tous les appareils",
    everywhereHelp: "Met fin à toutes vos sessions ouvertes, sur tous vos appareils.",
    done: "Vous êtes déconnecté·e.",
    doneEverywhere: "Toutes vos sessions ont été fermées.",
  },
  invite: {
    title: "Inviter une personne",
    intro: "La personne reçoit un lien à usage unique, valable 7 jours, pour choisir son mot de passe.",
    submit: "Envoyer l'invitation",
    sent: "Invitation envoyée à {{email}}.",
    acceptTitle: "Bienvenue, {{name}}",
    acceptIntro: "Choisissez votre mot de passe pour activer votre compte {{email}}.",
    acceptSubmit: "Activer mon compte",
    accepted: "Votre compte est activé. Bienvenue !",
    invalidTitle: "Lien invalide",
    invalidBody: "Ce lien d'invitation a déjà servi ou a expiré. Demandez une nouvelle invitation à votre manager ou à l'administrateur.",
    resend: "Renvoyer l'invitation",
    resent: "Une nouvelle invitation a été envoyée.",
    mailFailedAskAdmin:
      "L'invitation de {{email}} est enregistrée, mais le message n'a pas pu partir : le serveur de messagerie est injoignable ou l'a refusé. Demandez à un administrateur de vérifier la messagerie et de renvoyer l'invitation.",
    mailFailed:
      "L'invitation de {{email}} est enregistrée, mais le message n'a pas pu partir : le serveur de messagerie est injoignable ou l'a refusé. Vérifiez la configuration de la messagerie (SMTP_URL), puis renvoyez l'invitation depuis cette page.",
  },
  password: {
    new: "Nouveau mot de passe",
    confirm: "Confirmez le mot de passe",
    rules: "Au moins 12 caractères, difficile à deviner : une phrase de quelques mots pris au hasard convient bien, sans votre nom ni votre adresse.",
    forgotTitle: "Mot de passe oublié",
    forgotIntro: "Indiquez votre adresse e-mail : si un compte existe, vous recevrez un lien valable une heure.",
    forgotSubmit: "Envoyer le lien",
    forgotSent: "Si un compte existe pour cette adresse, un lien de réinitialisation vient d'être envoyé.",
    resetTitle: "Choisir un nouveau mot de passe",
    resetSubmit: "Enregistrer le mot de passe",
    resetDone: "Mot de passe modifié. Connectez-vous avec le nouveau.",
  },
  account: {
    title: "Mon compte",
    profile: "Profil",
    language: "Langue de l'interface",
    languageSaved: "Langue enregistrée.",
    sessions: "Sessions",
  },
  home: {
    title: "Bonjour {{name}}",
    intro: "Voici où vous en êtes.",
    staffIntro: "Vos outils selon vos rôles :",
    teamsCard: "Voir les équipes que vous suivez",
    peopleCard: "Gérer les personnes et les invitations",
  },
  errors: {
    title: "Une erreur est survenue",
    forbiddenTitle: "Accès refusé",
    forbidden: "Cette page n'est pas accessible avec vos rôles. Si vous pensez que c'est une erreur, contactez votre administrateur.",
    notFoundTitle: "Page introuvable",
    notFound: "Cette page n'existe pas ou n'est pas dans votre périmètre.",
    serverTitle: "Erreur du serveur",
    server: "Quelque chose s'est mal passé de notre côté. Réessayez dans un instant ; si cela persiste, signalez-le à votre administrateur.",
    goHome: "Retour à l'accueil",
    formHasErrors: "Le formulaire contient des erreurs : corrigez les champs signalés.",
    required: "Ce champ est obligatoire.",
    emailInvalid: "Saisissez une adresse e-mail valide, par exemple prenom.nom@entreprise.fr.",
    emailTaken: "Une personne utilise déjà cette adresse e-mail.",
    tooLong: "Ce texte est trop long : raccourcissez-le.",
    passwordTooShort: "Le mot de passe doit contenir au moins 12 caractères.",
    passwordMismatch: "Les deux mots de passe ne correspondent pas.",
    rolesRequired: "Choisissez au moins un rôle.",
    roleInvalid: "Rôle inconnu.",
    teamRequired: "Choisissez une équipe.",
    teamInvalid: "Cette équipe n'existe pas ou n'est pas dans votre périmètre.",
    teamNameTaken: "Une équipe porte déjà ce nom.",
    notAManager: "Chaque manager choisi doit avoir le rôle Manager.",
    linkInvalid: "Ce lien a déjà servi ou a expiré. Demandez-en un nouveau.",
    alreadyAccepted: "Cette personne a déjà activé son compte.",
    managerRoles: "Un manager ne peut inviter que des salariés.",
    invalidInput: "Valeur invalide.",
  },
  placement,
  diagnostic,
  track,
  security,
  accreditation,
  lifecycle,
  privacy,
  sso,
  api,
  // The studio's entry in the navigation and its marks on learners' pages.
  studio: {
    nav: "Studio",
    learner: {
      updatedBadge: "Mis à jour — à relire",
      updatedTitle: "Ce module a été mis à jour",
      updatedBody:
        "Il a changé de façon importante depuis que vous l'avez terminé. Votre module reste terminé : relisez-le, répondez aux éventuelles nouvelles questions, puis confirmez.",
      markReviewed: "J'ai relu ce module",
      errors: {
        notCompleted: "Ce module n'est pas encore terminé.",
        checksFirst: "Répondez d'abord aux nouvelles questions du module.",
      },
    },
  },
};

export default core;
export type CoreStrings = typeof core;
