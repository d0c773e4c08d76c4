/**
 * OpenID Connect sign-in against a real OpenID Provider (oidc-provider, on loopback) and the real
 * server: just-in-time creation, linking by email once, matching by subject, an email changed at the
 * IdP, the locale claim, and every refusal (state, code, IdP errors, unknown or deactivated people,
 * email collisions) as a 4xx page that writes nothing. Also the break-glass password access.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { identities, ssoFlows } from "../../db/schema";
import { clearOidcCache } from "../../app/auth/oidc.server";
import { saveSsoSettings } from "../../app/models/sso.server";
import { Browser, snapshotWithout } from "../support/security";
import { startServer, type TestServer } from "../support/server";
import { startOidcProvider, signInAtIdp, type TestOidcProvider } from "../support/oidc-idp";
import { auditOf, configure, createPerson, deactivate, identitiesOfUser, newTeam, PASSWORD, userByEmail } from "../support/sso";

let server: TestServer;
let idp: TestOidcProvider;
let teamId: string;

beforeAll(async () => {
  server = await startServer();
  idp = await startOidcProvider([`${server.url}/sso/oidc/callback`]);
  teamId = newTeam("Sales");
  configure({
    "sso.oidc.enabled": true,
    "sso.oidc.issuer": idp.issuer,
    "sso.oidc.clientId": idp.clientId,
    "sso.oidc.clientSecret": idp.clientSecret,
    "sso.oidc.displayName": "Corp IdP",
    "sso.jitTeamId": teamId,
  });
});
afterAll(async () => {
  await idp.close();
  await server.close();
});
beforeEach(() => {
  configure({ "sso.jit": true, "sso.oidc.enabled": true, "sso.passwordSignIn": "everyone" });
  clearOidcCache();
});

/** Starts at Ambassade's button, goes through the IdP, and returns the callback URL (not yet visited). */
async function throughIdp(browser: Browser, login: string, options: { abort?: boolean } = {}): Promise<string> {
  const start = await browser.get("/sso/oidc?redirectTo=%2Fhome");
  expect(start.status).toBe(302);
  const authorization = new URL(start.headers.get("location")!);
  expect(authorization.origin).toBe(idp.issuer);
  expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorization.searchParams.get("state")).toBeTruthy();
  expect(authorization.searchParams.get("nonce")).toBeTruthy();
  return signInAtIdp(authorization.href, login, options);
}

async function signInThroughIdp(login: string): Promise<{ browser: Browser; response: Response }> {
  const browser = new Browser(server.url);
  const callback = await throughIdp(browser, login);
  expect(callback.startsWith(`${server.url}/sso/oidc/callback?`)).toBe(true);
  const response = await browser.get(callback.slice(server.url.length));
  return { browser, response };
}

const errorOf = async (response: Response) => /data-sso-error="(\w+)"/.exec(await response.text())?.[1];

