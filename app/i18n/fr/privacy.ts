/** Strings of a person's own data (French): the privacy notice, acknowledging it, downloading one's data. Namespace `privacy.*` (the page group "account"; docs/privacy.md). The notice's refusal is in the core group, the questionnaire's line in the diagnostic group, a credential whose holder was erased in the accreditation group. */
const privacy = {
  title: "Notice de confidentialité",
  versionLine: "Version {{version}}, publiée le {{date}}.",
  seen: "Vous en avez pris connaissance (version {{version}}) le {{date}}.",
  seenOlder: "Vous aviez pris connaissance de la version {{version}} le {{date}} ; la notice a changé depuis.",
  notSeen: "Vous n’avez pas encore pris connaissance de cette version.",
  acknowledge: "J’ai lu cette notice",
  acknowledged: "C’est noté : la date de lecture est enregistrée.",
  account: {
    title: "Vos données",
    readNotice: "Lire la notice de confidentialité",
    download: "Télécharger mes données (ZIP)",
    downloadHelp: "Un fichier ZIP avec un résumé lisible (summary.html), le détail de chaque type de donnée au format JSON et votre attestation signée.",
  },
};

export default privacy;
export type PrivacyStrings = typeof privacy;
