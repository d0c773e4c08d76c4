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
import * as samlify from "samlify";

samlify.setSchemaValidator({ validate: async () => "skipped: the SP under test validates" });

export type SamlUser = { nameId: string; email: string; name: string; locale?: string };
export type ResponseOverrides = { audience?: string; notOnOrAfter?: Date; notBefore?: Date; recipient?: string; inResponseTo?: string };

const PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
const BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";

export function makeKeyPair(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-idp-"));
  try {
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=test-idp", "-days", "2", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], {
      stdio: "ignore",
    });
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

export function createSamlIdp(spMetadataXml: string, options: { keys?: { key: string; cert: string }; entityId?: string } = {}): TestSamlIdp {
  const keys = options.keys ?? makeKeyPair();
  const entityId = options.entityId ?? "https://idp.corp.test/saml";
  const ssoUrl = "https://idp.corp.test/saml/sso";
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
