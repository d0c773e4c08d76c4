/**
 * Notifications (issue 16, ADR 0020): every workflow event queues exactly one mail to the right person,
 * in their language, in the transaction of the change, with an inbox row; optional kinds are not mailed
 * once turned off, mandatory ones always are; a charter publication is confirmed with the number of
 * people it will suspend, which is the number it suspends, and each of them is told; the inbox's unread
 * count and "mark as read"; changing one's password on the account page.
 * Each test creates its own people (team-comms, managed by the demo manager).
 */
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import {
  accreditations,
  mailOutbox,
  notificationOptOuts,
  notifications,
  placements,
  reflections,
  sessions,
  teamManagers,
  users,
  type Locale,
  type Role,
} from "../../db/schema";
import {
  declineAccreditation,
  grantAccreditation,
  reopenAccreditation,
  requestAccreditation,
  revokeAccreditation,
} from "../../app/models/accreditation.server";
import { runAccreditationJobs } from "../../app/models/accreditation-jobs.server";
import { charterPublicationPreview } from "../../app/models/charter.server";
import { overridePlacement } from "../../app/models/placement.server";
import { reviewReflection } from "../../app/models/reviews.server";
import { insertUser } from "../../app/models/user.server";
import { DEMO_PASSWORD, readOutbox, seedDemoOrganisation, snapshotDatabase } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { signedIn, useContentCopy } from "../support/accreditation";
import { grantFor, move, signCharter } from "../support/gate";
import { makeEligible } from "../support/security";

let server: TestServer;
beforeAll(async () => {
  useContentCopy("2026-06");
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

const DAY = 24 * 60 * 60 * 1000;
const MANAGER = "demo-manager";
let serial = 0;

/** A new person in team-comms, placed native, who can sign in with the demo password. */
function insertNewUser(locale: Locale, roles: Role[] = ["employee"]): { id: string; email: string; name: string } {
  serial += 1;
  const email = `notify-${serial}-${Date.now()}@ambassade.test`;
  const name = `Emma Notif${serial}`;
  const passwordHash = getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.email, "admin@ambassade.test")).get()!.hash;
  const id = getDb().transaction((tx) => insertUser(tx, { email, name, teamId: "team-comms", roles, passwordHash }));
  getDb().update(users).set({ locale }).where(eq(users.id, id)).run();
  getDb()
    .insert(placements)
    .values({ id: `placement-${id}`, userId: id, level: "native", source: "questionnaire", facts: [] })
    .run();
  return { id, email, name };
}

/** The mails queued since `before` (the outbox ids then). */
function outboxIds(): string[] {
  return getDb()
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .all()
    .map((r) => r.id);
}
function mailsSince(before: readonly string[]) {
  const db = getDb();
  return (
    before.length
      ? db
          .select()
          .from(mailOutbox)
          .where(notInArray(mailOutbox.id, [...before]))
      : db.select().from(mailOutbox)
  ).all();
}
const emailOf = (userId: string) => getDb().select({ email: users.email }).from(users).where(eq(users.id, userId)).get()!.email;
const inboxOf = (userId: string) => getDb().select().from(notifications).where(eq(notifications.userId, userId)).all();
const teamManagerIds = () =>
  getDb()
    .select({ id: teamManagers.userId })
    .from(teamManagers)
    .where(eq(teamManagers.teamId, "team-comms"))
    .all()
    .map((r) => r.id);
const decider = { id: MANAGER, scope: ["team-comms"] };
const statement = "Relayer les offres d’emploi de l’équipe et répondre aux candidats.";

async function requested(person: { id: string }, channels = ["linkedin"]): Promise<string> {
  await makeEligible(person.id);
  return requestAccreditation(person.id, { channels, statement });
}
const version = (id: string) => getDb().select({ v: accreditations.version }).from(accreditations).where(eq(accreditations.id, id)).get()!.v;

