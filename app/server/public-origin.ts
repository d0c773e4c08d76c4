/**
 * Where this Ambassade is reached from: APP_URL, the one origin every link (mails, credentials, webhook
 * events) is built from and the only host the server answers for (ASVS 5.1.5 / 14.4: no link built from
 * a Host header an attacker chose). Decided once at start-up by `npm start`.
 */
export type PublicOrigin = {
  /** The origin, without a trailing slash. */
  appUrl: string;
  /** The address to listen on. */
  host: string;
  /** Other Host values accepted as the same site (the loopback names of a first local start). */
  aliases: string[];
  /** A line to print at start-up, when something was defaulted. */
  note: string | null;
};

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export class StartupError extends Error {}

/** Parses APP_URL: an http(s) origin, nothing after the host but an optional "/". */
export function parseAppUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new StartupError(
      `APP_URL is not a URL: "${value}". Set it to the address people type to reach Ambassade, e.g. APP_URL=https://ambassade.example.com`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new StartupError(`APP_URL must start with https:// (or http:// on a private network), not "${url.protocol}".`);
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username || url.password) {
    throw new StartupError(`APP_URL must be an origin only (scheme, host and optional port), e.g. https://ambassade.example.com, not "${value}".`);
  }
  return url.origin;
}

/**
 * In production APP_URL is required, except for a first start on this machine: with neither APP_URL
 * nor HOST (or with HOST a loopback address), the server listens on loopback only and its origin is
 * http://localhost:<port>. Listening on a network interface without APP_URL stops with what to set.
 */
export function resolvePublicOrigin(env: { NODE_ENV?: string; APP_URL?: string; HOST?: string; PORT?: string }): PublicOrigin {
  const port = Number(env.PORT ?? 3000);
  if (env.APP_URL?.trim()) return { appUrl: parseAppUrl(env.APP_URL), host: env.HOST ?? "0.0.0.0", aliases: [], note: null };
  const host = env.HOST ?? (env.NODE_ENV === "production" ? "127.0.0.1" : "0.0.0.0");
  if (env.NODE_ENV === "production" && !LOOPBACK.has(host)) {
    throw new StartupError(
      [
        `APP_URL is not set, and HOST=${host} would serve Ambassade to the network.`,
        "Set APP_URL to the address people type to reach it (links in mails and credentials are built from it,",
        "and requests for any other host are refused), for example:",
        `  APP_URL=https://ambassade.example.com HOST=${host} npm start`,
        "To try Ambassade on this machine only, leave HOST unset: it then listens on 127.0.0.1 with APP_URL=http://localhost:" + port + ".",
      ].join("\n"),
    );
  }
  return {
    appUrl: `http://localhost:${port}`,
    host,
    aliases: [`127.0.0.1:${port}`, `[::1]:${port}`],
    note:
      env.NODE_ENV === "production"
        ? `APP_URL is not set: listening on this machine only (${host}). To serve others, set APP_URL=https://<your address> and HOST=0.0.0.0.`
        : null,
  };
}
