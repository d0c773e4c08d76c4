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
};

export default lifecyclePage;
export type LifecyclePageStrings = typeof lifecyclePage;