describe("each event queues exactly one mail, to the right person, in their language", () => {
  it("a request: one mail to each manager of the team (none to the person), and an inbox item", async () => {
    getDb().update(users).set({ locale: "en" }).where(eq(users.id, MANAGER)).run();
    const emma = insertNewUser("fr");
    await makeEligible(emma.id);
    const before = outboxIds();
    const id = await requestAccreditation(emma.id, { channels: ["linkedin"], statement });
    const mails = mailsSince(before);
    const managers = teamManagerIds();
    expect(mails.map((m) => m.to).sort()).toEqual(managers.map(emailOf).sort());
    const toManager = mails.find((m) => m.to === "manager@ambassade.test")!;
    expect(toManager).toMatchObject({ kind: "notification.request_waiting", refId: id, subject: `${emma.name} requests an accreditation` });
    expect(inboxOf(MANAGER).filter((n) => n.kind === "request_waiting" && n.link === `/team/requests/${id}`)).toHaveLength(1);
    expect(inboxOf(emma.id)).toHaveLength(0);
  });

  it("a partial grant: one mail to the person, in English, that says which channels were not granted", async () => {
    const emma = insertNewUser("en");
    const id = await requested(emma, ["linkedin", "instagram"]);
    const before = outboxIds();
    await grantAccreditation(decider, id, { expectedVersion: version(id), channels: ["linkedin"], validUntil: new Date(Date.now() + 90 * DAY) });
    const mails = mailsSince(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: emma.email, kind: "notification.granted", subject: "Your accreditation is granted" });
    const sent = (await readOutbox()).filter((m) => m.to === emma.email).pop()!;
    const body = sent.body.replace(/=\r?\n/g, "");
    expect(body).toContain("You also asked for: Instagram");
    expect(body).toContain("text/html");
    expect(inboxOf(emma.id).map((n) => n.kind)).toEqual(["granted"]);
  });

  it("a decline with its reason, in French; none once the person turned declines off, though the inbox still has it", async () => {
    const emma = insertNewUser("fr");
    const id = await requested(emma);
    const before = outboxIds();
    declineAccreditation(decider, id, { expectedVersion: version(id), reason: "Parcours à consolider" });
    const mails = mailsSince(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: emma.email, kind: "notification.declined", subject: "Votre demande d’accréditation est refusée" });
    expect(
      (await readOutbox())
        .filter((m) => m.to === emma.email)
        .pop()!
        .body.replace(/=\r?\n/g, ""),
    ).toContain("Parcours =C3=A0 consolider");

    const lucie = insertNewUser("fr");
    getDb().insert(notificationOptOuts).values({ userId: lucie.id, kind: "declined" }).run();
    const id2 = await requested(lucie);
    const before2 = outboxIds();
    declineAccreditation(decider, id2, { expectedVersion: version(id2), reason: "Pas encore" });
    expect(mailsSince(before2)).toHaveLength(0);
    expect(inboxOf(lucie.id).map((n) => n.kind)).toEqual(["declined"]);
  });

  it("a revocation is mailed even to someone who turned every optional kind off (it changes what they may do)", async () => {
    const emma = insertNewUser("en");
    getDb()
      .insert(notificationOptOuts)
      .values([
        { userId: emma.id, kind: "declined" },
        { userId: emma.id, kind: "reopened" },
        { userId: emma.id, kind: "renewed" },
      ])
      .run();
    signCharter(emma.id);
    const id = grantFor(emma.id, ["linkedin"]);
    const before = outboxIds();
    revokeAccreditation(decider, id, { expectedVersion: version(id), reason: "Confidential figure posted" });
    const mails = mailsSince(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: emma.email, kind: "notification.revoked", subject: "Your accreditation is revoked" });
    // Reopening is optional, and turned off: the inbox only.
    const before2 = outboxIds();
    await reopenAccreditation(decider, id, { expectedVersion: version(id) });
    expect(mailsSince(before2)).toHaveLength(0);
    expect(
      inboxOf(emma.id)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(["granted", "reopened", "revoked"]);
  });

  it("an expiry: the person is told once; the renewal; nobody is told twice by a second run", async () => {
    const emma = insertNewUser("fr");
    signCharter(emma.id);
    const now = new Date();
    const id = grantFor(emma.id, ["linkedin"], { validUntil: new Date(now.getTime() + 20 * DAY) });
    const before = outboxIds();
    await runAccreditationJobs(now);
    const mine = mailsSince(before).filter((m) => m.refId === id);
    expect(mine.map((m) => [m.to, m.kind]).sort()).toEqual(
      [[emma.email, "notification.expiring"], ...teamManagerIds().map((m) => [emailOf(m), "notification.team_expiring"])].sort(),
    );
    const before2 = outboxIds();
    await runAccreditationJobs(now);
    expect(mailsSince(before2).filter((m) => m.refId === id)).toHaveLength(0);

    const before3 = outboxIds();
    move(id, "expire", { now: new Date(now.getTime() + 21 * DAY) });
    expect(mailsSince(before3).map((m) => [m.to, m.kind, m.subject])).toEqual([[emma.email, "notification.expired", "Votre accréditation a expiré"]]);
  });

  it("a reflection reviewed and a placement overridden: one mail each to the person; none when turned off", async () => {
    const emma = insertNewUser("en");
    getDb()
      .insert(reflections)
      .values({ userId: emma.id, moduleId: "core-charter-editorial-line", reflectionId: "r1", text: "My thoughts.", reviewStatus: "pending" })
      .run();
    const seen = getDb().select({ at: reflections.updatedAt }).from(reflections).where(eq(reflections.userId, emma.id)).get()!.at.getTime();
    const before = outboxIds();
    reviewReflection("demo-trainer", {
      userId: emma.id,
      moduleId: "core-charter-editorial-line",
      reflectionId: "r1",
      comment: "Good.",
      seenUpdatedAt: seen,
      moduleTitles: { fr: "Ligne éditoriale", en: "Editorial line" },
    });
    expect(mailsSince(before).map((m) => [m.to, m.kind, m.subject])).toEqual([[emma.email, "notification.reflection_reviewed", "Your answer was reviewed"]]);
    const line = await (await (await signedIn(server, emma.email)).get("/inbox")).text();
    expect(line).toContain("reviewed your answer in “Editorial line”");

    const before2 = outboxIds();
    overridePlacement({ id: "demo-trainer", teamIds: undefined }, emma.id, { level: "beginner", reason: "Starts from the basics." });
    expect(mailsSince(before2).map((m) => [m.to, m.kind, m.subject])).toEqual([[emma.email, "notification.placement_overridden", "Your level was changed"]]);
    getDb().insert(notificationOptOuts).values({ userId: emma.id, kind: "placement_overridden" }).run();
    const before3 = outboxIds();
    overridePlacement({ id: "demo-trainer", teamIds: undefined }, emma.id, { level: "native", reason: "Back to native." });
    expect(mailsSince(before3)).toHaveLength(0);
  });

  it("the account page turns optional kinds off, and cannot turn a mandatory one off", async () => {
    const emma = insertNewUser("fr");
    const client = await signedIn(server, emma.email);
    const html = await (await client.get("/account")).text();
    expect(html).toContain("Demande refusée");
    expect(html).not.toMatch(/name="mail" value="revoked"/);
    const saved = await client.post("/account", { intent: "notifications", mail: ["request_waiting", "revoked"] });
    expect(saved.status).toBe(302);
    const off = getDb()
      .select({ kind: notificationOptOuts.kind })
      .from(notificationOptOuts)
      .where(eq(notificationOptOuts.userId, emma.id))
      .all()
      .map((r) => r.kind);
    expect(off).toContain("declined");
    expect(off).not.toContain("request_waiting");
    expect(off).not.toContain("revoked");
  });
});

