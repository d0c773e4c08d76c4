/** Strings of a manager's decisions on an accreditation's life (French). Namespace `lifecycle.team.*` (staff group). */
const lifecycleTeam = {
  team: {
    reinstateTitle: "Rétablir l’accréditation",
    reinstateHelp: "La personne est revenue dans l’organisation. Rétablir son accréditation la rend de nouveau valide jusqu’à sa date de fin.",
    reinstate: "Rétablir",
    reinstated: "Accréditation {{de name}} rétablie.",
    reopenTitle: "Rouvrir le dossier",
    reopenHelp: "Après un retrait, la personne doit attendre avant de refaire une demande. Rouvrir son dossier lui permet de demander dès maintenant.",
    reopen: "Rouvrir le dossier",
    reopened: "Dossier {{de name}} rouvert\u00a0: la personne peut faire une nouvelle demande.",
    maxValidUntil: "Au plus tard le {{date}}.",
  },
};

export default lifecycleTeam;
export type LifecycleTeamStrings = typeof lifecycleTeam;
