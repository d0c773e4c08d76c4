import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { invitations, loginThrottle, sessions, users } from "../../db/schema";
import { Client, startServer, type TestServer } from "../support/server";
import { DEMO_PASSWORD, linkIn, readOutbox, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";

let server: TestServer;
beforeAll(async () => {
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

async function signedIn(email: string) {
  const client = new Client(server.url);
  const response = await client.signIn(email, DEMO_PASSWORD);
  expect(response.status).toBe(302);
  return client;
}

describe("sign-in", () => {
  it("opens a session cookie that is HttpOnly and SameSite=Lax", async () => {
    const client = new Client(server.url);
    const response = await client.signIn("learner@ambassade.test", DEMO_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/home");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("ambassade_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.get("/home")).status).toBe(200);
  });

  it("answers the same for an unknown email and a wrong password", async () => {
    const unknown = await new Client(server.url).signIn("nobody@ambassade.test", "whatever-password");
    const wrong = await new Client(server.url).signIn("trainer@ambassade.test", "wrong-password");
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const [a, b] = [await unknown.text(), await wrong.text()];
    expect(a).toContain("Adresse e-mail ou mot de passe incorrect.");
    expect(b).toContain("Adresse e-mail ou mot de passe incorrect.");
  });

  it("throttles an account after repeated failures, even with the right password", async () => {
    const client = new Client(server.url);
    for (let i = 0; i < 4; i++) expect((await client.signIn("manager@ambassade.test", "bad-password-" + i)).status).toBe(401);
    expect((await client.signIn("manager@ambassade.test", "bad-password-5")).status).toBe(429);
    expect((await client.signIn("manager@ambassade.test", DEMO_PASSWORD)).status).toBe(429);
    getDb().delete(loginThrottle).run();
    expect((await client.signIn("manager@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
  });

  it("rejects a form posted from another site", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: "learner@ambassade.test", password: DEMO_PASSWORD }),
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(response.status).toBe(403);
  });
});

describe("sessions", () => {
  it("expire: an expired session sends the person back to sign in", async () => {
    const client = await signedIn("ambassador@ambassade.test");
    getDb()
      .update(sessions)
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 10 })
      .where(eq(sessions.userId, "demo-ambassador"))
      .run();
    const response = await client.get("/home");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login/);
  });

  it("sign out ends only this session; sign out everywhere ends them all", async () => {
    const laptop = await signedIn("learner@ambassade.test");
    const phone = await signedIn("learner@ambassade.test");
    expect((await laptop.post("/logout", {})).status).toBe(302);
    expect((await laptop.get("/home")).status).toBe(302);
    expect((await phone.get("/home")).status).toBe(200);
    const tablet = await signedIn("learner@ambassade.test");
    await phone.post("/logout", { scope: "everywhere" });
    expect((await tablet.get("/home")).status).toBe(302);
    expect(getDb().select().from(sessions).where(eq(sessions.userId, "demo-learner")).all()).toHaveLength(0);
  });

  it("deactivation ends a person's sessions at once and blocks sign-in", async () => {
    const victim = await signedIn("camille.simon@ambassade.test");
    const admin = await signedIn("admin@ambassade.test");
    expect((await admin.post("/people/demo-camille.simon", { intent: "deactivate" })).status).toBe(302);
    expect((await victim.get("/home")).status).toBe(302);
    expect((await new Client(server.url).signIn("camille.simon@ambassade.test", DEMO_PASSWORD)).status).toBe(401);
    await admin.post("/people/demo-camille.simon", { intent: "reactivate" });
    expect((await new Client(server.url).signIn("camille.simon@ambassade.test", DEMO_PASSWORD)).status).toBe(302);
  });
});

