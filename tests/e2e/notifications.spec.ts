/**
 * Notifications end to end (issue 16, ADR 0020), on a server of its own (port E2E_PORT + 1, its own
 * database and a content copy with a newer charter version), so that publishing a charter suspends
 * nobody the other specs rely on:
 * Hugo Robert requests an accreditation → his manager gets a mail in the outbox and an inbox item,
 * opens it from the inbox and grants → Hugo gets a mail; the admin publishes charter 2026-06 through
 * the confirmation, which counts the people it suspends, each of whom gets a mail with what changed,
 * and Hugo reads that summary before signing. The new pages pass axe.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./support";
import { TEST_DEMO_PASSWORD } from "../support/demo-password";

const PORT = Number(process.env.E2E_PORT ?? 4599) + 1;
const BASE = `http://127.0.0.1:${PORT}`;
const NEW_VERSION = "2026-06";
test.use({ baseURL: BASE });
test.describe.configure({ mode: "serial" });

let dataDir = "";
let contentDir = "";
let server: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-e2e-notify-"));
  contentDir = path.join(dataDir, "content");
  fs.cpSync("content", contentDir, { recursive: true });
  const from = path.join(contentDir, "policy", "charter", "2026-01");
  const to = path.join(contentDir, "policy", "charter", NEW_VERSION);
  fs.mkdirSync(to);
  for (const file of ["fr.mdx", "en.mdx", "check.yaml"]) {
    fs.writeFileSync(
      path.join(to, file),
      fs
        .readFileSync(path.join(from, file), "utf8")
        .replace('version: "2026-01"', `version: "${NEW_VERSION}"`)
        .replace('effective: "2026-01-15"', `effective: "${NEW_VERSION}-01"`),
    );
  }
  const env = {
    ...process.env,
    DATABASE_PATH: path.join(dataDir, "e2e.db"),
    OUTBOX_DIR: path.join(dataDir, "outbox"),
    CONTENT_DIR: contentDir,
    DEMO_PASSWORD: TEST_DEMO_PASSWORD,
    SMTP_URL: "",
  };
  delete (env as Record<string, string | undefined>).SMTP_URL;
  execFileSync("node_modules/.bin/tsx", ["tests/e2e/notifications-fixture.ts"], { env, stdio: "pipe" });
  server = spawn("node_modules/.bin/tsx", ["app/server/main.ts"], {
    env: { ...env, PORT: String(PORT), HOST: "127.0.0.1", APP_URL: BASE, SKIP_BUILD: "1", NODE_ENV: "production" },
    stdio: "ignore",
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the notifications spec's server did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(async () => {
  if (server?.pid) process.kill(server.pid);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** "=?UTF-8?Q?…?=" and "=?UTF-8?B?…?=" words of a header, decoded. */
function decodeHeader(value: string): string {
  return value.replace(/\s*=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

type Mail = { to: string; subject: string; raw: string };

/** Every mail the server wrote to its outbox folder. */
function outbox(): Mail[] {
  const dir = path.join(dataDir, "outbox");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((file) => {
      const raw = fs.readFileSync(path.join(dir, file), "utf8");
      const subjectLines = raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m)?.[1] ?? "";
      return { to: raw.match(/^To: (.*)$/m)?.[1] ?? "", subject: decodeHeader(subjectLines.replace(/\r?\n[ \t]/g, " ")), raw: raw.replace(/=\r?\n/g, "") };
    });
}

/** Waits for a mail to `to` whose subject matches (the worker sends just after the reply). */
async function mailTo(to: string, subject: RegExp): Promise<Mail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = outbox().find((m) => m.to.includes(to) && subject.test(m.subject));
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(
        `no mail to ${to} matching ${subject}: ${outbox()
          .map((m) => `${m.to} ${m.subject}`)
          .join(" | ")}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map(
    (v) =>
      `${page.url()}: ${v.id} — ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}`,
  );
}

test("a request reaches the manager by mail and in the inbox; the grant reaches the learner", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "hugo.robert@ambassade.test");
  await page.goto("/accreditation");
  await page.getByRole("checkbox", { name: "LinkedIn", exact: true }).check();
  await page
    .getByRole("textbox", { name: "Ce que vous comptez y faire" })
    .fill("Relayer les offres d’emploi de l’équipe et répondre aux candidats sur LinkedIn.");
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Demande envoyée à votre manager." })).toBeVisible();
  await signOut(page);

  const toManager = await mailTo("manager@ambassade.test", /Hugo Robert demande une accréditation/);
  expect(toManager.raw).toContain("Content-Type: text/html");
  expect(toManager.raw).toMatch(/\/team\/requests\/[0-9a-f-]{36}/);

  await signIn(page, "manager@ambassade.test");
  const inboxLink = page.getByRole("link", { name: "Notifications 1 non lue" });
  await expect(inboxLink).toBeVisible();
  await page.waitForLoadState("networkidle");
  await inboxLink.click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await page.getByRole("button", { name: "Hugo Robert attend votre décision (LinkedIn)." }).click();
  await expect(page.getByRole("heading", { name: /Hugo Robert/, level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Accorder l’accréditation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Accréditation accordée à Hugo Robert." })).toBeVisible();
  await signOut(page);

  const toHugo = await mailTo("hugo.robert@ambassade.test", /Votre accréditation est accordée/);
  expect(toHugo.raw).toContain("/accreditation");
});

test("the admin publishes a charter version through the confirmation; each person suspended is told what changed", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "admin@ambassade.test");
  await page.goto("/admin/charter");
  await page.getByRole("link", { name: `Publier la version ${NEW_VERSION}` }).click();
  await expect(page.getByRole("heading", { name: `Publier la version ${NEW_VERSION} ?` })).toBeVisible();
  const countText = await page.getByTestId("suspension-count").innerText();
  const count = Number(countText.match(/^(\d+)/)?.[1]);
  expect(count).toBeGreaterThanOrEqual(2); // Karim Benali (demo) and Hugo Robert, at least.
  expect(await axe(page)).toEqual([]);
  await page.getByRole("textbox", { name: "Ce qui change, en français" }).fill("Une nouvelle règle sur l’IA générative (clause 4.3).");
  await page.getByRole("textbox", { name: "Ce qui change, en anglais" }).fill("A new rule on generative AI (clause 4.3).");
  await page.getByRole("button", { name: "Confirmer la publication" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Version ${NEW_VERSION} publiée. Accréditations suspendues en attente de signature : ${count}.` }),
  ).toBeVisible();
  await signOut(page);

  const suspensionMail = /Votre accréditation est suspendue|Your accreditation is suspended/;
  const toHugo = await mailTo("hugo.robert@ambassade.test", suspensionMail);
  expect(toHugo.raw).toContain("Une nouvelle r");
  await expect.poll(() => outbox().filter((m) => suspensionMail.test(m.subject)).length).toBe(count);

  await signIn(page, "hugo.robert@ambassade.test");
  await page.goto("/charter");
  await expect(page.getByRole("heading", { name: "Ce qui change dans cette version" })).toBeVisible();
  await expect(page.getByText("Une nouvelle règle sur l’IA générative (clause 4.3).")).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Messages par e-mail" })).toBeVisible();
  expect(await axe(page)).toEqual([]);
});
