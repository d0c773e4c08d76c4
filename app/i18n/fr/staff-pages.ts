/**
 * The staff pages' headers, filters and empty states (the design system applied to every staff page,
 * ADR 0037), French. Namespace `staffPages.*`.
 */
const NBSP = "\u00a0";

const staffPages = {
  colon: `${NBSP}: `,
  filter: "Filtrer",
  clearFilters: "Effacer les filtres",
  teams: {
    intro: "Les équipes que vous suivez, leurs membres et leurs managers.",
    manage: "Gérer les équipes",
    emptyAdmin: "Créez une première équipe, puis rattachez-y des personnes et nommez ses managers.",
    emptyManager: "Vous ne gérez encore aucune équipe. Un administrateur peut vous en confier une.",
  },
  team: {
    intro: "Les membres de l’équipe, leur niveau et d’où il vient.",
    back: "← Toutes les équipes",
    filterLabel: "Filtrer les membres",
    allLevels: "Tous les niveaux",
    noMatch: "Aucun membre ne correspond à ces filtres.",
    noMatchHint: "Élargissez la recherche ou effacez les filtres.",
    empty: "Cette équipe n’a encore aucun membre.",
    emptyHint: "Invitez des personnes en les rattachant à cette équipe.",
  },
  requests: {
    channels: "Réseaux",
    filterLabel: "Filtrer les accréditations",
    allStates: "Tous les états",
    noMatch: "Aucune accréditation ne correspond à ces filtres.",
    noPendingHint: `Les nouvelles demandes de vos équipes apparaîtront ici${NBSP}; un e-mail vous les signale aussi.`,
    noActiveHint: "Une accréditation apparaît ici dès qu’une demande est accordée.",
  },
  person: {
    back: "← Toutes les personnes",
    profile: "Profil",
    account: "Compte",
    record: "Parcours et accréditation",
    recordIntro: "Où en est {{name}} sur le chemin de l’accréditation.",
    current: "Accréditation actuelle",
    validUntil: "Valide jusqu’au {{date}}",
    noAccreditation: "{{name}} n’a pas encore demandé d’accréditation.",
    openCase: "Ouvrir le dossier",
    exams: "Tentatives d’examen",
    examsEmpty: "Aucune tentative d’examen terminée.",
    examWhen: "Date",
    examScore: "Score",
    examResult: "Résultat",
    passed: "Réussi",
    failed: "Échoué",
    history: "Historique des décisions",
  },
  audit: {
    emptyHint: "Élargissez les dates ou effacez les filtres pour revoir tout le journal.",
    oldest: "Les plus anciennes",
    newer: "Entrées plus récentes",
  },
  adminTeams: {
    intro: "Créez les équipes, renommez-les et choisissez leurs managers.",
    seeTeams: "Voir les équipes",
    list: "Équipes",
    empty: "Aucune équipe pour l’instant.",
    emptyHint: "Créez la première avec le formulaire ci-dessus, puis rattachez-y des personnes.",
  },
  tokens: {
    emptyHint: `Créez-en un avec le formulaire ci-dessus${NBSP}: il n’est montré qu’une fois.`,
  },
  webhooks: {
    emptyHint: "Ajoutez l’adresse d’un outil qui doit être prévenu des changements d’accréditation.",
  },
  studio: {
    backToEditor: "Retour à l’éditeur",
    historyEmptyHint: "Chaque publication du module ajoute une version à cet historique.",
    empty: "Aucun module pour l’instant.",
    emptyHint: "Créez le premier avec son identifiant ci-dessus, puis rédigez-le en français et en anglais.",
  },
  reviews: {
    back: "Retour au studio",
    emptyHint: "Les réflexions écrites par les apprenants apparaîtront ici dès qu’elles attendent une relecture.",
  },
  reports: {
    noTeamHint: "Ce tableau de bord montre les équipes que vous gérez. Un administrateur peut vous en confier une.",
  },
};

export default staffPages;
export type StaffPagesStrings = typeof staffPages;
