import type { LifecyclePageStrings } from "../fr/lifecycle-page";

/** Strings of an accreditation's life shown on the accreditation and verification pages (English). Namespace `lifecycle.*` (the page group "accreditation"). */
const lifecyclePage: LifecyclePageStrings = {
  explanation: {
    leftOrganisation: "Accreditation suspended: the person left the organisation. It is valid again only if a manager reinstates it.",
  },
  history: {
    leftOrganisation: "Left the organisation ({{source}})",
    sources: { admin: "deactivated by an administrator", scim: "directory (SCIM)", csv: "CSV import", sso: "single sign-on (SSO)" },
  },
  verify: {
    leftOrganisation: "The holder has left the organisation: this accreditation is no longer valid.",
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

export default lifecyclePage;
