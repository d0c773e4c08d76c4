/** Staff home pages start with what waits for them (issue 16); learners' home pages do not change. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { routeData, signedIn } from "../support/accreditation";

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

type Home = { signals: { title: string; items: { id: string; text: string; href: string | null; tone: string }[] } | null };
const homeOf = async (email: string) => ((await routeData(await signedIn(server, email), "/home", "routes/home")).json as Home).signals;

describe("the home page by role", () => {
  it("tells an admin about set-up problems: demo accounts still present", async () => {
    const signals = await homeOf("admin@ambassade.test");
    expect(signals?.title).toBe("Ce qui vous attend");
    const demo = signals!.items.find((i) => i.id === "demo");
    expect(demo).toMatchObject({ href: "/people", tone: "problem" });
    expect(demo!.text).toMatch(/^\d+ comptes de démonstration sont encore présents\.$/);
    if (!process.env.SMTP_URL) expect(signals!.items.map((i) => i.id)).toContain("smtp");
  });

  it("gives a trainer their reviews and content problems, or says nothing waits", async () => {
    const signals = await homeOf("trainer@ambassade.test");
    expect(signals).not.toBeNull();
    expect(signals!.items.every((i) => ["reviews", "content", "none"].includes(i.id))).toBe(true);
  });

  it("gives a manager what waits in their teams only, and a learner no staff list", async () => {
    const manager = await homeOf("manager@ambassade.test");
    expect(manager).not.toBeNull();
    expect(manager!.items.every((i) => ["requests", "expiring", "none"].includes(i.id))).toBe(true);
    expect(await homeOf("learner@ambassade.test")).toBeNull();
  });
});
