/** Strings of the charter page: reading, the comprehension check and signing (French). Namespace `accreditation.charter.*` (the page group "charter"). */
const charter = {
  title: "Charte des médias sociaux",
  versionLine: "Version {{version}}, en vigueur depuis le {{date}}",
  signedInfo: "Vous avez signé cette version le {{date}}.",
  mustSign: "Lisez la charte, répondez aux questions de compréhension, puis signez.",
  changesTitle: "Ce qui change dans cette version",
  signTitle: "Signer la charte",
  checkLegend: "Questions de compréhension",
  checkIntro: "Répondez à chaque question\u00a0: toutes les réponses doivent être justes pour signer.",
  question: "Question {{n}}",
  clause: "article {{ref}}",
  fullName: "Votre nom complet",
  fullNameHint: "Tapez votre nom tel qu’il figure sur votre compte\u00a0: {{name}}.",
  confirm: "J’ai lu la charte et je m’engage à la respecter.",
  submit: "Signer la charte",
  signed: "Charte signée. Merci\u00a0!",
  signedReinstated: "Charte signée\u00a0: votre accréditation est de nouveau valide.",
  noneInForce: "Aucune charte n’est en vigueur pour l’instant.",
  changed: "La charte a changé depuis l’ouverture de la page\u00a0: relisez-la avant de signer.",
  alreadySigned: "Vous avez déjà signé cette version.",
  answerRequired: "Répondez à cette question.",
  wrongAnswer: "Réponse incorrecte.",
  nameMismatch: "Le nom saisi ne correspond pas à celui de votre compte.",
  confirmRequired: "Cochez la case pour confirmer votre engagement.",
  unknownVersion: "Cette version n’existe pas dans le contenu.",
  notNewer: "Seule une version plus récente que celle en vigueur peut être publiée.",
  unavailable: "Cette version de la charte n’est pas disponible dans le contenu\u00a0: prévenez un administrateur.",
};

export default charter;
export type CharterStrings = typeof charter;
