/**
 * The charter in the browser (docs/decisions/0028-charter-in-the-browser.md), in Chromium against the
 * production server: an admin drafts version 2027-01 in both languages with the live preview, sees a
 * problem of the comprehension check with its line, compares the draft with the version in force and
 * publishes it; an accredited person is then suspended until she signs it, and signing reinstates her.
 *
 * It publishes a charter version, which suspends everyone accredited who has not signed it (the demo
 * ambassador too) and uses a person it creates; no other spec needs anyone in force, so it may run in any
 * order (checked by running it first, before a11y, accreditation, gate, reports and titles).
 */
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { expectNoRawKeys, signIn, signOut } from "./support";

const VERSION = "2027-01";
const HOLDER = { id: "e2e-charter-holder", email: "nora.vidal@ambassade.test", name: "Nora Vidal" };
const ADDED_FR = "Toute publication rédigée avec une IA est relue par son auteur.";
const ADDED_EN = "Any post drafted with an AI is reviewed by its author.";

type Bilingual = { fr: string; en: string };
function charterCheck(): { question: Bilingual; options: { text: Bilingual; correct?: boolean }[] }[] {
  return (parse(fs.readFileSync(path.join("content", "policy", "charter", "2026-01", "check.yaml"), "utf8")) as { questions: ReturnType<typeof charterCheck> })
    .questions;
}

/**
 * An accredited person of the spec's own: the demo ambassador's rows (account, placement, accreditation,
 * signature of the version in force) copied for her, written straight into the server's database.
 */
function createAccreditedHolder() {
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? path.resolve("data-e2e"), "e2e.db"));
  db.pragma("busy_timeout = 5000");
  const copy = (table: string, where: string, overrides: Record<string, unknown>) => {
    const columns = (db.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    const select = columns.map((c) => (c in overrides ? `@${c}` : `"${c}"`)).join(", ");
    db.prepare(`insert into ${table} (${columns.map((c) => `"${c}"`).join(", ")}) select ${select} from ${table} where ${where} limit 1`).run(overrides);
  };
  db.transaction(() => {
    copy("users", "id = 'demo-ambassador'", { id: HOLDER.id, email: HOLDER.email, name: HOLDER.name });
    db.prepare("insert into user_roles (user_id, role) values (?, 'employee')").run(HOLDER.id);
    copy("placements", "user_id = 'demo-ambassador' and is_current = 1", { id: `${HOLDER.id}-placement`, user_id: HOLDER.id });
    copy("accreditations", "user_id = 'demo-ambassador'", {
      id: `${HOLDER.id}-accreditation`,
      user_id: HOLDER.id,
      status: "granted",
      reason: null,
      reason_kind: null,
    });
    copy("charter_signatures", "user_id = 'demo-ambassador' and version = '2026-01'", {
      id: `${HOLDER.id}-signature`,
      user_id: HOLDER.id,
      signed_name: HOLDER.name,
    });
  })();
  db.close();
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map(
    (v) =>
      `${page.url()}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
}

/** Types at the end of a code editor (CodeMirror: its content is the labelled textbox). */
async function typeAtEnd(page: Page, name: string, text: string) {
  const editor = page.getByRole("textbox", { name });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

test("an admin drafts, compares and publishes a charter version; an accredited person is suspended until she signs it", async ({ page }) => {
  test.setTimeout(120_000);
  createAccreditedHolder();

  // 1. A new version, from the charter page.
  await signIn(page, "admin@ambassade.test");
  await page.goto("/admin/charter");
  await page.getByRole("link", { name: "Rédiger une nouvelle version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle version de la charte" })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.getByRole("textbox", { name: "Identifiant de la version" }).fill("janvier");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page.getByText(/Saisissez une date comme 2027-01/).first()).toBeVisible();
  await page.getByRole("textbox", { name: "Identifiant de la version" }).fill(VERSION);
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Brouillon de la charte ${VERSION}` })).toBeVisible();
  await expect(page).toHaveTitle(`Brouillon de la charte ${VERSION} · Ambassade`);
  await expectNoRawKeys(page);

  // 2. Both languages, with the live preview; autosaved.
  const preview = page.getByRole("region", { name: /^Aperçu/ });
  await typeAtEnd(page, "Texte de la charte en français (fichier MDX complet)", `\n\n${ADDED_FR}\n`);
  await expect(preview.getByText(ADDED_FR)).toBeVisible();
  await expect(preview.getByText("Aucun problème : ce texte peut être publié.")).toBeVisible();
  await page.getByRole("button", { name: "Anglais", exact: true }).click();
  await typeAtEnd(page, "Texte de la charte en anglais (fichier MDX complet)", `\n\n${ADDED_EN}\n`);
  await expect(preview.getByText(ADDED_EN)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Brouillon enregistré à \d\d:\d\d\.$/ })).toBeVisible();

  // 3. The comprehension check: a problem is shown with its line, then fixed.
  await page.getByRole("button", { name: "Questionnaire", exact: true }).click();
  await typeAtEnd(page, "Questionnaire de compréhension (YAML)", "oops: 1");
  await expect(preview.getByRole("button", { name: /^Ligne \d+, colonne \d+ :$/ })).toBeVisible();
  for (let i = 0; i < "oops: 1".length; i++) await page.keyboard.press("Backspace");
  await expect(preview.getByText("Le questionnaire est valide.")).toBeVisible();

  // 4. Compared with the version in force: the added lines, per language.
  const compare = page.getByRole("region", { name: "Comparer avec la version en vigueur (2026-01)" });
  await expect(compare.getByRole("group", { name: "Différences : Français" })).toContainText(ADDED_FR);
  await expect(compare.getByRole("group", { name: "Différences : Anglais" })).toContainText(ADDED_EN);
  await expect(page.getByRole("status").filter({ hasText: /^Brouillon enregistré à \d\d:\d\d\.$/ })).toBeVisible();
  expect(await axe(page)).toEqual([]);

  // 5. Published: listed as in force, written in the browser.
  await page.getByRole("button", { name: `Publier la version ${VERSION}` }).click();
  await expect(page).toHaveURL(/\/admin\/charter$/);
  await expect(page.getByRole("status").filter({ hasText: `Version ${VERSION} publiée.` })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(VERSION) }) });
  await expect(row).toContainText("En vigueur");
  await expect(row).toContainText("Rédigée dans le navigateur");
  // Frozen: its draft is gone.
  expect((await page.goto(`/admin/charter/drafts/${VERSION}`))?.status()).toBe(404);
  await page.goto("/admin/charter");
  await signOut(page);

  // 6. The accredited person is suspended until she signs the new version.
  await signIn(page, HOLDER.email);
  await page.goto("/accreditation");
  await expect(page.getByText(/Votre accréditation est suspendue.*2027-01/)).toBeVisible();
  await page.goto("/charter");
  await expect(page.getByText(`Version ${VERSION}`, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(ADDED_FR)).toBeVisible();
  for (const question of charterCheck()) {
    const group = page.getByRole("group", { name: question.question.fr });
    await group.getByRole("radio", { name: question.options.find((o) => o.correct === true)!.text.fr, exact: true }).check();
  }
  await page.getByRole("textbox", { name: "Votre nom complet" }).fill(HOLDER.name);
  await page.getByRole("checkbox", { name: /^J.ai lu la charte et je m.engage à la respecter\.$/ }).check();
  await page.getByRole("button", { name: "Signer la charte" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Charte signée : votre accréditation est de nouveau valide." })).toBeVisible();
  await signOut(page);
});
