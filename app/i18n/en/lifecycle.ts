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
};

export default lifecycle;
