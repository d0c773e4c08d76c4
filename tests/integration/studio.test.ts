/**
 * The trainer studio through HTTP against the production build: who may open it, publication
 * (refused for unsafe MDX or without a note, nothing written), what learners see after a publication
 * and a rollback (their completion kept, a significant change asks for a review), two trainers saving
 * the same draft, image uploads, module creation, the tracks and the review queue.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath, getDb } from "../../db/connection";
import { media, moduleDrafts, moduleProgress, moduleVersions, reflections } from "../../db/schema";
import { loadContentLibrary } from "../../app/content/library.server";
import { formDraftOf, type FormDraft } from "../../app/domain/module-source";
import { MAX_MEDIA_BYTES } from "../../app/domain/media";
import type { Track } from "../../app/domain/track";
import { Client, startServer, type TestServer } from "../support/server";
import { DEMO_PASSWORD, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";

const MODULE = "reluctant-small-steps";
const LEARNER = "sarah.lefebvre@ambassade.test";
const LEARNER_ID = "demo-sarah.lefebvre";

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

function fileSource(id: string, lang: "fr" | "en"): string {
  return fs.readFileSync(path.join("content", "modules", id, `${lang}.mdx`), "utf8");
}

function fields(drafts: Record<"fr" | "en", FormDraft>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lang of ["fr", "en"] as const) for (const [key, value] of Object.entries(drafts[lang])) out[`${lang}_${key}`] = value;
  return out;
}

/** The editor's form for a module, from its files, with `edit` applied to each language. */
function formOf(id: string, edit: (draft: FormDraft, lang: "fr" | "en") => FormDraft = (d) => d) {
  return fields({ fr: edit(formDraftOf(fileSource(id, "fr")), "fr"), en: edit(formDraftOf(fileSource(id, "en")), "en") });
}

/** The JSON a fetcher gets (Remix's `_data` requests), instead of the HTML page. */
const asData = (url: string, route: string) => `${url}?_data=${encodeURIComponent(`routes/${route}`)}`;
/** A route's loader data (a `?_data=` URL from asData), as the view gets it. */
async function dataOf<T>(client: Client, url: string): Promise<T> {
  const response = await client.get(url);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
/** One module of the learner's track as the /track loader hands it to the view. */
const trackItem = async (client: Client, id: string) =>
  (await dataOf<{ track: Track }>(client, asData("/track", "track._index"))).track.items.find((item) => item.id === id);
const editorData = (id: string) => asData(`/studio/${id}`, "studio.$moduleId");

function readable(html: string): string {
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Passes every knowledge check of a module as the learner, in French. */
async function completeModule(client: Client, id: string) {
  const module = (await loadContentLibrary()).modules.get(id)!.locales.fr!;
  for (const check of module.checks) {
    const right = check.options.find((o) => o.correct)!;
    const response = await client.post(`/track/${id}`, { intent: "check", checkId: check.id, optionId: right.id, lang: "fr" });
    expect(response.status).toBe(200);
  }
}

function progressOf(userId: string, id: string) {
  return getDb()
    .select()
    .from(moduleProgress)
    .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, id)))
    .get();
}

describe("who may use the studio", () => {
  it("refuses employees and managers with a 403, on every page and action", async () => {
    for (const email of [LEARNER, "manager@ambassade.test"]) {
      const client = await signedIn(email);
      for (const page of ["/studio", `/studio/${MODULE}`, `/studio/${MODULE}/history`, "/studio/tracks", "/studio/reviews", "/studio/media"]) {
        expect((await client.get(page)).status, `${email} ${page}`).toBe(403);
      }
      const before = snapshotDatabase();
      expect((await client.post(`/studio/${MODULE}`, { intent: "save", mode: "autosave", revision: "0", ...formOf(MODULE) })).status).toBe(403);
      expect((await client.post("/studio", { id: "sneaky-module" })).status).toBe(403);
      expect(snapshotDatabase()).toBe(before);
    }
  });

  it("opens the studio to trainers and admins; the review queue to trainers only", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    const list = await trainer.get("/studio");
    expect(list.status).toBe(200);
    const html = readable(await list.text());
    expect(html).toContain(`/studio/${MODULE}`);
    expect(html).toContain("Petits pas");
    expect((await trainer.get("/studio/reviews")).status).toBe(200);
    const home = readable(await (await trainer.get("/home")).text());
    expect(home).toContain('href="/studio"');
    const admin = await signedIn("admin@ambassade.test");
    expect((await admin.get("/studio")).status).toBe(200);
    expect((await admin.get("/studio/reviews")).status).toBe(403);
  });

  it("answers 404 for a module that does not exist", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    expect((await trainer.get("/studio/no-such-module")).status).toBe(404);
  });
});

