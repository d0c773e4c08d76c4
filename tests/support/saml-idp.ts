/**
 * A real SAML 2.0 identity provider for the tests: samlify's IdentityProvider, with a key and
 * certificate made by openssl for the run. It reads Ambassade's SP metadata (as a real IdP imports
 * it), parses the AuthnRequest Ambassade redirects to it, and builds and signs the Response with
 * samlify's own template and signer; tests only choose the values a misbehaving or attacked IdP
 * would put in it (an audience, a validity window). No hand-written XML.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as samlifyModule from "samlify";

// samlify is CommonJS: vitest gives its exports as the namespace, Playwright's loader under `default`.
const samlify = (samlifyModule as unknown as { default?: typeof samlifyModule }).default ?? samlifyModule;

samlify.setSchemaValidator({ validate: async () => "skipped: the SP under test validates" });

export type SamlUser = { nameId: string; email: string; name: string; locale?: string };
export type ResponseOverrides = { audience?: string; notOnOrAfter?: Date; notBefore?: Date; recipient?: string; inResponseTo?: string };

const PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
const BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";

export function makeKeyPair(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-idp-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=test-idp",
        "-days",
        "2",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      {
        stdio: "ignore",
      },
    );
    return { key: fs.readFileSync(path.join(dir, "key.pem"), "utf8"), cert: fs.readFileSync(path.join(dir, "cert.pem"), "utf8") };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export type TestSamlIdp = {
  entityId: string;
  ssoUrl: string;
  cert: string;
  /** Answers an AuthnRequest (the URL Ambassade redirected to) for `user`: the base64 SAMLResponse to post to the ACS. */
  respond: (authnRequestUrl: string, user: SamlUser, overrides?: ResponseOverrides) => Promise<string>;
};

export function createSamlIdp(spMetadataXml: string, options: { keys?: { key: string; cert: string }; entityId?: string; ssoUrl?: string } = {}): TestSamlIdp {
  const keys = options.keys ?? makeKeyPair();
  const entityId = options.entityId ?? "https://idp.corp.test/saml";
  const ssoUrl = options.ssoUrl ?? "https://idp.corp.test/saml/sso";
  const idp = samlify.IdentityProvider({
    entityID: entityId,
    privateKey: keys.key,
    signingCert: keys.cert,
    nameIDFormat: [PERSISTENT],
    singleSignOnService: [{ Binding: samlify.Constants.namespace.binding.redirect, Location: ssoUrl }],
    loginResponseTemplate: {
      context: samlify.SamlLib.defaultLoginResponseTemplate.context,
      attributes: [
        { name: "email", valueTag: "email", nameFormat: BASIC, valueXsiType: "xs:string" },
        { name: "name", valueTag: "name", nameFormat: BASIC, valueXsiType: "xs:string" },
        { name: "locale", valueTag: "locale", nameFormat: BASIC, valueXsiType: "xs:string" },
      ],
    },
  });
  const sp = samlify.ServiceProvider({ metadata: spMetadataXml });

  async function respond(authnRequestUrl: string, user: SamlUser, overrides: ResponseOverrides = {}): Promise<string> {
    const url = new URL(authnRequestUrl);
    const query = Object.fromEntries(url.searchParams);
    const parsed = await idp.parseLoginRequest(sp, "redirect", { query, octetString: "" });
    const requestId = String((parsed.extract as { request?: { id?: string } }).request?.id ?? "");
    const now = new Date();
    const later = new Date(now.getTime() + 5 * 60 * 1000);
    const acs = sp.entityMeta.getAssertionConsumerService("post") as string;
    const { context } = (await idp.createLoginResponse(sp, { extract: parsed.extract }, "post", { email: user.email }, (template: string) => {
      const id = `_${crypto.randomUUID()}`;
      const values: Record<string, string> = {
        ID: id,
        AssertionID: `_${crypto.randomUUID()}`,
        Destination: acs,
        Audience: overrides.audience ?? sp.entityMeta.getEntityID(),
        SubjectRecipient: overrides.recipient ?? acs,
        Issuer: entityId,
        IssueInstant: now.toISOString(),
        StatusCode: samlify.Constants.StatusCode.Success,
        ConditionsNotBefore: (overrides.notBefore ?? now).toISOString(),
        ConditionsNotOnOrAfter: (overrides.notOnOrAfter ?? later).toISOString(),
        SubjectConfirmationDataNotOnOrAfter: (overrides.notOnOrAfter ?? later).toISOString(),
        NameIDFormat: PERSISTENT,
        NameID: user.nameId,
        InResponseTo: overrides.inResponseTo ?? requestId,
        AuthnStatement: "",
        attrEmail: user.email,
        attrName: user.name,
        attrLocale: user.locale ?? "",
      };
      return { id, context: samlify.SamlLib.replaceTagsByValue(template, values) };
    })) as { context: string };
    return context;
  }

  return { entityId, ssoUrl, cert: keys.cert, respond };
}

export type SamlIdpServer = { entityId: string; ssoUrl: string; cert: string; close: () => Promise<void> };

/**
 * The same IdP behind a loopback HTTP server, for a real browser: Ambassade redirects to `ssoUrl`, the
 * IdP's page shows who is signing in and a "Continue" button whose form posts the signed response to
 * Ambassade's ACS (HTTP-POST binding, a cross-site POST as from any IdP). The SP's metadata is read
 * from `metadataUrl` when the first request arrives (the admin configures Ambassade first).
 */
export async function startSamlIdpServer(metadataUrl: string, user: SamlUser): Promise<SamlIdpServer> {
  const keys = makeKeyPair();
  const entityId = "https://idp.corp.test/saml";
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname !== "/saml/sso") {
        res.writeHead(404).end();
        return;
      }
      const metadata = await (await fetch(metadataUrl)).text();
      const idp = createSamlIdp(metadata, { keys, entityId, ssoUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/saml/sso` });
      const response = await idp.respond(url.toString(), user);
      const acs = samlify.ServiceProvider({ metadata }).entityMeta.getAssertionConsumerService("post") as string;
      const relay = url.searchParams.get("RelayState");
      const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
      res
        .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
        .end(
          `<!doctype html><html lang="en"><title>Corp IdP</title><h1>Corp IdP</h1><p>Signing in as ${escape(user.email)}</p>` +
            `<form method="post" action="${escape(acs)}"><input type="hidden" name="SAMLResponse" value="${escape(response)}">` +
            (relay ? `<input type="hidden" name="RelayState" value="${escape(relay)}">` : "") +
            `<button type="submit">Continue</button></form></html>`,
        );
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { entityId, ssoUrl: `http://127.0.0.1:${port}/saml/sso`, cert: keys.cert, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
