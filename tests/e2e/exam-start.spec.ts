/**
 * The exam's start in one round trip (issue 19, ADR 0032), in the browser: with JavaScript and without,
 * the Start button is one document POST to `/exam/<id>` whose answer shows the first question; a double
 * click makes one attempt; a reload of the attempt's page is a GET. Uses chloe.thomas@, thomas.michel@ and
 * olivier.moreau@ (used by no other spec). The exam's track gate is turned off for them while the spec
 * runs, through the admin's settings form, and turned on again at the end.
 */
import { expect, test, type Browser, type Page, type Request } from "@playwright/test";
import { expectNoRawKeys, signIn } from "./support";

async function setTrackGate(browser: Browser, baseURL: string, on: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin@ambassade.test");
  const response = await page.request.post("/admin/settings", {
    form: { "exam.requiresTrackComplete": on ? "true" : "false" },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(400);
  await context.close();
}

test.beforeAll(async ({ browser, baseURL }) => setTrackGate(browser, baseURL!, false));
test.afterAll(async ({ browser, baseURL }) => setTrackGate(browser, baseURL!, true));

/** The requests the page makes from now on (documents and Remix data requests; not scripts or styles). */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document" || request.url().includes("_data=")) seen.push(request);
  });
  return seen;
}

const firstQuestion = (page: Page) => page.getByText("Question 1 sur 16");

test("with JavaScript: one POST from the click to the first question, then a reload is a GET", async ({ page }) => {
  await signIn(page, "chloe.thomas@ambassade.test");
  await page.goto("/exam");
  // Hydrated before the click, as a reader's page would be.
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
  const requests = recordRequests(page);
  await page.getByRole("button", { name: "Commencer une tentative" }).click();
  await expect(page).toHaveURL(/\/exam\/[0-9a-f-]{36}$/);
  await expect(firstQuestion(page)).toBeVisible();
  await expect(page).toHaveTitle("Examen en cours · Ambassade");
  expect(requests.map((r) => `${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`)).toEqual([`POST ${new URL(page.url()).pathname}`]);
  await expectNoRawKeys(page);

  // The page is live: a choice is saved in the background.
  const group = page.locator("main fieldset").first();
  await group.locator("input").first().check();
  await expect(page.locator("main").getByText("Réponse enregistrée").first()).toBeVisible();

  // A reload asks for the page again with a GET (the browser does not send the Start form again).
  requests.length = 0;
  await page.reload();
  await expect(firstQuestion(page)).toBeVisible();
  expect(requests[0]?.method()).toBe("GET");
});

test("without JavaScript: the same form, the same single request, the first question", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "thomas.michel@ambassade.test");
  await page.goto("/exam");
  const requests = recordRequests(page);
  await page.getByRole("button", { name: "Commencer une tentative" }).click();
  await expect(page).toHaveURL(/\/exam\/[0-9a-f-]{36}$/);
  await expect(firstQuestion(page)).toBeVisible();
  expect(requests.map((r) => r.method())).toEqual(["POST"]);
  await context.close();
});

test("a double click starts one attempt", async ({ page }) => {
  await signIn(page, "olivier.moreau@ambassade.test");
  await page.goto("/exam");
  await page.getByRole("button", { name: "Commencer une tentative" }).dblclick();
  await expect(page).toHaveURL(/\/exam\/[0-9a-f-]{36}$/);
  await expect(firstQuestion(page)).toBeVisible();
  const attemptPath = new URL(page.url()).pathname;
  // The exam page offers to resume that attempt, and its history holds no other.
  await page.goto("/exam");
  await expect(page.getByRole("link", { name: "Reprendre la tentative en cours" })).toHaveAttribute("href", attemptPath);
  await expect(page.getByRole("button", { name: "Commencer une tentative" })).toHaveCount(0);
  await expect(page.getByText("Aucune tentative pour l’instant.")).toBeVisible();
});