describe("publishing a charter version", () => {
  it("the confirmation counts exactly the people it suspends; each gets one mail with what changed, their managers one digest", async () => {
    const people = [insertNewUser("fr"), insertNewUser("en"), insertNewUser("fr")];
    for (const p of people) {
      signCharter(p.id, "2026-01");
      grantFor(p.id, ["linkedin"]);
    }
    // One of them already signed the new version: not suspended.
    signCharter(people[2]!.id, "2026-06");
    const admin = await signedIn(server, "admin@ambassade.test");
    const page = await (await admin.get("/admin/charter?publish=2026-06")).text();
    const preview = await charterPublicationPreview("2026-06");
    expect(page).toContain(preview.suspended === 1 ? "1 personne accréditée sera suspendue" : `${preview.suspended} personnes accréditées seront suspendues`);
    const inForce = getDb().select({ userId: accreditations.userId }).from(accreditations).where(eq(accreditations.status, "granted")).all();

    // A count that is no longer true is refused, and nothing is written.
    const snapshot = snapshotDatabase();
    const stale = await admin.post("/admin/charter", { version: "2026-06", summaryFr: "x", summaryEn: "x", expected: String(preview.suspended + 1) });
    expect(stale.status).toBe(409);
    expect(snapshotDatabase()).toBe(snapshot);

    const before = outboxIds();
    const published = await admin.post("/admin/charter", {
      version: "2026-06",
      summaryFr: "Nouvelle règle sur l’IA générative.",
      summaryEn: "A new rule on generative AI.",
      expected: String(preview.suspended),
    });
    expect(published.status).toBe(302);
    const suspended = getDb()
      .select({ userId: accreditations.userId })
      .from(accreditations)
      .where(
        and(
          eq(accreditations.status, "suspended"),
          inArray(
            accreditations.userId,
            inForce.map((r) => r.userId),
          ),
        ),
      )
      .all();
    expect(suspended).toHaveLength(preview.suspended);
    expect(suspended.map((s) => s.userId)).not.toContain(people[2]!.id);

    const mails = mailsSince(before);
    const toSuspended = mails.filter((m) => m.kind === "notification.suspended");
    expect(toSuspended.map((m) => m.to).sort()).toEqual(suspended.map((s) => emailOf(s.userId)).sort());
    expect(toSuspended.find((m) => m.to === people[1]!.email)!.subject).toBe("Your accreditation is suspended: sign the new charter");
    const sent = (await readOutbox()).filter((m) => m.to === people[1]!.email).pop()!;
    expect(sent.body.replace(/=\r?\n/g, "")).toContain("What changed: A new rule on generative AI.");
    // Managers: one mail each for the whole publication (a digest of their team's suspensions).
    for (const manager of teamManagerIds()) expect(mails.filter((m) => m.to === emailOf(manager))).toHaveLength(1);
    expect(mails.filter((m) => m.to === "manager@ambassade.test")[0]!.kind).toBe("notification_digest");

    // Signers read what changed before signing, in their language.
    const english = await (await (await signedIn(server, people[1]!.email)).get("/charter")).text();
    expect(english).toContain("What changed in this version");
    expect(english).toContain("A new rule on generative AI.");
  });
});

