/**
 * Strings of the administrators' privacy pages (French): the notice's versions, retention, and one
 * person's data (export, legal hold, erasure). Namespace `privacyAdmin.*` (docs/privacy.md).
 */
const privacyAdmin = {
  nav: "Confidentialité",
  title: "Confidentialité et données personnelles",
  notice: {
    title: "Notice de confidentialité",
    intro:
      "Montrée à chaque personne avant le questionnaire de positionnement, et relisible depuis son compte. Publier crée une nouvelle version : les personnes la verront avant leur prochain questionnaire.",
    fr: "Texte en français",
    en: "Texte en anglais",
    hint: "Texte simple ; une ligne vide sépare deux paragraphes.",
    publish: "Publier une nouvelle version",
    published: "Version {{version}} de la notice publiée.",
    versions: "Versions publiées",
    version: "Version",
    publishedAt: "Publiée le",
    publishedBy: "Par",
    seenBy: "Lue par",
    firstRun: "installation",
  },
  retention: {
    title: "Durées de conservation",
    intro: "Chaque nuit, les données plus anciennes que ces durées sont supprimées. Les durées se règlent dans les paramètres.",
    settings: "Régler les durées",
    lastRun: "Dernier passage ayant supprimé des données : {{date}}.",
    never: "Aucun passage n’a encore supprimé de données.",
    kinds: {
      questionnaire_answers: "réponses au questionnaire",
      exam_answers: "réponses aux examens",
      reflections: "réflexions",
      sessions: "sessions",
      mail: "e-mails",
      webhook_deliveries: "livraisons de webhooks",
      webhook_events: "événements de webhooks",
      leaver_audit_details: "détails d’audit de personnes parties",
    },
  },
  person: {
    link: "Données personnelles",
    title: "Données personnelles {{de name}}",
    erasedOn: "Données effacées le {{date}}.",
    exportTitle: "Exporter",
    exportHelp: "Un fichier ZIP avec tout ce qu’Ambassade conserve sur cette personne (résumé lisible et JSON). L’export est inscrit au journal d’audit.",
    exportSubmit: "Télécharger ses données (ZIP)",
    holdTitle: "Gel légal",
    holdHelp: "Tant qu’un gel est posé, les données de la personne ne peuvent pas être effacées (contentieux, obligation légale de conservation).",
    holdNone: "Aucun gel légal.",
    holdActive: "Gel légal posé le {{date}} par {{by}}.",
    holdReason: "Raison du gel",
    holdRefused: "Raison du gel : {{reason}}",
    holdSubmit: "Poser le gel",
    holdUpdate: "Mettre à jour le gel",
    holdRelease: "Lever le gel",
    holdSaved: "Gel légal enregistré.",
    holdReleased: "Gel légal levé.",
    eraseTitle: "Effacer",
    eraseHelp:
      "Sur demande de la personne. Son compte est désactivé, ses accréditations suspendues, ses réponses, réflexions et sessions supprimées, son nom et son adresse remplacés par un pseudonyme partout. Les statistiques et le journal d’audit restent, sans son identité. Son attestation sera « plus disponible ». Les sauvegardes antérieures gardent ces données jusqu’à leur expiration. C’est irréversible.",
    eraseConfirm: "Pour confirmer, tapez l’adresse e-mail de la personne",
    eraseSubmit: "Effacer définitivement",
    erased: "Données effacées ; la personne apparaît désormais sous le pseudonyme {{pseudonym}}.",
  },
  errors: {
    changed: "Quelqu’un a publié une autre version entre-temps : rechargez la page.",
    unchanged: "Le texte est identique à la version en vigueur : rien à publier.",
    legalHold: "Effacement refusé : un gel légal est posé sur cette personne.",
    alreadyErased: "Les données de cette personne ont déjà été effacées : il n’y a plus rien à effacer.",
    self: "Vous ne pouvez pas effacer votre propre compte.",
    confirmMismatch: "L’adresse saisie n’est pas celle de la personne.",
  },
};

export type PrivacyAdminStrings = typeof privacyAdmin;
export default privacyAdmin;
