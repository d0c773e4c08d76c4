/**
 * Every page has its own title, "<page> · Ambassade", in the page's language (issue 12, WCAG 2.4.2
 * "Page titled"; axe does not check it). It reads only: it signs in and opens the pages of each role.
 */
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const PUBLIC = ["/login", "/forgot-password", "/reset-password/not-a-token", "/invite/not-a-token", "/no-such-page"];

const PAGES: Record<string, string[]> = {
  "learner@ambassade.test": ["/home", "/diagnostic", "/track", "/placement", "/charter", "/exam", "/accreditation", "/account"],
  "ambassador@ambassade.test": [
    "/home",
    "/track",
    "/track/native-company-objectives",
    "/placement",
    "/charter",
    "/exam",
    "/accreditation",
    "/accreditation/certificate",
    "/account",
  ],
  "trainer@ambassade.test": [
    "/home",
    "/studio",
    "/studio/core-code-of-conduct",
    "/studio/core-code-of-conduct/history",
    "/studio/tracks",
    "/studio/reviews",
    "/people/demo-learner/placement",
  ],
  "manager@ambassade.test": ["/home", "/teams", "/teams/team-comms", "/team/requests", "/people", "/people/invite"],
  "admin@ambassade.test": [
    "/home",
    "/people",
    "/people/demo-learner",
    "/people/invite",
    "/admin/teams",
    "/admin/audit",
    "/admin/settings",
    "/admin/sso",
    "/admin/charter",
    "/admin/api",
    "/admin/webhooks",
    "/admin/provisioning",
    "/admin/people-csv",
    "/account",
  ],
};

async function titlesOf(page: Page, paths: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    titles.set(path, await page.title());
  }
  return titles;
}

function expectDistinctTitles(titles: Map<string, string>) {
  for (const [path, title] of titles) {
    expect(title, path).toMatch(/^\S.* · Ambassade$/);
    expect(title, path).not.toMatch(/\{\{|titles\./);
  }
  const byTitle = new Map<string, string[]>();
  for (const [path, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), path]);
  expect(
    [...byTitle.values()].filter((paths) => paths.length > 1),
    "pages sharing a title",
  ).toEqual([]);
}

test("public pages have their own title, in French and in English", async ({ browser }) => {
  const fr = await titlesOf(await (await browser.newContext({ locale: "fr-FR" })).newPage(), PUBLIC);
  const en = await titlesOf(await (await browser.newContext({ locale: "en-GB" })).newPage(), PUBLIC);
  expectDistinctTitles(fr);
  expectDistinctTitles(en);
  expect(fr.get("/login")).toBe("Connexion · Ambassade");
  expect(en.get("/login")).toBe("Sign in · Ambassade");
  expect(fr.get("/no-such-page")).toBe("Page introuvable · Ambassade");
  expect(en.get("/no-such-page")).toBe("Page not found · Ambassade");
});

for (const [email, paths] of Object.entries(PAGES)) {
  test(`${email.split("@")[0]}'s pages each have their own title`, async ({ page }) => {
    await signIn(page, email);
    expectDistinctTitles(await titlesOf(page, paths));
  });
}
