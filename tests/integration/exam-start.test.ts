/**
 * The exam's start in one round trip (issue 19, ADR 0032): the Start form of /exam is a document form
 * posting `intent=start` to `/exam/<id>`, the id chosen by the page's loader; the answer to that one
 * request is the attempt's first page. Idempotent per id and person; refusals are 409 pages that write nothing.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog, examAttempts, settings } from "../../db/schema";
import { seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { completeNativeTrack, examBankFile, routeData, signedIn } from "../support/accreditation";

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  getDb().delete(settings).run();
  getDb().insert(settings).values({ key: "exam.requiresTrackComplete", value: false, updatedAt: new Date() }).run();
});

type Overview = { startId: string | null; inProgress: { id: string } | null };
const attemptsOf = (userId: string) => getDb().select().from(examAttempts).where(eq(examAttempts.userId, userId)).all();
const startedAudits = (attemptId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(eq(auditLog.subjectId, attemptId))
    .all()
    .filter((e) => e.action === "exam.started");

/** The loader data Remix embeds in the document (what the browser hydrates with). */
function remixContext(html: string): { state: { loaderData: Record<string, unknown> } } {
  const match = /window\.__remixContext = (\{.*?\});<\/script>/s.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as { state: { loaderData: Record<string, unknown> } };
}

async function startId(client: Awaited<ReturnType<typeof signedIn>>): Promise<string> {
  const overview = (await routeData(client, "/exam", "routes/exam._index")).json as Overview;
  expect(overview.startId).toMatch(/^[0-9a-f-]{36}$/);
  return overview.startId!;
}

