/**
 * A placed learner takes a module of their track: opens the track, opens a module, passes its
 * knowledge checks (answers read from the content file, not hard-coded), sees it completed, and
 * finds the progress kept after signing out and in. In French, then in English.
 * Uses lucas.bernard@ambassade.test, who is placed in the demo data and used by no other spec.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./support";

const LEARNER = "lucas.bernard@ambassade.test";

type Check = { id: string; question: string; options: { text: string; correct: boolean }[] };

/** The knowledge checks of a module's content file, with their answer key. */
function checksOf(moduleId: string, locale: "fr" | "en"): Check[] {
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

function moduleIdOf(page: Page): string {
  const id = new URL(page.url()).pathname.split("/").pop();
  if (!id) throw new Error(`not a module page: ${page.url()}`);
  return id;
}

const navOf = (page: Page) => page.getByRole("navigation", { name: /Navigation principale|Main navigation/ });

const STRINGS = {
  fr: {
    myTrack: "Mon parcours",
    submit: "Vérifier ma réponse",
    correct: "Bonne réponse.",
    incorrect: "Ce n'est pas la bonne réponse.",
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
async function passChecks(page: Page, checks: Check[], s: (typeof STRINGS)["fr"]) {
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

test("a placed learner passes the first module of their track, and finds it completed after signing in again", async ({ page }) => {
  const s = STRINGS.fr;
  await signIn(page, LEARNER);
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
  await signIn(page, LEARNER);
  await navOf(page).getByRole("link", { name: s.myTrack, exact: true }).click();
  const item = page.getByRole("region", { name: s.modules }).getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText(s.statusCompleted);
  await expect(page.getByRole("progressbar", { name: "Progression du parcours" })).not.toHaveAttribute("value", "0");
  await expect(page.getByText(/module\(s\) terminé\(s\) sur/)).toBeVisible();

  // The module page keeps the passed state.
  await item.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { name: s.completed })).toBeVisible();
  await expect(page.getByRole("group", { name: new RegExp(`^${s.passed}`) }).first().getByRole("radio").first()).toBeDisabled();
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("the same learner continues with the next module, in English", async ({ page }) => {
    const s = STRINGS.en;
    await signIn(page, LEARNER);
    await navOf(page).getByRole("link", { name: s.myTrack, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: s.myTrack })).toBeVisible();
    const cta = page.getByRole("link", { name: /^Continue: / });
    const title = (await cta.textContent())!.replace(/^Continue: /, "").trim();
    await cta.click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("article")).toHaveAttribute("lang", "en");
    const moduleId = moduleIdOf(page);

    await passChecks(page, checksOf(moduleId, "en"), s);
    await expect(page.getByRole("heading", { name: s.completed })).toBeVisible();

    await signOut(page);
    await signIn(page, LEARNER);
    await navOf(page).getByRole("link", { name: s.myTrack, exact: true }).click();
    const item = page.getByRole("region", { name: s.modules }).getByRole("listitem").filter({ hasText: title });
    await expect(item).toContainText(s.statusCompleted);
    await expect(page.getByText(/of \d+ modules completed/)).toBeVisible();
  });
});
