/**
 * Strings of a person's own data (French): the privacy notice, acknowledging it, downloading one's
 * data, and a credential whose holder was erased. Namespace `privacy.*` (docs/privacy.md).
 */
const privacy = {
  title: "Notice de confidentialité",
  versionLine: "Version {{version}}, publiée le {{date}}.",
  seen: "Vous en avez pris connaissance (version {{version}}) le {{date}}.",
  seenOlder: "Vous aviez pris connaissance de la version {{version}} le {{date}} ; la notice a changé depuis.",
  notSeen: "Vous n’avez pas encore pris connaissance de cette version.",
  acknowledge: "J’ai lu cette notice",
  acknowledged: "C’est noté : la date de lecture est enregistrée.",
  beforeQuestionnaire: "Avant de commencer : ce que le programme conserve sur vous",
  beforeQuestionnaireHelp:
    "En commençant le questionnaire, vous confirmez avoir lu cette notice (version {{version}}). Vous pourrez la relire à tout moment depuis « Mon compte ».",
  account: {
    title: "Vos données",
    readNotice: "Lire la notice de confidentialité",
    download: "Télécharger mes données (ZIP)",
    downloadHelp: "Un fichier ZIP avec un résumé lisible (summary.html), le détail de chaque type de donnée au format JSON et votre attestation signée.",
  },
  verify: {
    noLongerAvailable: "Plus disponible",
    noLongerAvailableHelp: "Les données du titulaire de cette attestation ont été effacées : elle ne peut plus être vérifiée et ne vaut plus accréditation.",
  },
  errors: {
    noticeChanged: "La notice a changé depuis l’affichage de la page : relisez-la avant de continuer.",
  },
};

export type PrivacyStrings = typeof privacy;
export default privacy;
