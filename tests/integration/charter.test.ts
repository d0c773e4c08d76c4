import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { accreditations, auditLog, charterPublications, charterSignatures } from "../../db/schema";
import { seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { allKeys, charterAnswers, charterCheck, postData, routeData, signedIn, useContentCopy } from "../support/accreditation";
import { charterBody, sha256 } from "../../app/models/charter.server";

let server: TestServer;
beforeAll(async () => {
  useContentCopy("2026-06");
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

const ambassador = "demo-ambassador";
const accreditationOf = (userId: string) => getDb().select().from(accreditations).where(eq(accreditations.userId, userId)).get();

describe("the charter page", () => {
  it("shows the version in force with its comprehension check, and never the answer key", async () => {
    const learner = await signedIn(server, "lucas.bernard@ambassade.test");
    const page = await learner.get("/charter");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Charte des médias sociaux");
    expect(html).toContain("Version 2026-01");
    const data = await routeData(learner, "/charter", "routes/charter");
    expect(data.status).toBe(200);
    const keys = allKeys(data.json);
    expect(keys.has("questions")).toBe(true);
    expect(keys.has("correct")).toBe(false);
    expect(keys.has("explanation")).toBe(false);
    for (const question of charterCheck().questions) {
      for (const option of question.options) expect(data.text).not.toContain(option.explanation.fr.slice(0, 40));
    }
  });

  it("is for learners: an admin without the learn permission gets 403", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    expect((await admin.get("/charter")).status).toBe(403);
  });
});

describe("signing", () => {
  it("refuses a failed check and explains the wrong answer, writing nothing", async () => {
    const learner = await signedIn(server, "lucas.bernard@ambassade.test");
    const before = snapshotDatabase();
    const response = await postData(learner, "/charter", "routes/charter", { ...charterAnswers("2026-01", true), fullName: "Lucas Bernard", confirm: "on" });
    expect(response.status).toBe(400);
    const body = response.body as { fieldErrors: Record<string, string>; feedback: Record<string, string> };
    const first = charterCheck().questions[0]!;
    expect(body.fieldErrors[`q:${first.id}`]).toBe("accreditation.charter.wrongAnswer");
    expect(Object.keys(body.fieldErrors)).toHaveLength(1);
    expect(body.feedback[first.id]).toBe(first.options.find((o) => o.correct !== true)!.explanation.fr);
    expect(snapshotDatabase()).toBe(before);
  });

  it("refuses a wrong name, a missing confirmation and unanswered questions, writing nothing", async () => {
    const learner = await signedIn(server, "lucas.bernard@ambassade.test");
    const before = snapshotDatabase();
    const wrongName = await postData(learner, "/charter", "routes/charter", { ...charterAnswers(), fullName: "Lucas Bernardo", confirm: "on" });
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.fieldErrors).toEqual({ fullName: "accreditation.charter.nameMismatch" });
    const unconfirmed = await postData(learner, "/charter", "routes/charter", { ...charterAnswers(), fullName: "Lucas Bernard" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.fieldErrors).toEqual({ confirm: "accreditation.charter.confirmRequired" });
    const unanswered = await postData(learner, "/charter", "routes/charter", { fullName: "Lucas Bernard", confirm: "on" });
    expect(unanswered.status).toBe(400);
    expect(Object.values(unanswered.body.fieldErrors ?? {})).toContain("accreditation.charter.answerRequired");
    // The page itself (without JavaScript) shows the message next to the field.
    const page = await learner.post("/charter", { ...charterAnswers(), fullName: "Someone Else", confirm: "on" });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Le nom saisi ne correspond pas à celui de votre compte.");
    expect(snapshotDatabase()).toBe(before);
  });

  it("records the signature with the version, the hash of the exact text, the locale and the time", async () => {
    const learner = await signedIn(server, "lucas.bernard@ambassade.test");
    // Case and spaces do not matter in the typed name.
    const response = await learner.post("/charter", { ...charterAnswers(), fullName: "  lucas   BERNARD ", confirm: "on" });
    expect(response.status).toBe(302);
    const signature = getDb().select().from(charterSignatures).where(eq(charterSignatures.userId, "demo-lucas.bernard")).get();
    const source = (await import("node:fs")).readFileSync(`${process.env.CONTENT_DIR}/policy/charter/2026-01/fr.mdx`, "utf8");
    expect(signature).toMatchObject({ version: "2026-01", locale: "fr", textHash: sha256(charterBody(source)) });
    expect(charterBody(source)).not.toContain("version:");
    expect(Date.now() - signature!.signedAt.getTime()).toBeLessThan(60_000);
    // The page now says so, and signing twice is refused.
    const after = await routeData(learner, "/charter", "routes/charter");
    expect(after.json).toMatchObject({ signedAt: expect.any(String), charter: { version: "2026-01", questions: [] } });
    const again = await postData(learner, "/charter", "routes/charter", { ...charterAnswers(), fullName: "Lucas Bernard", confirm: "on" });
    expect(again.status).toBe(409);
    expect(again.body.fieldErrors).toEqual({ form: "accreditation.charter.alreadySigned" });
  });
});

describe("publishing a new version", () => {
  it("is for admins: the version list shows what is available and what is in force", async () => {
    const manager = await signedIn(server, "manager@ambassade.test");
    expect((await manager.get("/admin/charter")).status).toBe(403);
    expect((await manager.post("/admin/charter", { version: "2026-06" })).status).toBe(403);
    const admin = await signedIn(server, "admin@ambassade.test");
    const list = (await routeData(admin, "/admin/charter", "routes/admin.charter")).json as {
      current: string | null;
      versions: { version: string; publishedAt: string | null }[];
    };
    expect(list.current).toBe("2026-01");
    expect(list.versions.map((v) => [v.version, v.publishedAt !== null])).toEqual(
      expect.arrayContaining([
        ["2026-01", true],
        ["2026-06", false],
      ]),
    );
  });

  it("refuses an unknown or older version, writing nothing", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const before = snapshotDatabase();
    const form = { summaryFr: "Ce qui change.", summaryEn: "What changed.", expected: "0" };
    expect((await admin.post("/admin/charter", { version: "2099-01", ...form })).status).toBe(400);
    expect((await admin.post("/admin/charter", { version: "2026-01", ...form })).status).toBe(409);
    // Without the confirmation's fields (what changed, the count the admin saw): refused.
    expect((await admin.post("/admin/charter", { version: "2026-06" })).status).toBe(400);
    expect(snapshotDatabase()).toBe(before);
  });

  it("suspends accredited people until they sign it; signing again reinstates them", async () => {
    expect(accreditationOf(ambassador)?.status).toBe("granted");
    const admin = await signedIn(server, "admin@ambassade.test");
    const confirmation = await routeData(admin, "/admin/charter?publish=2026-06", "routes/admin.charter");
    expect(confirmation.json).toMatchObject({ confirm: { version: "2026-06", suspended: 1 }, confirmError: null });
    const published = await admin.post("/admin/charter", {
      version: "2026-06",
      summaryFr: "Une règle sur l’IA générative.",
      summaryEn: "A rule on generative AI.",
      expected: "1",
    });
    expect(published.status).toBe(302);
    expect(
      getDb()
        .select()
        .from(charterPublications)
        .all()
        .map((p) => p.version),
    ).toEqual(["2026-01", "2026-06"]);

    const suspended = accreditationOf(ambassador)!;
    expect(suspended.status).toBe("suspended");
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, suspended.id), eq(auditLog.action, "accreditation.suspend")))
      .get();
    expect(audit).toMatchObject({ fromState: "granted", toState: "suspended", actorId: "demo-admin" });

    // The person is told why, and what to do.
    const karim = await signedIn(server, "ambassador@ambassade.test");
    const page = await routeData(karim, "/accreditation", "routes/accreditation");
    expect(page.json).toMatchObject({
      status: { state: "suspended", next: "resign", accreditation: { status: "suspended", inForce: false, reason: { kind: "charter", version: "2026-06" } } },
    });
    expect((await karim.get("/charter")).status).toBe(200);

    const signed = await karim.post("/charter", { ...charterAnswers("2026-06"), fullName: "Karim Benali", confirm: "on" });
    expect(signed.status).toBe(302);
    const reinstated = accreditationOf(ambassador)!;
    expect(reinstated.status).toBe("granted");
    expect(reinstated.version).toBe(suspended.version + 1);
    const back = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, suspended.id), eq(auditLog.action, "accreditation.reinstate")))
      .get();
    expect(back).toMatchObject({ fromState: "suspended", toState: "granted", actorId: ambassador });
    expect((await routeData(karim, "/accreditation", "routes/accreditation")).json).toMatchObject({
      status: { state: "granted", next: "inForce", accreditation: { inForce: true } },
    });
  });
});
