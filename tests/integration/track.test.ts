/**
 * The learner's track and module pages, through HTTP against the production build: grading and
 * completion, bad input refused with nothing written, no answer key in the page, every module of
 * every level renders in both languages, and the module page compiles nothing.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog, checkAnswers, moduleProgress, placements, reflections, type Level } from "../../db/schema";
import { loadContentLibrary, type ContentLibrary } from "../../app/content/library.server";
import { compileStats } from "../../app/content/mdx.server";
import { LEVELS } from "../../app/domain/placement";
import { trackOrder, type Track } from "../../app/domain/track";
import { routeData } from "../support/accreditation";
import { Client, startServer, type TestServer } from "../support/server";
import { DEMO_PASSWORD, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";

let server: TestServer;
let library: ContentLibrary;

beforeAll(async () => {
  await seedDemoOrganisation();
  library = await loadContentLibrary();
  server = await startServer();
});
afterAll(() => server.close());

async function signedIn(email: string) {
  const client = new Client(server.url);
  const response = await client.signIn(email, DEMO_PASSWORD);
  expect(response.status).toBe(302);
  return client;
}

/** The learner's /track page as its loader hands it to the view. */
async function trackPage(client: Client): Promise<{ level: Level; track: Track }> {
  const page = await routeData(client, "/track", "routes/track._index");
  expect(page.status).toBe(200);
  return page.json as { level: Level; track: Track };
}

