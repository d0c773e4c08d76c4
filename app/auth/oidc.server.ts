/**
 * OpenID Connect sign-in with openid-client 6 (a certified relying party): discovery, authorization
 * code with PKCE (S256), state and nonce kept server-side (app/models/sso.server.ts, single use), and
 * the ID token checked by the library (signature against the IdP's JWKS, issuer, audience, expiry,
 * nonce). The only module that knows openid-client.
 */
import type * as openid from "openid-client";
import { createFlow, oidcProviderKey, SsoError, takeFlow, type OidcConfig, type SsoProfile } from "~/models/sso.server";
import { isLoopback } from "~/models/sso-settings.server";

const DISCOVERY_TTL_MS = 10 * 60 * 1000;
const cache = new Map<string, { at: number; config: Promise<openid.Configuration> }>();

/** openid-client, loaded by the first OIDC sign-in, not by every process at start (ADR 0039). */
function loadOpenIdClient(): Promise<typeof openid> {
  return import("openid-client");
}

/** The IdP's metadata, fetched once per ten minutes per configuration. */
function configurationFor(oidc: OidcConfig): Promise<openid.Configuration> {
  const key = JSON.stringify([oidc.issuer, oidc.clientId, oidc.clientSecret]);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const issuer = new URL(oidc.issuer);
  // http only for an IdP on this machine (tests, a local Keycloak); the settings refuse it elsewhere.
  const insecure = issuer.protocol === "http:" && isLoopback(issuer.hostname);
  const config = loadOpenIdClient()
    .then((client) =>
      client.discovery(issuer, oidc.clientId, oidc.clientSecret || undefined, oidc.clientSecret ? client.ClientSecretPost(oidc.clientSecret) : client.None(), {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 10,
      }),
    )
    .catch((error: unknown) => {
      cache.delete(key);
      throw new SsoError("unreachable", `discovery of ${oidc.issuer} failed: ${String(error)}`);
    });
  cache.set(key, { at: Date.now(), config });
  return config;
}

/** Forgets discovered metadata (after the settings change, and in tests). */
export function clearOidcCache(): void {
  cache.clear();
}

export function oidcRedirectUri(origin: string): string {
  return `${origin}/sso/oidc/callback`;
}

/** Starts a sign-in: the flow is stored, and the IdP's authorization URL returned. */
export async function startOidcSignIn(oidc: OidcConfig, origin: string, redirectTo: string): Promise<{ url: string; flowId: string }> {
  const config = await configurationFor(oidc);
  const client = await loadOpenIdClient();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
  createFlow({ id: state, protocol: "oidc", nonce, codeVerifier, redirectTo });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidcRedirectUri(origin),
    scope: "openid email profile",
    response_type: "code",
    code_challenge: codeChallenge,
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url: url.href, flowId: state };
}

function claimText(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/**
 * The IdP came back to the callback. The state must be the one this browser started (its cookie) and
 * is used up; then the library exchanges the code and checks the ID token. Claims missing from the ID
 * token (some IdPs put email and name only in userinfo) are read from userinfo, for the same subject.
 */
export async function finishOidcSignIn(oidc: OidcConfig, callbackUrl: URL, browserFlowId: string | null): Promise<{ profile: SsoProfile; redirectTo: string }> {
  const state = callbackUrl.searchParams.get("state");
  if (!state || !browserFlowId || state !== browserFlowId) throw new SsoError("badState", "state does not match this browser's sign-in");
  const flow = takeFlow(state, "oidc");
  if (!flow || !flow.nonce || !flow.codeVerifier) throw new SsoError("badState", "unknown, used or expired state");
  if (callbackUrl.searchParams.has("error")) {
    throw new SsoError("idpError", `${callbackUrl.searchParams.get("error")}: ${callbackUrl.searchParams.get("error_description") ?? ""}`);
  }
  if (!callbackUrl.searchParams.get("code")) throw new SsoError("missingCode");
  const config = await configurationFor(oidc);
  const client = await loadOpenIdClient();
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new SsoError("invalidResponse", `code exchange or ID token refused: ${String(error)}`);
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw new SsoError("invalidResponse", "no ID token");
  let claims: Record<string, unknown> = { ...idClaims };
  const needsUserInfo = [oidc.emailClaim, oidc.nameClaim, "locale"].some((name) => claims[name] === undefined);
  if (needsUserInfo && config.serverMetadata().userinfo_endpoint && tokens.access_token) {
    try {
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, ...claims };
    } catch (error) {
      throw new SsoError("invalidResponse", `userinfo refused: ${String(error)}`);
    }
  }
  return {
    redirectTo: flow.redirectTo,
    profile: {
      protocol: "oidc",
      provider: oidcProviderKey(oidc.issuer),
      subject: idClaims.sub,
      email: claimText(claims, oidc.emailClaim),
      emailVerified: claims.email_verified !== false && claims.email_verified !== "false",
      name: claimText(claims, oidc.nameClaim),
      locale: claimText(claims, "locale"),
    },
  };
}
