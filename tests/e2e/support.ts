import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { TEST_DEMO_PASSWORD } from "../support/demo-password";

/** Set by playwright.config.ts's webServer (DEMO_PASSWORD), honoured by the seed. */
export const DEMO_PASSWORD = TEST_DEMO_PASSWORD;

/** Signs in and waits for the home page (or, with `expectFailure`, for the error message). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, options: { expectFailure?: boolean } = {}) {
  await page.goto("/login");
  await page.getByRole("textbox", { name: /Adresse e-mail|Email address/ }).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)/).fill(password);
  await page.getByRole("button", { name: /Se connecter|Sign in/ }).click();
  if (options.expectFailure) await expect(page.getByRole("alert")).toBeVisible();
  else await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function signOut(page: Page) {
  const button = page.getByRole("button", { name: /Se déconnecter|Sign out/ });
  // The button sits in the menu at the bar's end (ADR 0030): opened first. The menu closes when the page
  // changes (it is keyed by the path), so a navigation still under way closes it again: open it and retry.
  await expect(async () => {
    if (!(await button.isVisible())) await page.getByTestId("menu").locator("summary").click();
    await button.click({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/login/);
}

/**
 * The newest mail sent to an address, read from the outbox folder the server writes to. Mails are sent
 * by the server's worker just after the reply: waits for it, up to `timeoutMs`.
 */
export async function lastMailTo(address: string, timeoutMs = 10_000): Promise<string> {
  const dir = path.join(process.env.E2E_DATA_DIR ?? "data-e2e", "outbox");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    for (const file of files.reverse()) {
      const raw = fs.readFileSync(path.join(dir, file), "utf8");
      if (raw.match(/^To: (.*)$/m)?.[1]?.includes(address)) return raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function linkIn(mail: string): string {
  const match = mail.match(/https?:\/\/\S+/);
  if (!match) throw new Error("no link in mail");
  return match[0];
}

/** A string missing from the strings the browser loaded shows as its key (e.g. "studio.title"): none may show. */
export async function expectNoRawKeys(page: Page) {
  await expect(page.locator("body")).not.toContainText(
    /\b(app|nav|common|errors|studio|accreditation|api|settings|people|teams|audit|diagnostic|track)\.[a-z]\w*/,
  );
}