/** Page text with HTML entities and the JSON escapes of the embedded loader data undone. */
function readable(html: string): string {
  return html
    .replace(/\\u003c/g, "<")
    .replace(/\\u003e/g, ">")
    .replace(/\\u0026/g, "&")
    .replace(/\\"/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function levelOf(userId: string): Level {
  const row = getDb()
    .select({ level: placements.level })
    .from(placements)
    .where(and(eq(placements.userId, userId), eq(placements.isCurrent, true)))
    .get();
  if (!row) throw new Error(`${userId} is not placed`);
  return row.level;
}

function trackOf(level: Level): string[] {
  return trackOrder(library.tracks!, level).map((m) => m.id);
}

function moduleOf(id: string, locale: "fr" | "en" = "fr") {
  const module = library.modules.get(id)?.locales[locale];
  if (!module) throw new Error(`module ${id} (${locale}) is not in the library`);
  return module;
}

const LEVEL_NAMES: Record<Level, string> = {
  native: "Natif",
  late_adopter: "Adepte tardif",
  reluctant: "Réticent",
  objector: "Objecteur",
  beginner: "Débutant",
};

const correctOption = (check: { options: { id: string; correct: boolean }[] }) => check.options.find((o) => o.correct)!.id;
const wrongOption = (check: { options: { id: string; correct: boolean }[] }) => check.options.find((o) => !o.correct)!.id;

/** Every explanation of a module's checks, in both languages (long enough not to occur by chance). */
function explanationsOf(id: string): string[] {
  const entry = library.modules.get(id)!;
  return [entry.locales.fr, entry.locales.en].flatMap((m) => m?.checks.flatMap((c) => c.options.map((o) => o.explanation)) ?? []).filter((e) => e.length >= 20);
}

function expectNoAnswerKey(body: string, moduleId: string) {
  const text = readable(body);
  expect(text).not.toContain('"correct"');
  for (const explanation of explanationsOf(moduleId)) expect(text, `explanation leaked: ${explanation}`).not.toContain(explanation);
}

describe("my track", () => {
  it("tells an unplaced learner to take the diagnostic, with a link to it", async () => {
    const learner = await signedIn("learner@ambassade.test");
    const response = await learner.get("/track");
    expect(response.status).toBe(200);
    const html = readable(await response.text());
    expect(html).toContain("Commençons par situer votre niveau");
    expect(html).toContain('href="/diagnostic"');
  });

  it("shows a placed learner their level, progress bar, time left and ordered modules with the next one to take", async () => {
    const lucas = await signedIn("lucas.bernard@ambassade.test");
    const level = levelOf("demo-lucas.bernard");
    const response = await lucas.get("/track");
    expect(response.status).toBe(200);
    const html = readable(await response.text());
    expect(html).toMatch(/<progress max="100" value="0"/);
    const ids = trackOf(level);
    const positions = ids.map((id) => html.indexOf(`href="/track/${id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The loader's data: the level, the ordered modules, the time left, and nothing started yet (the view's button says "Start").
    const { track, level: shown } = await trackPage(lucas);
    expect(shown).toBe(level);
    expect(track.items.map((item) => item.id)).toEqual(ids);
    expect(track.totals).toMatchObject({ modules: ids.length, completed: 0, percent: 0 });
    expect(track.totals.minutesLeft).toBeGreaterThan(0);
    expect(track.next?.id).toBe(ids[0]);
    expect(track.items.every((item) => item.status === "not_started")).toBe(true);
  });

  it("is refused to a person who does not learn (403)", async () => {
    const trainer = await signedIn("trainer@ambassade.test");
    expect((await trainer.get("/track")).status).toBe(403);
    expect((await trainer.get(`/track/${trackOf("native")[0]}`)).status).toBe(403);
  });
});

describe("home page", () => {
  it("invites an unplaced learner to take the diagnostic questionnaire", async () => {
    const html = readable(await (await (await signedIn("learner@ambassade.test")).get("/home")).text());
    expect(html).toContain("Première étape\u00a0: le questionnaire de diagnostic");
    expect(html).toContain('href="/diagnostic"');
  });

  it("shows a placed learner their level, progress and a button to start the next module", async () => {
    const html = readable(await (await (await signedIn("thomas.michel@ambassade.test")).get("/home")).text());
    const level = levelOf("demo-thomas.michel");
    expect(html).toContain(`Votre niveau\u00a0: ${LEVEL_NAMES[level]}`);
    expect(html).toMatch(/<progress max="100" value="0"/);
    expect(html).toContain(`Commencer\u00a0: ${moduleOf(trackOf(level)[0]!).title}`);
    expect(html).not.toContain("questionnaire de diagnostic");
  });

  it("keeps the staff tools for other roles, without a learner card", async () => {
    const html = readable(await (await (await signedIn("admin@ambassade.test")).get("/home")).text());
    expect(html).toContain("Vos outils selon vos rôles");
    expect(html).toContain('href="/people"');
    expect(html).not.toContain("Votre parcours");
    expect(html).not.toContain("questionnaire de diagnostic");
  });
});

describe("module page", () => {
  it("renders the module with its objectives, contents and checks, but no answer key or explanation", async () => {
    const hugo = await signedIn("hugo.robert@ambassade.test");
    const id = trackOf(levelOf("demo-hugo.robert"))[0]!;
    const response = await hugo.get(`/track/${id}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    const html = readable(body);
    const module = moduleOf(id);
    expect(html).toContain(module.title);
    expect(html).toContain(module.objectives[0]!);
    for (const heading of module.headings) expect(html).toContain(`href="#${heading.id}"`);
    for (const check of module.checks) {
      expect(html).toContain(`<legend`);
      expect(html).toContain(check.question);
      for (const option of check.options) expect(html).toContain(option.text);
    }
    expectNoAnswerKey(body, id);
    // The loader's JSON, as a fetcher reads it, does not carry them either.
    const data = await hugo.get(`/track/${id}?_data=${encodeURIComponent("routes/track.$moduleId")}`);
    expect(data.status).toBe(200);
    expectNoAnswerKey(await data.text(), id);
  });

  it("a module outside the learner's track, or that does not exist, is a 404; an unplaced learner is told to take the diagnostic", async () => {
    const hugo = await signedIn("hugo.robert@ambassade.test");
    const mine = new Set(trackOf(levelOf("demo-hugo.robert")));
    const elsewhere = [...library.modules.keys()].find((id) => !mine.has(id))!;
    expect((await hugo.get(`/track/${elsewhere}`)).status).toBe(404);
    expect((await hugo.get("/track/no-such-module")).status).toBe(404);
    const learner = await signedIn("learner@ambassade.test");
    const response = await learner.get(`/track/${trackOf("native")[0]}`);
    expect(response.status).toBe(200);
    const html = readable(await response.text());
    expect(html).toContain("Répondez d’abord au questionnaire de diagnostic");
    expect(html).toContain('href="/diagnostic"');
    expect(html).not.toContain(moduleOf(trackOf("native")[0]!).title);
  });

  it("is served from the compiled library: a second request compiles nothing", async () => {
    const hugo = await signedIn("hugo.robert@ambassade.test");
    const [first, second] = trackOf(levelOf("demo-hugo.robert"));
    expect((await hugo.get(`/track/${first}`)).status).toBe(200);
    const before = compileStats();
    expect((await hugo.get(`/track/${first}`)).status).toBe(200);
    expect((await hugo.get(`/track/${second}`)).status).toBe(200);
    // Not even a cache lookup: the loader never calls the compiler.
    expect(compileStats()).toEqual(before);
  });

  it("renders every module of every level in both languages, without an answer key", async () => {
    const userId = "demo-chloe.thomas";
    const chloe = await signedIn("chloe.thomas@ambassade.test");
    const original = levelOf(userId);
    const seen = new Set<string>();
    try {
      for (const level of LEVELS) {
        getDb()
          .update(placements)
          .set({ level })
          .where(and(eq(placements.userId, userId), eq(placements.isCurrent, true)))
          .run();
        for (const id of trackOf(level)) {
          if (seen.has(id)) continue;
          seen.add(id);
          for (const locale of ["fr", "en"] as const) {
            const response = await chloe.get(`/track/${id}`, { "Accept-Language": locale });
            expect(response.status, `${id} (${locale})`).toBe(200);
            const body = await response.text();
            const module = moduleOf(id, locale);
            expect(readable(body), `${id} (${locale})`).toContain(module.title);
            expect(body).toContain(`<article lang="${locale}"`);
            expectNoAnswerKey(body, id);
          }
        }
      }
    } finally {
      getDb()
        .update(placements)
        .set({ level: original })
        .where(and(eq(placements.userId, userId), eq(placements.isCurrent, true)))
        .run();
    }
    expect(seen).toEqual(new Set(library.modules.keys()));
  });
});

describe("knowledge checks and completion", () => {
  it("grades on the server, invites another try, refuses a check already passed, and completes the module", async () => {
    const userId = "demo-lucas.bernard";
    const lucas = await signedIn("lucas.bernard@ambassade.test");
    const id = trackOf(levelOf(userId))[0]!;
    const module = moduleOf(id);
    const entry = library.modules.get(id)!;
    expect(module.checks.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = module.checks;

    // A wrong answer: stored, graded, explained, and another try offered. Works as a plain form post.
    const wrong = first!.options.find((o) => !o.correct)!;
    const wrongResponse = await lucas.post(`/track/${id}`, { intent: "check", checkId: first!.id, optionId: wrong.id, lang: "fr" });
    expect(wrongResponse.status).toBe(200);
    const wrongHtml = readable(await wrongResponse.text());
    expect(wrongHtml).toContain("Ce n’est pas la bonne réponse.");
    expect(wrongHtml).toContain(wrong.explanation);
    expect(wrongHtml).toContain("choisissez une autre réponse");
    const progressOf = () =>
      getDb()
        .select()
        .from(moduleProgress)
        .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, id)))
        .get();
    expect(progressOf()?.status).toBe("in_progress");

    // The right answer, as a fetcher posts it: JSON with the explanation of the chosen option.
    const right = first!.options.find((o) => o.correct)!;
    const rightResponse = await lucas.post(`/track/${id}?_data=${encodeURIComponent("routes/track.$moduleId")}`, {
      intent: "check",
      checkId: first!.id,
      optionId: right.id,
      lang: "fr",
    });
    expect(rightResponse.status).toBe(200);
    expect(await rightResponse.json()).toEqual({
      intent: "check",
      checkId: first!.id,
      optionId: right.id,
      correct: true,
      explanation: right.explanation,
      moduleCompleted: false,
    });
    const answers = () =>
      getDb()
        .select()
        .from(checkAnswers)
        .where(and(eq(checkAnswers.userId, userId), eq(checkAnswers.moduleId, id)))
        .all();
    expect(answers().map((a) => [a.checkId, a.optionId, a.correct])).toEqual([
      [first!.id, wrong.id, false],
      [first!.id, right.id, true],
    ]);

    // A passed check cannot be answered again, right or wrong: 409, nothing written.
    const before = snapshotDatabase();
    for (const optionId of [right.id, wrong.id]) {
      const again = await lucas.post(`/track/${id}`, { intent: "check", checkId: first!.id, optionId, lang: "fr" });
      expect(again.status).toBe(409);
      expect(readable(await again.text())).toContain("Vous avez déjà réussi cette question");
    }
    expect(snapshotDatabase()).toBe(before);

    // After passing, the page shows the passed state with the explanation of the right answer.
    const page = readable(await (await lucas.get(`/track/${id}`)).text());
    expect(page).toContain("Question réussie");
    expect(page).toContain(right.explanation);
    expect(page).not.toContain("Module terminé");

    // The last check completes the module.
    for (const check of rest) {
      const response = await lucas.post(`/track/${id}`, { intent: "check", checkId: check.id, optionId: correctOption(check), lang: "fr" });
      expect(response.status).toBe(200);
    }
    expect(progressOf()).toMatchObject({ status: "completed", completedVersion: entry.version });
    expect(progressOf()?.completedAt).toBeInstanceOf(Date);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "module.completed"), eq(auditLog.subjectId, id)))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: userId, toState: "completed" });

    const done = readable(await (await lucas.get(`/track/${id}`)).text());
    expect(done).toContain("Module terminé");
    const next = trackOf(levelOf(userId))[1]!;
    expect(done).toContain(`Module suivant\u00a0: ${moduleOf(next).title}`);

    const { track } = await trackPage(lucas);
    expect(track.totals).toMatchObject({ modules: trackOf(levelOf(userId)).length, completed: 1 });
    expect(track.next?.id).toBe(next);
  });

  it("grades in the language the learner read, and answers in English", async () => {
    const userId = "demo-olivier.moreau";
    const olivier = await signedIn("olivier.moreau@ambassade.test");
    const id = trackOf(levelOf(userId))[0]!;
    const check = moduleOf(id, "en").checks[0]!;
    const response = await olivier.post(
      `/track/${id}`,
      { intent: "check", checkId: check.id, optionId: wrongOption(check), lang: "en" },
      { "Accept-Language": "en" },
    );
    expect(response.status).toBe(200);
    const html = readable(await response.text());
    expect(html).toContain("That is not the right answer.");
    expect(html).toContain(check.options.find((o) => !o.correct)!.explanation);
  });
});

