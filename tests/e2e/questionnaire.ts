/**
 * Driving the placement questionnaire in a real browser, shared by the specs that place someone.
 * Option labels are read from the content file, so rewording a label does not break the tests.
 */
import fs from "node:fs";
import { expect as baseExpect, type Page } from "@playwright/test";
import { parse } from "yaml";
import { personaAnswers } from "../../app/domain/placement-personas";

// Eighteen pages per run on a busy machine: be patient.
const expect = baseExpect.configure({ timeout: 15_000 });

export type Lang = "fr" | "en";
type Question = { id: string; kind: "single" | "multiple"; options: { id: string; label: Record<Lang, string> }[] };

export const questions = (parse(fs.readFileSync("content/diagnostic/questionnaire.yaml", "utf8")) as { questions: Question[] }).questions;

export function labelOf(questionId: string, optionId: string, lang: Lang): string {
  const option = questions.find((q) => q.id === questionId)?.options.find((o) => o.id === optionId);
  if (!option) throw new Error(`no option ${questionId}.${optionId} in questionnaire.yaml`);
  return option.label[lang];
}

/** Jean (the persona table, app/domain/placement-personas.ts): knows the networks, hardly uses the account he has → reluctant. */
export const JEAN: Record<string, string[]> = personaAnswers("Jean");

/** Léa (the persona table): grew up with social media, posts every day → native. */
export const LEA: Record<string, string[]> = personaAnswers("Léa");

/** The 1-based page of a question, so specs don't depend on the questionnaire's order. */
export function stepOf(questionId: string): number {
  const index = questions.findIndex((q) => q.id === questionId);
  if (index < 0) throw new Error(`no question ${questionId} in questionnaire.yaml`);
  return index + 1;
}

export const UI = {
  fr: {
    nav: /Navigation principale/,
    myLevel: "Mon niveau",
    notPlaced: "Vous n’avez pas encore de niveau",
    takeIt: "Répondre au questionnaire",
    start: "Commencer le questionnaire",
    progress: (n: number) => `Question ${n} sur ${questions.length}`,
    progressLabel: "Progression du questionnaire",
    next: "Question suivante",
    previous: "Question précédente",
    last: "Enregistrer et vérifier mes réponses",
    review: "Vérifiez vos réponses",
    finish: "Terminer et voir mon niveau",
    finished: "Questionnaire terminé : voici votre niveau.",
    why: "Pourquoi ce niveau ?",
    track: "Ce que contiendra votre parcours",
    history: "Historique des positionnements",
  },
  en: {
    nav: /Main navigation/,
    myLevel: "My level",
    notPlaced: "You don't have a level yet",
    takeIt: "Answer the questionnaire",
    start: "Start the questionnaire",
    progress: (n: number) => `Question ${n} of ${questions.length}`,
    progressLabel: "Questionnaire progress",
    next: "Next question",
    previous: "Previous question",
    last: "Save and check my answers",
    review: "Check your answers",
    finish: "Finish and see my level",
    finished: "Questionnaire finished: here is your level.",
    why: "Why this level?",
    track: "What your track will contain",
    history: "Placement history",
  },
} as const;

/** The page's scripts have run: clicks are handled by React, not only by the browser's defaults. */
export async function hydrated(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => "__remixRouter" in window);
}

export async function openQuestionnaire(page: Page, lang: Lang) {
  const ui = UI[lang];
  await page.getByRole("navigation", { name: ui.nav }).getByRole("link", { name: ui.myLevel, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: ui.notPlaced })).toBeVisible();
  await page.getByRole("link", { name: ui.takeIt }).click();
  await page.getByRole("button", { name: ui.start }).click();
  await expect(page.getByText(ui.progress(1))).toBeVisible();
}

/** Answers questions `from`..`to` (1-based) on their pages, checking the progress shown on each. */
export async function answerQuestions(page: Page, lang: Lang, answers: Record<string, string[]>, from: number, to: number) {
  const ui = UI[lang];
  for (let step = from; step <= to; step++) {
    const question = questions[step - 1]!;
    await expect(page.getByText(ui.progress(step))).toBeVisible();
    await expect(page.getByRole("progressbar", { name: ui.progressLabel })).toHaveAttribute("aria-valuenow", String(step - 1));
    for (const optionId of answers[question.id]!) {
      await page.getByRole(question.kind === "single" ? "radio" : "checkbox", { name: labelOf(question.id, optionId, lang), exact: true }).check();
    }
    await page.getByRole("button", { name: step === questions.length ? ui.last : ui.next }).click();
    // The answer is saved once the page has moved on: the next step waits for that.
    await expect(page.getByText(ui.progress(step))).toBeHidden();
  }
}

export async function finishAndSeeLevel(page: Page, lang: Lang, levelName: string) {
  const ui = UI[lang];
  await expect(page.getByRole("heading", { level: 1, name: ui.review })).toBeVisible();
  await page.getByRole("button", { name: ui.finish }).click();
  await expect(page.getByRole("status")).toContainText(ui.finished);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(levelName);
  const why = page.getByRole("region", { name: ui.why });
  await expect(why).toBeVisible();
  expect(await why.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole("region", { name: ui.track }).getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("region", { name: ui.history }).getByRole("row")).toHaveCount(2);
}
