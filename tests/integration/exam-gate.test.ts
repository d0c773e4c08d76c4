/**
 * The exam opens only once the person's track is complete (setting `exam.requiresTrackComplete`,
 * on by default), so that nobody uses up attempts before following their modules (issue 16).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { examAttempts, settings } from "../../db/schema";
import { getSetting } from "../../app/models/settings.server";
import { AttemptRefused, startAttempt } from "../../app/models/exam.server";
import { seedDemoOrganisation } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { completeNativeTrack, routeData, signedIn } from "../support/accreditation";

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  getDb().delete(settings).run();
});

const attemptsOf = (userId: string) => getDb().select().from(examAttempts).where(eq(examAttempts.userId, userId)).all();
type Overview = { allowance: { ok: boolean; reason?: string; until?: string | null } };

describe("the exam's track gate", () => {
  it("is on by default", () => {
    expect(getSetting("exam.requiresTrackComplete")).toBe(true);
  });

  it("keeps the exam closed until the track is complete: the page says why, a start is refused and writes nothing", async () => {
    // Camille is placed native and has not opened a module.
    const camille = await signedIn(server, "camille.simon@ambassade.test");
    const overview = await routeData(camille, "/exam", "routes/exam._index");
    expect(overview.status).toBe(200);
    expect((overview.json as Overview).allowance).toEqual({ ok: false, reason: "trackIncomplete", until: null });
    const page = await (await camille.get("/exam")).text();
    expect(page).toContain('href="/track"');
    expect(page).not.toContain("Commencer une tentative");

    const refused = await camille.post("/exam", {});
    expect(refused.status).toBe(409);
    expect(attemptsOf("demo-camille.simon")).toHaveLength(0);
    await expect(startAttempt("demo-camille.simon")).rejects.toBeInstanceOf(AttemptRefused);
    expect(attemptsOf("demo-camille.simon")).toHaveLength(0);
  });

  it("opens once every module of the track is completed", async () => {
    completeNativeTrack("demo-camille.simon");
    const camille = await signedIn(server, "camille.simon@ambassade.test");
    expect(((await routeData(camille, "/exam", "routes/exam._index")).json as Overview).allowance).toEqual({ ok: true });
    const started = await camille.post("/exam", {});
    expect(started.status).toBe(302);
    expect(attemptsOf("demo-camille.simon")).toHaveLength(1);
  });

  it("can be turned off by an admin: then the exam opens before the track is done", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const saved = await admin.post("/admin/settings", { "exam.requiresTrackComplete": "false" });
    expect(saved.status).toBeLessThan(400);
    expect(getSetting("exam.requiresTrackComplete")).toBe(false);
    const nathan = await signedIn(server, "nathan.durand@ambassade.test");
    expect((await nathan.post("/exam", {})).status).toBe(302);
    expect(attemptsOf("demo-nathan.durand")).toHaveLength(1);
  });
});
