import accreditation from "./fr/accreditation";
import lifecycle from "./fr/lifecycle";
import security from "./fr/security";

/**
 * Interface strings of every learner's page (root layout, navigation, errors, sign-in, account, track,
 * diagnostic, placement, charter, exam, accreditation), French; the reference: core.en.ts must have the same keys.
 * The browser always loads this group (app/i18n/strings.ts).
 */
const core = {
  app: {
    name: "Ambassade",
    tagline: "Former les ambassadeurs, prouver qui peut parler au nom de l’entreprise.",
    skipToContent: "Aller au contenu",
  },
  nav: {
    main: "Navigation principale",
    menu: "Menu",
    administration: "Administration",
    inbox: "Notifications",
    home: "Accueil",
    myTrack: "Mon parcours",
    teams: "Équipes",
    people: "Personnes",
    adminTeams: "Gestion des équipes",
    audit: "Journal d’audit",
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
    percent: "{{value}}\u00a0%",
    dismiss: "Fermer ce message",
    previous: "Précédent",
    next: "Suivant",
    page: "Page {{page}} sur {{pages}}",
    none: "Aucun",
    yes: "Oui",
    no: "Non",
    back: "Retour",
    actions: "Actions",
    required: "obligatoire",
  },
  inbox: {
    unreadSuffix_one: "non lue",
    unreadSuffix_other: "non lues",
  },
  home: {
    title: "Bonjour {{name}}",
    intro: "Voici où vous en êtes.",
    staffIntro: "Vos outils selon vos rôles\u00a0:",
    teamsCard: "Voir les équipes que vous suivez",
    peopleCard: "Gérer les personnes et les invitations",
  },
  errors: {
    title: "Une erreur est survenue",
    forbiddenTitle: "Accès refusé",
    forbidden: "Cette page n’est pas accessible avec vos rôles. Si vous pensez que c’est une erreur, contactez votre administrateur.",
    notFoundTitle: "Page introuvable",
    notFound: "Cette page n’existe pas ou n’est pas dans votre périmètre.",
    serverTitle: "Erreur du serveur",
    server: "Quelque chose s’est mal passé de notre côté. Réessayez dans un instant\u00a0; si cela persiste, signalez-le à votre administrateur.",
    goHome: "Retour à l’accueil",
    formHasErrors: "Le formulaire contient des erreurs\u00a0: corrigez les champs signalés.",
    required: "Ce champ est obligatoire.",
    emailInvalid: "Saisissez une adresse e-mail valide, par exemple prenom.nom@entreprise.fr.",
    emailTaken: "Une personne utilise déjà cette adresse e-mail.",
    tooLong: "Ce texte est trop long\u00a0: raccourcissez-le.",
    passwordTooShort: "Le mot de passe doit contenir au moins 12 caractères.",
    passwordMismatch: "Les deux mots de passe ne correspondent pas.",
    linkInvalid: "Ce lien a déjà servi ou a expiré. Demandez-en un nouveau.",
    alreadyAccepted: "Cette personne a déjà activé son compte.",
    invalidInput: "Valeur invalide.",
  },
  security,
  accreditation,
  lifecycle,
  privacy: {
    errors: {
      noticeChanged: "La notice a changé depuis l’affichage de la page : relisez-la avant de continuer.",
    },
  },
  api: { nav: "API" },
  // The studio's entry in the navigation (its marks on learners' pages are in the track group).
  studio: {
    nav: "Studio",
  },
};

export default core;
export type CoreStrings = typeof core;