describe("invitations and password reset", () => {
  it("an invitation link sets a password once, then is dead", async () => {
    const admin = await signedIn("admin@ambassade.test");
    const invite = await admin.post("/people/invite", { name: "Nina Roche", email: "Nina.Roche@ambassade.test", teamId: "team-ops", roles: ["employee"] });
    expect(invite.status).toBe(302);
    const mail = (await readOutbox()).find((m) => m.to.includes("nina.roche@ambassade.test"));
    expect(mail).toBeDefined();
    const link = new URL(linkIn(mail!.body));
    const newcomer = new Client(server.url);
    expect((await newcomer.get(link.pathname)).status).toBe(200);
    const accepted = await newcomer.post(link.pathname, { password: "a-good-long-password", confirm: "a-good-long-password" });
    expect(accepted.status).toBe(302);
    expect((await newcomer.get("/home")).status).toBe(200);
    const again = new Client(server.url);
    expect((await again.get(link.pathname)).status).toBe(410);
    expect((await again.post(link.pathname, { password: "another-long-password", confirm: "another-long-password" })).status).toBe(410);
    expect((await new Client(server.url).signIn("nina.roche@ambassade.test", "a-good-long-password")).status).toBe(302);
    expect((await new Client(server.url).signIn("nina.roche@ambassade.test", "another-long-password")).status).toBe(401);
  });

  it("an expired invitation cannot be used", async () => {
    const admin = await signedIn("admin@ambassade.test");
    await admin.post("/people/invite", { name: "Old Invite", email: "old.invite@ambassade.test", teamId: "team-ops", roles: ["employee"] });
    const link = new URL(linkIn((await readOutbox()).find((m) => m.to.includes("old.invite"))!.body));
    getDb()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .run();
    expect((await new Client(server.url).get(link.pathname)).status).toBe(410);
  });

  it("password reset mails a single-use link and signs the person out everywhere", async () => {
    const session = await signedIn("julie.girard@ambassade.test");
    const anonymous = new Client(server.url);
    expect((await anonymous.post("/forgot-password", { email: "julie.girard@ambassade.test" })).status).toBe(200);
    const link = new URL(linkIn((await readOutbox()).filter((m) => m.to.includes("julie.girard")).at(-1)!.body));
    expect((await anonymous.post(link.pathname, { password: "brand-new-password", confirm: "brand-new-password" })).status).toBe(302);
    expect((await session.get("/home")).status).toBe(302);
    expect((await new Client(server.url).signIn("julie.girard@ambassade.test", "brand-new-password")).status).toBe(302);
    expect((await anonymous.post(link.pathname, { password: "third-password-x", confirm: "third-password-x" })).status).toBe(410);
  });

  it("asking a reset for an unknown address says the same and sends nothing", async () => {
    const before = (await readOutbox()).length;
    const response = await new Client(server.url).post("/forgot-password", { email: "ghost@ambassade.test" });
    expect(response.status).toBe(200);
    expect((await readOutbox()).length).toBe(before);
  });
});

describe("roles and scope", () => {
  it("an employee opening an admin page gets 403", async () => {
    const learner = await signedIn("learner@ambassade.test");
    for (const page of ["/admin/teams", "/admin/audit", "/people", "/people/invite", "/teams"]) {
      expect((await learner.get(page)).status, page).toBe(403);
    }
    expect((await learner.post("/admin/teams", { intent: "create", name: "Pirates" })).status).toBe(403);
  });

  it("a manager sees only their own teams and cannot act on another team's people", async () => {
    const manager = await signedIn("manager@ambassade.test");
    expect((await manager.get("/teams/team-comms")).status).toBe(200);
    expect((await manager.get("/teams/team-ops")).status).toBe(404);
    const people = await (await manager.get("/people")).text();
    expect(people).toContain("Emma Petit");
    expect(people).not.toContain("Camille Simon");
    expect((await manager.get("/people/demo-camille.simon")).status).toBe(403);
    const before = snapshotDatabase();
    const invite = await manager.post("/people/invite", { name: "Intruder", email: "intruder@ambassade.test", teamId: "team-ops", roles: ["employee"] });
    expect(invite.status).toBe(400);
    const escalate = await manager.post("/people/invite", { name: "Boss", email: "boss@ambassade.test", teamId: "team-comms", roles: ["admin"] });
    expect(escalate.status).toBe(400);
    expect(snapshotDatabase()).toBe(before);
  });
});

