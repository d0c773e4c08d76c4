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
};

export default lifecyclePage;
