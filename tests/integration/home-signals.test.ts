/** Staff home pages start with what waits for them (issue 16); learners' home pages do not change. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { teamManagers, userRoles, users } from "../../db/schema";
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
    expect(manager!.items.every((i) => ["requests", "expiring", "none"].includes(i.id) || i.id.startsWith("stalled-"))).toBe(true);
    expect(await homeOf("learner@ambassade.test")).toBeNull();
  });

  it("names a manager's people stalled longest (the team dashboard's definition), linking to the team dashboard, and no one of other teams", async () => {
    const db = getDb();
    const team = db.select({ teamId: teamManagers.teamId }).from(teamManagers).where(eq(teamManagers.userId, "demo-manager")).get()!.teamId;
    const day = 24 * 60 * 60 * 1000;
    const person = (id: string, name: string, teamId: string | null, daysAgo: number) => {
      db.insert(users)
        .values({ id, email: `${id}@home.test`, name, teamId, createdAt: new Date(Date.now() - daysAgo * day) })
        .run();
      db.insert(userRoles).values({ userId: id, role: "employee" }).run();
    };
    person("home-stalled-long", "Zoé Longtemps", team, 40);
    person("home-stalled-short", "Yann Récent", team, 20);
    person("home-fresh", "Xavier Neuf", team, 2);
    person("home-other-team", "Walter Ailleurs", null, 60);
    const items = (await homeOf("manager@ambassade.test"))!.items.filter((i) => i.id.startsWith("stalled-"));
    const long = items.find((i) => i.id === "stalled-home-stalled-long");
    expect(long).toMatchObject({
      href: "/reports/team",
      tone: "todo",
      text: "Zoé Longtemps n’a pas avancé depuis 40 jours (prochaine étape\u00a0: se connecter).",
    });
    expect(items.findIndex((i) => i.id === "stalled-home-stalled-long")).toBeLessThan(items.findIndex((i) => i.id === "stalled-home-stalled-short"));
    expect(items.map((i) => i.id)).not.toContain("stalled-home-fresh");
    expect(items.map((i) => i.id)).not.toContain("stalled-home-other-team");
    expect(items.filter((i) => i.id !== "stalled-more").length).toBeLessThanOrEqual(3);
  });
});
