/**
 * The staff pages' long tables sort and filter on the server (ADR 0030, ADR 0037), read from the
 * loader's data: a team's members by name, email or level, either way, and by level or by a search;
 * the managers' accreditations in force by name, end date or state, either way, and by a search or a
 * state. A bad parameter falls back to the default order rather than failing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog } from "../../db/schema";
import { seedDemoOrganisation } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { routeData, signedIn } from "../support/accreditation";
import { grantFor } from "../support/gate";
import { insertNewUser } from "../support/people";
import { newTeam } from "../support/sso";

let server: TestServer;
let teamId: string;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  teamId = newTeam("Équipe triée");
  insertNewUser("Bruno Vert", { teamId, level: "beginner", emailPrefix: "c-bruno" });
  insertNewUser("Anne Rouge", { teamId, level: null, emailPrefix: "b-anne" });
  insertNewUser("Chloé Bleu", { teamId, level: "native", emailPrefix: "a-chloe" });
  // Accreditations in force in the demo manager's team, ending on different days.
  const now = Date.now();
  for (const [name, days] of [
    ["Zqx Marc", 300],
    ["Zqx Aline", 200],
    ["Zqx Paul", 100],
  ] as const) {
    const person = insertNewUser(name);
    grantFor(person.id, ["linkedin"], { validUntil: new Date(now + days * DAY) });
  }
});
afterAll(() => server.close());

type Member = { name: string; email: string; level: string | null };
type Case = { name: string; status: string; validUntil: string };

async function members(query: string): Promise<{ status: number; names: string[]; total: number; sort: unknown }> {
  const admin = await signedIn(server, "admin@ambassade.test");
  const page = await routeData(admin, `/teams/${teamId}${query}`, "routes/teams.$teamId");
  const data = page.json as { rows: Member[]; total: number; sort: unknown };
  return { status: page.status, names: data.rows.map((r) => r.name), total: data.total, sort: data.sort };
}

describe("a team's members", () => {
  it("sort by name (the default), by email and by level, both ways", async () => {
    expect((await members("")).names).toEqual(["Anne Rouge", "Bruno Vert", "Chloé Bleu"]);
    expect((await members("?sort=name&dir=desc")).names).toEqual(["Chloé Bleu", "Bruno Vert", "Anne Rouge"]);
    expect((await members("?sort=email&dir=asc")).names).toEqual(["Chloé Bleu", "Anne Rouge", "Bruno Vert"]);
    expect((await members("?sort=email&dir=desc")).names).toEqual(["Bruno Vert", "Anne Rouge", "Chloé Bleu"]);
    // Levels in the model's order (native first, beginner last), the person not placed yet after them.
    expect((await members("?sort=level&dir=asc")).names).toEqual(["Chloé Bleu", "Bruno Vert", "Anne Rouge"]);
    expect((await members("?sort=level&dir=desc")).names).toEqual(["Anne Rouge", "Bruno Vert", "Chloé Bleu"]);
  });

  it("filter by level (or not placed) and by a search, and count what they show", async () => {
    expect(await members("?level=beginner")).toMatchObject({ names: ["Bruno Vert"], total: 1 });
    expect(await members("?level=none")).toMatchObject({ names: ["Anne Rouge"], total: 1 });
    expect(await members("?q=BLEU")).toMatchObject({ names: ["Chloé Bleu"], total: 1 });
    expect(await members("?q=b-anne")).toMatchObject({ names: ["Anne Rouge"], total: 1 });
    // LIKE's wildcards are searched as themselves.
    expect(await members("?q=%25")).toMatchObject({ names: [], total: 0 });
  });

  it("ignore a sort, a direction or a level they do not know", async () => {
    const result = await members("?sort=password&dir=sideways&level=wizard");
    expect(result.status).toBe(200);
    expect(result.names).toEqual(["Anne Rouge", "Bruno Vert", "Chloé Bleu"]);
    expect(result.sort).toEqual({ key: "name", dir: "asc" });
  });

  it("mark the sorted column and link to the other direction, keeping the filters", async () => {
    const admin = await signedIn(server, "admin@ambassade.test");
    const html = await (await admin.get(`/teams/${teamId}?sort=level&dir=asc&level=native`)).text();
    expect(html).toMatch(new RegExp(`aria-sort="ascending"><a [^>]*href="/teams/${teamId}\\?sort=level&amp;dir=desc&amp;level=native"`));
  });
});

async function inForce(query: string): Promise<{ status: number; rows: Case[] }> {
  const manager = await signedIn(server, "manager@ambassade.test");
  const page = await routeData(manager, `/team/requests${query}`, "routes/team.requests._index");
  return { status: page.status, rows: (page.json as { active: Case[] }).active };
}
const names = (rows: Case[]) => rows.map((r) => r.name);

describe("the managers' list of accreditations in force", () => {
  it("sorts by end date (the default), by name and by state, both ways", async () => {
    expect(names((await inForce("?q=Zqx")).rows)).toEqual(["Zqx Paul", "Zqx Aline", "Zqx Marc"]);
    expect(names((await inForce("?q=Zqx&sort=validUntil&dir=desc")).rows)).toEqual(["Zqx Marc", "Zqx Aline", "Zqx Paul"]);
    expect(names((await inForce("?q=Zqx&sort=name&dir=asc")).rows)).toEqual(["Zqx Aline", "Zqx Marc", "Zqx Paul"]);
    expect(names((await inForce("?q=Zqx&sort=name&dir=desc")).rows)).toEqual(["Zqx Paul", "Zqx Marc", "Zqx Aline"]);
    // Same state: the name decides, whichever way the state column goes.
    expect(names((await inForce("?q=Zqx&sort=status&dir=desc")).rows)).toEqual(["Zqx Aline", "Zqx Marc", "Zqx Paul"]);
  });

  it("filters by a search and by state, and ignores what it does not know", async () => {
    const all = (await inForce("")).rows;
    expect(names(all)).toEqual(expect.arrayContaining(["Zqx Paul", "Zqx Aline", "Zqx Marc"]));
    expect(all.length).toBeGreaterThan(3);
    expect(names((await inForce("?q=zqx a")).rows)).toEqual(["Zqx Aline"]);
    expect((await inForce("?q=Zqx&status=granted")).rows).toHaveLength(3);
    expect((await inForce("?q=Zqx&status=suspended")).rows).toHaveLength(0);
    const odd = await inForce("?q=Zqx&status=revoked&sort=secret");
    expect(odd.status).toBe(200);
    expect(names(odd.rows)).toEqual(["Zqx Paul", "Zqx Aline", "Zqx Marc"]);
  });
});

type AuditPage = { rows: { id: number; sentence: string }[]; next: string | null; sort: { key: string; dir: string } };

async function audit(query: string): Promise<AuditPage & { status: number }> {
  const admin = await signedIn(server, "admin@ambassade.test");
  const page = await routeData(admin, `/admin/audit${query}`, "routes/admin.audit");
  return { status: page.status, ...(page.json as AuditPage) };
}

describe("the audit log", () => {
  beforeAll(() => {
    // More rows than a page holds (50).
    getDb()
      .insert(auditLog)
      .values(
        Array.from({ length: 60 }, () => ({ actorId: "demo-learner", action: "person.password_changed", subjectType: "user", subjectId: "demo-learner" })),
      )
      .run();
  });

  it("sorts by date, newest first by default and oldest first when asked, each page following the last", async () => {
    const newest = await audit("");
    const ids = newest.rows.map((r) => r.id);
    expect(newest.sort).toEqual({ key: "at", dir: "desc" });
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const oldest = await audit("?sort=at&dir=asc");
    const up = oldest.rows.map((r) => r.id);
    expect(oldest.sort).toEqual({ key: "at", dir: "asc" });
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBeLessThan(ids[ids.length - 1]!);
    // The next page of the oldest-first order continues after its last row, and keeps the order.
    expect(oldest.next).toMatch(/sort=at&dir=asc&after=\d+/);
    const second = await audit(`?${oldest.next}`);
    expect(second.rows[0]!.id).toBeGreaterThan(up[up.length - 1]!);
    expect(second.sort.dir).toBe("asc");
  });

  it("filters and sorts together, and the direction link starts again from the first page", async () => {
    const filtered = await audit("?action=person.*&sort=at&dir=asc");
    expect(filtered.status).toBe(200);
    const ids = filtered.rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const admin = await signedIn(server, "admin@ambassade.test");
    const html = await (await admin.get(`/admin/audit?action=person.*&sort=at&dir=asc&after=1`)).text();
    expect(html).toMatch(/aria-sort="ascending"><a [^>]*href="\/admin\/audit\?action=person\.\*&amp;sort=at&amp;dir=desc"/);
  });
});