describe("publishing", () => {
  it("refuses unsafe MDX with its errors (line in the editor) and writes nothing; it can only be saved as a draft", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    let scriptLine = 0;
    const form = formOf(MODULE, (draft, lang) => {
      if (lang !== "fr") return draft;
      const lines = draft.body.split("\n");
      lines.splice(4, 0, "<script>alert(1)</script>");
      scriptLine = 5;
      return { ...draft, body: lines.join("\n") };
    });
    const before = snapshotDatabase();
    const refused = await trainer.post(editorData(MODULE), { intent: "publish", revision: "0", note: "Trying a script", ...form });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { problems: { lang: string; where: string; line: number; message: string }[] };
    expect(body.problems).toContainEqual(
      expect.objectContaining({ lang: "fr", where: "body", line: scriptLine, message: expect.stringMatching(/raw HTML <script> is not allowed/) }),
    );
    expect(snapshotDatabase()).toBe(before);

    // As a draft it is kept, with its problem shown in the editor's preview.
    const saved = await trainer.post(editorData(MODULE), { intent: "save", mode: "autosave", revision: "0", ...form });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ intent: "save", revision: 1 });
    // In the trainer's language, at the same place: French here, English for an English reader.
    const editor = readable(await (await trainer.get(`/studio/${MODULE}`)).text());
    expect(editor).toContain(
      `Ligne ${scriptLine}, colonne 1\u00a0:</span> <span>le HTML <script> n’est pas permis\u00a0: utilisez le Markdown ou les composants Callout,`,
    );
    expect(editor).not.toContain("raw HTML <script> is not allowed");
    const beforeEnglish = snapshotDatabase();
    const english = await trainer.post(
      `/studio/${MODULE}`,
      { intent: "publish", revision: "1", note: "Trying a script", ...form },
      { "Accept-Language": "en" },
    );
    expect(english.status).toBe(400);
    const englishPage = readable(await english.text());
    expect(englishPage.replace(/<!-- -->/g, "")).toContain(
      `French — Line ${scriptLine}, column 1: <span>raw HTML <script> is not allowed: use Markdown or the components Callout,`,
    );
    expect(snapshotDatabase()).toBe(beforeEnglish);
    // The live preview's answer carries the code and its parameters, translated by the page.
    const preview = await trainer.post(editorData(MODULE), { intent: "preview", lang: "fr", ...form });
    expect(((await preview.json()) as { preview: { problems: unknown[] } }).preview.problems).toContainEqual(
      expect.objectContaining({ line: scriptLine, col: 1, where: "body", code: "rawHtmlElement", params: expect.objectContaining({ name: "script" }) }),
    );

    // Learners still get the published text.
    const learner = await signedIn(LEARNER);
    expect(await (await learner.get(`/track/${MODULE}`)).text()).not.toContain("alert(1)");

    // Back to the published text, for the tests below.
    expect((await trainer.post(editorData(MODULE), { intent: "save", mode: "autosave", revision: "1", ...formOf(MODULE) })).status).toBe(200);
  });

  it("refuses a publication without a change note, or with nothing changed, and writes nothing", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    const revision = String(getDb().select().from(moduleDrafts).where(eq(moduleDrafts.moduleId, MODULE)).get()?.revision ?? 0);
    const changed = formOf(MODULE, (d) => ({ ...d, body: `${d.body}\nUne phrase de plus.\n` }));
    const before = snapshotDatabase();
    const noNote = await trainer.post(editorData(MODULE), { intent: "publish", revision, note: "   ", ...changed });
    expect(noNote.status).toBe(400);
    expect(await noNote.json()).toEqual({ fieldErrors: { note: "studio.errors.noteRequired" } });
    const unchanged = await trainer.post(editorData(MODULE), { intent: "publish", revision, note: "Nothing really", ...formOf(MODULE) });
    expect(unchanged.status).toBe(400);
    expect(await unchanged.json()).toEqual({ fieldErrors: { form: "studio.errors.nothingToPublish" } });
    const badFields = await trainer.post(editorData(MODULE), { intent: "publish", revision, note: "Bad fields", ...changed, fr_duration: "90", en_title: "" });
    expect(badFields.status).toBe(400);
    expect(await badFields.json()).toEqual({ fieldErrors: { fr_duration: "studio.errors.duration", en_title: "errors.required" } });
    expect(snapshotDatabase()).toBe(before);
  });

  it("publishes a change that learners see at once, keeps their completion, and rolls back", async () => {
    const learner = await signedIn(LEARNER);
    await completeModule(learner, MODULE);
    expect(progressOf(LEARNER_ID, MODULE)).toMatchObject({ status: "completed", completedVersion: 1 });

    const trainer = await signedIn("trainer@ambassade.test");
    const sentence = "Nouvelle phrase publiée depuis le studio.";
    const revision = String(getDb().select().from(moduleDrafts).where(eq(moduleDrafts.moduleId, MODULE)).get()?.revision ?? 0);
    const published = await trainer.post(`/studio/${MODULE}`, {
      intent: "publish",
      revision,
      note: "Une phrase d'introduction en plus",
      significant: "on",
      ...formOf(MODULE, (d, lang) => ({ ...d, body: lang === "fr" ? d.body.replace("\n", `\n${sentence}\n`) : d.body })),
    });
    expect(published.status).toBe(302);

    // The new version: the system set its frontmatter version; the files were recorded as version 1.
    const versions = getDb().select().from(moduleVersions).where(eq(moduleVersions.moduleId, MODULE)).all();
    expect(versions.map((v) => [v.number, v.origin, v.significant])).toEqual([
      [1, "import", false],
      [2, "studio", true],
    ]);
    expect(versions[0]!.frSource).toBe(fileSource(MODULE, "fr"));
    expect(versions[1]!.frSource).toMatch(/^version: 2$/m);
    expect(versions[1]!.enSource).toMatch(/^version: 2$/m);

    const page = readable(await (await learner.get(`/track/${MODULE}`)).text());
    expect(page).toContain(sentence);
    expect(progressOf(LEARNER_ID, MODULE)?.status).toBe("completed");
    // A significant change: the learner is asked to review it, on the module and on the track.
    expect(await dataOf<{ needsReview: boolean }>(learner, asData(`/track/${MODULE}`, "track.$moduleId"))).toMatchObject({ needsReview: true });
    expect(await trackItem(learner, MODULE)).toMatchObject({ status: "completed", needsReview: true });
    expect((await learner.post(`/track/${MODULE}`, { intent: "review" })).status).toBe(200);
    expect(progressOf(LEARNER_ID, MODULE)).toMatchObject({ status: "completed", completedVersion: 2 });
    expect(await trackItem(learner, MODULE)).toMatchObject({ status: "completed", needsReview: false });

    // Roll back to version 1: a new version with the old content (and the next frontmatter version).
    const noNote = await trainer.post(asData(`/studio/${MODULE}/history`, "studio.$moduleId_.history"), { intent: "rollback", number: "1", note: "" });
    expect(noNote.status).toBe(400);
    const rolledBack = await trainer.post(`/studio/${MODULE}/history`, { intent: "rollback", number: "1", note: "Retour au texte d'origine" });
    expect(rolledBack.status).toBe(302);
    const latest = getDb()
      .select()
      .from(moduleVersions)
      .where(and(eq(moduleVersions.moduleId, MODULE), eq(moduleVersions.number, 3)))
      .get()!;
    expect(latest.frSource).toBe(fileSource(MODULE, "fr").replace(/^version: 1$/m, "version: 3"));
    const after = readable(await (await learner.get(`/track/${MODULE}`)).text());
    expect(after).not.toContain(sentence);
    expect(after).toContain("Petits pas");
    expect(progressOf(LEARNER_ID, MODULE)?.status).toBe("completed");

    // The history page diffs the versions.
    const history = readable(await (await trainer.get(`/studio/${MODULE}/history?a=1&b=2&lang=fr`)).text());
    expect(history).toContain(sentence);
    expect(history).toContain("Retour au texte d'origine");
  });
});

