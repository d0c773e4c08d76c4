/**
 * SAML 2.0 sign-in with @node-saml/node-saml (≥ 5.1, with the 2025 xml-crypto signature-wrapping
 * fixes): SP-initiated only. The library checks the signature of the assertion (required), the
 * issuer, the validity window, the audience and InResponseTo (a request this server issued, kept in
 * sso_flows). On top of it this module checks what the library does not: the assertion's Recipient
 * (and the Response's Destination) is our ACS URL, its NameID is not transient, and its id was never
 * used before (saml_assertions, kept until the assertion expires). The only module that knows node-saml.
 */
import { randomBytes } from "node:crypto";
import type { CacheProvider, Profile, SAML } from "@node-saml/node-saml";
import {
  answerSamlFlow,
  createFlow,
  FLOW_TTL_MS,
  pendingSamlRequest,
  rememberAssertion,
  samlProviderKey,
  SsoError,
  takeFlow,
  type SamlConfig,
  type SsoProfile,
} from "~/models/sso.server";

export function samlAcsUrl(origin: string): string {
  return `${origin}/sso/saml/acs`;
}
export function samlMetadataUrl(origin: string): string {
  return `${origin}/sso/saml/metadata`;
}
export function spEntityIdOf(config: Pick<SamlConfig, "spEntityId">, origin: string): string {
  return config.spEntityId || samlMetadataUrl(origin);
}

/** node-saml's InResponseTo store, read from the sign-ins in progress (written by startSamlSignIn). */
const flowCache: CacheProvider = {
  saveAsync: async () => null,
  getAsync: async (key) => pendingSamlRequest(key)?.toISOString() ?? null,
  // The flow is used up by answerSamlFlow/takeFlow, not by the library.
  removeAsync: async () => null,
};

/** node-saml, loaded by the first SAML request, not by every process at start (ADR 0039). */
function loadNodeSaml() {
  return import("@node-saml/node-saml");
}

/** PEM as pasted, or the bare base64 body: node-saml takes either, trimmed. */
function certificate(value: string): string {
  return value.trim();
}

async function samlFor(config: SamlConfig, origin: string, requestId?: string): Promise<SAML> {
  const { SAML, ValidateInResponseTo } = await loadNodeSaml();
  const spEntityId = spEntityIdOf(config, origin);
  return new SAML({
    callbackUrl: samlAcsUrl(origin),
    entryPoint: config.entryPoint,
    issuer: spEntityId,
    audience: spEntityId,
    idpCert: certificate(config.idpCert),
    ...(config.idpEntityId ? { idpIssuer: config.idpEntityId } : {}),
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    // Let the IdP send the NameID it is configured for (persistent, or the email).
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    acceptedClockSkewMs: 60_000,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: FLOW_TTL_MS,
    cacheProvider: flowCache,
    generateUniqueId: () => requestId ?? `_${randomBytes(20).toString("hex")}`,
  });
}

/** The SP metadata for the IdP to import (entity id, ACS URL with the HTTP-POST binding, assertions signed). */
export async function samlMetadata(config: SamlConfig | null, origin: string): Promise<string> {
  const { SAML } = await loadNodeSaml();
  const saml = new SAML({
    callbackUrl: samlAcsUrl(origin),
    issuer: config ? spEntityIdOf(config, origin) : samlMetadataUrl(origin),
    idpCert: "unused",
    identifierFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
    wantAssertionsSigned: true,
  });
  return saml.generateServiceProviderMetadata(null, null);
}

/** Starts a sign-in: the request id is the flow's key; returns the IdP URL (HTTP-Redirect binding). */
export async function startSamlSignIn(config: SamlConfig, origin: string, redirectTo: string): Promise<{ url: string; flowId: string }> {
  const id = `_${randomBytes(20).toString("hex")}`;
  createFlow({ id, protocol: "saml", redirectTo });
  const url = await (await samlFor(config, origin, id)).getAuthorizeUrlAsync("", undefined, {});
  return { url, flowId: id };
}

