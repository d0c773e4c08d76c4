/**
 * The road to accreditation, end to end in French: a new learner (Yasmine Haddad, seeded for this spec
 * and used by no other, with all but one of the native track's modules already read) takes the
 * placement questionnaire, is placed native, completes the last module of her track,
 * passes the exam, signs the charter and requests an accreditation for LinkedIn; her manager grants
 * it; she sees it; the manager revokes it and she sees why. Answer keys are read from the content
 * files, never hard-coded.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { answerQuestions, finishAndSeeLevel, LEA, openQuestionnaire, questions } from "./questionnaire";
import { expectNoRawKeys, signIn, signOut } from "./support";

const LEARNER = "yasmine.haddad@ambassade.test";
const MANAGER = "manager@ambassade.test";
const LAST_MODULE = "native-content-strategy";

const navOf = (page: Page) => page.getByRole("navigation", { name: /Navigation principale|Main navigation/ });

type Bilingual = { fr: string; en: string };
type BankItem = { id: string; question: Bilingual; scenario?: Bilingual; options: { id: string; text: Bilingual; correct?: boolean }[] };

function examBank(): BankItem[] {
  return (parse(fs.readFileSync(path.join("content", "exam", "items.yaml"), "utf8")) as { items: BankItem[] }).items;
}

/** How many modules the native track has (core and level modules). */
function nativeTrackLength(): number {
  const tracks = parse(fs.readFileSync(path.join("content", "tracks.yaml"), "utf8")) as { core: string[]; levels: { native: string[] } };
  return tracks.core.length + tracks.levels.native.length;
}

function charterCheck(): { question: Bilingual; options: { text: Bilingual; correct?: boolean }[] }[] {
  return (parse(fs.readFileSync(path.join("content", "policy", "charter", "2026-01", "check.yaml"), "utf8")) as { questions: ReturnType<typeof charterCheck> })
    .questions;
}