describe("bad input on every form: 400 with per-field messages, nothing written", () => {
  const cases: { who: string | null; path: string; fields: Record<string, string | string[]>; expectField: string }[] = [
    { who: null, path: "/login", fields: { email: "not-an-email", password: "" }, expectField: "Saisissez une adresse e-mail valide" },
    { who: null, path: "/forgot-password", fields: { email: "<script>alert(1)</script>" }, expectField: "Saisissez une adresse e-mail valide" },
    {
      who: "admin@ambassade.test",
      path: "/people/invite",
      fields: { name: "", email: "x@", teamId: "team-ops", roles: [] },
      expectField: "Ce champ est obligatoire.",
    },
    {
      who: "admin@ambassade.test",
      path: "/people/invite",
      fields: { name: "Dup", email: "learner@ambassade.test", teamId: "team-ops", roles: ["employee"] },
      expectField: "Une personne utilise déjà cette adresse e-mail.",
    },
    {
      who: "admin@ambassade.test",
      path: "/people/invite",
      fields: { name: "x".repeat(500), email: "long@ambassade.test", teamId: "team-ops", roles: ["employee"] },
      expectField: "trop long",
    },
    {
      who: "admin@ambassade.test",
      path: "/people/invite",
      fields: { name: "Role", email: "role@ambassade.test", teamId: "team-ops", roles: ["superuser"] },
      expectField: "Rôle inconnu.",
    },
    {
      who: "admin@ambassade.test",
      path: "/people/invite",
      fields: { name: "T", email: "t@ambassade.test", teamId: "'; drop table users; --", roles: ["employee"] },
      expectField: "Cette équipe n’existe pas",
    },
    {
      who: "admin@ambassade.test",
      path: "/people/demo-learner",
      fields: { intent: "update", name: "", teamId: "team-comms", roles: [] },
      expectField: "Ce champ est obligatoire.",
    },
    { who: "admin@ambassade.test", path: "/people/demo-learner", fields: { intent: "explode" }, expectField: "Le formulaire contient des erreurs" },
    {
      who: "admin@ambassade.test",
      path: "/people/demo-admin",
      fields: { intent: "deactivate" },
      expectField: "Vous ne pouvez pas désactiver votre propre compte.",
    },
    { who: "admin@ambassade.test", path: "/admin/teams", fields: { intent: "create", name: "Opérations" }, expectField: "Une équipe porte déjà ce nom." },
    { who: "admin@ambassade.test", path: "/admin/teams", fields: { intent: "create", name: "   " }, expectField: "Ce champ est obligatoire." },
    {
      who: "admin@ambassade.test",
      path: "/admin/teams",
      fields: { intent: "managers", teamId: "team-ops", managers: ["demo-learner"] },
      expectField: "Chaque manager choisi doit avoir le rôle Manager.",
    },
    {
      who: "admin@ambassade.test",
      path: "/admin/teams",
      fields: { intent: "rename", teamId: "team-ops", name: "Marketing & Communication" },
      expectField: "Une équipe porte déjà ce nom.",
    },
  ];

  for (const c of cases) {
    it(`${c.path} ${JSON.stringify(c.fields).slice(0, 80)}`, async () => {
      const client = c.who ? await signedIn(c.who) : new Client(server.url);
      const before = snapshotDatabase();
      const response = await client.post(c.path, c.fields);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const html = (await response.text()).replace(/&#x27;/g, "'");
      expect(html).toContain(c.expectField);
      expect(snapshotDatabase()).toBe(before);
    });
  }

  it("passwords that are too short or do not match are refused on the invitation page", async () => {
    const admin = await signedIn("admin@ambassade.test");
    await admin.post("/people/invite", { name: "Short Pw", email: "short.pw@ambassade.test", teamId: "team-ops", roles: ["employee"] });
    const link = new URL(linkIn((await readOutbox()).find((m) => m.to.includes("short.pw"))!.body));
    const client = new Client(server.url);
    const before = snapshotDatabase();
    const short = await client.post(link.pathname, { password: "short", confirm: "short" });
    expect(short.status).toBe(400);
    expect(await short.text()).toMatch(/au moins 12\scaractères/);
    const mismatch = await client.post(link.pathname, { password: "long-enough-1", confirm: "long-enough-2" });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("ne correspondent pas");
    expect(snapshotDatabase()).toBe(before);
    expect(getDb().select({ h: users.passwordHash }).from(users).where(eq(users.email, "short.pw@ambassade.test")).get()?.h).toBeNull();
  });
});
