/**
 * The placement questionnaire in a real browser: the demo learner (not placed) answers it in French,
 * reads their level and why, then completes the first module of their new track; then Manon Leroy
 * (not placed, used by no other spec) switches to English, stops halfway, comes back to the same
 * question, and finishes. Option labels are read from the content file, so rewording a label does
 * not break the test.
 */
import { expect as baseExpect, test } from "@playwright/test";
import { answerQuestions, finishAndSeeLevel, hydrated, JEAN, LEA, labelOf, openQuestionnaire, questions, stepOf, UI } from "./questionnaire";
import { signIn, signOut } from "./support";
import { completeFirstModuleAndComeBack } from "./track-flow";

// Eighteen pages per run, and the first page that needs the content library compiles it: be patient
// on a busy machine.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

test("the demo learner answers the questionnaire in French and sees their level and why", async ({ page }) => {
  await signIn(page, "learner@ambassade.test");
  await openQuestionnaire(page, "fr");

  const networksStep = stepOf("networks_used");
  await answerQuestions(page, "fr", JEAN, 1, networksStep - 1);
  // An exclusive option ("Aucun") clears the others, and another choice clears it.
  const networks = questions[networksStep - 1]!;
  const box = (id: string) => page.getByRole("checkbox", { name: labelOf(networks.id, id, "fr"), exact: true });
  await expect(page.getByText(UI.fr.progress(networksStep))).toBeVisible();
  await hydrated(page);
  await box("linkedin").check();
  await box("none").check();
  await expect(box("linkedin")).not.toBeChecked();
  await box("facebook").check();
  await expect(box("none")).not.toBeChecked();
  await page.getByRole("button", { name: UI.fr.next }).click();
  // Going back shows the answer already given.
  await expect(page.getByText(UI.fr.progress(networksStep + 1))).toBeVisible();
  await page.getByRole("link", { name: UI.fr.previous }).click();
  await expect(box("facebook")).toBeChecked();
  await expect(box("linkedin")).not.toBeChecked();
  await page.getByRole("button", { name: UI.fr.next }).click();

  await answerQuestions(page, "fr", JEAN, networksStep + 1, questions.length);
  await finishAndSeeLevel(page, "fr", "Réticent");
  await expect(page.getByText("Vous utilisez peu les réseaux sociaux à titre personnel")).toBeVisible();

  // Once placed, her track is there: she completes its first module and finds it kept next time.
  await completeFirstModuleAndComeBack(page, "learner@ambassade.test");
  await signOut(page);
});

test("a colleague switches to English, resumes where they stopped, and sees their level", async ({ page }) => {
  await signIn(page, "manon.leroy@ambassade.test");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await openQuestionnaire(page, "en");
  const skillsStep = stepOf("skills");
  await answerQuestions(page, "en", LEA, 1, skillsStep);

  // Signing out and in again resumes at the next question, with the earlier answers kept.
  await signOut(page);
  await signIn(page, "manon.leroy@ambassade.test");
  await page.goto("/diagnostic");
  await expect(page.getByText(UI.en.progress(skillsStep + 1))).toBeVisible();
  await page.getByRole("link", { name: UI.en.previous }).click();
  await expect(page.getByText(UI.en.progress(skillsStep))).toBeVisible();
  await expect(page.getByRole("checkbox", { name: labelOf("skills", "statistics", "en"), exact: true })).toBeChecked();
  await page.getByRole("button", { name: UI.en.next }).click();

  await answerQuestions(page, "en", LEA, skillsStep + 1, questions.length);
  await finishAndSeeLevel(page, "en", "Native");
  await expect(page.getByText("You use social media a lot, and on several networks")).toBeVisible();
  await signOut(page);
});