describe("the exam start in one round trip", () => {
  it("the exam page's Start form posts to the attempt's own URL, as a document form", async () => {
    const learner = await signedIn(server, "chloe.thomas@ambassade.test");
    const html = await (await learner.get("/exam")).text();
    const form = /<form[^>]*action="\/exam\/([0-9a-f-]{36})"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    expect(form).not.toBeNull();
    expect(form![0]).toMatch(/method="post"/);
    expect(form![2]).toContain('name="intent" value="start"');
    // The page's id is fresh on every load, and no attempt exists until the form is sent.
    expect(await startId(learner)).not.toBe(form![1]);
    expect(attemptsOf("demo-chloe.thomas")).toHaveLength(0);
  });

  it("one document POST answers 200 with the first question's HTML, and the URL is the attempt's", async () => {
    const learner = await signedIn(server, "lea.richard@ambassade.test");
    const id = await startId(learner);
    const response = await learner.post(`/exam/${id}`, { intent: "start" }, { Accept: "text/html" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    const data = remixContext(html).state.loaderData["routes/exam.$attemptId"] as {
      attempt: { id: string; status: string; items: { id: string; question: string; options: { text: string }[] }[] };
    };
    expect(data.attempt).toMatchObject({ id, status: "in_progress" });
    expect(data.attempt.items).toHaveLength(16);
    // The first question is on the page, rendered by the server (it shows without JavaScript).
    const first = data.attempt.items[0]!;
    expect(html).toContain(`id="item-${first.id}"`);
    expect(html).toContain("Question 1 sur 16");
    // No answer key in the page.
    for (const item of examBankFile().items) expect(html).not.toContain(item.explanation.fr);
    const [attempt] = attemptsOf("demo-lea.richard");
    expect(attempt).toMatchObject({ id, status: "in_progress" });
    expect(startedAudits(id)).toHaveLength(1);
    // A reload is a GET of the same URL: the same attempt.
    expect((await learner.get(`/exam/${id}`)).status).toBe(200);
  });

  it("a double click (the same id sent twice, or at once) makes one attempt and answers both with its page", async () => {
    const learner = await signedIn(server, "hugo.robert@ambassade.test");
    const id = await startId(learner);
    const [a, b] = await Promise.all([learner.post(`/exam/${id}`, { intent: "start" }), learner.post(`/exam/${id}`, { intent: "start" })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const again = await learner.post(`/exam/${id}`, { intent: "start" });
    expect(again.status).toBe(200);
    expect(attemptsOf("demo-hugo.robert")).toHaveLength(1);
    expect(startedAudits(id)).toHaveLength(1);
    // The same draw in all three pages.
    const items = async (r: Response) =>
      (remixContext(await r.text()).state.loaderData["routes/exam.$attemptId"] as { attempt: { items: { id: string }[] } }).attempt.items.map((i) => i.id);
    const [ia, ib, ic] = [await items(a), await items(b), await items(again)];
    expect(ib).toEqual(ia);
    expect(ic).toEqual(ia);
  });

  it("two tabs (two ids): the second is refused with 409, a link to the attempt in progress, and nothing written", async () => {
    const learner = await signedIn(server, "nathan.durand@ambassade.test");
    const [first, second] = [await startId(learner), await startId(learner)];
    expect((await learner.post(`/exam/${first}`, { intent: "start" })).status).toBe(200);
    const before = snapshotDatabase();
    const refused = await learner.post(`/exam/${second}`, { intent: "start" });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain("Une tentative est déjà en cours");
    expect(html).toContain(`href="/exam/${first}"`);
    expect(html).toContain("<title>Examen final · Ambassade</title>");
    expect(snapshotDatabase()).toBe(before);
    expect(attemptsOf("demo-nathan.durand")).toHaveLength(1);
    expect((await learner.get(`/exam/${second}`)).status).toBe(404);
  });

  it("refuses when the attempts are used up (409, the date, nothing written); the attempt rules are unchanged", async () => {
    getDb().insert(settings).values({ key: "exam.cooldownHours", value: 0, updatedAt: new Date() }).run();
    const learner = await signedIn(server, "antoine.garcia@ambassade.test");
    for (let i = 0; i < 3; i++) {
      const id = await startId(learner);
      expect((await learner.post(`/exam/${id}`, { intent: "start" })).status).toBe(200);
      expect((await learner.post(`/exam/${id}`, { intent: "submit" })).status).toBe(302);
    }
    // The page offers no Start button any more, and a form sent anyway (an old tab, a made-up id) is refused.
    expect(((await routeData(learner, "/exam", "routes/exam._index")).json as Overview).startId).toBeNull();
    const before = snapshotDatabase();
    const refused = await learner.post(`/exam/${randomUUID()}`, { intent: "start" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Vous avez atteint le nombre maximal de tentatives");
    expect(snapshotDatabase()).toBe(before);
    expect(attemptsOf("demo-antoine.garcia")).toHaveLength(3);
  });

  it("refuses during the cooldown after an attempt", async () => {
    const learner = await signedIn(server, "sarah.lefebvre@ambassade.test");
    const id = await startId(learner);
    expect((await learner.post(`/exam/${id}`, { intent: "start" })).status).toBe(200);
    expect((await learner.post(`/exam/${id}`, { intent: "submit" })).status).toBe(302);
    // The graded attempt's own URL still answers a resent Start with its page (idempotent), and starts nothing.
    const resent = await learner.post(`/exam/${id}`, { intent: "start" });
    expect(resent.status).toBe(200);
    const before = snapshotDatabase();
    const refused = await learner.post(`/exam/${randomUUID()}`, { intent: "start" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Vous pourrez repasser l");
    expect(snapshotDatabase()).toBe(before);
  });

  it("refuses when the track is unfinished (409, a link to the track, nothing written)", async () => {
    getDb().delete(settings).run();
    const learner = await signedIn(server, "camille.simon@ambassade.test");
    const before = snapshotDatabase();
    const refused = await learner.post(`/exam/${randomUUID()}`, { intent: "start" });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain("L’examen s’ouvre une fois votre parcours terminé");
    expect(html).toContain('href="/track"');
    expect(snapshotDatabase()).toBe(before);
    completeNativeTrack("demo-camille.simon");
    expect((await learner.post(`/exam/${randomUUID()}`, { intent: "start" })).status).toBe(200);
    expect(attemptsOf("demo-camille.simon")).toHaveLength(1);
  });

  it("an id that is not an attempt id, or another person's attempt, is a 404 and writes nothing", async () => {
    const owner = await signedIn(server, "olivier.moreau@ambassade.test");
    const id = await startId(owner);
    expect((await owner.post(`/exam/${id}`, { intent: "start" })).status).toBe(200);
    const other = await signedIn(server, "thomas.michel@ambassade.test");
    const before = snapshotDatabase();
    expect((await other.post(`/exam/${id}`, { intent: "start" })).status).toBe(404);
    expect((await other.post("/exam/not-a-uuid", { intent: "start" })).status).toBe(404);
    expect((await other.post(`/exam/${id.toUpperCase()}`, { intent: "start" })).status).toBe(404);
    expect(snapshotDatabase()).toBe(before);
  });

  it("is for learners: an admin gets 403, a visitor is sent to sign in", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    expect((await admin.post(`/exam/${randomUUID()}`, { intent: "start" })).status).toBe(403);
    const anonymous = await fetch(`${server.url}/exam/${randomUUID()}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "start" }),
      headers: { Origin: server.url },
      redirect: "manual",
    });
    expect(anonymous.status).toBe(302);
    expect(
      getDb()
        .select()
        .from(examAttempts)
        .all()
        .filter((a) => a.userId === "demo-admin"),
    ).toHaveLength(0);
  });
});
