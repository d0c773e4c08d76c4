/**
 * Strings of single sign-on that anyone may see (French): the buttons of the sign-in page and the
 * pages that explain a failed sign-in. The admin page's strings are in sso-admin.ts (staff group).
 */
const sso = {
  signInWith: "Se connecter avec {{name}}",
  or: "ou",
  passwordOff: "La connexion par mot de passe est réservée aux administrateurs. Utilisez le bouton ci-dessus.",
  breakGlass: "Accès de secours des administrateurs\u00a0: connexion par mot de passe",
  breakGlassIntro: "Accès de secours\u00a0: seuls les administrateurs peuvent se connecter ici avec un mot de passe.",
  passwordNotAllowed:
    "La connexion par mot de passe est réservée aux administrateurs\u00a0: connectez-vous avec le fournisseur d’identité de votre organisation.",
  errorTitle: "Connexion impossible",
  tryAgain: "Revenir à la page de connexion",
  errors: {
    notConfigured: "Cette méthode de connexion n’est pas activée. Revenez à la page de connexion et choisissez-en une autre.",
    badState:
      "Cette tentative de connexion a expiré, a déjà servi ou a été commencée dans un autre navigateur. Revenez à la page de connexion et recommencez depuis ce navigateur.",
    missingCode: "Le fournisseur d’identité n’a pas renvoyé de code d’autorisation. Recommencez\u00a0; si cela se reproduit, prévenez votre administrateur.",
    idpError:
      "Le fournisseur d’identité a refusé ou interrompu la connexion (accès non accordé à Ambassade, ou connexion annulée). Recommencez\u00a0; si cela se reproduit, demandez à votre administrateur de vérifier que vous avez accès à l’application Ambassade.",
    invalidResponse:
      "La réponse du fournisseur d’identité n’a pas pu être vérifiée (signature, destinataire, audience ou validité). Rien n’a été enregistré. Recommencez\u00a0; si cela se reproduit, signalez-le à votre administrateur.",
    replayed: "Cette réponse du fournisseur d’identité a déjà été utilisée. Revenez à la page de connexion et recommencez.",
    noEmail:
      "Le fournisseur d’identité n’a pas donné d’adresse e-mail valide pour votre compte. Demandez à votre administrateur de vérifier les attributs envoyés à Ambassade.",
    unreachable: "Le fournisseur d’identité ne répond pas. Réessayez dans quelques minutes\u00a0; si cela persiste, prévenez votre administrateur.",
    emailUnverified: "Votre adresse e-mail n’est pas vérifiée chez le fournisseur d’identité. Vérifiez-la chez lui, puis recommencez.",
    deactivated: "Votre compte Ambassade est désactivé. Si vous pensez que c’est une erreur, contactez votre administrateur.",
    unknownAccount:
      "Aucun compte Ambassade n’existe pour votre adresse e-mail, et les comptes ne sont pas créés à la première connexion. Demandez à votre manager ou à votre administrateur de vous inviter, puis recommencez.",
    emailCollision:
      "Votre adresse e-mail est déjà liée à un autre compte Ambassade, ou votre compte est déjà lié à une autre identité de ce fournisseur. Rien n’a été modifié. Demandez à votre administrateur de régler le doublon.",
  },
};

export default sso;
export type SsoStrings = typeof sso;