describe("two trainers editing the same module", () => {
  it("accepts the first save, tells the second the module changed (409, with the current text), and loses nothing", async () => {
    const id = "native-content-strategy";
    const trainer = await signedIn("trainer@ambassade.test");
    const admin = await signedIn("admin@ambassade.test");
    const mine = formOf(id, (d, lang) => (lang === "fr" ? { ...d, body: `${d.body}\nAjout du formateur.\n` } : d));
    const theirs = formOf(id, (d, lang) => (lang === "fr" ? { ...d, title: "Titre changé par l'administratrice" } : d));

    const [first, second] = await Promise.all([
      trainer.post(editorData(id), { intent: "save", mode: "autosave", revision: "0", ...mine }),
      admin.post(editorData(id), { intent: "save", mode: "autosave", revision: "0", ...theirs }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [winner, loser] = first.status === 200 ? [first, second] : [second, first];
    const winnerForm = winner === first ? mine : theirs;
    const conflict = ((await loser.json()) as { conflict: { revision: number; languages: Record<"fr" | "en", FormDraft> } }).conflict;
    await winner.json();
    expect(conflict.revision).toBe(1);
    expect(conflict.languages.fr.title).toBe(winnerForm.fr_title);
    expect(conflict.languages.fr.body).toBe(winnerForm.fr_body);

    // The draft holds the first save; the second, told of it, saves on top deliberately.
    const draft = () => getDb().select().from(moduleDrafts).where(eq(moduleDrafts.moduleId, id)).get()!;
    expect(draft().revision).toBe(1);
    expect(formDraftOf(draft().frSource).title).toBe(winnerForm.fr_title);
    const merged = { ...mine, fr_title: theirs.fr_title ?? "" };
    const loserClient = loser === first ? trainer : admin;
    const retry = await loserClient.post(editorData(id), { intent: "save", mode: "autosave", revision: "1", ...merged });
    expect(retry.status).toBe(200);
    expect(formDraftOf(draft().frSource)).toMatchObject({ title: "Titre changé par l'administratrice", body: mine.fr_body });

    // A publication based on an outdated revision is refused the same way.
    const before = snapshotDatabase();
    const stale = await trainer.post(editorData(id), { intent: "publish", revision: "1", note: "Stale", ...mine });
    expect(stale.status).toBe(409);
    expect(snapshotDatabase()).toBe(before);
  });
});

describe("image uploads", () => {
  const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

  async function cookieOf(email: string): Promise<string> {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    return response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }

  async function upload(cookie: string, name: string, bytes: Uint8Array, type = "image/png") {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
    return fetch(`${server.url}/studio/media`, { method: "POST", body: form, headers: { Cookie: cookie, Origin: server.url }, redirect: "manual" });
  }

  const mediaDir = () => path.join(path.dirname(databasePath()), "media");
  const storedFiles = () => (fs.existsSync(mediaDir()) ? fs.readdirSync(mediaDir()) : []);

  it("refuses the wrong type, a lying extension and a file over 2 MB, storing nothing", async () => {
    const cookie = await cookieOf("trainer@ambassade.test");
    const before = snapshotDatabase();
    const html = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");
    const cases: [string, Uint8Array, number, string][] = [
      ["photo.png", html, 415, "studio.media.errors.notAnImage"],
      ["setup.exe", PNG, 415, "studio.media.errors.extensionMismatch"],
      ["photo.gif", PNG, 415, "studio.media.errors.extensionMismatch"],
      ["huge.png", Buffer.concat([PNG, Buffer.alloc(MAX_MEDIA_BYTES)]), 413, "studio.media.errors.tooLarge"],
    ];
    for (const [name, bytes, status, key] of cases) {
      const response = await upload(cookie, name, bytes);
      expect(response.status, name).toBe(status);
      expect(await response.json()).toEqual({ fieldErrors: { file: key } });
    }
    expect(snapshotDatabase()).toBe(before);
    expect(storedFiles()).toEqual([]);
    expect((await upload(await cookieOf(LEARNER), "a.png", PNG)).status).toBe(403);
  });

  it("stores a PNG once, content-addressed, and serves it with long caching and nosniff", async () => {
    const cookie = await cookieOf("trainer@ambassade.test");
    const response = await upload(cookie, "diagram.png", PNG, "application/octet-stream");
    expect(response.status).toBe(200);
    const { media: item } = (await response.json()) as { media: { src: string; fileName: string } };
    expect(item.src).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
    expect(item.fileName).toBe("diagram.png");
    expect(storedFiles()).toEqual([item.src.slice("/media/".length)]);
    expect((await upload(cookie, "again.png", PNG)).status).toBe(200);
    expect(getDb().select().from(media).all()).toHaveLength(1);

    const served = await fetch(server.url + item.src, { headers: { Cookie: await cookieOf(LEARNER) } });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toContain("immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${server.url}/media/${"0".repeat(64)}.png`, { headers: { Cookie: cookie } })).status).toBe(404);
  });
});

describe("creating a module", () => {
  it("refuses an id that is not kebab-case, is reserved or exists, and writes nothing", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    const before = snapshotDatabase();
    for (const [id, status, key] of [
      ["Not Kebab", 400, "studio.errors.idFormat"],
      ["double--dash", 400, "studio.errors.idFormat"],
      ["tracks", 400, "studio.errors.idReserved"],
      [MODULE, 409, "studio.errors.idTaken"],
      ["", 400, "errors.required"],
    ] as const) {
      const response = await trainer.post(asData("/studio", "studio._index"), { id });
      expect(response.status, id).toBe(status);
      expect(await response.json()).toEqual({ fieldErrors: { id: key } });
    }
    expect(snapshotDatabase()).toBe(before);
  });

  it("creates an unpublished draft from a template, hidden from learners until published", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    const created = await trainer.post("/studio", { id: "brand-new-module" });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/studio/brand-new-module");
    expect((await trainer.post("/studio", { id: "brand-new-module" })).status).toBe(409);
    const list = await dataOf<{ modules: { id: string; status: string }[] }>(trainer, asData("/studio", "studio._index"));
    expect(list.modules.find((m) => m.id === "brand-new-module")).toMatchObject({ status: "unpublished" });
    expect((await loadContentLibrary()).modules.has("brand-new-module")).toBe(false);
    const page = await trainer.get("/studio/brand-new-module");
    expect(page.status).toBe(200);
    const form = fields({
      fr: { ...formDraftOf(""), title: "Nouveau module", summary: "Un résumé.", duration: "5", objectives: "Un\nDeux", body: "\nTexte.\n" },
      en: { ...formDraftOf(""), title: "New module", summary: "A summary.", duration: "5", objectives: "One\nTwo", body: "\nText.\n" },
    });
    // No knowledge check: refused.
    const refused = await trainer.post(editorData("brand-new-module"), { intent: "publish", revision: "1", note: "First version", ...form });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("at least one <KnowledgeCheck>");
  });
});

describe("tracks", () => {
  it("publishes a new order that applies to learners at once, keeping their completed modules; refuses bad lists", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    const library = await loadContentLibrary();
    const tracks = library.tracks!;
    const lists = { core: [...tracks.core], ...Object.fromEntries(Object.entries(tracks.levels).map(([k, v]) => [k, [...v]])) } as Record<string, string[]>;
    const reluctant = lists.reluctant!;
    const before = snapshotDatabase();
    const tracksData = asData("/studio/tracks", "studio.tracks");
    const refused = async (fields: Record<string, string | string[]>) => {
      const response = await trainer.post(tracksData, fields);
      expect(response.status).toBe(400);
      return Object.values(((await response.json()) as { fieldErrors: Record<string, string> }).fieldErrors)[0];
    };
    expect(await refused({ basedOn: "0", note: "", ...lists })).toBe("studio.errors.noteRequired");
    expect(await refused({ basedOn: "0", note: "Dup", ...lists, reluctant: [...reluctant, reluctant[0]!] })).toBe("studio.tracks.errors.duplicate");
    expect(await refused({ basedOn: "0", note: "Overlap", ...lists, reluctant: [...reluctant, tracks.core[0]!] })).toBe("studio.tracks.errors.coreAndLevel");
    expect(await refused({ basedOn: "0", note: "Unknown", ...lists, reluctant: [...reluctant, "no-such-module"] })).toBe("studio.tracks.errors.unknownModule");
    expect(await refused({ basedOn: "0", note: "Empty", ...lists, reluctant: [] })).toBe("studio.tracks.errors.empty");
    expect(snapshotDatabase()).toBe(before);

    // The reluctant track now opens with the module the learner completed.
    const reordered = [MODULE, ...reluctant.filter((id) => id !== MODULE)];
    const response = await trainer.post("/studio/tracks", { basedOn: "0", note: "Ouvrir sur les petits pas", ...lists, reluctant: reordered });
    expect(response.status).toBe(302);
    expect((await loadContentLibrary()).tracks?.levels.reluctant).toEqual(reordered);
    const learner = await signedIn(LEARNER);
    const track = readable(await (await learner.get("/track")).text());
    const first = track.indexOf(`/track/${MODULE}`);
    expect(first).toBeGreaterThan(-1);
    for (const id of reluctant.filter((id) => id !== MODULE)) expect(track.indexOf(`/track/${id}`)).toBeGreaterThan(first);
    expect(progressOf(LEARNER_ID, MODULE)?.status).toBe("completed");
    // A publication based on an older version of the tracks is refused.
    expect((await trainer.post(tracksData, { basedOn: "0", note: "Stale", ...lists })).status).toBe(409);
  });
});

describe("the review queue", () => {
  it("shows learners' answers to reviewed reflections, oldest first; the trainer's comment reaches the learner", async () => {
    const id = MODULE;
    const trainer = await signedIn("trainer@ambassade.test");
    const module = (await loadContentLibrary()).modules.get(id)!.locales.fr!;
    const reflection = module.reflections[0]!;
    // Ask for reviews of this module's reflection (a studio publication).
    const form = formOf(id, (d) => ({ ...d, body: d.body.replace(`id="${reflection.id}"`, `id="${reflection.id}" review`) }));
    expect(form.fr_body).toContain(" review ");
    expect(form.en_body).toContain(" review ");
    const revision = String(getDb().select().from(moduleDrafts).where(eq(moduleDrafts.moduleId, id)).get()?.revision ?? 0);
    expect((await trainer.post(`/studio/${id}`, { intent: "publish", revision, note: "Relire les réponses", ...form })).status).toBe(302);

    const learner = await signedIn(LEARNER);
    const answer = "J'écoute d'abord, je réagirai ensuite.";
    expect((await learner.post(`/track/${id}`, { intent: "reflection", reflectionId: reflection.id, text: answer })).status).toBe(200);
    const queue = readable(await (await trainer.get("/studio/reviews")).text());
    expect(queue).toContain(answer);
    expect(queue).toContain("Sarah Lefebvre");

    const row = getDb()
      .select()
      .from(reflections)
      .where(and(eq(reflections.userId, LEARNER_ID), eq(reflections.moduleId, id)))
      .get()!;
    const key = { userId: LEARNER_ID, moduleId: id, reflectionId: reflection.id };
    const before = snapshotDatabase();
    const reviews = asData("/studio/reviews", "studio.reviews");
    expect((await trainer.post(reviews, { ...key, seen: String(row.updatedAt.getTime() - 1), comment: "Stale" })).status).toBe(409);
    expect(snapshotDatabase()).toBe(before);
    const reviewed = await trainer.post("/studio/reviews", { ...key, seen: String(row.updatedAt.getTime()), comment: "Très bonne approche." });
    expect(reviewed.status).toBe(302);
    expect((await trainer.post(reviews, { ...key, seen: String(row.updatedAt.getTime()), comment: "Twice" })).status).toBe(404);
    expect(readable(await (await trainer.get("/studio/reviews")).text())).not.toContain(answer);
    expect(readable(await (await learner.get(`/track/${id}`)).text())).toContain("Très bonne approche.");
  });
});
