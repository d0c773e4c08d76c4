/**
 * Screenshots of the main pages of each role, in French, at 1280 px (desktop) and 390 px (phone), plus
 * the phone menu open: docs/screenshots/<role>-<page>-<width>.png. The top of each page (one screen),
 * reduced to 256 colours when ImageMagick's `convert` is on the PATH, so that the committed files stay
 * small. Run with `npm run screenshots` and look at them before committing.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../e2e/support";

const OUT = path.resolve("docs/screenshots");
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

const ROLES: { role: string; email: string | null; pages: [string, string][] }[] = [
  { role: "public", email: null, pages: [["login", "/login"]] },
  {
    role: "learner",
    email: "ambassador@ambassade.test",
    pages: [
      ["home", "/home"],
      ["track", "/track"],
      ["module", "/track/native-company-objectives"],
      ["accreditation", "/accreditation"],
      ["certificate", "/accreditation/certificate"],
    ],
  },
  {
    role: "manager",
    email: "manager@ambassade.test",
    pages: [
      ["home", "/home"],
      ["teams", "/teams"],
      ["requests", "/team/requests"],
      ["reports", "/reports"],
    ],
  },
  {
    role: "trainer",
    email: "trainer@ambassade.test",
    pages: [
      ["home", "/home"],
      ["studio", "/studio"],
      ["reviews", "/studio/reviews"],
    ],
  },
  {
    role: "admin",
    email: "admin@ambassade.test",
    pages: [
      ["home", "/home"],
      ["people", "/people"],
      ["settings", "/admin/settings"],
      ["audit", "/admin/audit"],
    ],
  },
];

let hasConvert = true;
function shrink(file: string) {
  if (!hasConvert) return;
  try {
    execFileSync("convert", [file, "-strip", "-colors", "256", `PNG8:${file}`], { stdio: "ignore" });
  } catch {
    hasConvert = false;
  }
}

async function shoot(page: Page, name: string) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, animations: "disabled" });
  shrink(file);
}

for (const { role, email, pages } of ROLES) {
  test(`screenshots of ${role}'s pages`, async ({ browser }) => {
    fs.mkdirSync(OUT, { recursive: true });
    for (const size of WIDTHS) {
      const context = await browser.newContext({ viewport: size, locale: "fr-FR", timezoneId: "Europe/Paris" });
      const page = await context.newPage();
      if (email) await signIn(page, email);
      for (const [name, url] of pages) {
        await page.goto(url);
        await expect(page.locator("main")).toBeVisible();
        await shoot(page, `${role}-${name}-${size.width}`);
      }
      if (email && size.width < 1024) {
        await page.goto(pages[0]![1]);
        await page.getByText("Menu", { exact: true }).click();
        await shoot(page, `${role}-menu-${size.width}`);
      }
      await context.close();
    }
  });
}
