/** Strings of the charter, the exam and the learner's accreditation (French). */
const accreditation = {
  /** Between a label and its value: French puts a (non-breaking) space before the colon. */
  colon: "\u00a0: ",
  nav: {
    mine: "Mon accréditation",
    requests: "Demandes",
    charterAdmin: "Charte",
  },
  next: {
    title: "Prochaine étape",
    placed: "Répondez au questionnaire de positionnement.",
    track: "Continuez votre parcours de formation.",
    exam: "Passez l’examen d’accréditation.",
    charter: "Lisez et signez la charte des médias sociaux.",
    request: "Tout est prêt\u00a0: demandez votre accréditation.",
    renew: "Vous pouvez demander le renouvellement de votre accréditation.",
    recertify: "Pour renouveler votre accréditation, repassez l’examen (et signez la charte en vigueur).",
    resign: "Signez la nouvelle version de la charte pour que votre accréditation redevienne valide.",
    pending: "Votre demande attend la décision de votre manager.",
    inForce: "Votre accréditation est valide.",
    none: "Rien à faire pour l’instant.",
    actions: {
      placed: "Répondre au questionnaire",
      trackStart: "Commencer mon parcours",
      trackContinue: "Continuer mon parcours",
      exam: "Passer l’examen",
      charter: "Signer la charte",
      request: "Demander mon accréditation",
      renew: "Demander le renouvellement",
      recertify: "Repasser l’examen",
      resign: "Signer la nouvelle charte",
      inForce: "Voir mon certificat",
    },
    go: "Y aller",
  },
  // The rest of the exam pages' strings are their own group (../exam.fr.ts, app/i18n/fr/exam.ts).
  exam: {
    refused: {
      trackIncomplete: "L’examen s’ouvre une fois votre parcours terminé\u00a0: suivez d’abord vos modules.",
      inProgress: "Une tentative est déjà en cours\u00a0: terminez-la.",
      cooldown: "Vous pourrez repasser l’examen à partir du {{date}}.",
      maxAttempts: "Vous avez atteint le nombre maximal de tentatives\u00a0: prochaine tentative possible à partir du {{date}}.",
    },
  },
};

export default accreditation;
export type AccreditationStrings = typeof accreditation;
