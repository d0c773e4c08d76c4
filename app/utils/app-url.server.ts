/**
 * The public origin of this Ambassade (APP_URL), without a trailing slash. Credentials and webhook
 * events carry absolute URLs built from it, so it must be set in production; without it, the local
 * default is used.
 */
export function appUrl(): string {
  const configured = process.env.APP_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  return `http://localhost:${process.env.PORT ?? 3000}`;
}
