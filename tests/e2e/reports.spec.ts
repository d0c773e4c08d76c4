/**
 * Programme results (issue 15) in a real browser, on the demo organisation: a manager opens their
 * team's dashboard, filters it, downloads a table as CSV whose rows are those on the page; an admin
 * opens the programme dashboard in French and in English; axe finds nothing on the new pages.
 */
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { signIn } from "./support";

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map(
    (v) =>
      `${page.url()}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
}

/** The text of a table's header and body rows, as the page shows them. */
async function tableRows(page: Page, id: string): Promise<string[][]> {
  return page
    .locator(`table[data-report-table="${id}"]`)
    .first()
    .evaluate((table) => [...table.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").trim())));
}

test("a manager opens the team dashboard, filters it, and exports a table whose rows match the page", async ({ page }) => {
  await signIn(page, "manager@ambassade.test");
  await page.goto("/reports");
  // Managers are sent to their teams' dashboard.
  await expect(page).toHaveURL(/\/reports\/team$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Résultats de l’équipe");
  await expect(page).toHaveTitle("Résultats de l’équipe · Ambassade");
  expect(await axe(page)).toEqual([]);

  // Filter: the period and the stalled threshold.
  await page.getByLabel("Invitées à partir du").fill("2020-01-01");
  await page.getByLabel("Sans progrès depuis (jours)").fill("1");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/from=2020-01-01/);
  await expect(page).toHaveURL(/days=1/);
  await expect(page.getByTestId("people-count")).toBeVisible();
  const shown = await tableRows(page, "funnel");
  expect(shown.length).toBe(8);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Parcours (CSV)" }).first().click()]);
  const file = await download.path();
  const rows = parse(fs.readFileSync(file!, "utf8").replace(/^\uFEFF/, "")) as string[][];
  expect(rows).toEqual(shown);

  // The people who need a nudge, exported with the same filters, are those listed.
  const stalledShown = (await page.locator('table[data-report-table="stalled"]').count()) ? await tableRows(page, "stalled") : null;
  if (stalledShown) {
    const [stalledDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "À relancer (CSV)" }).first().click()]);
    const stalledRows = parse(fs.readFileSync((await stalledDownload.path())!, "utf8").replace(/^\uFEFF/, "")) as string[][];
    // The page adds one column: the reminder button.
    expect(stalledRows).toEqual(stalledShown.map((row) => row.slice(0, stalledRows[0]!.length)));
  }
  expect(await axe(page)).toEqual([]);
});

test("an admin opens the programme dashboard in French and in English; the exam analysis passes axe", async ({ page }) => {
  await signIn(page, "admin@ambassade.test");
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Résultats du programme");
  await expect(page).toHaveTitle("Résultats du programme · Ambassade");
  await expect(page.getByRole("heading", { name: "Parcours vers l’accréditation" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Nombre de personnes ayant atteint chaque étape" })).toBeVisible();
  expect(await axe(page)).toEqual([]);

  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programme results");
  await expect(page.getByRole("heading", { name: "Road to accreditation" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Number of people who reached each step" })).toBeVisible();
  // The chart's figures, for those who do not see it: the trends' table behind its disclosure.
  await page.locator("#trends-title ~ figure summary, section[aria-labelledby='trends-title'] summary").first().click();
  await expect(page.locator('table[data-report-table="trends-chart-data"]')).toBeVisible();
  expect(await axe(page)).toEqual([]);

  await page.goto("/reports/exam");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exam and content analysis");
  expect(await axe(page)).toEqual([]);

  // Back to French for the other specs.
  await page.getByRole("button", { name: "Passer en français" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Analyse de l’examen et des contenus");
});
