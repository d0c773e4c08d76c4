import type { SsoAdminStrings } from "../fr/sso-admin";

/**
 * Strings of the admin page of single sign-on (English). Each setting's own label and help live with
 * its definition in app/models/sso-settings.server.ts.
 */
const ssoAdmin: SsoAdminStrings = {
  nav: "Single sign-on",
  title: "Single sign-on (SSO)",
  intro:
    "Your employees sign in with the company’s identity provider (Microsoft Entra ID, Okta, Google Workspace, Keycloak…). Every change is recorded in the audit log.",
  spTitle: "To paste at the identity provider",
  redirectUri: "OpenID Connect redirect URI",
  acsUrl: "SAML ACS URL (Assertion Consumer Service, HTTP-POST binding)",
  spEntityId: "Ambassade’s SAML entity ID",
  metadataUrl: "SAML metadata URL",
  appUrlWarning: "APP_URL is not set: these addresses come from the request. Set APP_URL in production so that they do not change.",
  oidcTitle: "OpenID Connect",
  samlTitle: "SAML 2.0",
  accountsTitle: "Accounts and password sign-in",
  secretSet: "A secret is saved.",
  secretNotSet: "No secret saved.",
  noTeam: "No team",
  linkedCount_one: "{{count}} person has already signed in through SSO.",
  linkedCount_other: "{{count}} people have already signed in through SSO.",
  breakGlassHelp:
    "“Administrators only” can be chosen only after a first successful SSO sign-in. Administrators then keep a break-glass password access at /login?password=1.",
  saved: "SSO settings saved.",
  unchanged: "No change: nothing was saved.",
  errors: {
    url: "Enter a full https:// address (http:// only for a server on this machine).",
    claim: "Invalid attribute name: letters, digits, full stop, colon, slash, hash, hyphen and underscore only.",
    certificate: "Paste the certificate in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.",
    requiredWhenEnabled: "Required to turn this sign-in method on.",
    team: "This team does not exist.",
    ssoNotProven: "Someone must first have signed in through SSO with an enabled provider: try it, then come back.",
  },
};

export default ssoAdmin;
