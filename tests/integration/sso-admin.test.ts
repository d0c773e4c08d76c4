/** The SSO settings page over HTTP: validation (nothing written), the secret never shown nor audited. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog } from "../../db/schema";
import { getSetting } from "../../app/models/settings.server";
import { Browser, snapshotWithout } from "../support/security";
import { startServer, type TestServer } from "../support/server";
import { createPerson, PASSWORD } from "../support/sso";

let server: TestServer;
let admin: Browser;

beforeAll(async () => {
  server = await startServer();
  await createPerson("root@corp.test", { roles: ["admin"] });
  admin = new Browser(server.url);
  await admin.signIn("root@corp.test", PASSWORD);
});
afterAll(() => server.close());

it("refuses bad values and incomplete providers with a 400, writing nothing", async () => {
  const before = snapshotWithout(["sessions"]);
  const bodies: Record<string, string>[] = [
    { "sso.oidc.issuer": "http://idp.example.com" },
    { "sso.oidc.enabled": "true", "sso.oidc.clientId": "x" },
    { "sso.saml.idpCert": "not a certificate" },
    { "sso.jitTeamId": "no-such-team" },
    { "sso.passwordSignIn": "adminsOnly" },
    { "exam.passMark": "90" },
  ];
  for (const body of bodies) {
    const response = await admin.post("/admin/sso", body);
    expect(response.status, JSON.stringify(body)).toBe(400);
  }
  expect(snapshotWithout(["sessions"])).toBe(before);
});

it("saves a client secret that is never sent back nor written to the audit log", async () => {
  const secret = "a-very-secret-client-secret";
  const saved = await admin.post("/admin/sso", {
    "sso.oidc.enabled": "true",
    "sso.oidc.issuer": "https://login.example.com/tenant/v2.0",
    "sso.oidc.clientId": "abc",
    "sso.oidc.clientSecret": secret,
  });
  expect(saved.status).toBe(302);
  expect(getSetting("sso.oidc.clientSecret")).toBe(secret);
  const page = await (await admin.get("/admin/sso")).text();
  expect(page).not.toContain(secret);
  expect(page).toContain(`${server.url}/sso/oidc/callback`);
  expect(page).toContain(`${server.url}/sso/saml/acs`);
  expect(page).toContain("<title>Authentification unique (SSO) · Ambassade</title>");
  const audit = getDb().select().from(auditLog).where(eq(auditLog.subjectId, "sso.oidc.clientSecret")).all();
  expect(audit).toHaveLength(1);
  expect(JSON.stringify(audit)).not.toContain(secret);
  // An empty secret field keeps the saved one.
  expect((await admin.post("/admin/sso", { "sso.oidc.clientSecret": "", "sso.oidc.clientId": "abc2" })).status).toBe(302);
  expect(getSetting("sso.oidc.clientSecret")).toBe(secret);
});
