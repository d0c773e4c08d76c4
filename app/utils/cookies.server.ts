/**
 * Whether cookies carry `Secure`: always in production (ASVS 3.4.1), the session and the flash alike,
 * unless INSECURE_COOKIES=1 says the site is deliberately served over plain http (a private test).
 * Browsers accept Secure cookies from http://localhost, so the first local start still works.
 */
export function secureCookies(): boolean {
  return process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1";
}
