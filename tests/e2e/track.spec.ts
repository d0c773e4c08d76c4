/**
 * A placed learner takes a module of their track: opens the track, opens a module, passes its
 * knowledge checks (answers read from the content file, not hard-coded), sees it completed, and
 * finds the progress kept after signing out and in. In French, then in English.
 * Uses lucas.bernard@ambassade.test, who is placed in the demo data and used by no other spec.
 */
import { expect, test } from "@playwright/test";
import { checksOf, completeFirstModuleAndComeBack, moduleIdOf, navOf, passChecks, STRINGS } from "./track-flow";
import { signIn, signOut } from "./support";

const LEARNER = "lucas.bernard@ambassade.test";

test("a placed learner passes the first module of their track, and finds it completed after signing in again", async ({ page }) => {
  await signIn(page, LEARNER);
  await completeFirstModuleAndComeBack(page, LEARNER);
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
