/**
 * Strings of the admin page of single sign-on (French). Each setting's own label and help live with
 * its definition in app/models/sso-settings.server.ts.
 */
const ssoAdmin = {
  nav: "Authentification unique",
  title: "Authentification unique (SSO)",
  intro:
    "Vos salariés se connectent avec le fournisseur d’identité de l’entreprise (Microsoft Entra ID, Okta, Google Workspace, Keycloak…). Chaque modification est inscrite au journal d’audit.",
  spTitle: "À copier chez le fournisseur d’identité",
  redirectUri: "URI de redirection OpenID Connect",
  acsUrl: "URL ACS SAML (Assertion Consumer Service, liaison HTTP-POST)",
  spEntityId: "Identifiant d’entité SAML d’Ambassade",
  metadataUrl: "URL des métadonnées SAML",
  appUrlWarning: "APP_URL n’est pas défini\u00a0: ces adresses sont déduites de la requête. Définissez APP_URL en production pour qu’elles ne changent pas.",
  oidcTitle: "OpenID Connect",
  samlTitle: "SAML 2.0",
  accountsTitle: "Comptes et connexion par mot de passe",
  secretSet: "Un secret est enregistré.",
  secretNotSet: "Aucun secret enregistré.",
  noTeam: "Sans équipe",
  linkedCount_one: "{{count}} personne s’est déjà connectée par SSO.",
  linkedCount_other: "{{count}} personnes se sont déjà connectées par SSO.",
  breakGlassHelp:
    "«\u00a0Administrateurs seulement\u00a0» ne peut être choisi qu’après une première connexion réussie par SSO. Les administrateurs gardent alors un accès de secours par mot de passe à /login?password=1.",
  saved: "Réglages SSO enregistrés.",
  unchanged: "Aucun changement\u00a0: rien n’a été enregistré.",
  errors: {
    url: "Saisissez une adresse complète en https:// (http:// seulement pour un serveur sur cette machine).",
    claim: "Nom d’attribut invalide\u00a0: lettres, chiffres, point, deux-points, barre oblique, croisillon, tiret et tiret bas seulement.",
    certificate: "Collez le certificat au format PEM, de -----BEGIN CERTIFICATE----- à -----END CERTIFICATE-----.",
    requiredWhenEnabled: "Obligatoire pour activer cette méthode de connexion.",
    team: "Cette équipe n’existe pas.",
    ssoNotProven: "Une personne doit d’abord s’être connectée par SSO avec un fournisseur activé\u00a0: essayez-le, puis revenez.",
  },
};

export default ssoAdmin;
export type SsoAdminStrings = typeof ssoAdmin;