describe("OpenID Connect sign-in", () => {
  it("shows “Sign in with <name>” on the sign-in page", async () => {
    const page = await (await new Browser(server.url).get("/login")).text();
    expect(page).toContain("Corp IdP");
    expect(page).toContain('href="/sso/oidc?redirectTo=%2Fhome"');
  });

  it("creates an account at first sign-in in the default team, with the locale claim, and audits it as SSO", async () => {
    idp.accounts.set("emma-sub", { email: "Emma.Martin@corp.test", email_verified: true, name: "Emma Martin", locale: "en-GB" });
    const { browser, response } = await signInThroughIdp("emma-sub");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/diagnostic");
    const user = userByEmail("emma.martin@corp.test")!;
    expect(user).toMatchObject({ name: "Emma Martin", teamId, locale: "en", active: true, passwordHash: null });
    expect(identitiesOfUser(user.id)).toEqual([
      expect.objectContaining({ provider: `oidc:${idp.issuer}`, subject: "emma-sub", email: "emma.martin@corp.test" }),
    ]);
    for (const action of ["person.created", "sso.linked", "sso.signin"]) {
      const rows = auditOf(user.id, action);
      expect(rows, action).toHaveLength(1);
      expect(rows[0]!.data).toMatchObject({ source: "sso", protocol: "oidc" });
    }
    // The session is a real one: the home page opens.
    expect((await browser.get("/home")).status).toBe(200);
  });

  it("signs the same subject in again, and follows an email changed at the IdP", async () => {
    idp.accounts.set("lucas-sub", { email: "lucas@corp.test", name: "Lucas" });
    await signInThroughIdp("lucas-sub");
    const user = userByEmail("lucas@corp.test")!;
    idp.accounts.set("lucas-sub", { email: "lucas.bernard@corp.test", name: "Lucas" });
    const { response } = await signInThroughIdp("lucas-sub");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/home");
    expect(userByEmail("lucas@corp.test")).toBeUndefined();
    expect(userByEmail("lucas.bernard@corp.test")!.id).toBe(user.id);
    expect(auditOf(user.id, "person.email")[0]).toMatchObject({ fromState: "lucas@corp.test", toState: "lucas.bernard@corp.test" });
    expect(auditOf(user.id, "sso.signin")).toHaveLength(2);
  });

  it("links an existing account by its email once, without just-in-time creation", async () => {
    configure({ "sso.jit": false });
    const id = await createPerson("invited@corp.test", { password: false });
    idp.accounts.set("invited-sub", { email: "invited@corp.test", locale: "fr" });
    const { response } = await signInThroughIdp("invited-sub");
    expect(response.status).toBe(302);
    expect(identitiesOfUser(id)).toHaveLength(1);
    expect(userByEmail("invited@corp.test")!.locale).toBe("fr");
  });

  it("refuses an unknown person when just-in-time creation is off: a 403 page, nothing written", async () => {
    configure({ "sso.jit": false });
    idp.accounts.set("stranger-sub", { email: "stranger@corp.test" });
    const browser = new Browser(server.url);
    const callback = await throughIdp(browser, "stranger-sub");
    const before = snapshotWithout(["sso_flows", "sessions"]);
    const response = await browser.get(callback.slice(server.url.length));
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toBe("unknownAccount");
    expect(snapshotWithout(["sso_flows", "sessions"])).toBe(before);
    expect(userByEmail("stranger@corp.test")).toBeUndefined();
  });

  it("refuses a deactivated person", async () => {
    const id = await createPerson("leaver@corp.test");
    idp.accounts.set("leaver-sub", { email: "leaver@corp.test" });
    expect((await signInThroughIdp("leaver-sub")).response.status).toBe(302);
    deactivate(id);
    const { response } = await signInThroughIdp("leaver-sub");
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toBe("deactivated");
    expect(response.headers.getSetCookie().some((c) => c.startsWith("ambassade_session=") && !c.includes("Max-Age=0"))).toBe(false);
  });

  it("refuses an unverified email at first sign-in", async () => {
    await createPerson("victim@corp.test", { roles: ["admin"] });
    idp.accounts.set("attacker-sub", { email: "victim@corp.test", email_verified: false });
    const { response } = await signInThroughIdp("attacker-sub");
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toBe("emailUnverified");
  });

  it("refuses email collisions with a 409 and changes nothing", async () => {
    const a = await createPerson("anna@corp.test");
    await createPerson("bob@corp.test");
    idp.accounts.set("anna-sub", { email: "anna@corp.test" });
    await signInThroughIdp("anna-sub");
    // Another subject of the IdP claims Anna's address: her account is already linked.
    idp.accounts.set("anna-twin", { email: "anna@corp.test" });
    const twin = await signInThroughIdp("anna-twin");
    expect(twin.response.status).toBe(409);
    expect(await errorOf(twin.response)).toBe("emailCollision");
    // Anna's address changes at the IdP to Bob's.
    idp.accounts.set("anna-sub", { email: "bob@corp.test" });
    const before = snapshotWithout(["sso_flows", "sessions"]);
    const moved = await signInThroughIdp("anna-sub");
    expect(moved.response.status).toBe(409);
    expect(snapshotWithout(["sso_flows", "sessions"])).toBe(before);
    expect(userByEmail("anna@corp.test")!.id).toBe(a);
  });

  it("refuses a wrong state, another browser's state, a replayed callback and a missing code", async () => {
    idp.accounts.set("state-sub", { email: "state@corp.test" });
    const browser = new Browser(server.url);
    const callback = new URL(await throughIdp(browser, "state-sub"));
    const path = (url: URL) => url.pathname + url.search;

    const wrong = new URL(callback);
    wrong.searchParams.set("state", "not-the-state");
    const r1 = await browser.get(path(wrong));
    expect(r1.status).toBe(400);
    expect(await errorOf(r1)).toBe("badState");

    // The right URL in a browser that did not start the sign-in.
    const other = await new Browser(server.url).get(path(callback));
    expect(other.status).toBe(400);

    // Missing code, with this browser's state: refused, and the state is used up.
    const browser2 = new Browser(server.url);
    const callback2 = new URL(await throughIdp(browser2, "state-sub"));
    callback2.searchParams.delete("code");
    const r2 = await browser2.get(path(callback2));
    expect(r2.status).toBe(400);
    expect(await errorOf(r2)).toBe("missingCode");

    // The good callback once, then replayed.
    const browser3 = new Browser(server.url);
    const callback3 = new URL(await throughIdp(browser3, "state-sub"));
    const cookie = browser3.cookieHeader();
    expect((await browser3.get(path(callback3))).status).toBe(302);
    const replay = await fetch(server.url + path(callback3), { headers: { Cookie: cookie }, redirect: "manual" });
    expect(replay.status).toBe(400);
  });

  it("uses a state once even when the callback arrives twice at the same time", async () => {
    idp.accounts.set("race-sub", { email: "race@corp.test" });
    const browser = new Browser(server.url);
    const callback = new URL(await throughIdp(browser, "race-sub"));
    const cookie = browser.cookieHeader();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => fetch(server.url + callback.pathname + callback.search, { headers: { Cookie: cookie }, redirect: "manual" })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([302, 400, 400, 400, 400]);
    expect(
      getDb()
        .select()
        .from(identities)
        .all()
        .filter((i) => i.subject === "race-sub"),
    ).toHaveLength(1);
  });

  it("shows the IdP's refusal (access_denied) as a page", async () => {
    const browser = new Browser(server.url);
    const callback = new URL(await throughIdp(browser, "nobody", { abort: true }));
    expect(callback.searchParams.get("error")).toBe("access_denied");
    const response = await browser.get(callback.pathname + callback.search);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toBe("idpError");
    expect(
      getDb()
        .select()
        .from(ssoFlows)
        .all()
        .filter((f) => f.id === callback.searchParams.get("state")),
    ).toHaveLength(0);
  });

  it("answers 404 when OIDC is off, and 502 when the IdP cannot be reached", async () => {
    configure({ "sso.oidc.enabled": false });
    const off = await new Browser(server.url).get("/sso/oidc");
    expect(off.status).toBe(404);
    configure({ "sso.oidc.enabled": true, "sso.oidc.issuer": "http://127.0.0.1:9/" });
    clearOidcCache();
    const down = await new Browser(server.url).get("/sso/oidc");
    expect(down.status).toBe(502);
    expect(await errorOf(down)).toBe("unreachable");
    configure({ "sso.oidc.issuer": idp.issuer });
  });
});

