/** Strings of an accreditation's life shown on the accreditation and verification pages (French). Namespace `lifecycle.*` (the page group "accreditation"). */
const lifecyclePage = {
  explanation: {
    leftOrganisation: "Accréditation suspendue\u00a0: la personne a quitté l’organisation. Elle ne redevient valide que si un manager la rétablit.",
  },
  history: {
    leftOrganisation: "Départ de l’organisation ({{source}})",
    sources: { admin: "désactivation par un administrateur", scim: "annuaire (SCIM)", csv: "import CSV", sso: "authentification unique (SSO)" },
  },
  verify: {
    leftOrganisation: "Le titulaire a quitté l’organisation\u00a0: cette accréditation n’est plus valide.",
  },
  errors: {
    validUntilTooFar: "Cette date de fin dépasse la durée maximale d’une accréditation.",
    revokedWaiting: "Après un retrait, une nouvelle demande n’est possible qu’à la fin du délai d’attente, ou si votre manager rouvre votre dossier.",
    leftOrganisation: "Cette accréditation a été suspendue au départ de la personne\u00a0: seul son manager peut la rétablir.",
    holderInactive: "Le compte de cette personne est désactivé.",
    alreadyReopened: "Ce dossier est déjà ouvert à une nouvelle demande.",
    lastAdmin: "C’est le dernier compte administrateur actif\u00a0: nommez d’abord un autre administrateur.",
  },
};

export default lifecyclePage;
export type LifecyclePageStrings = typeof lifecyclePage;
