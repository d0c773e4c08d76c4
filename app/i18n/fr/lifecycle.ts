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
};

export type LifecycleStrings = typeof lifecycle;
export default lifecycle;
