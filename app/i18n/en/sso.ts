import type { SsoStrings } from "../fr/sso";

/**
 * Strings of single sign-on that anyone may see (English): the buttons of the sign-in page and the
 * pages that explain a failed sign-in. The admin page's strings are in sso-admin.ts (staff group).
 */
const sso: SsoStrings = {
  signInWith: "Sign in with {{name}}",
  or: "or",
  passwordOff: "Password sign-in is for administrators only. Use the button above.",
  breakGlass: "Administrators’ break-glass access: password sign-in",
  breakGlassIntro: "Break-glass access: only administrators can sign in here with a password.",
  passwordNotAllowed: "Password sign-in is for administrators only: sign in with your organisation’s identity provider.",
  errorTitle: "Sign-in failed",
  tryAgain: "Back to the sign-in page",
  errors: {
    notConfigured: "This sign-in method is not turned on. Go back to the sign-in page and choose another one.",
    badState:
      "This sign-in attempt has expired, was already used, or was started in another browser. Go back to the sign-in page and start again from this browser.",
    missingCode: "The identity provider sent no authorization code. Try again; if it happens again, tell your administrator.",
    idpError:
      "The identity provider refused or interrupted the sign-in (no access to Ambassade granted, or the sign-in was cancelled). Try again; if it happens again, ask your administrator to check that you have access to the Ambassade application.",
    invalidResponse:
      "The identity provider’s answer could not be verified (signature, recipient, audience or validity). Nothing was saved. Try again; if it happens again, report it to your administrator.",
    replayed: "This answer from the identity provider was already used. Go back to the sign-in page and start again.",
    noEmail: "The identity provider gave no valid email address for your account. Ask your administrator to check the attributes sent to Ambassade.",
    unreachable: "The identity provider does not answer. Try again in a few minutes; if it persists, tell your administrator.",
    emailUnverified: "Your email address is not verified at the identity provider. Verify it there, then try again.",
    deactivated: "Your Ambassade account is deactivated. If you think this is a mistake, contact your administrator.",
    unknownAccount:
      "There is no Ambassade account for your email address, and accounts are not created at first sign-in. Ask your manager or administrator to invite you, then try again.",
    emailCollision:
      "Your email address is already linked to another Ambassade account, or your account is already linked to another identity at this provider. Nothing was changed. Ask your administrator to resolve the duplicate.",
  },
};

export default sso;
