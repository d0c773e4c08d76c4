/**
 * The posting gate end to end, in Chromium against the production server: an admin registers a real
 * webhook receiver and creates an API token in the admin pages; the gate lets an accredited person post
 * on LinkedIn; her manager revokes her in the UI; then the gate answers `revoked`, her verification
 * page says so, and the receiver got the signed event.
 *
 * The person is the spec's own (tests/e2e/gate-fixture.ts), so it may run in any order with the other
 * specs: the demo ambassador they rely on is never touched. It removes the webhook address and revokes
 * the token it created at the end.
 */
import { execFileSync } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signOut } from "./support";

const navOf = (page: Page) => page.getByRole("navigation", { name: /Navigation principale|Main navigation/ });
const SECRET = "e2e-webhook-secret-0123456789";

type Person = { id: string; email: string; name: string; accreditationId: string };

/** A new accredited person in the server's database (see gate-fixture.ts). */
function createAccreditedPerson(name: string): Person {
  const dataDir = process.env.E2E_DATA_DIR ?? path.resolve("data-e2e");
  const file = path.join(dataDir, `gate-person-${Date.now()}.json`);
  execFileSync("node_modules/.bin/tsx", ["tests/e2e/gate-fixture.ts"], {
    env: { ...process.env, DATABASE_PATH: path.join(dataDir, "e2e.db"), OUTBOX_DIR: path.join(dataDir, "outbox"), PERSON_NAME: name, PERSON_FILE: file },
    stdio: "pipe",
  });
  return JSON.parse(fs.readFileSync(file, "utf8")) as Person;
}

type Received = { headers: http.IncomingHttpHeaders; body: string };

function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end("ok");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/ambassade-events`,
        received,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}

function signatureHolds(header: string | string[] | undefined, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header ?? ""));
  if (!match) return false;
  const expected = createHmac("sha256", SECRET).update(`${match[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, "hex"));
}

test("a revocation closes the gate, shows on the verification page and reaches the webhook, signed", async ({ page, request }) => {
  test.setTimeout(90_000); // the fixture runs in a process of its own first
  const person = createAccreditedPerson("Gabriel Fontaine");
  const receiver = await startReceiver();
  try {
    // 1. The admin registers the receiver and creates a token, in the admin pages.
    await signIn(page, "admin@ambassade.test");
    // Administration pages sit in the bar's "Administration" menu (ADR 0030).
    await navOf(page).getByText("Administration", { exact: true }).click();
    await navOf(page).getByRole("link", { name: "API", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Jetons d’API", level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await page.getByRole("textbox", { name: /Adresse \(URL\) de réception/ }).fill(receiver.url);
    await page.getByRole("textbox", { name: /Secret de signature/ }).fill(SECRET);
    await page.getByRole("button", { name: "Ajouter l’adresse" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Adresse ajoutée" })).toBeVisible();
    await expect(page.getByText(receiver.url, { exact: true })).toBeVisible();

    await page.getByRole("link", { name: "Jetons d’API", exact: true }).click();
    await page.getByRole("textbox", { name: /Nom du jeton/ }).fill("Planificateur e2e");
    await page.getByRole("button", { name: "Créer le jeton" }).click();
    await expect(page.getByRole("heading", { name: "Jeton « Planificateur e2e » créé" })).toBeVisible();
    const token = await page.getByRole("textbox", { name: "Jeton d’API" }).inputValue();
    expect(token).toMatch(/^amb_[A-Za-z0-9_-]{43}$/);
    await signOut(page);

    const gate = async (channel: string) => {
      const response = await request.get(`/api/v1/authorizations?email=${encodeURIComponent(person.email)}&channel=${channel}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status()).toBe(200);
      return (await response.json()) as { allowed: boolean; reasons: string[]; accreditation: { id: string; status: string } | null };
    };
    expect(await gate("linkedin")).toMatchObject({ allowed: true, reasons: [] });
    expect(await gate("x")).toMatchObject({ allowed: false, reasons: ["channel_not_granted"] });

    // 2. Their manager revokes them, in the UI.
    await signIn(page, "manager@ambassade.test");
    await page.goto("/team/requests");
    await page.getByRole("link", { name: `Gérer l’accréditation de ${person.name}` }).click();
    await page.getByRole("textbox", { name: "Motif" }).fill("A publié un chiffre non public.");
    await page.getByRole("button", { name: "Retirer l’accréditation" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Accréditation de ${person.name} retirée.` })).toBeVisible();
    await signOut(page);

    // 3. The gate says revoked at once.
    expect(await gate("linkedin")).toMatchObject({ allowed: false, reasons: ["revoked"], accreditation: { status: "revoked" } });

    // 4. The receiver got the signed event (the worker delivers within seconds).
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const delivery = receiver.received.find((r) => JSON.parse(r.body).type === "accreditation.revoked")!;
    expect(delivery).toBeTruthy();
    expect(signatureHolds(delivery.headers["ambassade-signature"], delivery.body)).toBe(true);
    const event = JSON.parse(delivery.body) as {
      id: string;
      type: string;
      data: { accreditation: { status: string; credential: string }; person: { email: string; name: string } };
    };
    expect(delivery.headers["ambassade-event-id"]).toBe(event.id);
    expect(event.data).toMatchObject({ accreditation: { status: "revoked" }, person: { email: person.email, name: person.name } });

    // 5. Their public verification page (the credential's id, in the event) says revoked, to anyone.
    await page.goto(new URL(event.data.accreditation.credential).pathname);
    await expect(page.getByRole("heading", { name: "Vérification d’une accréditation", level: 1 })).toBeVisible();
    await expect(page.getByText("Retirée", { exact: true })).toBeVisible();
    await expect(page.getByText(person.name, { exact: true })).toBeVisible();

    // 6. The delivery log shows the success.
    await signIn(page, "admin@ambassade.test");
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("cell", { name: "Réussi" }).first()).toBeVisible();

    // 7. Nothing left for the specs after this one: the address removed, the token revoked.
    await page.getByRole("button", { name: `Supprimer ${receiver.url}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Adresse supprimée." })).toBeVisible();
    await page.goto("/admin/api");
    await page.getByRole("button", { name: "Révoquer le jeton Planificateur e2e" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Jeton « Planificateur e2e » révoqué" })).toBeVisible();
  } finally {
    await receiver.close();
  }
});
