/**
 * Single sign-on in a real browser, against a real OpenID Provider (oidc-provider on loopback): an
 * admin configures OpenID Connect on /admin/sso, signs out, and an employee of the IdP signs in with
 * "Sign in with <name>" and lands on the placement questionnaire, their account created just in time.
 * Then the same with SAML, against samlify's IdP behind a loopback page (tests/support/saml-idp.ts).
 * Runs last (it changes the sign-in page); it turns OIDC and SAML off again at the end.
 */
import { expect, test, type Page } from "@playwright/test";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc-idp";
import { startSamlIdpServer, type SamlIdpServer } from "../support/saml-idp";
import { signIn, signOut } from "./support";

const baseURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4599)}`;
let idp: TestOidcProvider;
let samlIdp: SamlIdpServer;

test.beforeAll(async () => {
  idp = await startOidcProvider([`${baseURL}/sso/oidc/callback`]);
  samlIdp = await startSamlIdpServer(`${baseURL}/sso/saml/metadata`, {
    nameId: "omar-persistent-7",
    email: "omar.nouveau@corp.test",
    name: "Omar Nouveau",
    locale: "en",
  });
  idp.accounts.set("nina-sub", { email: "nina.recrue@corp.test", email_verified: true, name: "Nina Recrue", locale: "fr-FR" });
});
// Clean up for anyone after this spec, whatever happened: OIDC off again, from a fresh page (the
// admin's password form is still on the sign-in page: password sign-in was never limited).
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, "admin@ambassade.test");
  await page.goto("/admin/sso");
  await setOidc(page, false);
  await page.getByRole("checkbox", { name: "Activer la connexion SAML 2.0" }).uncheck();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("Réglages SSO enregistrés.");
  await page.close();
  await idp?.close();
  await samlIdp?.close();
});

async function setOidc(page: Page, enabled: boolean) {
  const box = page.getByRole("checkbox", { name: "Activer la connexion OpenID Connect" });
  if (enabled) await box.check();
  else await box.uncheck();
}

test("an admin configures OpenID Connect, and an employee of the IdP signs in and lands on the questionnaire", async ({ page }) => {
  // The test IdP's page imports a web font from the internet: nothing leaves this machine.
  await page.route(
    (url) => url.hostname !== "127.0.0.1",
    (route) => route.abort(),
  );
  await signIn(page, "admin@ambassade.test");
  await page.goto("/admin/sso");
  await expect(page).toHaveTitle("Authentification unique (SSO) · Ambassade");
  // The values to paste at the IdP.
  await expect(page.locator('[data-sp="redirectUri"]')).toHaveText(`${baseURL}/sso/oidc/callback`);
  await setOidc(page, true);
  await page.getByRole("textbox", { name: "Nom affiché sur le bouton" }).first().fill("Corp IdP");
  await page.getByRole("textbox", { name: "URL de l’émetteur (issuer)" }).fill(idp.issuer);
  await page.getByRole("textbox", { name: "Identifiant client (client ID)" }).fill(idp.clientId);
  await page.getByLabel("Secret client").fill(idp.clientSecret);
  await page.getByRole("checkbox", { name: "Créer le compte à la première connexion" }).check();
  await page.getByRole("combobox", { name: "Équipe des comptes créés" }).selectOption({ label: "Marketing & Communication" });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("Réglages SSO enregistrés.");
  // The secret is never shown back.
  await expect(page.getByLabel("Secret client")).toHaveValue("");
  await expect(page.getByText("Un secret est enregistré.")).toBeVisible();
  await signOut(page);

  await page.goto("/login");
  // The button is a link to /sso/oidc. Followed with goto: the navigation changes origin and browser
  // process (the app sends Cross-Origin-Opener-Policy), which a click's wait does not always follow.
  const button = page.getByRole("link", { name: "Se connecter avec Corp IdP" });
  await page.goto((await button.getAttribute("href"))!);
  // The IdP's own sign-in page.
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill("nina-sub");
  await page.locator('input[name="password"]').fill("whatever-the-idp-checks");
  await page.locator('button[type="submit"]').click({ noWaitAfter: true });
  await page.waitForURL((url) => url.origin === baseURL && url.pathname === "/diagnostic");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questionnaire de positionnement");
});

test("the same with SAML: an admin pastes the IdP's values, and an employee signs in through the IdP's page", async ({ page }) => {
  await signIn(page, "admin@ambassade.test");
  await page.goto("/admin/sso");
  await page.getByRole("checkbox", { name: "Activer la connexion SAML 2.0" }).check();
  await page.getByRole("textbox", { name: "Nom affiché sur le bouton" }).nth(1).fill("Corp SAML");
  await page.getByRole("textbox", { name: "URL d’authentification unique du fournisseur (SSO URL)" }).fill(samlIdp.ssoUrl);
  await page.getByRole("textbox", { name: "Identifiant d’entité du fournisseur (IdP entity ID / issuer)" }).fill(samlIdp.entityId);
  await page.getByRole("textbox", { name: "Certificat de signature du fournisseur" }).fill(samlIdp.cert);
  await page.getByRole("checkbox", { name: "Créer le compte à la première connexion" }).check();
  await page.getByRole("combobox", { name: "Équipe des comptes créés" }).selectOption({ label: "Marketing & Communication" });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toContainText("Réglages SSO enregistrés.");
  await signOut(page);

  await page.goto("/login");
  await page.goto((await page.getByRole("link", { name: "Se connecter avec Corp SAML" }).getAttribute("href"))!);
  // The IdP's page, then its form posts the signed assertion to Ambassade's ACS.
  await expect(page.getByRole("heading", { name: "Corp IdP" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.origin === baseURL && url.pathname === "/diagnostic");
  // The account was created just in time, in the language the IdP gave.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Placement questionnaire");
});
