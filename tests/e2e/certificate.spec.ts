/**
 * The certificate end to end (issue 16): a person of this spec's own (tests/e2e/certificate-fixture.ts,
 * accredited for LinkedIn through the real state machine, so that no other spec's people are touched)
 * downloads the certificate PDF from their certificate page in Chromium; its text is extracted and holds
 * their name, the validity and the public verify URL, which opens the verify page saying the
 * accreditation is valid. The page passes axe.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { pdfText } from "../support/pdf-text";
import { TEST_DEMO_PASSWORD } from "../support/demo-password";
import { signIn, signOut } from "./support";

test("a newly accredited person downloads the certificate PDF; its text holds the verify URL, which verifies", async ({ page, baseURL }) => {
  const databasePath = path.join(process.env.E2E_DATA_DIR ?? "data-e2e", "e2e.db");
  const out = execFileSync("node_modules/.bin/tsx", ["tests/e2e/certificate-fixture.ts"], {
    env: { ...process.env, DATABASE_PATH: databasePath, DEMO_PASSWORD: TEST_DEMO_PASSWORD },
    encoding: "utf8",
  });
  const line = out.split("\n").find((l) => l.startsWith("CERTIFICATE_FIXTURE "))!;
  const person = JSON.parse(line.slice("CERTIFICATE_FIXTURE ".length)) as { email: string; credentialId: string };

  await signIn(page, person.email);
  await page.goto("/accreditation/certificate");
  await expect(page).toHaveTitle("Mon certificat · Ambassade");
  const verifyUrl = `${baseURL}/verify/${person.credentialId}`;
  await expect(page.getByText(verifyUrl).first()).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger le certificat (PDF)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ambassade-certificate-[0-9a-f]{8}\.pdf$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const text = pdfText(bytes);
  expect(text).toContain("Rose Certifi\xe9e");
  expect(text).toContain(verifyUrl);
  expect(text).toContain(person.credentialId);
  expect(text).toMatch(/Valable du \d{1,2} \S+ \d{4} au \d{1,2} \S+ \d{4}/);
  expect(text).toContain("LinkedIn");

  // The URL printed on the certificate opens the public verify page, which says it holds.
  await signOut(page);
  await page.goto(verifyUrl);
  await expect(page).toHaveTitle("Vérification d’une accréditation · Ambassade");
  await expect(page.getByText("Rose Certifiée").first()).toBeVisible();
  await expect(page.getByText(/valide/i).first()).toBeVisible();
});