describe("the inbox", () => {
  it("shows the unread count in the header, marks one and all as read, and refuses another person's notice", async () => {
    const emma = insertNewUser("fr");
    const other = insertNewUser("fr");
    const id1 = await requested(emma);
    declineAccreditation(decider, id1, { expectedVersion: version(id1), reason: "Pas encore" });
    signCharter(emma.id);
    const id2 = grantFor(emma.id, ["linkedin"]);
    revokeAccreditation(decider, id2, { expectedVersion: version(id2), reason: "Une raison" });
    const client = await signedIn(server, emma.email);
    const home = await (await client.get("/home")).text();
    // Declined, granted, revoked.
    expect(home).toMatch(/data-testid="unread-count">3<span class="sr-only"> <!-- -->non lues<\/span>/);
    const inbox = await (await client.get("/inbox")).text();
    expect(inbox).toContain("Demande refusée. Motif\u00a0: Pas encore");
    expect(inbox).toContain("3 non lues");

    const [first] = inboxOf(emma.id);
    const opened = await client.post("/inbox", { intent: "open", id: first!.id });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe(first!.link);
    expect(await (await client.get("/home")).text()).toMatch(/data-testid="unread-count">2<span class="sr-only"> <!-- -->non lues<\/span>/);

    const otherClient = await signedIn(server, other.email);
    const snapshot = snapshotDatabase();
    expect((await otherClient.post("/inbox", { intent: "read", id: inboxOf(emma.id)[1]!.id })).status).toBe(404);
    expect((await otherClient.post("/inbox", { intent: "read", id: "not-a-uuid" })).status).toBe(400);
    expect(snapshotDatabase()).toBe(snapshot);

    expect((await client.post("/inbox", { intent: "readAll" })).status).toBe(302);
    expect(inboxOf(emma.id).every((n) => n.readAt !== null)).toBe(true);
    expect(await (await client.get("/home")).text()).not.toContain('data-testid="unread-count"');
  });
});

