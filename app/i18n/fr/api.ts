/** Strings of the public verification page of credentials and of the learner's links to it (French). Namespace `api.*`. */
const api = {
  verify: {
    title: "Vérification d’une accréditation",
    intro: "Cette page permet à chacun de vérifier qu’une personne est bien autorisée à parler au nom {{de issuer}} sur les réseaux sociaux.",
    statusLabel: "Statut",
    status: {
      valid: "Valide",
      expired: "Expirée",
      suspended: "Suspendue",
      revoked: "Retirée",
    },
    statusHelp: {
      valid: "Cette personne est actuellement accréditée pour parler au nom de l’organisation sur les réseaux indiqués.",
      expired: "Cette accréditation n’est plus en vigueur\u00a0: sa date de fin est passée.",
      suspended: "Cette accréditation est suspendue\u00a0: la personne ne peut pas parler au nom de l’organisation pour l’instant.",
      revoked: "Cette accréditation a été retirée\u00a0: la personne ne peut plus parler au nom de l’organisation.",
    },
    holder: "Titulaire",
    channels: "Réseaux autorisés",
    validFrom: "Valide à partir du",
    validUntil: "Jusqu’au",
    issuer: "Émetteur",
    issuedAt: "Attestation émise le",
    credentialId: "Identifiant de l’attestation",
    json: "Version lisible par une machine (JSON)",
    technical:
      "Il s’agit d’une attestation vérifiable Open Badges 3.0, signée par l’émetteur (VC-JWT, EdDSA). Un logiciel peut en vérifier la signature avec la clé publique publiée à /.well-known/jwks.json ou via POST /api/v1/verify.",
    notFoundTitle: "Attestation introuvable",
    notFound: "Aucune attestation ne correspond à cette adresse. Vérifiez le lien que l’on vous a communiqué.",
  },
  credential: {
    download: "Télécharger mon attestation vérifiable (Open Badges)",
    view: "Voir ma page de vérification publique",
  },
};

export default api;
export type ApiStrings = typeof api;
