import accreditationStaff from "./fr/accreditation-staff";
import lifecycleTeam from "./fr/lifecycle-team";
import securityInvite from "./fr/security-invite";
import apiAdmin from "./fr/api-admin";
import privacyAdmin from "./fr/privacy-admin";
import charterEditor from "./fr/charter-editor";
import provisioning from "./fr/provisioning";
import reports from "./fr/reports";
import settings from "./fr/settings";
import ssoAdmin from "./fr/sso-admin";
import staffView from "./fr/staff-views";
import staffPages from "./fr/staff-pages";
import studio from "./fr/studio";

/**
 * Interface strings of the staff's pages (people, teams, audit, settings, studio, API and webhooks admin,
 * managers' decisions), French; the reference: staff.en.ts must have the same keys.
 * The browser loads this group only for someone whose roles open those pages (app/i18n/strings.ts).
 */
const staff = {
  // Column names and labels of the staff pages' tables and forms.
  common: {
    cancel: "Annuler",
    search: "Rechercher",
    results_one: "{{count}} résultat",
    results_other: "{{count}} résultats",
    status: "Statut",
    active: "Actif",
    inactive: "Désactivé",
    invited: "Invitation en attente",
  },
  people: {
    title: "Personnes",
    searchLabel: "Rechercher par nom ou e-mail",
    invite: "Inviter une personne",
    empty: "Personne ne correspond à cette recherche.",
    editTitle: "Modifier {{name}}",
    saved: "Modifications enregistrées.",
    deactivate: "Désactiver le compte",
    deactivateHelp: "La personne ne peut plus se connecter et toutes ses sessions sont fermées immédiatement.",
    reactivate: "Réactiver le compte",
    deactivated: "Compte désactivé\u00a0: ses sessions sont fermées.",
    reactivated: "Compte réactivé.",
    selfDeactivate: "Vous ne pouvez pas désactiver votre propre compte.",
  },
  teams: {
    title: "Équipes",
    members_one: "{{count}} membre",
    members_other: "{{count}} membres",
    managers: "Managers",
    noManager: "Aucun manager",
    create: "Créer une équipe",
    createSubmit: "Créer",
    created: "Équipe créée.",
    rename: "Renommer",
    renamed: "Équipe renommée.",
    managersSaved: "Managers mis à jour.",
    assignManagers: "Managers de l’équipe",
    assignHelp: "Seules les personnes ayant le rôle Manager peuvent être choisies.",
    name: "Nom de l’équipe",
    memberList: "Membres de l’équipe",
    empty: "Aucune équipe à afficher.",
    chat: {
      title: "Canal de discussion de l’équipe",
      intro:
        "Facultatif\u00a0: un webhook entrant Slack ou Microsoft Teams où Ambassade annonce les demandes en attente et les accréditations qui arrivent à échéance dans cette équipe. Les messages ne contiennent que des noms et des liens vers Ambassade.",
      none: "Aucun webhook n’est réglé pour cette équipe.",
      current: "Messages envoyés à {{host}} ({{format}}).",
      lastFailed: "Le dernier message n’a pas pu être remis ({{error}}).",
      lastDelivered: "Dernier message remis le",
      url: "Adresse du webhook entrant",
      newUrl: "Nouvelle adresse du webhook entrant",
      urlHint: "Copiée depuis Slack (Incoming Webhooks) ou Teams (Workflows). Elle reste secrète\u00a0: elle n’est plus affichée une fois enregistrée.",
      format: "Format des messages",
      formatHint: "Les adresses de Slack et de Teams imposent leur format\u00a0; choisissez-le pour les autres outils.",
      formats: { slack: "Slack (ou compatible)", teams: "Microsoft Teams" },
      language: "Langue des messages",
      save: "Enregistrer le webhook",
      remove: "Retirer le webhook",
      saved: "Webhook de discussion enregistré.",
      removed: "Webhook de discussion retiré.",
    },
  },
  audit: {
    intro: "Qui a fait quoi, et quand, dans toute l’organisation. Les dates sont dans votre fuseau horaire.",
    filters: "Filtrer le journal",
    filterActor: "Fait par",
    filterPerson: "Concernant",
    filterPersonHint: "Nom ou adresse, même en partie.",
    filterAction: "Action",
    allActions: "Toutes les actions",
    from: "Du",
    to: "Au (inclus)",
    apply: "Filtrer",
    clear: "Effacer les filtres",
    export: "Exporter en CSV",
    when: "Quand",
    what: "Ce qui s’est passé",
    why: "Raison",
    empty: "Aucune entrée ne correspond à ces filtres.",
    older: "Entrées plus anciennes",
    newest: "Les plus récentes",
    pages: "Pages du journal",
    errors: {
      action: "Cette action n’existe pas\u00a0: choisissez-la dans la liste.",
      date: "Une date s’écrit AAAA-MM-JJ et doit exister.",
      order: "La date de fin doit suivre la date de début.",
    },
    csv: {
      at: "Date (UTC)",
      localTime: "Date ({{zone}})",
      actor: "Fait par",
      person: "Concernant",
      action: "Action",
      sentence: "Ce qui s’est passé",
      reason: "Raison",
      code: "Code de l’action",
      subject: "Objet",
    },
  },

  // The trainers' page that overrides a person's level.
  diagnostic: {
    person: {
      title: "Niveau {{de name}}",
      current: "Niveau actuel",
      notPlaced: "Pas encore positionné·e",
      mayRetake: "Peut passer le questionnaire dès maintenant.",
      earlierQuestionnaire:
        "Niveau calculé avec une version antérieure du questionnaire (version {{version}} ; version actuelle : {{current}}). La personne le garde jusqu’à ce qu’elle repasse le questionnaire ; les raisons affichées sont celles données à l’époque.",
      waiting: "Pourra repasser le questionnaire à partir du {{date}}.",
      overrideTitle: "Fixer le niveau",
      overrideIntro: "La personne verra votre nom et votre raison. Le changement est inscrit au journal d’audit.",
      level: "Niveau",
      reason: "Raison",
      reasonHint: "Ce que la personne lira\u00a0: soyez précis et bienveillant (500 caractères au plus).",
      overrideSubmit: "Enregistrer ce niveau",
      overridden: "Le niveau {{de name}} est maintenant «\u00a0{{level}}\u00a0».",
      resetTitle: "Autoriser à repasser le questionnaire",
      resetIntro: "Sans attendre la fin du délai fixé par l’administrateur. Le niveau actuel reste valable jusqu’à ce que la personne termine.",
      resetSubmit: "Autoriser maintenant",
      resetDone: "{{name}} peut repasser le questionnaire.",
      resetAlready: "Déjà autorisé·e à repasser le questionnaire.",
    },
  },
  // Refusals of the people and teams forms (only staff send them).
  errors: {
    rolesRequired: "Choisissez au moins un rôle.",
    roleInvalid: "Rôle inconnu.",
    teamRequired: "Choisissez une équipe.",
    teamInvalid: "Cette équipe n’existe pas ou n’est pas dans votre périmètre.",
    teamNameTaken: "Une équipe porte déjà ce nom.",
    notAManager: "Chaque manager choisi doit avoir le rôle Manager.",
    managerRoles: "Un manager ne peut inviter que des salariés.",
  },
  accreditation: accreditationStaff,
  lifecycle: lifecycleTeam,
  security: securityInvite,
  api: apiAdmin,
  privacyAdmin,
  charterEditor,
  provisioning,
  reports,
  settings,
  ssoAdmin,
  staffView,
  staffPages,
  studio,
};

export default staff;
export type StaffStrings = typeof staff;
