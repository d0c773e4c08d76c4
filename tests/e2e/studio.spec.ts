/**
 * The trainer studio end to end. First: a learner completes a module; the demo trainer edits it in the
 * code editor, sees the error an unsafe line causes, fixes it, watches the preview follow, publishes;
 * the learner sees the new text; the trainer rolls back; the learner sees the old text again — and
 * keeps their completion throughout. Then: the tracks reordered with the keyboard; two trainers saving
 * the same draft; an image upload inserted as a figure; the draft's changes discarded after a confirmation.
 * Uses sarah.lefebvre@ambassade.test (placed "reluctant" in the demo data, used by no other spec), the
 * reluctant track and module reluctant-small-steps (in no other spec's track; its text ends as it
 * started), and only drafts of objector-privacy-and-boundaries (learners never see drafts).
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoRawKeys, signIn } from "./support";

const LEARNER = "sarah.lefebvre@ambassade.test";
const TRAINER = "trainer@ambassade.test";
const MODULE = "reluctant-small-steps";
const NEW_TEXT = "Ce paragraphe a été ajouté dans le studio.";
const UNSAFE = "<script>alert(1)</script>";

type Check = { question: string; right: string };

/** The module's knowledge checks with their right answer, read from its French file. */
function checksOf(moduleId: string): Check[] {
  const source = fs.readFileSync(path.join("content", "modules", moduleId, "fr.mdx"), "utf8");
  return [...source.matchAll(/<KnowledgeCheck\s+id="[^"]+"\s+question="([^"]+)"\s*>([\s\S]*?)<\/KnowledgeCheck>/g)].map((match) => {
    const right = [...match[2]!.matchAll(/<Option\b([^>]*)>([\s\S]*?)<\/Option>/g)].find((option) =>
      /(^|\s)correct(\s|$)/.test(option[1]!.replace(/explanation="[^"]*"/, " ")),
    )!;
    return { question: match[1]!, right: right[2]!.replace(/\s+/g, " ").trim() };
  });
}

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function expectCompleted(learner: Page) {
  await expect(learner.getByRole("heading", { name: "Module terminé" })).toBeVisible();
}

test("a trainer fixes an unsafe edit, publishes, rolls back; the learner sees each text and stays completed", async ({ browser }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];

  // The learner completes the module first.
  const learner = await pageAs(browser, LEARNER);
  await learner.goto(`/track/${MODULE}`);
  for (const check of checksOf(MODULE)) {
    const group = learner.getByRole("group", { name: check.question });
    await group.getByRole("radio", { name: check.right, exact: true }).check();
    await group.locator("..").getByRole("button", { name: "Vérifier ma réponse" }).click();
    await expect(group.locator("..").getByText("Bonne réponse.", { exact: true })).toBeVisible();
  }
  await expectCompleted(learner);
  await expect(learner.getByText(NEW_TEXT)).toHaveCount(0);

  // The trainer opens the module in the studio.
  const trainer = await pageAs(browser, TRAINER);
  trainer.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await trainer.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Studio", exact: true }).click();
  await expect(trainer.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
  // Signed in through the form and navigated without reloading: the staff strings came in time.
  await expectNoRawKeys(trainer);
  await trainer.getByRole("link", { name: /^Petits pas/ }).click();
  await expect(trainer.getByRole("heading", { level: 1, name: /^Modifier\s:\sPetits pas/ })).toBeVisible();
  await expectNoRawKeys(trainer);

  // CodeMirror replaces the textarea once loaded (its content is the labelled textbox).
  const editor = trainer.getByRole("textbox", { name: "Contenu du module (Français)" });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  const preview = trainer.getByRole("region", { name: "Aperçu — Français" });
  await expect(preview.getByText("Aucun problème : ce texte peut être publié.")).toBeVisible();

  // An unsafe line: the preview reports it, with its line in the editor.
  await editor.click();
  await trainer.keyboard.press("Control+End");
  await trainer.keyboard.press("Enter");
  await trainer.keyboard.press("Enter");
  await trainer.keyboard.type(UNSAFE);
  await expect(preview.getByText(/le HTML <script> n’est pas permis/)).toBeVisible();
  const problem = preview.getByRole("button", { name: /^Ligne \d+, colonne \d+\s:$/ });
  await expect(problem).toBeVisible();
  // The draft is saved all the same (it is only a draft).
  await expect(trainer.getByRole("status").filter({ hasText: /^Brouillon enregistré à \d\d:\d\d$/ })).toBeVisible();

  // Fixed: the line is replaced by a paragraph, and the preview shows it.
  for (let i = 0; i < UNSAFE.length; i++) await trainer.keyboard.press("Backspace");
  await trainer.keyboard.type(NEW_TEXT);
  await expect(preview.getByText("Aucun problème : ce texte peut être publié.")).toBeVisible();
  await expect(preview.getByText(NEW_TEXT)).toBeVisible();
  await expect(trainer.getByRole("status").filter({ hasText: /^Brouillon enregistré à \d\d:\d\d$/ })).toBeVisible();

  // Published, with a change note.
  await trainer.getByLabel("Note de version").fill("Un paragraphe de conclusion en plus.");
  await trainer.getByRole("button", { name: "Publier cette version" }).click();
  await expect(trainer.getByText("Publié : version 2. Les apprenants la voient dès maintenant.")).toBeVisible();

  // The learner sees the new text, and the module is still completed.
  await learner.goto(`/track/${MODULE}`);
  await expect(learner.getByRole("article").getByText(NEW_TEXT)).toBeVisible();
  await expectCompleted(learner);

  // The trainer rolls back to version 1.
  await trainer.getByRole("link", { name: "Versions et retour arrière" }).click();
  await expect(trainer.getByRole("heading", { level: 1, name: /^Versions de/ })).toBeVisible();
  await trainer.getByText("Revenir à la version 1…").click();
  await trainer.getByLabel("Note de version").fill("Retour au texte d'origine.");
  await trainer.getByRole("button", { name: "Publier à nouveau la version 1" }).click();
  await expect(trainer.getByText("Retour arrière publié : la version 3 reprend le contenu de la version 1.")).toBeVisible();

  // The learner sees the old text again, still completed.
  await learner.goto(`/track/${MODULE}`);
  await expect(learner.getByRole("heading", { level: 1, name: /^Petits pas/ })).toBeVisible();
  await expect(learner.getByText(NEW_TEXT)).toHaveCount(0);
  await expectCompleted(learner);
  await learner.goto("/track");
  await expect(
    learner
      .getByRole("listitem")
      .filter({ hasText: /^.*Petits pas/ })
      .first(),
  ).toContainText("Terminé");

  expect(errors, "no error in the trainer's browser console (CSP included)").toEqual([]);
});

test("a trainer reorders a level's track with the keyboard, hears where the module went, and publishes it", async ({ browser }) => {
  const trainer = await pageAs(browser, TRAINER);
  await trainer.goto("/studio/tracks");
  await expect(trainer.getByRole("heading", { level: 1, name: "Parcours" })).toBeVisible();
  const level = trainer.getByRole("group", { name: "Réticent" });
  const items = level.getByRole("listitem");
  const titleOf = async (index: number) =>
    (await items
      .nth(index)
      .getByRole("button", { name: /^Descendre « / })
      .getAttribute("aria-label"))!.replace(/^Descendre «\s(.*)\s»$/, "$1");
  const firstTitle = await titleOf(0);
  const secondTitle = await titleOf(1);

  // Move the first module down, with the keyboard: focus stays on it, and the move is announced.
  const down = level.getByRole("button", { name: `Descendre « ${firstTitle} »` });
  await down.focus();
  await trainer.keyboard.press("Enter");
  await expect(trainer.getByRole("status").filter({ hasText: `« ${firstTitle} » est maintenant en position 2 sur` })).toBeAttached();
  await expect(down).toBeFocused();
  await expect(items.nth(1)).toContainText(firstTitle);
  await expect(items.nth(0)).toContainText(secondTitle);

  await trainer.getByLabel("Note de version").fill("Commencer le parcours réticent autrement.");
  await trainer.getByRole("button", { name: "Publier les parcours" }).click();
  await expect(trainer.getByText("Parcours publiés : ils s’appliquent dès maintenant.")).toBeVisible();

  // The learner's track follows at once.
  const learner = await pageAs(browser, LEARNER);
  await learner.goto("/track");
  const titles = await learner.getByRole("region", { name: "Les modules de votre parcours" }).getByRole("listitem").allTextContents();
  const position = (title: string) => titles.findIndex((text) => text.includes(title));
  expect(position(secondTitle)).toBeGreaterThan(-1);
  expect(position(secondTitle)).toBeLessThan(position(firstTitle));
});

test("two trainers edit the same module: the second is told, sees the difference, merges by hand, and nothing is lost", async ({ browser }) => {
  test.setTimeout(60_000);
  const id = "objector-privacy-and-boundaries";
  const first = await pageAs(browser, TRAINER);
  const second = await pageAs(browser, "admin@ambassade.test");
  for (const page of [first, second]) {
    await page.goto(`/studio/${id}`);
    await expect(page.getByRole("textbox", { name: "Contenu du module (Français)" })).toHaveAttribute("contenteditable", "true");
  }
  const saved = (page: Page) => page.getByRole("status").filter({ hasText: /^Brouillon enregistré à \d\d:\d\d$/ });

  // The first trainer changes the title; it is saved.
  const title = first.getByRole("textbox", { name: "Titre" }).first();
  const newTitle = `${await title.inputValue()} (revu)`;
  await title.fill(newTitle);
  await expect(saved(first)).toBeVisible();

  // The second, who loaded the page before, adds a sentence: their save is refused, nothing is lost.
  const addition = "Une phrase ajoutée par la seconde formatrice.";
  const editor = second.getByRole("textbox", { name: "Contenu du module (Français)" });
  await editor.click();
  await second.keyboard.press("Control+End");
  await second.keyboard.press("Enter");
  await second.keyboard.type(addition);
  const conflict = second.getByRole("region", { name: "Ce module a changé pendant que vous l’éditiez" });
  await expect(conflict).toBeVisible();
  await expect(second.getByRole("status").filter({ hasText: /^Non enregistré\s:\squelqu’un d’autre a modifié ce module/ })).toBeVisible();
  await expect(conflict.getByRole("group", { name: "Différences — Français" })).toContainText(newTitle);
  await expect(conflict.getByRole("group", { name: "Différences — Français" })).toContainText(addition);
  await expect(editor).toContainText(addition);

  // Merged by hand: their title, then my version saved on top.
  await second.getByRole("textbox", { name: "Titre" }).first().fill(newTitle);
  await conflict.getByRole("button", { name: "Enregistrer ma version par-dessus" }).click();
  await expect(saved(second)).toBeVisible();

  // Both changes are in the draft.
  await first.reload();
  await expect(first.getByRole("textbox", { name: "Titre" }).first()).toHaveValue(newTitle);
  // (The editor only renders the lines in view: the preview shows the whole text.)
  await expect(first.getByRole("region", { name: "Aperçu — Français" })).toContainText(addition);
});

test("a trainer uploads an image and inserts it as a figure, with its alternative text required", async ({ browser }) => {
  const trainer = await pageAs(browser, TRAINER);
  await trainer.goto("/studio/objector-privacy-and-boundaries");
  const editor = trainer.getByRole("textbox", { name: "Contenu du module (Français)" });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  await editor.click();
  await trainer.keyboard.press("Control+End");

  await trainer.getByRole("button", { name: "Image…" }).first().click();
  const dialog = trainer.getByRole("dialog", { name: "Insérer une image" });
  await expect(dialog).toBeVisible();
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
  // A file that lies about what it is is refused.
  await dialog
    .getByLabel("Envoyer une nouvelle image")
    .setInputFiles({ name: "page.png", mimeType: "image/png", buffer: Buffer.from("<html><body>not an image</body></html>") });
  await dialog.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(dialog.getByText("Ce fichier n’est pas une image PNG, JPEG, WebP ou GIF.")).toBeVisible();
  await dialog.getByLabel("Envoyer une nouvelle image").setInputFiles({ name: "schema.png", mimeType: "image/png", buffer: png });
  await dialog.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(dialog.getByRole("radio", { name: /schema\.png/ })).toBeChecked();

  await dialog.getByRole("button", { name: "Insérer l’image" }).click();
  await expect(dialog.getByText("Décrivez l’image : le texte alternatif est obligatoire.")).toBeVisible();
  await dialog.getByLabel("Texte alternatif").fill("Un schéma de test");
  await dialog.getByRole("button", { name: "Insérer l’image" }).click();
  await expect(dialog).toBeHidden();
  await expect(editor).toContainText('<Figure src="/media/');
  await expect(trainer.getByRole("region", { name: "Aperçu — Français" }).getByRole("img", { name: "Un schéma de test" })).toBeVisible();
});

test("a trainer discards a draft's unpublished changes after confirming, and the editor shows the published text again", async ({ browser }) => {
  test.setTimeout(60_000);
  const id = "objector-privacy-and-boundaries";
  const trainer = await pageAs(browser, TRAINER);
  await trainer.goto(`/studio/${id}`);
  const editor = trainer.getByRole("textbox", { name: "Contenu du module (Français)" });
  await expect(editor).toHaveAttribute("contenteditable", "true");
  const title = trainer.getByRole("textbox", { name: "Titre" }).first();
  const publishedTitle = fs.readFileSync(path.join("content", "modules", id, "fr.mdx"), "utf8").match(/^title: "?(.*?)"?$/m)![1]!;

  // A change, saved as a draft.
  const doomed = "Une phrase que la formatrice va abandonner.";
  await editor.click();
  await trainer.keyboard.press("Control+End");
  await trainer.keyboard.press("Enter");
  await trainer.keyboard.type(doomed);
  await expect(trainer.getByRole("status").filter({ hasText: /^Brouillon enregistré à \d\d:\d\d$/ })).toBeVisible();
  const preview = trainer.getByRole("region", { name: "Aperçu — Français" });
  await expect(preview).toContainText(doomed);

  // The confirmation says what will happen; "No" keeps everything and gives the focus back.
  const panel = trainer.getByRole("region", { name: "Abandonner les modifications" });
  const open = panel.getByText("Abandonner les modifications non publiées…");
  await open.click();
  await expect(
    panel.getByText(/^Les modifications non publiées \(français et anglais\) seront effacées et le brouillon redeviendra la version en ligne/),
  ).toBeVisible();
  await panel.getByRole("button", { name: "Non, garder le brouillon" }).click();
  await expect(panel.getByRole("button", { name: "Oui, abandonner les modifications" })).toBeHidden();
  await expect(open).toBeFocused();
  await expect(preview).toContainText(doomed);

  // With the keyboard this time: open, confirm.
  await trainer.keyboard.press("Enter");
  const confirm = panel.getByRole("button", { name: "Oui, abandonner les modifications" });
  await expect(confirm).toBeVisible();
  await confirm.focus();
  await trainer.keyboard.press("Enter");
  await expect(trainer.getByText(/^Modifications abandonnées\s:\sle brouillon est de nouveau la version en ligne \d+\.$/)).toBeVisible();

  // The editor starts again from the published text, in both the form and the preview.
  await expect(trainer.getByRole("status").filter({ hasText: "Aucune modification en cours : le texte est celui en ligne." })).toBeVisible();
  await expect(title).toHaveValue(publishedTitle);
  await expect(preview).not.toContainText(doomed);
  await expect(preview).not.toContainText("Une phrase ajoutée par la seconde formatrice.");
  await expect(trainer.getByRole("region", { name: "Abandonner les modifications" })).toHaveCount(0);

  // And so does a fresh load.
  await trainer.reload();
  await expect(trainer.getByRole("textbox", { name: "Titre" }).first()).toHaveValue(publishedTitle);
  await expect(trainer.getByRole("region", { name: "Aperçu — Français" })).not.toContainText(doomed);
});
