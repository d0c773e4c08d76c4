/**
 * The person page is more than an edit form (issue 16): an administrator reads the person's road in the
 * third person — the conditions, the latest accreditation and its decisions, the finished exam attempts
 * (score and result, never the answers) — checked here against what the models wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "../support/fixtures";
import { insertAccreditedPerson, insertNewUser } from "../support/people";
import { startServer, type TestServer } from "../support/server";
import { routeData, signedIn } from "../support/accreditation";

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

type Record = {
  checklist: { item: string; met: boolean }[];
  accreditation: { id: string; status: string; channels: string[] } | null;
  caseLink: string | null;
  history: { action: string; toState: string | null; actorName: string | null }[];
  exams: { score: number | null; passed: boolean | null }[];
};

async function recordOf(email: string, userId: string): Promise<{ status: number; record: Record; html: string }> {
  const admin = await signedIn(server, email);
  const data = await routeData(admin, `/people/${userId}`, "routes/people.$userId");
  const html = await (await admin.get(`/people/${userId}`)).text();
  return { status: data.status, record: (data.json as { record: Record }).record, html };
}

describe("the person page's learning record", () => {
  it("an accredited person: every condition met, the grant and its decider, the passed exam", async () => {
    const person = await insertAccreditedPerson("Inès Record", { channels: ["linkedin"] });
    const { status, record, html } = await recordOf("admin@ambassade.test", person.id);
    expect(status).toBe(200);
    expect(record.checklist.map((c) => [c.item, c.met])).toEqual([
      ["placed", true],
      ["track", true],
      ["exam", true],
      ["charter", true],
    ]);
    expect(record.accreditation).toMatchObject({ id: person.accreditationId, status: "granted", channels: ["linkedin"] });
    expect(record.history.map((h) => h.toState)).toEqual(expect.arrayContaining(["granted", "requested"]));
    expect(record.history.find((h) => h.toState === "granted")?.actorName).toBeTruthy();
    expect(record.exams).toHaveLength(1);
    expect(record.exams[0]).toMatchObject({ passed: true });
    // The administrator decides nothing (managers do): no link to the case.
    expect(record.caseLink).toBeNull();
    // Third person on the page, never the learner's "you".
    expect(html).toContain("Inès Record");
    expect(html).not.toMatch(/Votre accréditation|Your accreditation/);
  });

  it("a person just placed: the next conditions unmet, no accreditation, no exam", async () => {
    const person = insertNewUser("Noé Record");
    const { record, html } = await recordOf("admin@ambassade.test", person.id);
    expect(record.checklist.find((c) => c.item === "placed")?.met).toBe(true);
    expect(record.checklist.find((c) => c.item === "track")?.met).toBe(false);
    expect(record.accreditation).toBeNull();
    expect(record.history).toEqual([]);
    expect(record.exams).toEqual([]);
    expect(html).toContain("Noé Record n’a pas encore demandé d’accréditation.");
  });
});
