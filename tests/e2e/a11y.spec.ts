/**
 * An automated accessibility sweep (axe-core, WCAG 2.1 A and AA rules) over the main pages of every role.
 * It reads only: it signs in and opens pages. The personal-data pages (/admin/privacy,
 * /people/<id>/privacy, /verify of an erased holder) are swept in privacy.spec.ts. What axe cannot judge (keyboard
 * journeys, focus after an action, announcements) is covered by the other specs.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const PAGES: Record<string, string[]> = {
  "trainer@ambassade.test": [
    "/home",
    "/studio",
    "/studio/core-code-of-conduct",
    "/studio/core-code-of-conduct/history",
    "/studio/tracks",
    "/studio/reviews",
    "/people/demo-learner/placement",
    "/reports/exam",
  ],
  "manager@ambassade.test": [
    "/home",
    "/teams",
    "/teams/team-comms",
    "/teams/team-comms?sort=level&dir=desc&level=native",
    "/teams/team-comms?q=nobody-matches-this",
    "/team/requests",
    "/team/requests?status=suspended",
    "/reports",
    "/reports/team",
  ],
  "admin@ambassade.test": [
    "/people",
    "/people/invite",
    "/admin/teams",
    "/admin/audit",
    "/admin/settings",
    "/admin/sso",
    "/admin/charter",
    "/admin/charter/new",
    "/admin/api",
    "/admin/webhooks",
    "/admin/provisioning",
    "/admin/people-csv",
    "/admin/audit?sort=at&dir=asc",
    "/admin/audit?person=nobody-matches-this",
    "/people/demo-learner",
    "/account",
  ],
  "ambassador@ambassade.test": [
    "/home",
    "/track",
    "/track/native-company-objectives",
    "/placement",
    "/charter",
    "/exam",
    "/accreditation",
    "/accreditation/certificate",
    "/privacy",
  ],
};

async function violations(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map(
    (v) =>
      `${path}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
}

test("the public pages pass axe's WCAG 2.1 AA rules", async ({ page }) => {
  const found: string[] = [];
  for (const path of ["/login", "/forgot-password"]) found.push(...(await violations(page, path)));
  expect(found).toEqual([]);
});

for (const [email, paths] of Object.entries(PAGES)) {
  test(`${email.split("@")[0]}'s pages pass axe's WCAG 2.1 AA rules`, async ({ page }) => {
    await signIn(page, email);
    const found: string[] = [];
    for (const path of paths) found.push(...(await violations(page, path)));
    expect(found).toEqual([]);
  });
}

test("the audit log, filtered, passes axe's WCAG 2.1 AA rules and reads as sentences", async ({ page }) => {
  await signIn(page, "admin@ambassade.test");
  const found = await violations(page, "/admin/audit?action=accreditation.*&person=Karim");
  expect(found).toEqual([]);
  await expect(page.getByText("Sophie Laurent a accordé l’accréditation de Karim Benali pour LinkedIn.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Exporter en CSV" })).toHaveAttribute("href", "/admin/audit.csv?person=Karim&action=accreditation.*");
});
