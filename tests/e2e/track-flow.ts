/** Taking a module of one's track in a real browser, shared by the specs that need it. */
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { signIn, signOut } from "./support";

export type Check = { id: string; question: string; options: { text: string; correct: boolean }[] };

/** The knowledge checks of a module's content file, with their answer key. */
export function checksOf(moduleId: string, locale: "fr" | "en"): Check[] {
  const source = fs.readFileSync(path.join("content", "modules", moduleId, `${locale}.mdx`), "utf8");
  const checks: Check[] = [];
  for (const match of source.matchAll(/<KnowledgeCheck\s+id="([^"]+)"\s+question="([^"]+)"\s*>([\s\S]*?)<\/KnowledgeCheck>/g)) {
    const options = [...match[3]!.matchAll(/<Option\b([^>]*)>([\s\S]*?)<\/Option>/g)].map((option) => ({
      text: option[2]!.replace(/\s+/g, " ").trim(),
      correct: /(^|\s)correct(\s|$)/.test(option[1]!.replace(/explanation="[^"]*"/, " ")),
    }));
    checks.push({ id: match[1]!, question: match[2]!, options });
  }
  if (checks.length === 0) throw new Error(`no knowledge check found in ${moduleId}/${locale}.mdx`);
  return checks;
}

export function moduleIdOf(page: Page): string {
  const id = new URL(page.url()).pathname.split("/").pop();
  if (!id) throw new Error(`not a module page: ${page.url()}`);
  return id;
}

export const navOf = (page: Page) => page.getByRole("navigation", { name: /Navigation principale|Main navigation/ });

export const STRINGS = {
  fr: {
    myTrack: "Mon parcours",
    submit: "Vérifier ma réponse",
    correct: "Bonne réponse.",
    incorrect: "Ce n’est pas la bonne réponse.",
    passed: "Question réussie",
    completed: "Module terminé",
    nextUp: /Module suivant : /,
    statusCompleted: "Terminé",
    modules: "Les modules de votre parcours",
  },
  en: {
    myTrack: "My track",
    submit: "Check my answer",
    correct: "Correct.",
    incorrect: "That is not the right answer.",
    passed: "Question passed",
    completed: "Module completed",
    nextUp: /Next module: /,
    statusCompleted: "Completed",
    modules: "The modules of your track",
  },
};

/** Answers each check: first a wrong answer where one exists, then the right one. */
export async function passChecks(page: Page, checks: Check[], s: (typeof STRINGS)["fr"]) {
  // A marker that a full page reload would erase: answers are sent without reloading the page.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  for (const [index, check] of checks.entries()) {
    const group = page.getByRole("group", { name: check.question });
    const form = group.locator("..");
    if (index === 0) {
      const wrong = check.options.find((o) => !o.correct)!;
      await group.getByRole("radio", { name: wrong.text, exact: true }).check();
      await form.getByRole("button", { name: s.submit }).click();
      await expect(form.getByText(s.incorrect)).toBeVisible();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain(s.incorrect);
    }
    const right = check.options.find((o) => o.correct)!;
    await group.getByRole("radio", { name: right.text, exact: true }).check();
    await form.getByRole("button", { name: s.submit }).click();
    await expect(form.getByText(s.correct, { exact: true })).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain(s.correct);
    const passed = page.getByRole("group", { name: `${s.passed} ${check.question}` });
    for (const radio of await passed.getByRole("radio").all()) await expect(radio).toBeDisabled();
    await expect(passed.getByRole("radio", { name: right.text, exact: true })).toBeChecked();
    await expect(form.getByRole("button", { name: s.submit })).toHaveCount(0);
  }
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

/**
 * The signed-in learner opens their track, passes every knowledge check of its first module, sees
 * it completed, signs out and in, and finds the progress kept (French interface).
 */
export async function completeFirstModuleAndComeBack(page: Page, learner: string) {
  const s = STRINGS.fr;
  await navOf(page).getByRole("link", { name: s.myTrack, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: s.myTrack })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Progression du parcours" })).toHaveAttribute("value", "0");

  const modules = page.getByRole("region", { name: s.modules }).getByRole("listitem");
  const first = modules.first();
  const title = (await first.getByRole("link").first().textContent())!.trim();
  await first.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const moduleId = moduleIdOf(page);

  await passChecks(page, checksOf(moduleId, "fr"), s);
  await expect(page.getByRole("heading", { name: s.completed })).toBeVisible();
  await expect(page.getByRole("link", { name: s.nextUp })).toBeVisible();

  await signOut(page);
  await signIn(page, learner);
  await navOf(page).getByRole("link", { name: s.myTrack, exact: true }).click();
  const item = page.getByRole("region", { name: s.modules }).getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText(s.statusCompleted);
  await expect(page.getByRole("progressbar", { name: "Progression du parcours" })).not.toHaveAttribute("value", "0");
  await expect(page.getByText(/modules? terminés? sur/)).toBeVisible();

  // The module page keeps the passed state.
  await item.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { name: s.completed })).toBeVisible();
  await expect(
    page
      .getByRole("group", { name: new RegExp(`^${s.passed}`) })
      .first()
      .getByRole("radio")
      .first(),
  ).toBeDisabled();
}
