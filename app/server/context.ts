import type { Viewer } from "~/models/user.server";

/** Per-request context built by the HTTP server and handed to every loader and action. */
export type AppContext = {
  clientIp: string;
  /** Nonce for the Content-Security-Policy of this response. */
  nonce: string;
  /** Set-Cookie values the server appends to the response (e.g. a renewed session). */
  responseCookies: string[];
  /** Memoised per request: loaders of one request share one session lookup. */
  viewer?: Promise<Viewer | null>;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
}

export function createContext(clientIp: string, nonce: string): AppContext {
  return { clientIp, nonce, responseCookies: [] };
}
