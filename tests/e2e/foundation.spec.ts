import { expect, test, type Page } from "@playwright/test";
import { expectNoRawKeys, lastMailTo, linkIn, signIn, signOut } from "./support";

const navOf = (page: Page) => page.getByRole("navigation", { name: /Navigation principale|Main navigation/ });

test("each role signs in and sees its own navigation", async ({ page }) => {
  const expectations: [string, string[], string[]][] = [
    ["admin@ambassade.test", ["Accueil", "Équipes", "Personnes", "Gestion des équipes", "Journal d’audit"], []],
    ["trainer@ambassade.test", ["Accueil", "Équipes"], ["Personnes", "Gestion des équipes"]],
    ["manager@ambassade.test", ["Accueil", "Équipes", "Personnes"], ["Gestion des équipes", "Journal d’audit"]],
    ["ambassador@ambassade.test", ["Accueil"], ["Équipes", "Personnes"]],
    ["learner@ambassade.test", ["Accueil"], ["Équipes", "Personnes"]],
  ];
  for (const [email, visible, hidden] of expectations) {
    await signIn(page, email);
    await expect(page).toHaveURL(/\/home/);
    // Administration pages sit in the bar's "Administration" menu (ADR 0030): opened where there is one.
    const adminMenu = navOf(page).getByText("Administration", { exact: true });
    if (await adminMenu.count()) await adminMenu.click();
    for (const label of visible) await expect(navOf(page).getByRole("link", { name: label, exact: true })).toBeVisible();
    for (const label of hidden) await expect(navOf(page).getByRole("link", { name: label, exact: true })).toHaveCount(0);
    await signOut(page);
  }
});

test("a wrong password shows the generic error", async ({ page }) => {
  await signIn(page, "learner@ambassade.test", "not-the-password", { expectFailure: true });
  await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect.");
  await signIn(page, "nobody@ambassade.test", "not-the-password", { expectFailure: true });
  await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect.");
});

test("an admin invites a person who sets a password from the mailed link and signs in", async ({ page }) => {
  await signIn(page, "admin@ambassade.test");
  await navOf(page).getByRole("link", { name: "Personnes", exact: true }).click();
  await page.getByRole("link", { name: "Inviter une personne" }).click();
  await expect(page).toHaveURL(/\/people\/invite/);
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Paul Invité");
  await page.getByRole("textbox", { name: "Adresse e-mail", exact: true }).fill("paul.invite@ambassade.test");
  await page.getByRole("combobox", { name: "Équipe", exact: true }).selectOption({ label: "Opérations" });
  await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  // No mail server in the e2e run: the admin is told so, with the link to pass on (never "sent").
  await expect(page.getByRole("status")).toContainText("Invitation enregistrée pour paul.invite@ambassade.test, mais aucun serveur de messagerie");
  await signOut(page);

  const link = linkIn(await lastMailTo("paul.invite@ambassade.test"));
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Bienvenue, Paul Invité" })).toBeVisible();
  await page.getByLabel(/^Nouveau mot de passe/).fill("paul-secret-password");
  await page.getByLabel(/^Confirmez le mot de passe/).fill("paul-secret-password");
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(page).toHaveURL(/\/home/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paul Invité");
  await signOut(page);

  await signIn(page, "paul.invite@ambassade.test", "paul-secret-password");
  await expect(page).toHaveURL(/\/home/);
  await signOut(page);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Lien invalide" })).toBeVisible();
});

test("an employee opening an admin page gets 403", async ({ page }) => {
  await signIn(page, "learner@ambassade.test");
  const response = await page.goto("/admin/teams");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  await signOut(page);
});

test("a manager cannot see or change a person of another team", async ({ page }) => {
  await signIn(page, "manager@ambassade.test");
  await navOf(page).getByRole("link", { name: "Équipes", exact: true }).click();
  await expect(page.getByRole("link", { name: "Marketing & Communication" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Opérations" })).toHaveCount(0);
  expect((await page.goto("/teams/team-ops"))?.status()).toBe(404);
  expect((await page.goto("/people/demo-camille.simon"))?.status()).toBe(403);
  await page.goto("/people?q=Camille");
  await expect(page.getByText("Personne ne correspond à cette recherche.")).toBeVisible();
  await page.goto("/home");
  await signOut(page);
});

test("switching to English and back to French changes the interface", async ({ page }) => {
  await signIn(page, "learner@ambassade.test");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bonjour");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
  await page.getByRole("button", { name: "Passer en français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Bonjour");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("signing in on a French page brings the person's saved English, with no key shown", async ({ page, context }) => {
  await signIn(page, "learner@ambassade.test");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await signOut(page);
  await context.clearCookies({ name: "ambassade_lng" });
  await signIn(page, "learner@ambassade.test");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
  await expectNoRawKeys(page);
  await page.getByRole("button", { name: "Passer en français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});
