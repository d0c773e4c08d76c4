/**
 * The charter drafted in the browser (docs/decisions/0028-charter-in-the-browser.md): an admin creates
 * a version, drafts it with autosave and revision conflicts, sees its problems with line:col, publishes
 * it without a restart; the library serves it, accredited people who have not signed it are suspended
 * until they sign it, and the published text is frozen.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { accreditations, charterDrafts, charterPublications, charterSignatures, charterTexts } from "../../db/schema";
import { loadContentLibrary } from "../../app/content/library.server";
import { charterBody, sha256 } from "../../app/models/charter.server";
import { exportContent } from "../../app/models/content-sync.server";
import { seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { charterAnswers, postData, signedIn } from "../support/accreditation";

const VERSION = "2027-01";
const ROUTE = "routes/admin.charter_.drafts.$version";
const draftUrl = (version = VERSION) => `/admin/charter/drafts/${version}`;

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

const file = (name: string) => fs.readFileSync(path.join("content", "policy", "charter", "2026-01", name), "utf8");
const draftRow = () => getDb().select().from(charterDrafts).where(eq(charterDrafts.version, VERSION)).get();
const accreditationOf = (userId: string) => getDb().select().from(accreditations).where(eq(accreditations.userId, userId)).get();

/** The form of the three texts, from the draft as stored, with `edit` applied. */
function textsOf(edit: Partial<Record<"fr_source" | "en_source" | "check_source", (text: string) => string>> = {}) {
  const row = draftRow()!;
  const base = { fr_source: row.frSource, en_source: row.enSource, check_source: row.checkYaml };
  return Object.fromEntries(Object.entries(base).map(([key, value]) => [key, edit[key as keyof typeof base]?.(value) ?? value])) as Record<
    keyof typeof base,
    string
  >;
}

describe("who may draft the charter", () => {
  it("is admins only (charter.manage): others get 403 and nothing is written", async () => {
    const clients = await Promise.all(
      ["lucas.bernard@ambassade.test", "trainer@ambassade.test", "manager@ambassade.test"].map((email) => signedIn(server, email)),
    );
    const before = snapshotDatabase();
    for (const client of clients) {
      expect((await client.get("/admin/charter/new")).status).toBe(403);
      expect((await client.post("/admin/charter/new", { version: VERSION })).status).toBe(403);
      expect((await client.get(draftUrl())).status).toBe(403);
      expect(
        (await client.post(draftUrl(), { intent: "save", mode: "autosave", revision: "1", fr_source: "x", en_source: "x", check_source: "x" })).status,
      ).toBe(403);
    }
    expect(snapshotDatabase()).toBe(before);
  });
});

