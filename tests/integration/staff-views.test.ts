/**
 * Staff views in the third person (issue 16): a manager reading someone's suspended accreditation or
 * placement reads about that person, never "you", and gets no link to their own charter; a partial
 * grant is explained to the learner and the manager; revoked people stay in the manager's list; the
 * decisions are listed per person and per team.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/connection";
import { accreditations } from "../../db/schema";
import { grantAccreditation, requestAccreditation, revokeAccreditation } from "../../app/models/accreditation.server";
import { publishCharter } from "../../app/models/charter.server";
import { seedDemoOrganisation } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { signedIn, useContentCopy } from "../support/accreditation";
import { grantFor, signCharter } from "../support/gate";
import { insertNewUser, makeEligible } from "../support/people";

let server: TestServer;
beforeAll(async () => {
  useContentCopy("2026-06");
  await seedDemoOrganisation();
  server = await startServer();
});
afterAll(() => server.close());

const DAY = 24 * 60 * 60 * 1000;
const decider = { id: "demo-manager", scope: ["team-comms"] };
const version = (id: string) => getDb().select({ v: accreditations.version }).from(accreditations).where(eq(accreditations.id, id)).get()!.v;
const visibleText = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ");

describe("a manager reads about the person, not about themselves", () => {
  it("a suspended accreditation: the person's name, no 'your', no link to the manager's own charter", async () => {
    const emma = insertNewUser("Emma Lefèvre");
    signCharter(emma.id, "2026-01");
    const id = grantFor(emma.id, ["linkedin"]);
    await publishCharter("demo-admin", "2026-06", new Date(), undefined, { fr: "IA générative.", en: "Generative AI." });
    const manager = await signedIn(server, "manager@ambassade.test");
    const html = await (await manager.get(`/team/requests/${id}`)).text();
    const text = visibleText(html);
    expect(text).toContain("Emma Lefèvre n’a pas encore signé la charte 2026-06");
    expect(text).not.toMatch(/Votre accréditation|Signez-la|vous ne l’avez pas/);
    expect(html).not.toContain('href="/charter"');
    // The person's own page still speaks to her.
    const own = visibleText(await (await (await signedIn(server, emma.email)).get("/accreditation")).text());
    expect(own).toContain("Votre accréditation est suspendue");
  });

  it("a placement: 'their answers', not 'your answers'", async () => {
    const lea = insertNewUser("Léa Martin");
    const trainer = await signedIn(server, "trainer@ambassade.test");
    const text = visibleText(await (await trainer.get(`/people/${lea.id}/placement`)).text());
    expect(text).toContain("Utilise beaucoup les réseaux sociaux");
    expect(text).not.toContain("Vous utilisez beaucoup");
  });
});

describe("a partial grant is explained", () => {
  it("to the learner and to the manager", async () => {
    const hugo = insertNewUser("Hugo Petit");
    await makeEligible(hugo.id);
    const id = await requestAccreditation(hugo.id, {
      channels: ["linkedin", "instagram"],
      statement: "Relayer les offres d’emploi de l’équipe sur LinkedIn et Instagram.",
    });
    await grantAccreditation(decider, id, { expectedVersion: version(id), channels: ["linkedin"], validUntil: new Date(Date.now() + 60 * DAY) });
    const learner = visibleText(await (await (await signedIn(server, hugo.email)).get("/accreditation")).text());
    expect(learner).toContain("Vous aviez aussi demandé\u00a0: Instagram");
    const manager = visibleText(await (await (await signedIn(server, "manager@ambassade.test")).get(`/team/requests/${id}`)).text());
    expect(manager).toContain("Demandés mais non accordés\u00a0: Instagram");
  });
});

describe("revoked people and decisions stay listed", () => {
  it("a revoked person stays in the manager's list; the decisions are listed per person and per team", async () => {
    const ines = insertNewUser("Inès Garnier");
    signCharter(ines.id);
    const id = grantFor(ines.id, ["linkedin"]);
    revokeAccreditation(decider, id, { expectedVersion: version(id), reason: "Publication d’un chiffre interne" });
    const manager = await signedIn(server, "manager@ambassade.test");
    const list = visibleText(await (await manager.get("/team/requests")).text());
    expect(list).toContain("Retirées, expirées ou refusées");
    expect(list).toMatch(/Inès Garnier\s+Retirée/);
    expect(list).toContain("Décisions récentes");
    expect(list).toContain("Publication d’un chiffre interne");
    const one = visibleText(await (await manager.get(`/team/requests/${id}`)).text());
    expect(one).toContain("Historique des décisions");
    expect(one).toMatch(/Retrait → Retirée\s+Sophie Laurent\s+Publication d’un chiffre interne/);
    // The other team's manager sees none of it.
    const other = visibleText(await (await (await signedIn(server, "olivier.moreau@ambassade.test")).get("/team/requests")).text());
    expect(other).not.toContain("Inès Garnier");
  });
});