type XmlNode = { $?: Record<string, string>; _?: string; [child: string]: unknown };
const first = (value: unknown): XmlNode | undefined => (Array.isArray(value) ? (value[0] as XmlNode | undefined) : undefined);
const all = (value: unknown): XmlNode[] => (Array.isArray(value) ? (value as XmlNode[]) : []);

function attributeText(profile: Profile, name: string): string | null {
  if (!name) return null;
  const value = (profile.attributes as Record<string, unknown> | undefined)?.[name];
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" && one.trim() !== "" ? one.trim() : null;
}

/**
 * The IdP posted its answer to the ACS URL (a cross-site POST: no cookie of ours comes with it).
 * Verified here, then stored on its request; the browser is sent on to /sso/saml/finish, a same-site
 * step where its cookie proves it is the browser that started the sign-in.
 */
export async function receiveSamlResponse(config: SamlConfig, origin: string, samlResponse: string): Promise<void> {
  const acs = samlAcsUrl(origin);
  let profile: Profile | null;
  try {
    ({ profile } = await (await samlFor(config, origin)).validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    throw new SsoError("invalidResponse", `SAML response refused: ${String(error)}`);
  }
  if (!profile) throw new SsoError("invalidResponse", "no profile");
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlNode } | undefined)?.Assertion;
  const assertionId = assertion?.$?.ID;
  if (!assertion || !assertionId) throw new SsoError("invalidResponse", "assertion without an ID");
  // Recipient: at least one bearer confirmation addressed to our ACS URL, and none elsewhere.
  const recipients = all(first(assertion.Subject)?.SubjectConfirmation).map((c) => first(c.SubjectConfirmationData)?.$?.Recipient);
  if (recipients.length === 0 || recipients.some((r) => r !== acs)) throw new SsoError("invalidResponse", `recipient ${recipients.join(",")} is not ${acs}`);
  const destination = /<(?:\w+:)?Response\b[^>]*\sDestination="([^"]*)"/.exec(profile.getSamlResponseXml?.() ?? "")?.[1];
  if (destination !== undefined && destination !== acs) throw new SsoError("invalidResponse", `destination ${destination} is not ${acs}`);
  if (!profile.nameID) throw new SsoError("invalidResponse", "no NameID");
  if (profile.nameIDFormat === "urn:oasis:names:tc:SAML:2.0:nameid-format:transient")
    throw new SsoError("invalidResponse", "a transient NameID cannot identify a person");
  const notOnOrAfter = first(assertion.Conditions)?.$?.NotOnOrAfter;
  const expiresAt = notOnOrAfter ? new Date(notOnOrAfter) : new Date(Date.now() + FLOW_TTL_MS);
  if (!rememberAssertion(assertionId, Number.isNaN(expiresAt.getTime()) ? new Date(Date.now() + FLOW_TTL_MS) : expiresAt)) {
    throw new SsoError("replayed", `assertion ${assertionId} was already used`);
  }
  const result: SsoProfile = {
    protocol: "saml",
    provider: samlProviderKey(config.idpEntityId, config.entryPoint),
    subject: profile.nameID,
    email: config.emailAttribute ? attributeText(profile, config.emailAttribute) : profile.nameID,
    emailVerified: true,
    name: attributeText(profile, config.nameAttribute),
    locale: attributeText(profile, config.localeAttribute),
  };
  const inResponseTo = typeof profile.inResponseTo === "string" ? profile.inResponseTo : null;
  if (!inResponseTo || !answerSamlFlow(inResponseTo, result)) throw new SsoError("badState", "request already answered or expired");
}

/** The same-site step after the ACS: the browser's cookie names its flow, which must hold a verified answer. */
export function finishSamlSignIn(browserFlowId: string | null): { profile: SsoProfile; redirectTo: string } {
  if (!browserFlowId) throw new SsoError("badState", "no sign-in in progress in this browser");
  const flow = takeFlow(browserFlowId, "saml");
  if (!flow?.result) throw new SsoError("badState", "unknown, unanswered or expired sign-in");
  return { profile: flow.result as unknown as SsoProfile, redirectTo: flow.redirectTo };
}
