/**
 * SAML 2.0 sign-in against a real IdP implementation (samlify, in-process) and the real server: SP
 * metadata, the whole SP-initiated flow, and the refusals that matter: a tampered, an expired, a
 * replayed, a wrong-audience, a wrong-recipient assertion and one signed by another key, each a 400
 * that writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { samlAssertions } from "../../db/schema";
import { Browser, snapshotWithout } from "../support/security";
import { startServer, type TestServer } from "../support/server";
import { createSamlIdp, makeKeyPair, type SamlUser, type TestSamlIdp, type ResponseOverrides } from "../support/saml-idp";
import { auditOf, configure, identitiesOfUser, newTeam, userByEmail } from "../support/sso";

let server: TestServer;
let idp: TestSamlIdp;
let metadata: string;
let teamId: string;
const IDP_ORIGIN = "https://idp.corp.test";

beforeAll(async () => {
  // The key first (openssl takes a while): a kept-alive connection left idle past the server's
  // keep-alive timeout could be closed under the next request.
  const keys = makeKeyPair();
  server = await startServer();
  metadata = await (await fetch(`${server.url}/sso/saml/metadata`)).text();
  idp = createSamlIdp(metadata, { keys });
  teamId = newTeam("Field");
  configure({
    "sso.saml.enabled": true,
    "sso.saml.displayName": "Corp SAML",
    "sso.saml.entryPoint": idp.ssoUrl,
    "sso.saml.idpEntityId": idp.entityId,
    "sso.saml.idpCert": idp.cert,
    "sso.jit": true,
    "sso.jitTeamId": teamId,
  });
});
afterAll(() => server.close());

/** Ambassade's button, then the IdP's answer (not yet posted back). */
async function start(browser: Browser, user: SamlUser, overrides?: ResponseOverrides, from: TestSamlIdp = idp): Promise<string> {
  const response = await browser.get("/sso/saml?redirectTo=%2Fhome");
  expect(response.status).toBe(302);
  const location = response.headers.get("location")!;
  expect(location.startsWith(`${idp.ssoUrl}?SAMLRequest=`)).toBe(true);
  return from.respond(location, user, overrides);
}

/** The IdP's page posts the answer to the ACS URL: a cross-site POST. */
function postToAcs(browser: Browser, samlResponse: string) {
  return browser.post("/sso/saml/acs", { SAMLResponse: samlResponse }, { Origin: IDP_ORIGIN });
}

const errorOf = async (response: Response) => /data-sso-error="(\w+)"/.exec(await response.text())?.[1];
const user = (name: string, extra: Partial<SamlUser> = {}): SamlUser => ({ nameId: `id-${name}`, email: `${name}@corp.test`, name: `${name} Doe`, ...extra });