describe("changing one's password", () => {
  it("needs the current password and a strong new one; other sessions end, this one stays", async () => {
    const emma = insertNewUser("fr");
    const here = await signedIn(server, emma.email);
    const elsewhere = await signedIn(server, emma.email);
    const snapshot = snapshotDatabase();
    const wrong = await here.post("/account", {
      intent: "password",
      current: "not my password",
      password: "correct horse battery staple 42",
      confirm: "correct horse battery staple 42",
    });
    expect(wrong.status).toBe(400);
    const weak = await here.post("/account", { intent: "password", current: DEMO_PASSWORD, password: "password1234", confirm: "password1234" });
    expect(weak.status).toBe(400);
    expect(snapshotDatabase()).toBe(snapshot);
    const changed = await here.post("/account", {
      intent: "password",
      current: DEMO_PASSWORD,
      password: "violet tundra harbour 1987 kite",
      confirm: "violet tundra harbour 1987 kite",
    });
    expect(changed.status).toBe(302);
    expect((await here.get("/account")).status).toBe(200);
    expect((await elsewhere.get("/account")).status).toBe(302);
    expect(getDb().select().from(sessions).where(eq(sessions.userId, emma.id)).all()).toHaveLength(1);
  });
});

describe("an invitation when mail only goes to a file", () => {
  it("is not claimed as sent: the admin is told so and given the link; a manager is told to ask an admin", async () => {
    expect(process.env.SMTP_URL).toBeUndefined();
    const admin = await signedIn(server, "admin@ambassade.test");
    const invited = await admin.post("/people/invite", { name: "Nora Fichier", email: "nora.fichier@ambassade.test", teamId: "team-ops", roles: ["employee"] });
    expect(invited.status).toBe(302);
    const page = await (await admin.get(invited.headers.get("Location")!)).text();
    expect(page).toContain("Invitation enregistrée pour nora.fichier@ambassade.test, mais aucun serveur de messagerie n’est configuré");
    expect(page).not.toContain("Invitation envoyée");
    const link = page.match(/https?:\/\/[^\s<"]+\/invite\/[\w-]+/)?.[0];
    expect(link).toBeDefined();
    expect((await fetch(server.url + new URL(link!).pathname)).status).toBe(200);

    const manager = await signedIn(server, "manager@ambassade.test");
    const byManager = await manager.post("/people/invite", {
      name: "Noé Fichier",
      email: "noe.fichier@ambassade.test",
      teamId: "team-comms",
      roles: ["employee"],
    });
    const managerPage = await (await manager.get(byManager.headers.get("Location")!)).text();
    // The demo manager reads English once the first test of this file ran.
    expect(managerPage).toMatch(/Ask an administrator to pass the invitation link on\.|Demandez à un administrateur de transmettre le lien/);
    expect(managerPage).not.toMatch(/\/invite\/[\w-]{20,}/);
  });
});
