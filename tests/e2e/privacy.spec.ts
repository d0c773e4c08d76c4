/**
 * Personal data end to end (issue 18), in Chromium against the production server: a learner reads the
 * privacy notice and downloads their data (a ZIP with a readable summary); an admin erases a person of
 * their own (inserted here, accredited, so that no other spec's demo people are touched) and the
 * person's credential page then says it is no longer available. The new pages pass axe's WCAG 2.1 AA rules.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { strFromU8, unzipSync } from "fflate";
import { signIn, signOut } from "./support";

async function axeViolations(page: Page, pathname: string): Promise<string[]> {
  await page.goto(pathname);
  await expect(page.locator("main")).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map(
    (v) =>
      `${pathname}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
}

/** A person of this spec's own, accredited for LinkedIn with a credential, written straight into the server's database. */
function insertAccreditedPerson(): { userId: string; email: string; credentialId: string } {
  const file = path.join(process.env.E2E_DATA_DIR ?? "data-e2e", "e2e.db");
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  const userId = randomUUID();
  const email = `erase.me.${userId.slice(0, 8)}@example.org`;
  const accreditationId = randomUUID();
  const credentialId = randomUUID();
  const now = Date.now();
  db.transaction(() => {
    db.prepare("insert into users (id, email, name, team_id) values (?, ?, ?, 'team-comms')").run(userId, email, "Élise Effacée");
    db.prepare("insert into user_roles (user_id, role) values (?, 'employee')").run(userId);
    db.prepare(
      "insert into accreditations (id, user_id, status, requested_channels, statement, requested_at, channels, granted_at, granted_by, valid_until, decided_by, decided_at, updated_at) values (?, ?, 'granted', '[\"linkedin\"]', 'Je veux représenter l''entreprise.', ?, '[\"linkedin\"]', ?, 'demo-manager', ?, 'demo-manager', ?, ?)",
    ).run(accreditationId, userId, now, now, now + 180 * 86_400_000, now, now);
    // The signed form does not matter here: the page is only read once the holder is erased.
    db.prepare("insert into credentials (id, accreditation_id, jwt, salt, issued_at) values (?, ?, 'e2e.not.signed', 'salt', ?)").run(
      credentialId,
      accreditationId,
      now,
    );
  })();
  db.close();
  return { userId, email, credentialId };
}

test("a learner reads the privacy notice and downloads their data as a ZIP with a readable summary", async ({ page }) => {
  // A colleague no other spec signs in as: the demo learner has seen the notice by now if the
  // questionnaire spec ran first (starting the questionnaire records it).
  await signIn(page, "antoine.garcia@ambassade.test");
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Vos données" })).toBeVisible();
  await page.getByRole("link", { name: "Lire la notice de confidentialité" }).click();
  await expect(page).toHaveTitle("Notice de confidentialité · Ambassade");
  await expect(page.getByText("Ce que le programme des ambassadeurs conserve sur vous")).toBeVisible();
  await page.getByRole("button", { name: "J’ai lu cette notice" }).click();
  await expect(page.getByRole("status").filter({ hasText: "la date de lecture est enregistrée" })).toBeVisible();
  await expect(page.getByText(/Vous en avez pris connaissance \(version 1\)/)).toBeVisible();

  await page.goto("/account");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Télécharger mes données (ZIP)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ambassade-data-demo-antoine\.garcia-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["summary.html", "account.json", "privacy_notices_seen.json"]));
  const summary = strFromU8(files["summary.html"]!);
  expect(summary).toContain("Données conservées par Ambassade sur");
  expect(summary).toContain("antoine.garcia@ambassade.test");

  const found: string[] = [];
  for (const pathname of ["/account", "/privacy", "/diagnostic"]) found.push(...(await axeViolations(page, pathname)));
  expect(found).toEqual([]);
  await signOut(page);
});

test("an admin erases a person; their credential page then says it is no longer available", async ({ page }) => {
  const person = insertAccreditedPerson();
  await signIn(page, "admin@ambassade.test");
  await page.goto(`/people/${person.userId}`);
  await page.getByRole("link", { name: "Données personnelles" }).click();
  await expect(page).toHaveTitle("Données personnelles d’Élise Effacée · Ambassade");

  const found: string[] = [];
  found.push(...(await axeViolations(page, `/people/${person.userId}/privacy`)));
  found.push(...(await axeViolations(page, "/admin/privacy")));
  expect(found).toEqual([]);

  // A legal hold refuses the erasure, with its reason.
  await page.goto(`/people/${person.userId}/privacy`);
  await page.getByLabel("Raison du gel").fill("Litige en cours");
  await page.getByRole("button", { name: "Poser le gel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gel légal enregistré." })).toBeVisible();
  await page.getByLabel("Pour confirmer, tapez l’adresse e-mail de la personne").fill(person.email);
  await page.getByRole("button", { name: "Effacer définitivement" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Effacement refusé : un gel légal est posé sur cette personne." })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Litige en cours" })).toBeVisible();
  await page.getByRole("button", { name: "Lever le gel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gel légal levé." })).toBeVisible();

  await page.getByLabel("Pour confirmer, tapez l’adresse e-mail de la personne").fill(person.email);
  await page.getByRole("button", { name: "Effacer définitivement" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: /Données effacées\s;\sla personne apparaît désormais sous le pseudonyme erased-[0-9a-f]{6}\./ }),
  ).toBeVisible();
  await expect(page.getByText(/Données effacées le/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Effacer" })).toHaveCount(0);
  await signOut(page);

  // Anyone checking the credential learns it is void, without the holder's name.
  const response = await page.goto(`/verify/${person.credentialId}`);
  expect(response?.status()).toBe(410);
  await expect(page.getByText("Plus disponible")).toBeVisible();
  await expect(page.getByText("Les données du titulaire de cette attestation ont été effacées")).toBeVisible();
  await expect(page.getByText("Élise Effacée")).toHaveCount(0);
  expect(await axeViolations(page, `/verify/${person.credentialId}`)).toEqual([]);
});