/** The knowledge checks of a module file: question and the text of the right option. */
function moduleChecks(moduleId: string): { question: string; right: string }[] {
  const source = fs.readFileSync(path.join("content", "modules", moduleId, "fr.mdx"), "utf8");
  return [...source.matchAll(/<KnowledgeCheck\s+id="[^"]+"\s+question="([^"]+)"\s*>([\s\S]*?)<\/KnowledgeCheck>/g)].map((match) => {
    const right = [...match[2]!.matchAll(/<Option\b([^>]*)>([\s\S]*?)<\/Option>/g)].find((o) =>
      /(^|\s)correct(\s|$)/.test(o[1]!.replace(/explanation="[^"]*"/, " ")),
    )!;
    return { question: match[1]!, right: right[2]!.replace(/\s+/g, " ").trim() };
  });
}

test("a learner earns an accreditation for LinkedIn; her manager grants it, then revokes it", async ({ page }) => {
  test.setTimeout(180_000);

  // 0. The placement questionnaire: her answers place her native.
  await signIn(page, LEARNER);
  await openQuestionnaire(page, "fr");
  await answerQuestions(page, "fr", LEA, 1, questions.length);
  await finishAndSeeLevel(page, "fr", "Natif");

  // 1. Where she stands: one module left.
  await navOf(page).getByRole("link", { name: "Mon accréditation", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Mon accréditation", level: 1 })).toBeVisible();
  const total = nativeTrackLength();
  await expect(page.getByText(`${total - 1} modules terminés sur ${total}`)).toBeVisible();
  await expect(page.getByText("Continuez votre parcours de formation.")).toBeVisible();

  // 2. The last module of her track, through the track pages.
  await page.goto(`/track/${LAST_MODULE}`);
  for (const check of moduleChecks(LAST_MODULE)) {
    const group = page.getByRole("group", { name: check.question });
    await group.getByRole("radio", { name: check.right, exact: true }).check();
    await group.locator("..").getByRole("button", { name: "Vérifier ma réponse" }).click();
    await expect(group.locator("..").getByText("Bonne réponse.")).toBeVisible();
  }
  await page.goto("/accreditation");
  await expect(page.getByText(`${total} modules terminés sur ${total}`)).toBeVisible();
  await expect(page.getByText("Passez l’examen d’accréditation.")).toBeVisible();

  // 3. The exam: every answer saved as given, then the result.
  await page.getByRole("link", { name: /Y aller\s:\sRéussir l’examen/ }).click();
  await expect(page).toHaveURL(/\/exam$/);
  await page.getByRole("button", { name: "Commencer une tentative" }).click();
  await expect(page).toHaveURL(/\/exam\/[0-9a-f-]+$/);
  const bank = examBank();
  // Four items a page; each choice is saved at once (no save button), the page buttons move on.
  let seen = 0;
  for (let pageNumber = 1; pageNumber <= 4; pageNumber++) {
    const groups = page.locator("main fieldset");
    const count = await groups.count();
    expect(count).toBe(4);
    for (let i = 0; i < count; i++) {
      const group = groups.nth(i);
      const card = group.locator("..");
      const legend = (await group.locator("legend").innerText()).trim();
      const text = await card.innerText();
      // Judgement items share their question ("Would you post this?"): their scenario tells them apart.
      const item = bank.find((candidate) => candidate.question.fr.trim() === legend && (!candidate.scenario || text.includes(candidate.scenario.fr.trim())));
      expect(item, `no bank item for "${legend}"`).toBeTruthy();
      for (const option of item!.options.filter((o) => o.correct === true)) {
        await group.getByLabel(option.text.fr, { exact: true }).check();
      }
      await expect(card.getByText("Réponse enregistrée")).toBeVisible();
      seen += 1;
    }
    await expect(page.getByText(`${seen} réponses enregistrées sur 16`)).toBeVisible();
    await page.getByRole("button", { name: pageNumber < 4 ? "Suivant →" : "Vérifier mes réponses" }).click();
    if (pageNumber < 4) await expect(page).toHaveURL(new RegExp(`page=${pageNumber + 1}`));
  }
  await expect(page.getByRole("button", { name: /Enregistrer la réponse/ })).toHaveCount(0);
  await expect(page.getByText("16 réponses enregistrées sur 16")).toBeVisible();
  await expect(page.getByText("Toutes les questions ont une réponse.")).toBeVisible();
  await page.getByRole("button", { name: "Terminer et voir mon résultat" }).click();
  await expect(page.getByRole("heading", { name: "Résultat de l’examen" })).toBeVisible();
  await expect(page.getByText("Réussi : 100 % (note minimale 80 %).")).toBeVisible();
  // The default feedback (exam.feedback = categories): the score per topic, no item and no key.
  await expect(page.getByRole("heading", { name: "Par thème" })).toBeVisible();
  await expect(page.getByText("Aucune erreur : bravo !")).toHaveCount(0);
  // The result ends on the next step: the charter (and no retake date after a pass).
  await expect(page.getByText(/Vous pourrez repasser/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Signer la charte" })).toBeVisible();

  // 4. The charter: comprehension check, typed name, commitment.
  await page.goto("/charter");
  await expect(page.getByRole("heading", { name: "Charte des médias sociaux", level: 1 })).toBeVisible();
  for (const question of charterCheck()) {
    const group = page.getByRole("group", { name: question.question.fr });
    await group.getByRole("radio", { name: question.options.find((o) => o.correct === true)!.text.fr, exact: true }).check();
  }
  await page.getByRole("textbox", { name: "Votre nom complet" }).fill("yasmine haddad");
  await page.getByRole("checkbox", { name: "J’ai lu la charte et je m’engage à la respecter." }).check();
  await page.getByRole("button", { name: "Signer la charte" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Charte signée. Merci !" })).toBeVisible();

  // 5. The request.
  await navOf(page).getByRole("link", { name: "Mon accréditation", exact: true }).click();
  await expect(page.getByText("Tout est prêt : demandez votre accréditation.")).toBeVisible();
  await page.getByRole("checkbox", { name: "LinkedIn", exact: true }).check();
  await page
    .getByRole("textbox", { name: "Ce que vous comptez y faire" })
    .fill("Partager nos réussites d'équipe et répondre aux questions des candidats sur LinkedIn.");
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Demande envoyée à votre manager." })).toBeVisible();
  await expect(page.getByText("Votre demande attend la décision de votre manager.")).toBeVisible();
  await signOut(page);

  // 6. The manager grants it, on the evidence.
  await signIn(page, MANAGER);
  await navOf(page).getByRole("link", { name: "Demandes", exact: true }).click();
  await page.getByRole("link", { name: "Examiner la demande de Yasmine Haddad" }).click();
  await expect(page.getByText("Toutes les conditions sont remplies.")).toBeVisible();
  await expect(page.getByText(/Réussi le .* avec 100\s%/)).toBeVisible();
  // The manager's strings (staff group) came with the sign-in through the form, without a reload.
  await expectNoRawKeys(page);
  await expect(page.getByRole("checkbox", { name: "LinkedIn" })).toBeChecked();
  await page.getByRole("button", { name: "Accorder l’accréditation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accréditation accordée à Yasmine Haddad." })).toBeVisible();
  await signOut(page);

  // 7. She sees it.
  await signIn(page, LEARNER);
  await page.goto("/accreditation");
  await expect(page.getByText("Accordée", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Valide : vous pouvez publier au nom de l’entreprise sur ces réseaux.")).toBeVisible();
  await expect(page.getByText("LinkedIn", { exact: true })).toBeVisible();
  await signOut(page);

  // 8. The manager revokes it, with a reason.
  await signIn(page, MANAGER);
  await page.goto("/team/requests");
  await page.getByRole("link", { name: "Gérer l’accréditation de Yasmine Haddad" }).click();
  await page.getByRole("button", { name: "Retirer l’accréditation" }).click();
  await expect(page.getByText("Indiquez un motif.").first()).toBeVisible();
  await page.getByRole("textbox", { name: "Motif" }).fill("Publication d'un chiffre non publié");
  await page.getByRole("button", { name: "Retirer l’accréditation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accréditation de Yasmine Haddad retirée." })).toBeVisible();
  await signOut(page);

  // 9. She sees why.
  await signIn(page, LEARNER);
  await page.goto("/accreditation");
  await expect(page.getByText("Votre accréditation a été retirée. Motif : Publication d'un chiffre non publié")).toBeVisible();
});