describe("progress and reflections", () => {
  it("a visit marks the module in progress and remembers the section; the page offers to resume there", async () => {
    const userId = "demo-sarah.lefebvre";
    const sarah = await signedIn("sarah.lefebvre@ambassade.test");
    const id = trackOf(levelOf(userId))[0]!;
    const heading = moduleOf(id).headings[1]!;
    expect((await sarah.post(`/track/${id}`, { intent: "visit" })).status).toBe(200);
    expect((await sarah.post(`/track/${id}`, { intent: "visit", section: heading.id })).status).toBe(200);
    // A visit without a section keeps the one saved.
    expect((await sarah.post(`/track/${id}`, { intent: "visit" })).status).toBe(200);
    const row = getDb()
      .select()
      .from(moduleProgress)
      .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, id)))
      .get();
    expect(row).toMatchObject({ status: "in_progress", lastSection: heading.id });
    const html = readable(await (await sarah.get(`/track/${id}`)).text());
    expect(html).toContain(`Reprendre là où vous vous étiez arrêté·e\u00a0: ${heading.text}`);
    expect(html).toContain(`href="#${heading.id}"`);
  });

  it("loading a page writes nothing", async () => {
    const antoine = await signedIn("antoine.garcia@ambassade.test");
    const id = trackOf(levelOf("demo-antoine.garcia"))[0]!;
    const before = snapshotDatabase();
    expect((await antoine.get(`/track/${id}`)).status).toBe(200);
    expect((await antoine.get("/track")).status).toBe(200);
    expect(snapshotDatabase()).toBe(before);
  });

  it("saves a reflection, shows it again, and replaces it on a second save", async () => {
    const userId = "demo-lea.richard";
    const lea = await signedIn("lea.richard@ambassade.test");
    const id = trackOf(levelOf(userId)).find((m) => moduleOf(m).reflections.length > 0)!;
    const reflection = moduleOf(id).reflections[0]!;
    const text = "Première idée :\r\nraconter le chargement de la rentrée.";
    const response = await lea.post(`/track/${id}`, { intent: "reflection", reflectionId: reflection.id, text });
    expect(response.status).toBe(200);
    expect(readable(await response.text())).toContain("Réponse enregistrée.");
    const rows = () =>
      getDb()
        .select()
        .from(reflections)
        .where(and(eq(reflections.userId, userId), eq(reflections.moduleId, id)))
        .all();
    expect(rows()).toMatchObject([
      { reflectionId: reflection.id, text: "Première idée :\nraconter le chargement de la rentrée.", reviewStatus: reflection.review ? "pending" : "none" },
    ]);
    expect(readable(await (await lea.get(`/track/${id}`)).text())).toContain("raconter le chargement de la rentrée.");
    await lea.post(`/track/${id}`, { intent: "reflection", reflectionId: reflection.id, text: "Deuxième version." });
    expect(rows()).toMatchObject([{ text: "Deuxième version." }]);
    // Exactly the limit is accepted (a CRLF counts as one character, as in the text box).
    const atLimit = "x".repeat(1000) + "\r\n" + "y".repeat(999);
    expect((await lea.post(`/track/${id}`, { intent: "reflection", reflectionId: reflection.id, text: atLimit })).status).toBe(200);
  });
});

