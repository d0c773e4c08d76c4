/**
 * Strings of an accreditation's life beyond the request and the decision (French): leaving the
 * organisation, the waiting period after a revocation and its reopening, the reinstatement by a
 * manager, the longest validity, the last administrator. Namespace `lifecycle.*`.
 */
const lifecycle = {
  next: {
    contactManager: "Votre accréditation est suspendue depuis votre départ de l’organisation. Votre manager peut la rétablir.",
    waiting:
      "Votre accréditation a été retirée. Vous pourrez faire une nouvelle demande à partir du {{date}}, ou plus tôt si votre manager rouvre votre dossier.",
    waitingNoDate: "Votre accréditation a été retirée. Vous ne pouvez pas encore faire de nouvelle demande.",
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

export type LifecycleStrings = typeof lifecycle;
export default lifecycle;
