/**
 * Discarding a draft, through HTTP against the production build: a published module's draft goes
 * back to the published version (its revision moves on, learners see nothing change, it is audited);
 * a module never published is deleted, unless a track or learners' progress names it; an outdated
 * revision, nothing to discard or a learner's attempt are refused and write nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog, moduleDrafts, moduleProgress, moduleVersions, modules, trackVersions } from "../../db/schema";
import { reloadContentLibrary } from "../../app/content/library.server";
import { formDraftOf, type FormDraft } from "../../app/domain/module-source";
import { composeTracksYaml } from "../../app/models/studio-tracks.server";
import { Client, startServer, type TestServer } from "../support/server";
import { DEMO_PASSWORD, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";

const MODULE = "native-content-strategy";
const LEARNER = "sarah.lefebvre@ambassade.test";

let server: TestServer;

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

async function signedIn(email: string) {
  const client = new Client(server.url);
  expect((await client.signIn(email, DEMO_PASSWORD)).status).toBe(302);
  return client;
}

const fileSource = (id: string, lang: "fr" | "en") => fs.readFileSync(path.join("content", "modules", id, `${lang}.mdx`), "utf8");

function formOf(id: string, edit: (draft: FormDraft, lang: "fr" | "en") => FormDraft = (d) => d): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lang of ["fr", "en"] as const)
    for (const [key, value] of Object.entries(edit(formDraftOf(fileSource(id, lang)), lang))) out[`${lang}_${key}`] = value;
  return out;
}

const editorData = (id: string) => `/studio/${id}?_data=${encodeURIComponent("routes/studio.$moduleId")}`;
const draftOf = (id: string) => getDb().select().from(moduleDrafts).where(eq(moduleDrafts.moduleId, id)).get();
const readable = (html: string) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const lastAudit = () => getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();

describe("discarding a published module's draft", () => {
  it("goes back to the published version, refusing an outdated revision or nothing to discard; learners see no change", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    const sentence = "Une phrase qui sera abandonnée.";
    const edited = formOf(MODULE, (d, lang) => (lang === "fr" ? { ...d, title: "Titre provisoire", body: `${d.body}\n${sentence}\n` } : d));
    const saved = await trainer.post(editorData(MODULE), { intent: "save", mode: "autosave", revision: "0", ...edited });
    expect(saved.status).toBe(200);
    const revision = draftOf(MODULE)!.revision;
    expect(readable(await (await trainer.get(`/studio/${MODULE}`)).text())).toContain("Abandonner les modifications non publiées…");

    // Someone saved since the page was loaded: nothing is discarded.
    const learner = await signedIn(LEARNER);
    const before = snapshotDatabase();
    const stale = await trainer.post(editorData(MODULE), { intent: "discard", revision: String(revision - 1) });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({ intent: "discard", refused: "studio.discard.errors.changedMeanwhile" });
    // A learner may not discard anything.
    expect((await learner.post(`/studio/${MODULE}`, { intent: "discard", revision: String(revision) })).status).toBe(403);
    expect(snapshotDatabase()).toBe(before);

    const discarded = await trainer.post(`/studio/${MODULE}`, { intent: "discard", revision: String(revision) });
    expect(discarded.status).toBe(302);
    expect(discarded.headers.get("location")).toBe(`/studio/${MODULE}`);
    const published = getDb().select().from(moduleVersions).where(eq(moduleVersions.moduleId, MODULE)).orderBy(desc(moduleVersions.number)).get()!;
    expect(published).toMatchObject({ number: 1, origin: "import" });
    const draft = draftOf(MODULE)!;
    expect(draft).toMatchObject({
      frSource: published.frSource,
      enSource: published.enSource,
      revision: revision + 1,
      baseVersionId: published.id,
      updatedBy: "demo-trainer",
    });
    expect(draft.frSource).toBe(fileSource(MODULE, "fr"));
    expect(lastAudit()).toMatchObject({
      action: "module.draft_discarded",
      actorId: "demo-trainer",
      subjectId: MODULE,
      fromState: `draft r${revision}`,
      toState: "v1",
    });

    // The page shows the published text and says so.
    const page = readable(await (await trainer.get(`/studio/${MODULE}`)).text());
    expect(page).toContain("Modifications abandonnées\u00a0: le brouillon est de nouveau la version en ligne 1.");
    expect(page).not.toContain("Titre provisoire");
    expect(page).not.toContain(sentence);
    expect(page).toContain("Aucune modification en cours\u00a0: le texte est celui en ligne.");
    expect(page).not.toContain("Abandonner les modifications non publiées…");

    // An editor still open on the discarded text is told at its next save, with the published text.
    const late = await trainer.post(editorData(MODULE), { intent: "save", mode: "autosave", revision: String(revision), ...edited });
    expect(late.status).toBe(409);
    const conflict = ((await late.json()) as { conflict: { revision: number; languages: Record<"fr" | "en", FormDraft> } }).conflict;
    expect(conflict.revision).toBe(revision + 1);
    expect(conflict.languages.fr.body).not.toContain(sentence);

    // Nothing left to discard.
    const again = snapshotDatabase();
    const nothing = await trainer.post(editorData(MODULE), { intent: "discard", revision: String(revision + 1) });
    expect(nothing.status).toBe(400);
    expect(await nothing.json()).toEqual({ intent: "discard", refused: "studio.discard.errors.nothingToDiscard" });
    // A module only in the files, never edited: nothing to discard either.
    expect((await trainer.post(editorData("beginner-first-post"), { intent: "discard", revision: "0" })).status).toBe(400);
    expect(snapshotDatabase()).toBe(again);

    // Learners get the published text throughout.
    expect(readable(await (await learner.get(`/track/${MODULE}`)).text())).not.toContain(sentence);
  });
});

describe("discarding a module never published", () => {
  async function create(trainer: Client, id: string) {
    expect((await trainer.post("/studio", { id })).status).toBe(302);
    return draftOf(id)!.revision;
  }

  it("deletes it, and its id is free again", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    const id = "module-to-throw-away";
    const revision = await create(trainer, id);
    expect(readable(await (await trainer.get(`/studio/${id}`)).text())).toContain("Supprimer ce module jamais publié…");
    const deleted = await trainer.post(`/studio/${id}`, { intent: "discard", revision: String(revision) });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe("/studio");
    expect(getDb().select().from(modules).where(eq(modules.id, id)).get()).toBeUndefined();
    expect(draftOf(id)).toBeUndefined();
    expect(lastAudit()).toMatchObject({ action: "module.deleted", actorId: "demo-trainer", subjectId: id, fromState: "unpublished" });
    const list = readable(await (await trainer.get("/studio")).text());
    expect(list).toContain(`Module «\u00a0${id}\u00a0» supprimé.`);
    expect((await trainer.get(`/studio/${id}`)).status).toBe(404);
    expect((await trainer.post("/studio", { id })).status).toBe(302);
  });

  it("refuses, saying why, while a track or learners' progress names it, and writes nothing", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    const id = "module-still-named";
    const revision = String(await create(trainer, id));

    // A track that names it (written as an import of an edited tracks.yaml would).
    const original = getDb().select().from(trackVersions).orderBy(desc(trackVersions.id)).get()?.yaml ?? fs.readFileSync("content/tracks.yaml", "utf8");
    const library = await reloadContentLibrary();
    const lists = { core: [...library.tracks!.core, id], levels: library.tracks!.levels };
    getDb()
      .insert(trackVersions)
      .values({ yaml: composeTracksYaml(original, lists), note: "test", origin: "import" })
      .run();
    await reloadContentLibrary();
    let before = snapshotDatabase();
    const inTrack = await trainer.post(editorData(id), { intent: "discard", revision });
    expect(inTrack.status).toBe(409);
    expect(await inTrack.json()).toEqual({ intent: "discard", refused: "studio.discard.errors.inTracks" });
    expect(snapshotDatabase()).toBe(before);
    // Without JavaScript, the page says it next to the button.
    const page = readable(await (await trainer.post(`/studio/${id}`, { intent: "discard", revision })).text());
    expect(page).toContain("Ce module ne peut pas être supprimé\u00a0: il figure dans un parcours.");
    getDb().insert(trackVersions).values({ yaml: original, note: "test", origin: "import" }).run();
    await reloadContentLibrary();

    // Progress recorded under its id (left by an earlier module of the same name).
    getDb().insert(moduleProgress).values({ userId: "demo-sarah.lefebvre", moduleId: id, status: "in_progress" }).run();
    before = snapshotDatabase();
    const withProgress = await trainer.post(editorData(id), { intent: "discard", revision });
    expect(withProgress.status).toBe(409);
    expect(await withProgress.json()).toEqual({ intent: "discard", refused: "studio.discard.errors.hasProgress" });
    expect(snapshotDatabase()).toBe(before);

    getDb()
      .delete(moduleProgress)
      .where(and(eq(moduleProgress.userId, "demo-sarah.lefebvre"), eq(moduleProgress.moduleId, id)))
      .run();
    expect((await trainer.post(editorData(id), { intent: "discard", revision })).status).toBe(204);
    expect(getDb().select().from(modules).where(eq(modules.id, id)).get()).toBeUndefined();
  });
});