describe("password sign-in turned off, break-glass for admins", () => {
  it("cannot be turned off before SSO has worked, then keeps admins' password access at /login?password=1", async () => {
    const admin = await createPerson("admin@corp.test", { roles: ["admin"] });
    await createPerson("worker@corp.test");
    // No SAML sign-in yet and OIDC off: refused.
    configure({ "sso.oidc.enabled": false });
    expect(() => saveSsoSettings(admin, { "sso.passwordSignIn": "adminsOnly" })).toThrow();
    configure({ "sso.oidc.enabled": true });
    idp.accounts.set("proof-sub", { email: "proof@corp.test" });
    await signInThroughIdp("proof-sub");
    saveSsoSettings(admin, { "sso.passwordSignIn": "adminsOnly" });

    const page = await (await new Browser(server.url).get("/login")).text();
    expect(page).toContain('href="/sso/oidc?redirectTo=%2Fhome"');
    expect(page).not.toContain('name="password"');
    expect(page).toContain("/login?password=1");
    expect(await (await new Browser(server.url).get("/login?password=1")).text()).toContain('name="password"');

    const worker = await new Browser(server.url).post("/login", { email: "worker@corp.test", password: PASSWORD });
    expect(worker.status).toBe(403);
    const adminSignIn = await new Browser(server.url).post("/login?password=1", { email: "admin@corp.test", password: PASSWORD });
    expect(adminSignIn.status).toBe(302);
    // A wrong password is still just wrong.
    expect((await new Browser(server.url).post("/login", { email: "worker@corp.test", password: "wrong-password!" })).status).toBe(401);
  });
});
