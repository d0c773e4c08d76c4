import privacy from "./fr/privacy";
import sso from "./fr/sso";

/**
 * The strings of signing in and of one's account (French: the reference): sign-in, single sign-on, sign-out, invitations,
 * passwords, the account page and the privacy notice. Loaded by the pages that use them (app/i18n/load/account.client.ts),
 * and by staff with their group (people's invitations).
 */
const group = {
  // The inbox page (the header's unread count is in the core group).
  inbox: {
    title: "Notifications",
    intro: "Ce qui vous concerne dans Ambassade, le plus récent d’abord.",
    empty: "Aucune notification pour l’instant.",
    unread_zero: "Aucune non lue",
    unread_one: "{{count}} non lue",
    unread_other: "{{count}} non lues",
    newBadge: "Nouveau",
    openHint: "Ouvrir et marquer comme lue",
    markRead: "Marquer comme lue",
    markAllRead: "Tout marquer comme lu",
    markedAll: "Toutes vos notifications sont marquées comme lues.",
    notFound: "Cette notification n’existe pas.",
    older: "Plus anciennes",
  },
  // Labels of the account page (and the staff pages' forms, which get this group).
  common: {
    save: "Enregistrer",
    noTeam: "Sans équipe",
    name: "Nom",
    email: "Adresse e-mail",
    team: "Équipe",
    roles: "Rôles",
  },
  login: {
    title: "Connexion",
    intro: "Connectez-vous avec l’adresse e-mail de votre invitation.",
    email: "Adresse e-mail",
    password: "Mot de passe",
    submit: "Se connecter",
    forgot: "Mot de passe oublié\u00a0?",
    invalid: "Adresse e-mail ou mot de passe incorrect.",
    throttled: "Trop de tentatives échouées. Réessayez dans 15 minutes ou réinitialisez votre mot de passe.",
    demoHint:
      "Démo : les identifiants sont dans le README ; le mot de passe a été affiché au premier démarrage et se trouve dans le dossier des données (demo-password.txt).",
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
    submit: "Envoyer l’invitation",
    sent: "Invitation envoyée à {{email}}.",
    acceptTitle: "Bienvenue, {{name}}",
    acceptIntro: "Choisissez votre mot de passe pour activer votre compte {{email}}.",
    acceptSubmit: "Activer mon compte",
    accepted: "Votre compte est activé. Bienvenue\u00a0!",
    invalidTitle: "Lien invalide",
    invalidBody: "Ce lien d’invitation a déjà servi ou a expiré. Demandez une nouvelle invitation à votre manager ou à l’administrateur.",
    resend: "Renvoyer l’invitation",
    resent: "Une nouvelle invitation a été envoyée.",
    mailFailedAskAdmin:
      "L’invitation {{de email}} est enregistrée, mais le message n’a pas pu partir\u00a0: le serveur de messagerie est injoignable ou l’a refusé. Demandez à un administrateur de vérifier la messagerie et de renvoyer l’invitation.",
    mailFailed:
      "L’invitation {{de email}} est enregistrée, mais le message n’a pas pu partir\u00a0: le serveur de messagerie est injoignable ou l’a refusé. Vérifiez la configuration de la messagerie (SMTP_URL), puis renvoyez l’invitation depuis cette page.",
  },
  password: {
    new: "Nouveau mot de passe",
    confirm: "Confirmez le mot de passe",
    rules: "Au moins 12 caractères, difficile à deviner : une phrase de quelques mots pris au hasard convient bien, sans votre nom ni votre adresse.",
    forgotTitle: "Mot de passe oublié",
    forgotIntro: "Indiquez votre adresse e-mail\u00a0: si un compte existe, vous recevrez un lien valable une heure.",
    forgotSubmit: "Envoyer le lien",
    forgotSent: "Si un compte existe pour cette adresse, un lien de réinitialisation vient d’être envoyé.",
    resetTitle: "Choisir un nouveau mot de passe",
    resetSubmit: "Enregistrer le mot de passe",
    resetDone: "Mot de passe modifié. Connectez-vous avec le nouveau.",
  },
  account: {
    title: "Mon compte",
    profile: "Profil",
    language: "Langue de l’interface",
    languageSaved: "Langue enregistrée.",
    sessions: "Sessions",
    notificationsTitle: "Messages par e-mail",
    notificationsIntro: "Choisissez ce que vous recevez par e-mail. Tout reste dans vos notifications, dans Ambassade.",
    notificationsMandatory: "Toujours envoyés, car ils changent ce que vous pouvez faire au nom de l’entreprise : {{kinds}}.",
    notificationsSaved: "Vos préférences de messages sont enregistrées.",
    passwordTitle: "Changer mon mot de passe",
    passwordCurrent: "Mot de passe actuel",
    passwordSubmit: "Changer le mot de passe",
    passwordChanged: "Mot de passe changé. Vos sessions sur les autres appareils sont fermées.",
    passwordWrong: "Ce n’est pas votre mot de passe actuel.",
    passwordNone: "Votre compte n’a pas de mot de passe : vous vous connectez par l’authentification unique de votre organisation.",
  },
  sso,
  privacy,
};

export default group;
export type AccountGroup = typeof group;