describe("creating a draft", () => {
  it("refuses an id that is not date-like, not newer, or taken, writing nothing", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const before = snapshotDatabase();
    const bad = await postData(admin, "/admin/charter/new", "routes/admin.charter_.new", { version: "janvier" });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors).toEqual({ version: "charterEditor.errors.versionFormat" });
    const older = await postData(admin, "/admin/charter/new", "routes/admin.charter_.new", { version: "2025-12" });
    expect(older.status).toBe(409);
    expect(older.body.fieldErrors).toEqual({ version: "charterEditor.errors.versionNotNewer" });
    const taken = await postData(admin, "/admin/charter/new", "routes/admin.charter_.new", { version: "2026-01" });
    expect(taken.status).toBe(409);
    expect(taken.body.fieldErrors).toEqual({ version: "charterEditor.errors.versionTaken" });
    expect(snapshotDatabase()).toBe(before);
  });

  it("starts from the text in force with its version set, and opens the editor with a comparison", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const created = await admin.post("/admin/charter/new", { version: VERSION });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe(draftUrl());
    const row = draftRow()!;
    expect(row.revision).toBe(1);
    expect(row.frSource).toBe(file("fr.mdx").replace('version: "2026-01"', `version: "${VERSION}"`));
    expect(row.checkYaml).toBe(file("check.yaml"));
    const page = await admin.get(draftUrl());
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Brouillon de la charte ${VERSION} · Ambassade`);
    expect(html).toContain("Comparer avec la version en vigueur (2026-01)");
    // Listed on the new-version page, linked from the charter page.
    expect(await (await admin.get("/admin/charter/new")).text()).toContain(draftUrl());
    expect(await (await admin.get("/admin/charter")).text()).toContain('href="/admin/charter/new"');
    expect((await admin.get(draftUrl("2099-01"))).status).toBe(404);
  });
});

describe("editing a draft", () => {
  it("previews a language with the learners' compiler, and a check with its problems at line:col", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const fr = await postData(admin, draftUrl(), ROUTE, {
      intent: "preview",
      lang: "fr",
      ...textsOf({ fr_source: (t) => t.replace("</PolicyClause>", "Une phrase ajoutée.\n</PolicyClause>") }),
    });
    expect(fr.status).toBe(200);
    expect(JSON.stringify(fr.body)).toContain("Une phrase ajoutée.");
    const check = await postData(admin, draftUrl(), ROUTE, {
      intent: "preview",
      lang: "check",
      ...textsOf({ check_source: () => "questions:\n  - id: q1\n    question: [unclosed\n" }),
    });
    expect(check.status).toBe(200);
    const problems = (check.body.preview as { problems: { line: number; col: number }[] }).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBeGreaterThan(1);
  });

  it("two saves on one revision: one is saved, the other gets 409 with the text saved", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const other = await signedIn(server, "admin@ambassade.test");
    const revision = String(draftRow()!.revision);
    const mine = textsOf({ fr_source: (t) => t.replace("</PolicyClause>", "Version A.\n</PolicyClause>") });
    const theirs = textsOf({ fr_source: (t) => t.replace("</PolicyClause>", "Version B.\n</PolicyClause>") });
    const [a, b] = await Promise.all([
      postData(admin, draftUrl(), ROUTE, { intent: "save", mode: "autosave", revision, ...mine }),
      postData(other, draftUrl(), ROUTE, { intent: "save", mode: "autosave", revision, ...theirs }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    const saved = draftRow()!;
    expect(saved.revision).toBe(Number(revision) + 1);
    expect((lost.body.conflict as { revision: number; languages: { fr: string } }).revision).toBe(saved.revision);
    expect((lost.body.conflict as { languages: { fr: string } }).languages.fr).toBe(saved.frSource);
    // Without JavaScript, "Save the draft" posts the form and comes back to the editor.
    const byHand = await admin.post(draftUrl(), { intent: "save", revision: String(saved.revision), ...textsOf() });
    expect(byHand.status).toBe(302);
    expect(byHand.headers.get("location")).toBe(draftUrl());
  });
});

describe("publishing", () => {
  it("refuses a bad check YAML with its line, and unsafe MDX, writing nothing", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const before = snapshotDatabase();
    const revision = String(draftRow()!.revision);
    const badYaml = await postData(admin, draftUrl(), ROUTE, {
      intent: "publish",
      revision,
      ...textsOf({ check_source: (t) => t.replace("questions:", "questions:\n  - id: [oops") }),
    });
    expect(badYaml.status).toBe(400);
    const yamlProblems = badYaml.body.problems as { part: string; line: number; col: number; message: string }[];
    expect(yamlProblems.some((p) => p.part === "check" && p.line >= 1 && p.col >= 1)).toBe(true);
    const wrongAnswers = await postData(admin, draftUrl(), ROUTE, {
      intent: "publish",
      revision,
      ...textsOf({ check_source: (t) => t.replace(/correct: true/g, "correct: false") }),
    });
    expect(wrongAnswers.status).toBe(400);
    expect((wrongAnswers.body.problems as { part: string; line: number }[]).every((p) => p.part === "check" && p.line > 1)).toBe(true);
    const unsafe = await postData(admin, draftUrl(), ROUTE, {
      intent: "publish",
      revision,
      ...textsOf({ fr_source: (t) => `${t}\n<script>alert(1)</script>\n` }),
    });
    expect(unsafe.status).toBe(400);
    expect((unsafe.body.problems as { part: string }[]).some((p) => p.part === "fr")).toBe(true);
    const wrongVersion = await postData(admin, draftUrl(), ROUTE, {
      intent: "publish",
      revision,
      ...textsOf({ en_source: (t) => t.replace(`version: "${VERSION}"`, 'version: "2027-02"') }),
    });
    expect(wrongVersion.status).toBe(400);
    // The page without JavaScript says it too.
    const page = await admin.post(draftUrl(), { intent: "publish", revision, ...textsOf({ check_source: () => "questions: 12\n" }) });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Rien n’a été publié.");
    expect(snapshotDatabase()).toBe(before);
  });

  it("publishes without a restart: the library serves it, the ambassador is suspended until he signs it", async () => {
    expect(accreditationOf("demo-ambassador")!.status).toBe("granted");
    const admin = await signedIn(server, "admin@ambassade.test");
    const revision = String(draftRow()!.revision);
    const texts = textsOf({
      fr_source: (t) => t.replace("</PolicyClause>", "Toute publication générée par une IA est relue par son auteur.\n</PolicyClause>"),
      en_source: (t) => t.replace("</PolicyClause>", "Any post drafted by an AI is reviewed by its author.\n</PolicyClause>"),
    });
    const published = await admin.post(draftUrl(), { intent: "publish", revision, ...texts });
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe("/admin/charter");

    // Stored immutable, the draft gone, published through publishCharter (the admin's publication row).
    expect(draftRow()).toBeUndefined();
    expect(getDb().select().from(charterTexts).where(eq(charterTexts.version, VERSION)).get()?.frSource).toBe(texts.fr_source);
    expect(getDb().select().from(charterPublications).where(eq(charterPublications.version, VERSION)).get()?.publishedBy).toBe("demo-admin");
    const library = await loadContentLibrary();
    expect(library.charters.get(VERSION)?.locales.fr.stored).toBe(texts.fr_source);
    expect([...library.charters.keys()].pop()).toBe(VERSION);
    expect(await (await admin.get("/admin/charter")).text()).toContain("Rédigée dans le navigateur");

    // The accredited ambassador had not signed it: suspended until he does.
    const suspended = accreditationOf("demo-ambassador")!;
    expect(suspended.status).toBe("suspended");
    const ambassador = await signedIn(server, "ambassador@ambassade.test");
    const charterPage = await (await ambassador.get("/charter")).text();
    expect(charterPage).toContain(`Version ${VERSION}`);
    expect(charterPage).toContain("Toute publication générée par une IA est relue par son auteur.");
    const signed = await ambassador.post("/charter", { ...charterAnswers("2026-01"), fullName: "Karim Benali", confirm: "on" });
    expect(signed.status).toBe(302);
    expect(accreditationOf("demo-ambassador")!.status).toBe("granted");
    const signature = getDb().select().from(charterSignatures).where(eq(charterSignatures.version, VERSION)).get()!;
    expect(signature.userId).toBe("demo-ambassador");
    // The hash of the body of the text published, as for a file.
    expect(signature.textHash).toBe(sha256(charterBody(texts.fr_source)));
  });

  it("freezes the published text: no draft, no save, no second draft of that version", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const before = snapshotDatabase();
    expect((await admin.get(draftUrl())).status).toBe(404);
    const save = await postData(admin, draftUrl(), ROUTE, {
      intent: "save",
      mode: "autosave",
      revision: "1",
      fr_source: "x",
      en_source: "x",
      check_source: "x",
    });
    expect(save.status).toBe(409);
    expect(save.body.fieldErrors).toEqual({ form: "charterEditor.errors.frozen" });
    const again = await postData(admin, "/admin/charter/new", "routes/admin.charter_.new", { version: VERSION });
    expect(again.status).toBe(409);
    expect(snapshotDatabase()).toBe(before);
  });

  it("is written back as a folder by content:export", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "ambassade-export-"));
    const report = await exportContent(out);
    expect(report.problems).toEqual([]);
    const stored = getDb().select().from(charterTexts).where(eq(charterTexts.version, VERSION)).get()!;
    expect(fs.readFileSync(path.join(out, "policy", "charter", VERSION, "fr.mdx"), "utf8")).toBe(stored.frSource);
    expect(fs.readFileSync(path.join(out, "policy", "charter", VERSION, "check.yaml"), "utf8")).toBe(stored.checkYaml);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