describe("bad input: a clear message, a 4xx, nothing written", () => {
  type Case = { name: string; who: string; module: (level: Level | null) => string; fields: Record<string, string>; status: number; message?: string };
  const inTrack = (level: Level | null) => trackOf(level ?? "native")[0]!;
  const checkOf = (level: Level | null) => moduleOf(inTrack(level)).checks[0]!;
  const withReflection = (level: Level | null) => trackOf(level ?? "native").find((m) => moduleOf(m).reflections.length > 0)!;

  const cases: Case[] = [
    {
      name: "an unknown check",
      who: "camille.simon",
      module: inTrack,
      fields: { intent: "check", checkId: "no-such-check", optionId: "o1" },
      status: 400,
      message: "Cette question n’existe pas dans ce module.",
    },
    {
      name: "an unknown option",
      who: "camille.simon",
      module: inTrack,
      fields: { intent: "check", checkId: "", optionId: "o9" },
      status: 400,
      message: "Cette réponse ne fait pas partie des choix proposés.",
    },
    {
      name: "no option chosen",
      who: "camille.simon",
      module: inTrack,
      fields: { intent: "check", checkId: "", optionId: "" },
      status: 400,
      message: "Choisissez une réponse avant de vérifier.",
    },
    {
      name: "an unknown intent",
      who: "camille.simon",
      module: inTrack,
      fields: { intent: "cheat", checkId: "", optionId: "o1" },
      status: 400,
      message: "Le formulaire contient des erreurs",
    },
    {
      name: "a language that does not exist",
      who: "camille.simon",
      module: inTrack,
      fields: { intent: "check", checkId: "", optionId: "o1", lang: "xx" },
      status: 400,
    },
    {
      name: "a section that is not a heading of the module",
      who: "camille.simon",
      module: inTrack,
      fields: { intent: "visit", section: "nowhere" },
      status: 400,
      message: "Cette section n’existe pas dans ce module.",
    },
    {
      name: "an unknown reflection",
      who: "camille.simon",
      module: withReflection,
      fields: { intent: "reflection", reflectionId: "no-such-reflection", text: "Hello" },
      status: 400,
      message: "Cette réflexion n’existe pas dans ce module.",
    },
    {
      name: "a reflection over the limit",
      who: "camille.simon",
      module: withReflection,
      fields: { intent: "reflection", reflectionId: "", text: "x".repeat(2001) },
      status: 400,
      message: "Votre réponse dépasse 2 000 caractères",
    },
    {
      name: "an empty reflection",
      who: "camille.simon",
      module: withReflection,
      fields: { intent: "reflection", reflectionId: "", text: "   " },
      status: 400,
      message: "Ce champ est obligatoire.",
    },
    {
      name: "an answer for a module outside the track",
      who: "camille.simon",
      module: (level) => outside(level),
      fields: { intent: "check", checkId: "", optionId: "o1" },
      status: 404,
    },
    { name: "a visit to a module outside the track", who: "camille.simon", module: (level) => outside(level), fields: { intent: "visit" }, status: 404 },
    {
      name: "an answer for a module that does not exist",
      who: "camille.simon",
      module: () => "no-such-module",
      fields: { intent: "check", checkId: "x", optionId: "o1" },
      status: 404,
    },
    {
      name: "an answer from an unplaced learner",
      who: "learner",
      module: () => trackOf("native")[0]!,
      fields: { intent: "check", checkId: "", optionId: "o1" },
      status: 409,
      message: "Répondez d’abord au questionnaire de diagnostic",
    },
    {
      name: "a reflection from an unplaced learner",
      who: "learner",
      module: () => withReflection("native"),
      fields: { intent: "reflection", reflectionId: "", text: "Hi" },
      status: 409,
    },
    {
      name: "an answer from someone who does not learn",
      who: "trainer",
      module: () => trackOf("native")[0]!,
      fields: { intent: "check", checkId: "", optionId: "o1" },
      status: 403,
    },
  ];

  function outside(level: Level | null): string {
    const mine = new Set(trackOf(level ?? "native"));
    return [...library.modules.keys()].find((id) => !mine.has(id))!;
  }

  for (const c of cases) {
    it(c.name, async () => {
      const client = await signedIn(`${c.who}@ambassade.test`);
      const placed = getDb()
        .select({ level: placements.level })
        .from(placements)
        .where(and(eq(placements.userId, `demo-${c.who}`), eq(placements.isCurrent, true)))
        .get();
      const level = placed?.level ?? null;
      const moduleId = c.module(level);
      const fields = { ...c.fields };
      // Empty ids stand for "a real one of this module".
      if (fields.checkId === "" && library.modules.has(moduleId)) fields.checkId = checkOf(level).id;
      if (fields.reflectionId === "" && library.modules.has(moduleId)) fields.reflectionId = moduleOf(moduleId).reflections[0]!.id;
      const before = snapshotDatabase();
      const response = await client.post(`/track/${moduleId}`, fields);
      expect(response.status).toBe(c.status);
      if (c.message) expect(readable(await response.text())).toContain(c.message);
      expect(snapshotDatabase()).toBe(before);
    });
  }
});
