/**
 * People CSV: the preview writes nothing, bad lines are named and nothing is written, encodings and
 * delimiters, export → import changes nothing, an applied import is one transaction audited with the
 * file's name, and the admin page over HTTP (upload, preview, apply; garbage refused with a 4xx).
 */
import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { auditLog, teamManagers, teams, userRoles, users } from "../../db/schema";
import { applyImport, CsvFileError, exportPeopleCsv, planImport } from "../../app/models/people-csv.server";
import { seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { Browser } from "../support/security";
import { expectUnchanged } from "../support/gate";

const admin = { id: "demo-admin", email: "admin@ambassade.test" };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The export's text, its BOM kept. */
async function exported(): Promise<string> {
  const bytes = new Uint8Array(await new Response(await exportPeopleCsv()).arrayBuffer());
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

describe("preview", () => {
  it("says what will be created, changed and refused (line and why), and writes no person", async () => {
    const csv = [
      "email;name;team;roles;manager;language",
      "nina.roux@corp.test;Nina Roux;Ventes;employee;;fr",
      "lucas.bernard@ambassade.test;Lucas Bernard;Opérations;employee;;",
      "not-an-email;Someone;;employee;;",
      "zoe@corp.test;Zoé;;wizard;;de",
      "nina.roux@corp.test;Nina Again;;;;",
      "omar@corp.test;Omar;Ventes;employee;Ventes;en",
      '"quoted@corp.test";"Dupont; Jean";"Ventes";"employee|manager";"Ventes";"en"',
    ].join("\n");
    const before = snapshotDatabase();
    const plan = await planImport(utf8(csv), "hr-export.csv", admin);
    expect(snapshotDatabase()).toBe(before);
    expect(plan.creates.map((c) => [c.line, c.email, c.name])).toEqual([
      [2, "nina.roux@corp.test", "Nina Roux"],
      [8, "quoted@corp.test", "Dupont; Jean"],
    ]);
    expect(plan.changes).toEqual([
      expect.objectContaining({
        line: 3,
        email: "lucas.bernard@ambassade.test",
        changes: [{ field: "team", from: "Marketing & Communication", to: "Opérations" }],
      }),
    ]);
    expect(plan.refused.map((r) => [r.line, r.problems.map((p) => p.key)])).toEqual([
      [4, ["emailInvalid"]],
      [5, ["roleUnknown", "languageUnknown"]],
      [6, ["duplicateEmail"]],
      [7, ["managerWithoutRole"]],
    ]);
    expect(plan.newTeams).toEqual(["Ventes"]);
  });

  it("an import with refused lines writes nothing when applied", async () => {
    const plan = await planImport(utf8("email,name\nnew.one@corp.test,New One\nbroken,Broken\n"), "bad.csv", admin);
    const before = snapshotDatabase();
    const applied = await applyImport(admin, plan.fileId, "bad.csv");
    expect(applied.refused).toEqual([{ line: 3, email: "broken", problems: [{ key: "emailInvalid", params: { value: "broken" } }] }]);
    expectUnchanged(before, snapshotDatabase());
  });

  it("reads a BOM, semicolons, quotes with embedded delimiters and newlines, CRLF line ends", async () => {
    const csv = '\uFEFFemail;name\r\n"multi@corp.test";"Line one\r\nline two; still the name"\r\n';
    const plan = await planImport(utf8(csv), "bom.csv", admin);
    expect(plan.creates).toEqual([expect.objectContaining({ email: "multi@corp.test", name: "Line one\r\nline two; still the name" })]);
  });

  it("refuses a whole file that cannot be read, with a clear reason", async () => {
    const latin1 = new Uint8Array([...utf8("email,name\nfrancois@corp.test,Fran"), 0xe7, ...utf8("ois\n")]);
    const garbage = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 2654435761) >>> 24;
    const cases: [Uint8Array, string][] = [
      [latin1, "encoding"],
      [garbage, "encoding"],
      [utf8("name,team\nA,B\n"), "noEmailColumn"],
      [utf8("email,name,shoe_size\n"), "unknownColumns"],
      [utf8("email,email\n"), "duplicateColumn"],
      [utf8('email,name\n"unclosed@corp.test,Name\n'), "syntax"],
      [utf8(""), "empty"],
      [utf8("email,name\n\u0000\u0001\n"), "binary"],
    ];
    for (const [bytes, key] of cases) {
      const error = await planImport(bytes, "x.csv", admin).catch((e: unknown) => e);
      expect(error, key).toBeInstanceOf(CsvFileError);
      expect((error as CsvFileError).key).toBe(key);
    }
  });
});

describe("apply", () => {
  it("creates teams, people, roles and managers in one go, audited with the file's name", async () => {
    const csv =
      "email,name,team,roles,manager,language\nines.martin@corp.test,Inès Martin,Logistique,employee|manager,Logistique,fr\nhugo.petit@corp.test,Hugo Petit,Logistique,,,en\n";
    const plan = await planImport(utf8(csv), "rh-2026-12.csv", admin);
    const applied = await applyImport(admin, plan.fileId, plan.fileName);
    expect(applied.creates).toHaveLength(2);
    const ines = getDb().select().from(users).where(eq(users.email, "ines.martin@corp.test")).get()!;
    const team = getDb().select().from(teams).where(eq(teams.name, "Logistique")).get()!;
    expect(ines).toMatchObject({ name: "Inès Martin", teamId: team.id, locale: "fr", passwordHash: null });
    expect(
      getDb()
        .select({ role: userRoles.role })
        .from(userRoles)
        .where(eq(userRoles.userId, ines.id))
        .all()
        .map((r) => r.role)
        .sort(),
    ).toEqual(["employee", "manager"]);
    expect(getDb().select().from(teamManagers).where(eq(teamManagers.teamId, team.id)).all()).toEqual([{ teamId: team.id, userId: ines.id }]);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.subjectId, ines.id)).all();
    expect(audit).toEqual([
      expect.objectContaining({
        action: "person.imported",
        actorId: "demo-admin",
        data: expect.objectContaining({ source: { kind: "csv", file: "rh-2026-12.csv" }, line: 2 }),
      }),
    ]);
    // Applied once: the kept upload is gone.
    await expect(applyImport(admin, plan.fileId, plan.fileName)).rejects.toMatchObject({ key: "uploadGone" });
  });

  it("an admin cannot remove their own admin role", async () => {
    const plan = await planImport(utf8("email,roles\nadmin@ambassade.test,employee\n"), "x.csv", admin);
    expect(plan.refused[0]!.problems).toEqual([{ key: "ownAdminRole" }]);
  });

  // The first export compiles the content library (for track lengths): slow on a busy machine.
  it("export → import changes nothing (round trip)", { timeout: 90_000 }, async () => {
    const csv = await exported();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split("\n")[0]).toBe("\uFEFFemail,name,team,roles,manager,language,level,track_progress,accreditation_status,accreditation_expiry");
    expect(csv).toMatch(/ambassador@ambassade\.test,Karim Benali,Marketing & Communication,employee,,,native,\d+\/\d+,granted,\d{4}-\d{2}-\d{2}/);
    const plan = await planImport(utf8(csv), "export.csv", admin);
    expect(plan.refused).toEqual([]);
    expect(plan.creates).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(plan.unchanged).toBe(getDb().select().from(users).all().length);
  });
});

