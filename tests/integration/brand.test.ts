/**
 * The organisation's look (ADR 0030) over HTTP: the accent colour and the logo saved from
 * /admin/settings's appearance form, refused with a 4xx and nothing written when wrong (not a hex
 * colour, white text on it below 4.5:1, a logo that is not an image), and applied to every page,
 * the sign-in page included, through /brand.css and /brand/logo/<file>.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog } from "../../db/schema";
import { contrastRatio } from "../../app/domain/brand";
import { getSetting, settingsChanged } from "../../app/models/settings.server";
import { Browser, snapshotWithout } from "../support/security";
import { startServer, type TestServer } from "../support/server";
import { createPerson, PASSWORD } from "../support/sso";

const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

let server: TestServer;
let admin: Browser;
let employee: Browser;

beforeAll(async () => {
  server = await startServer();
  await createPerson("brand-admin@corp.test", { roles: ["admin"] });
  await createPerson("brand-employee@corp.test", { roles: ["employee"] });
  admin = new Browser(server.url);
  await admin.signIn("brand-admin@corp.test", PASSWORD);
  employee = new Browser(server.url);
  await employee.signIn("brand-employee@corp.test", PASSWORD);
});
afterAll(() => server.close());

function appearance(fields: Record<string, string>, logo?: { name: string; bytes: Buffer; type?: string }): FormData {
  const form = new FormData();
  form.set("intent", "brand");
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (logo) form.set("logo", new Blob([new Uint8Array(logo.bytes)], { type: logo.type ?? "image/png" }), logo.name);
  return form;
}

/** As the page's script posts it: the action's data as JSON (`_data`). */
const postAppearance = (browser: Browser, form: FormData) =>
  browser.send("POST", "/admin/settings?_data=routes%2Fadmin.settings", { body: form as unknown as BodyInit });

it("refuses a colour that is not a hex colour with a 400 and a message, writing nothing", async () => {
  const before = snapshotWithout(["sessions"]);
  for (const colour of ["red", "#12345", "#1e40af;}body{display:none", ""]) {
    const response = await postAppearance(admin, appearance({ "organisation.accentColor": colour }));
    expect(response.status, colour).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string> };
    expect(body.fieldErrors["organisation.accentColor"]).toBe("settings.errors.accentFormat");
  }
  expect(snapshotWithout(["sessions"])).toBe(before);
});

it("refuses a colour on which white text is below 4.5:1, says the ratio and offers a readable one, writing nothing (not even the logo sent with it)", async () => {
  const before = snapshotWithout(["sessions"]);
  const response = await postAppearance(admin, appearance({ "organisation.accentColor": "#ffd600" }, { name: "logo.png", bytes: PIXEL }));
  expect(response.status).toBe(400);
  const body = (await response.json()) as { fieldErrors: Record<string, string>; contrast: { ratio: number; suggestion: string } };
  expect(body.fieldErrors["organisation.accentColor"]).toBe("settings.errors.accentContrast");
  expect(body.contrast.ratio).toBeLessThan(4.5);
  expect(contrastRatio(body.contrast.suggestion, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  expect(snapshotWithout(["sessions"])).toBe(before);
  expect(getSetting("organisation.accentColor")).toBe("#1e40af");
});

it("shows the contrast refusal on the page, in the admin's language", async () => {
  // Without JavaScript the browser posts and Remix answers the page with the action's data (a document request).
  const response = await admin.send("POST", "/admin/settings", {
    body: appearance({ "organisation.accentColor": "#ffd600" }) as unknown as BodyInit,
    headers: { Accept: "text/html" },
  });
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(html).toMatch(/Le contraste du texte blanc sur cette couleur n’est que 1,\d+:1/);
});

it("refuses a logo that is not an image by its bytes (415), keeping the colour unsaved", async () => {
  const before = snapshotWithout(["sessions"]);
  const response = await postAppearance(
    admin,
    appearance(
      { "organisation.accentColor": "#0b6e4f" },
      { name: "logo.png", bytes: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), type: "image/png" },
    ),
  );
  expect(response.status).toBe(415);
  expect(snapshotWithout(["sessions"])).toBe(before);
});

it("only an admin changes the look", async () => {
  const before = snapshotWithout(["sessions"]);
  const response = await postAppearance(employee, appearance({ "organisation.accentColor": "#0b6e4f" }));
  expect(response.status).toBe(403);
  expect(snapshotWithout(["sessions"])).toBe(before);
});

it("saves a colour and a logo, audited, and every page wears them, the sign-in page included", async () => {
  const response = await postAppearance(admin, appearance({ "organisation.accentColor": "#0B6E4F" }, { name: "logo.png", bytes: PIXEL }));
  expect(response.headers.get("X-Remix-Redirect")).toBe("/admin/settings");
  expect(getSetting("organisation.accentColor")).toBe("#0b6e4f");
  const logo = getSetting("organisation.logo");
  expect(logo).toMatch(/^[0-9a-f]{64}\.png$/);
  const audited = getDb().select().from(auditLog).where(eq(auditLog.subjectId, "organisation.accentColor")).all();
  expect(audited.map((row) => row.toState)).toEqual([JSON.stringify("#0b6e4f")]);

  const anonymous = new Browser(server.url);
  for (const [browser, path] of [
    [anonymous, "/login"],
    [employee, "/home"],
  ] as const) {
    const html = await (await browser.get(path)).text();
    expect(html, path).toContain(`href="/brand.css?v=0b6e4f"`);
    expect(html, path).toContain(`src="/brand/logo/${logo}"`);
  }
  const css = await anonymous.get("/brand.css?v=0b6e4f");
  expect(css.headers.get("Content-Type")).toMatch(/^text\/css/);
  expect(css.headers.get("Cache-Control")).toContain("immutable");
  expect(await css.text()).toBe(":root{--brand-accent:#0b6e4f}\n");
  // An old colour's URL is not cached for good.
  expect((await anonymous.get("/brand.css?v=1e40af")).headers.get("Cache-Control")).toBe("no-cache");
  const image = await anonymous.get(`/brand/logo/${logo}`);
  expect(image.status).toBe(200);
  expect(image.headers.get("Content-Type")).toBe("image/png");
  expect(Buffer.from(await image.arrayBuffer()).equals(PIXEL)).toBe(true);
});

it("serves publicly only the current logo, never another upload", async () => {
  const anonymous = new Browser(server.url);
  expect((await anonymous.get(`/brand/logo/${"a".repeat(64)}.png`)).status).toBe(404);
  const logo = getSetting("organisation.logo");
  // Removing the logo: its public URL is gone (the file stays in the media store, behind sign-in).
  const removed = await postAppearance(admin, appearance({ "organisation.accentColor": "#0b6e4f", removeLogo: "on" }));
  expect(removed.headers.get("X-Remix-Redirect")).toBe("/admin/settings");
  expect(getSetting("organisation.logo")).toBe("");
  expect((await anonymous.get(`/brand/logo/${logo}`)).status).toBe(404);
  expect(await (await anonymous.get("/login")).text()).not.toContain("/brand/logo/");
});

it("another process's change is seen through the settings counter", async () => {
  // A change written by another process (the CLI, another worker) bumps cache_versions; cache-sync
  // then calls settingsChanged(), which is what this simulates.
  getDb().$client.prepare("update settings set value = ? where key = 'organisation.accentColor'").run(JSON.stringify("#7a1f5c"));
  settingsChanged();
  expect(await (await new Browser(server.url).get("/login")).text()).toContain(`href="/brand.css?v=7a1f5c"`);
});