describe("SAML 2.0 sign-in", () => {
  it("serves SP metadata at a stable URL: entity id, ACS URL (HTTP-POST), signed assertions wanted", async () => {
    const response = await fetch(`${server.url}/sso/saml/metadata`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/samlmetadata+xml");
    expect(metadata).toContain(`entityID="${server.url}/sso/saml/metadata"`);
    expect(metadata).toContain(`Location="${server.url}/sso/saml/acs"`);
    expect(metadata).toContain('WantAssertionsSigned="true"');
    expect(metadata).toContain("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
  });

  it("signs a new employee in through the whole SP-initiated flow, created in the default team", async () => {
    const browser = new Browser(server.url);
    const response = await start(browser, user("zoe", { locale: "en-US" }));
    const acs = await postToAcs(browser, response);
    expect(acs.status).toBe(303);
    expect(acs.headers.get("location")).toBe("/sso/saml/finish");
    const finish = await browser.get("/sso/saml/finish");
    expect(finish.status).toBe(302);
    expect(finish.headers.get("location")).toBe("/diagnostic");
    const zoe = userByEmail("zoe@corp.test")!;
    expect(zoe).toMatchObject({ name: "zoe Doe", teamId, locale: "en" });
    expect(identitiesOfUser(zoe.id)).toEqual([expect.objectContaining({ provider: `saml:${idp.entityId}`, subject: "id-zoe" })]);
    expect(auditOf(zoe.id, "sso.signin")[0]!.data).toMatchObject({ source: "sso", protocol: "saml" });
    expect((await browser.get("/home")).status).toBe(200);
    // The sign-in page offers the button.
    expect(await (await new Browser(server.url).get("/login")).text()).toContain("Corp SAML");
  });

  const refusals: [string, () => Promise<string>][] = [
    [
      "a tampered assertion (email changed after signing)",
      async () =>
        Buffer.from(
          Buffer.from(await start(new Browser(server.url), user("tess")), "base64")
            .toString("utf8")
            .replace("tess@corp.test", "boss@corp.test"),
        ).toString("base64"),
    ],
    [
      "an expired assertion",
      () => start(new Browser(server.url), user("exp"), { notBefore: new Date(Date.now() - 20 * 60_000), notOnOrAfter: new Date(Date.now() - 10 * 60_000) }),
    ],
    ["an assertion for another audience", () => start(new Browser(server.url), user("aud"), { audience: "https://another-service.test/saml" })],
    ["an assertion for another recipient", () => start(new Browser(server.url), user("rec"), { recipient: "https://another-service.test/acs" })],
    [
      "an assertion signed by another key",
      () => start(new Browser(server.url), user("key"), undefined, createSamlIdp(metadata, { keys: makeKeyPair(), entityId: idp.entityId })),
    ],
    ["an answer to a request this server never made", () => start(new Browser(server.url), user("req"), { inResponseTo: "_not-a-request-of-ours" })],
  ];
  for (const [what, make] of refusals) {
    it(`refuses ${what} with a 400 and writes nothing`, async () => {
      const samlResponse = await make();
      const before = snapshotWithout([]);
      const response = await postToAcs(new Browser(server.url), samlResponse);
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toBe("invalidResponse");
      expect(snapshotWithout([])).toBe(before);
    });
  }

  it("refuses a replayed assertion, before and after the sign-in it opened", async () => {
    const browser = new Browser(server.url);
    const samlResponse = await start(browser, user("rita"));
    expect((await postToAcs(browser, samlResponse)).status).toBe(303);
    const again = await postToAcs(new Browser(server.url), samlResponse);
    expect(again.status).toBe(400);
    expect(await errorOf(again)).toBe("replayed");
    expect((await browser.get("/sso/saml/finish")).status).toBe(302);
    expect((await postToAcs(new Browser(server.url), samlResponse)).status).toBe(400);
    expect(getDb().select().from(samlAssertions).all().length).toBeGreaterThan(0);
  });

  it("accepts one of the same assertion posted five times at once", async () => {
    const browser = new Browser(server.url);
    const samlResponse = await start(browser, user("paula"));
    const answers = await Promise.all(Array.from({ length: 5 }, () => postToAcs(new Browser(server.url), samlResponse)));
    expect(answers.map((r) => r.status).sort()).toEqual([303, 400, 400, 400, 400]);
  });

  it("opens the session only in the browser that started the sign-in, once", async () => {
    const browser = new Browser(server.url);
    const samlResponse = await start(browser, user("bianca"));
    const elsewhere = new Browser(server.url);
    expect((await postToAcs(elsewhere, samlResponse)).status).toBe(303);
    const stolen = await elsewhere.get("/sso/saml/finish");
    expect(stolen.status).toBe(400);
    expect(await errorOf(stolen)).toBe("badState");
    expect((await browser.get("/sso/saml/finish")).status).toBe(302);
    expect((await browser.get("/sso/saml/finish")).status).toBe(302); // now signed in: sent home
    expect(userByEmail("bianca@corp.test")).toBeDefined();
  });

  it("refuses a malformed or missing SAMLResponse with a 400", async () => {
    expect((await new Browser(server.url).post("/sso/saml/acs", {}, { Origin: IDP_ORIGIN })).status).toBe(400);
    const garbage = await postToAcs(new Browser(server.url), Buffer.from("<not-saml/>").toString("base64"));
    expect(garbage.status).toBe(400);
    expect((await postToAcs(new Browser(server.url), "%%%not base64")).status).toBe(400);
  });
});
