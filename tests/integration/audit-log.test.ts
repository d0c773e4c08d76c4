/**
 * The audit log in sentences (issue 16): each row in the reader's language with names resolved and
 * values translated; filters by actor, person, action and dates (bad filters: 400 and no rows); the
 * export of the filtered rows as CSV; an erased person reads as a former employee.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog, userRoles, users } from "../../db/schema";
import { erasePerson } from "../../app/models/erasure.server";
import { getSetting } from "../../app/models/settings.server";
import { isoDay } from "../../app/utils/dates";
import { seedDemoOrganisation } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { routeData, signedIn } from "../support/accreditation";
import type { Client } from "../support/server";

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
  admin = await signedIn(server, "admin@ambassade.test");
});
afterAll(() => server.close());

type Row = { id: number; at: string; action: string; label: string; sentence: string; actor: string; person: string | null; reason: string | null };
type Page = { rows: Row[]; next: string | null; errors: Record<string, string> | null; title: string; query: string };
const ROUTE = "routes/admin.audit";
const page = async (query = "", headers: Record<string, string> = {}) => {
  const response = await admin.get(`/admin/audit${query ? `?${query}&` : "?"}_data=${encodeURIComponent(ROUTE)}`, headers);
  return { status: response.status, page: (await response.json()) as Page };
};

describe("the audit log in sentences", () => {
  it("reads a decision as a sentence in French, names and channels resolved, no raw code or id", async () => {
    const { status, page: p } = await page("action=accreditation.grant");
    expect(status).toBe(200);
    expect(p.title).toBe("Journal d’audit · Ambassade");
    const grant = p.rows.find((r) => r.sentence.includes("Karim Benali"));
    expect(grant?.sentence).toBe("Sophie Laurent a accordé l’accréditation de Karim Benali pour LinkedIn.");
    expect(grant?.label).toBe("Accréditation accordée");
    expect(p.rows.every((r) => r.action === "accreditation.grant")).toBe(true);
    expect(p.rows.some((r) => /demo-|accreditation\.|[0-9a-f]{8}-[0-9a-f]{4}/.test(r.sentence))).toBe(false);
  });

  it("reads it in English for an English reader", async () => {
    const { page: p } = await page("action=accreditation.grant", { Cookie: `${admin.cookieHeader()}; ambassade_lng=en` });
    // The admin's saved language wins over the cookie when set; the demo admin has none.
    expect(p.rows.find((r) => r.sentence.includes("Karim Benali"))?.sentence).toBe("Sophie Laurent granted Karim Benali’s accreditation for LinkedIn.");
  });

  it("translates values: roles, teams and levels in the reader's language", async () => {
    const db = getDb();
    db.insert(auditLog)
      .values([
        { actorId: "demo-admin", action: "person.roles", subjectType: "user", subjectId: "demo-learner", fromState: "employee", toState: "employee,trainer" },
        { actorId: "demo-admin", action: "person.team", subjectType: "user", subjectId: "demo-learner", fromState: null, toState: "team-comms" },
        {
          actorId: "demo-trainer",
          action: "placement.overridden",
          subjectType: "user",
          subjectId: "demo-learner",
          fromState: "beginner",
          toState: "native",
          reason: "Vue en atelier",
        },
      ])
      .run();
    const { page: p } = await page("person=Emma+Petit");
    const sentences = p.rows.map((r) => r.sentence);
    expect(sentences).toContain("Claire Dubois a changé les rôles d’Emma Petit\u00a0: Salarié·e → Salarié·e, Formateur·rice.");
    expect(sentences).toContain("Claire Dubois a changé l’équipe d’Emma Petit\u00a0: sans équipe → Marketing & Communication.");
    const override = p.rows.find((r) => r.action === "placement.overridden")!;
    expect(override.sentence).toMatch(/^Julien Mercier a fixé le niveau d’Emma Petit\u00a0: .+\.$/);
    expect(override.sentence).not.toContain("native");
    expect(override.reason).toBe("Vue en atelier");
  });

  it("filters by actor, person, action kind and date range", async () => {
    const byActor = (await page("actor=Sophie")).page.rows;
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((r) => r.actor === "Sophie Laurent")).toBe(true);
    const aboutKarim = (await page("person=ambassador%40ambassade.test&action=accreditation.*")).page.rows;
    expect(aboutKarim.length).toBeGreaterThanOrEqual(2);
    expect(aboutKarim.every((r) => r.person === "Karim Benali" && r.action.startsWith("accreditation."))).toBe(true);
    expect((await page("person=nobody-by-this-name")).page.rows).toEqual([]);
    // Today where the reader is (no browser time zone here: the organisation's), as the filter reads it.
    const today = isoDay(new Date(), getSetting("organisation.timeZone"));
    const future = (await page("from=2099-01-01")).page.rows;
    expect(future).toEqual([]);
    const upToToday = (await page(`to=${today}&action=person.roles`)).page.rows;
    expect(upToToday.length).toBeGreaterThan(0);
    expect((await page("to=2000-01-01")).page.rows).toEqual([]);
  });

  it("refuses bad filters with a 400 and a message, and lists nothing", async () => {
    const bad = await page("action=accreditation.nonsense");
    expect(bad.status).toBe(400);
    expect(bad.page.errors).toEqual({ action: "audit.errors.action" });
    expect(bad.page.rows).toEqual([]);
    const order = await page("from=2026-12-07&to=2026-12-01");
    expect(order.status).toBe(400);
    expect(order.page.errors).toEqual({ to: "audit.errors.order" });
    expect((await page("from=2026-02-30")).status).toBe(400);
    const html = await admin.get("/admin/audit?action=nope");
    expect(html.status).toBe(400);
    expect(await html.text()).toContain("Cette action n’existe pas");
  });

  it("pages through older rows with a cursor that keeps the filters", async () => {
    const db = getDb();
    db.insert(auditLog)
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          actorId: "demo-admin",
          action: "settings.updated" as const,
          subjectType: "setting",
          subjectId: `test.key${i}`,
          fromState: "1",
          toState: "2",
        })),
      )
      .run();
    const first = (await page("action=settings.updated")).page;
    expect(first.rows).toHaveLength(50);
    expect(first.next).toContain("action=settings.updated");
    const second = (await page(first.next!)).page;
    expect(second.rows.length).toBeGreaterThanOrEqual(10);
    expect(second.rows.every((r) => r.id < first.rows[49]!.id && r.action === "settings.updated")).toBe(true);
    expect(first.rows[0]!.sentence).toMatch(/^Claire Dubois a changé le paramètre test\.key\d+\u00a0: 1 → 2\.$/);
  });

  it("exports the filtered rows as CSV with the same sentences", async () => {
    const response = await admin.get("/admin/audit.csv?action=accreditation.grant");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="ambassade-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toMatch(/^Date \(UTC\),Date \([^)]+\),Fait par,Concernant,Action,Ce qui s’est passé,Raison,Code de l’action,Objet$/);
    expect(text).toContain("Sophie Laurent a accordé l’accréditation de Karim Benali pour LinkedIn.");
    expect(lines.slice(1).every((l) => l.includes("accreditation.grant"))).toBe(true);
    const bad = await admin.get("/admin/audit.csv?from=nope");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("AAAA-MM-JJ");
  });

  it("reads an erased person as a former employee, never by name", async () => {
    const db = getDb();
    db.insert(users).values({ id: "audit-erased", email: "lea.martin@audit.test", name: "Léa Martin", teamId: "team-comms" }).run();
    db.insert(userRoles).values({ userId: "audit-erased", role: "employee" }).run();
    db.insert(auditLog).values({ actorId: "audit-erased", action: "person.password_changed", subjectType: "user", subjectId: "audit-erased" }).run();
    db.insert(auditLog)
      .values({ actorId: "demo-admin", action: "person.roles", subjectType: "user", subjectId: "audit-erased", fromState: "", toState: "employee" })
      .run();
    const { pseudonym } = erasePerson({ userId: "audit-erased", actorId: "demo-admin", actorEmail: "admin@ambassade.test" });
    const rows = (await page(`person=${pseudonym}`)).page.rows;
    expect(rows.map((r) => r.sentence)).toContain(`Une personne partie (${pseudonym}) a changé son mot de passe.`);
    expect(rows.map((r) => r.sentence)).toContain(`Claire Dubois a changé les rôles d’une personne partie (${pseudonym})\u00a0: aucun → Salarié·e.`);
    expect(rows.map((r) => r.sentence)).toContain(`Claire Dubois a effacé les données personnelles d’une personne partie (${pseudonym}).`);
    expect(JSON.stringify(rows)).not.toContain("Léa");
  });

  it("gives the inbox page a translated title", async () => {
    const response = await routeData(admin, "/inbox", "routes/inbox");
    expect((response.json as { title: string }).title).toBe("Notifications · Ambassade");
  });
});
