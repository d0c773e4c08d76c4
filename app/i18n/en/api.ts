import type { ApiStrings } from "../fr/api";

/** Strings of the public verification page of credentials and of the learner's links to it (English). Namespace `api.*`. */
const api: ApiStrings = {
  verify: {
    title: "Accreditation check",
    intro: "This page lets anyone check that a person is authorised to speak for {{issuer}} on social media.",
    statusLabel: "Status",
    status: {
      valid: "Valid",
      expired: "Expired",
      suspended: "Suspended",
      revoked: "Revoked",
    },
    statusHelp: {
      valid: "This person is currently accredited to speak for the organisation on the channels shown.",
      expired: "This accreditation is no longer in force: its end date has passed.",
      suspended: "This accreditation is suspended: the person may not speak for the organisation for now.",
      revoked: "This accreditation has been withdrawn: the person may no longer speak for the organisation.",
    },
    holder: "Holder",
    channels: "Authorised channels",
    validFrom: "Valid from",
    validUntil: "Until",
    issuer: "Issuer",
    issuedAt: "Credential issued on",
    credentialId: "Credential id",
    json: "Machine-readable version (JSON)",
    technical:
      "This is an Open Badges 3.0 verifiable credential signed by the issuer (VC-JWT, EdDSA). Software can check its signature with the public key published at /.well-known/jwks.json, or through POST /api/v1/verify.",
    notFoundTitle: "Credential not found",
    notFound: "No credential matches this address. Check the link you were given.",
  },
  credential: {
    download: "Download my verifiable credential (Open Badges)",
    view: "See my public verification page",
  },
};

export default api;