describe("the admin page over HTTP", () => {
  async function upload(browser: Browser, name: string, bytes: Uint8Array) {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type: "text/csv" }), name);
    return browser.send("POST", "/admin/people-csv?_data=routes%2Fadmin.people-csv", { body: form as unknown as BodyInit });
  }

  it("previews, then applies; garbage and oversized files get a 4xx and write nothing", async () => {
    const browser = new Browser(server.url);
    await browser.signIn("admin@ambassade.test");
    const response = await upload(browser, "new-hires.csv", utf8("email,name,team\nleo.blanc@corp.test,Léo Blanc,Opérations\n"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { preview: { fileId: string; counts: { creates: number } } };
    expect(body.preview.counts.creates).toBe(1);
    expect(getDb().select().from(users).where(eq(users.email, "leo.blanc@corp.test")).get()).toBeUndefined();
    const applied = await browser.post("/admin/people-csv", { intent: "apply", fileId: body.preview.fileId, fileName: "new-hires.csv" });
    expect(applied.status).toBe(302);
    expect(getDb().select().from(users).where(eq(users.email, "leo.blanc@corp.test")).get()).toMatchObject({ teamId: "team-ops" });

    const before = snapshotDatabase();
    const garbage = new Uint8Array(10 * 1024 * 1024).map((_, i) => (i * 7919) % 251);
    const refused = await upload(browser, "garbage.csv", garbage);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ fileError: { key: "provisioning.csv.errors.encoding" } });
    // Announced as 17 MB: refused on its Content-Length, before a byte is read.
    const huge = await new Promise<number>((resolve, reject) => {
      const url = new URL("/admin/people-csv?_data=routes%2Fadmin.people-csv", server.url);
      const request = http.request(url, {
        method: "POST",
        headers: {
          Origin: server.url,
          Cookie: browser.cookieHeader(),
          "Content-Type": "multipart/form-data; boundary=x",
          "Content-Length": String(17 * 1024 * 1024),
        },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on("error", reject);
      request.write("--x\r\n");
    });
    expect(huge).toBe(413);
    expectUnchanged(before, snapshotDatabase());

    const employee = new Browser(server.url);
    await employee.signIn("learner@ambassade.test");
    expect((await upload(employee, "x.csv", utf8("email\nx@corp.test\n"))).status).toBe(403);
  });
});
