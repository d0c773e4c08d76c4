/**
 * Screenshots of the main pages of each role, in French, at 1280 px (desktop) and 390 px (phone), plus
 * the phone menu open: docs/screenshots/<role>-<page>-<width>.png. The top of each page (one screen),
 * reduced to 256 colours when ImageMagick's `convert` is on the PATH, so that the committed files stay
 * small. Then the main staff pages again with an organisation's accent colour and logo set
 * (docs/screenshots/branded-<role>-<page>-<width>.png), the brand put back afterwards. Run with
 * `npm run screenshots` and look at them before committing.
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
      ["team", "/teams/team-comms"],
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
      ["module", "/studio/core-code-of-conduct"],
    ],
  },
  {
    role: "admin",
    email: "admin@ambassade.test",
    pages: [
      ["home", "/home"],
      ["people", "/people"],
      ["person", "/people/demo-learner"],
      ["settings", "/admin/settings"],
      ["audit", "/admin/audit"],
      ["teams", "/admin/teams"],
      ["charter", "/admin/charter"],
      ["api", "/admin/api"],
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

/** An organisation's look, as an admin sets it on /admin/settings: an accent colour and a logo. */
const BRAND = { accent: "#0f766e", default: "#1e40af" };

/** A small PNG logo drawn by the browser itself (no binary fixture in the repository). */
async function drawLogo(page: Page): Promise<Buffer> {
  await page.setContent(
    `<div id="logo" style="display:inline-flex;align-items:center;gap:8px;padding:6px 10px;font:700 28px system-ui,sans-serif;color:#0f766e">
      <svg width="34" height="34" viewBox="0 0 34 34"><circle cx="17" cy="17" r="15" fill="#0f766e"/><path d="M9 19l6 6 11-13" stroke="#fff" stroke-width="4" fill="none" stroke-linecap="round"/></svg>
      Orbis
    </div>`,
  );
  return page.locator("#logo").screenshot({ omitBackground: true });
}

async function setBrand(page: Page, accent: string, logo: Buffer | null) {
  await page.goto("/admin/settings");
  const form = page.locator("form", { has: page.locator('input[name="intent"][value="brand"]') });
  await form.locator('input[name="organisation.accentColor"]').fill(accent);
  if (logo) await form.locator('input[name="logo"]').setInputFiles({ name: "orbis.png", mimeType: "image/png", buffer: logo });
  else if (await form.locator('input[name="removeLogo"]').count()) await form.locator('input[name="removeLogo"]').check();
  await form.locator('button[type="submit"]').click();
  await expect(page.getByRole("status").first()).toBeVisible();
}

const BRANDED: { role: string; email: string; pages: [string, string][] }[] = [
  {
    role: "admin",
    email: "admin@ambassade.test",
    pages: [
      ["home", "/home"],
      ["people", "/people"],
      ["audit", "/admin/audit"],
    ],
  },
  {
    role: "manager",
    email: "manager@ambassade.test",
    pages: [
      ["requests", "/team/requests"],
      ["team", "/teams/team-comms"],
    ],
  },
  { role: "trainer", email: "trainer@ambassade.test", pages: [["studio", "/studio"]] },
];

test("screenshots of the staff pages with the organisation's colour and logo", async ({ browser }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(OUT, { recursive: true });
  const admin = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const adminPage = await admin.newPage();
  const logo = await drawLogo(adminPage);
  await signIn(adminPage, "admin@ambassade.test");
  await setBrand(adminPage, BRAND.accent, logo);
  try {
    for (const { role, email, pages } of BRANDED) {
      for (const size of WIDTHS) {
        const context = await browser.newContext({ viewport: size, locale: "fr-FR", timezoneId: "Europe/Paris" });
        const page = await context.newPage();
        await signIn(page, email);
        for (const [name, url] of pages) {
          await page.goto(url);
          await expect(page.locator("main")).toBeVisible();
          await expect(page.locator("img.shell-logo")).toBeVisible();
          await shoot(page, `branded-${role}-${name}-${size.width}`);
        }
        await context.close();
      }
    }
  } finally {
    await setBrand(adminPage, BRAND.default, null);
    await admin.close();
  }
});
