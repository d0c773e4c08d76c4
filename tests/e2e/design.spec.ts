/**
 * The design system's promises (ADR 0030), for a set of pages covering each role, in French: at 1280 px
 * the navigation holds on one row; at 390 px nothing scrolls sideways and the menu opens with the
 * keyboard; axe finds nothing, menus open included.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const PAGES: { who: string; email: string | null; paths: string[] }[] = [
  { who: "public", email: null, paths: ["/login", "/forgot-password"] },
  {
    who: "learner",
    email: "ambassador@ambassade.test",
    paths: [
      "/home",
      "/track",
      "/track/native-company-objectives",
      "/placement",
      "/charter",
      "/exam",
      "/accreditation",
      "/accreditation/certificate",
      "/inbox",
      "/account",
    ],
  },
  {
    who: "manager",
    email: "manager@ambassade.test",
    paths: ["/home", "/teams", "/teams/team-comms", "/team/requests", "/team/requests?sort=name&dir=desc", "/people", "/reports", "/reports/team"],
  },
  {
    who: "trainer",
    email: "trainer@ambassade.test",
    paths: [
      "/home",
      "/studio",
      "/studio/reviews",
      "/studio/tracks",
      "/studio/core-code-of-conduct",
      "/studio/core-code-of-conduct/history",
      "/people/demo-learner/placement",
      "/reports/exam",
    ],
  },
  {
    who: "admin",
    email: "admin@ambassade.test",
    paths: [
      "/home",
      "/people",
      "/people/invite",
      "/people/demo-learner",
      "/admin/settings",
      "/admin/audit",
      "/admin/audit?sort=at&dir=asc",
      "/admin/teams",
      "/admin/charter",
      "/admin/charter/new",
      "/admin/api",
      "/admin/webhooks",
      "/admin/provisioning",
      "/admin/people-csv",
      "/admin/sso",
      "/admin/privacy",
    ],
  },
];

async function axe(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map(
    (v) =>
      `${label}: ${v.id} — ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
}

/** How far the page scrolls sideways, in CSS pixels (0: not at all). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The elements that stick out to the right of the viewport (to name the culprit when a page scrolls sideways). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest("details:not([open])"))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")} (${Math.round(el.getBoundingClientRect().right)} px)`)
      .join(", "),
  );

for (const { who, email, paths } of PAGES) {
  test(`${who}: one-row navigation at 1280 px, no sideways scroll at 390 px, keyboard menu, axe clean`, async ({ browser }) => {
    test.setTimeout(120_000);
    const found: string[] = [];

    const wide = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "fr-FR" });
    const page = await wide.newPage();
    if (email) await signIn(page, email);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "fr");
      expect(await sidewaysScroll(page), `${path} at 1280 px`).toBeLessThanOrEqual(0);
      // The header is one row of 64 px, and every item of the bar sits on the same line.
      expect((await page.locator("body > header, header").first().boundingBox())!.height, `${path}: header height`).toBeLessThanOrEqual(65);
      if (email) {
        const tops = await page
          .locator("nav.shell-nav")
          .locator(":scope > ul > li, :scope > details")
          .evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
        expect(tops.length, path).toBeGreaterThan(0);
        expect(new Set(tops).size, `${path}: the bar's items on one row (${tops.join(", ")})`).toBe(1);
        // Nothing of the bar is hidden under the right-hand side: the last item ends before the first control at the bar's end.
        const lastRight = await page
          .locator("nav.shell-nav")
          .locator(":scope > ul > li, :scope > details")
          .last()
          .evaluate((li) => li.getBoundingClientRect().right);
        const accountLeft = await page
          .locator(".shell-end")
          .evaluate((end) => Math.min(...[...end.children].filter((c) => c.getBoundingClientRect().width > 0).map((c) => c.getBoundingClientRect().left)));
        expect(lastRight, `${path}: the bar overlaps the account menu`).toBeLessThan(accountLeft);
      }
      found.push(...(await axe(page, `${path} at 1280 px`)));
    }
    if (email) {
      // The menu (the person's name: account, sign out) and, for admins, the administration menu open with the keyboard, and pass axe open.
      await page.goto(paths[0]!);
      const account = page.getByTestId("menu").locator("summary");
      await account.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("menu").getByRole("link", { name: "Mon compte" })).toBeVisible();
      await expect(page.getByTestId("menu").getByRole("button", { name: "Se déconnecter" })).toBeVisible();
      const admin = page.locator("nav.shell-nav").getByText("Administration", { exact: true });
      if (await admin.count()) {
        await admin.focus();
        await page.keyboard.press("Space");
        await expect(page.locator("nav.shell-nav").getByRole("link", { name: "Paramètres" })).toBeVisible();
      }
      found.push(...(await axe(page, `${paths[0]} at 1280 px, menus open`)));
    }
    await wide.close();

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "fr-FR", hasTouch: true });
    const small = await phone.newPage();
    if (email) await signIn(small, email);
    for (const path of paths) {
      await small.goto(path);
      if ((await sidewaysScroll(small)) > 0) found.push(`${path} at 390 px scrolls sideways: ${await overflowing(small)}`);
    }
    if (email) {
      await small.goto(paths[0]!);
      const header = await small.locator("header").first().boundingBox();
      expect(header!.height, "the header takes one row on a phone").toBeLessThanOrEqual(65);
      const menu = small.getByTestId("menu");
      const summary = menu.locator("summary");
      await expect(summary).toHaveAccessibleName("Menu");
      // Closed, its links are out of reach; Enter opens it and Tab goes into it.
      await expect(menu.getByRole("link", { name: "Accueil" })).toBeHidden();
      await summary.focus();
      await small.keyboard.press("Enter");
      await expect(menu).toHaveAttribute("open", "");
      await expect(menu.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Accueil" })).toBeVisible();
      await small.keyboard.press("Tab");
      await expect(menu.getByRole("link", { name: "Accueil" })).toBeFocused();
      await expect(menu.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
      expect(await sidewaysScroll(small), "menu open at 390 px").toBeLessThanOrEqual(0);
      found.push(...(await axe(small, `${paths[0]} at 390 px, menu open`)));
      // Choosing a page closes it.
      const second = menu.getByRole("navigation").getByRole("link").nth(1);
      const target = await second.getAttribute("href");
      await second.click();
      await expect(small).toHaveURL(new RegExp(`${target}$`));
      await expect(small.getByTestId("menu")).not.toHaveAttribute("open", "");
      // And Enter closes it again from the keyboard.
      await small.getByTestId("menu").locator("summary").focus();
      await small.keyboard.press("Enter");
      await expect(small.getByTestId("menu")).toHaveAttribute("open", "");
      await small.keyboard.press("Enter");
      await expect(small.getByTestId("menu")).not.toHaveAttribute("open", "");
    } else {
      found.push(...(await axe(small, `${paths[0]} at 390 px`)));
    }
    await phone.close();
    expect(found).toEqual([]);
  });
}
