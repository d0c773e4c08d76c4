import type { LifecycleStrings } from "../fr/lifecycle";

/**
 * Strings of an accreditation's life beyond the request and the decision (English): leaving the
 * organisation, the waiting period after a revocation and its reopening, the reinstatement by a
 * manager, the longest validity, the last administrator. Namespace `lifecycle.*`.
 */
const lifecycle: LifecycleStrings = {
  next: {
    contactManager: "Your accreditation has been suspended since you left the organisation. Your manager can reinstate it.",
    waiting: "Your accreditation was revoked. You may request again from {{date}}, or sooner if your manager reopens your case.",
    waitingNoDate: "Your accreditation was revoked. You cannot request again yet.",
  },
  errors: {
    validUntilTooFar: "This end date is beyond the longest validity of an accreditation.",
    revokedWaiting: "After a revocation, a new request is possible only once the waiting period is over, or if your manager reopens your case.",
    leftOrganisation: "This accreditation was suspended when the person left: only their manager can reinstate it.",
    holderInactive: "This person’s account is deactivated.",
    alreadyReopened: "This case is already open to a new request.",
    lastAdmin: "This is the last active administrator account: make someone else an administrator first.",
  },
};

export default lifecycle;
