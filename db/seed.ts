/**
 * The demo organisation: five documented logins and enough colleagues in two teams for pages to
 * look real. Idempotent: each step checks whether it already ran.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { hashPassword } from "../app/auth/password.server";
import { parseQuestionnaire } from "../app/content/diagnostic-schema";
import { placeLevel, type Level, type Scores } from "../app/domain/placement";
import { databasePath, type Db } from "./connection";
import { seedAccreditationDemo } from "./seed-accreditation";
import { seedDemoCredentials } from "./seed-credentials";
import { placements, teamManagers, teams, userRoles, users, type Role } from "./schema";

/**
 * The demo people's password: none is published. At the first start it is generated, printed once
 * and written to this file, readable by its owner only (0600), in the data folder. DEMO_PASSWORD sets
 * it instead (the tests and the end-to-end suite do, to sign in as the demo people).
 */
export function demoPasswordFile(): string {
  return path.join(path.dirname(databasePath()), "demo-password.txt");
}

function demoPassword(): { password: string; generated: boolean } {
  const given = process.env.DEMO_PASSWORD;
  if (given) return { password: given, generated: false };
  // 4 groups of 5 characters from a 32-letter alphabet without look-alikes: 100 bits, easy to type.
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join("");
  return { password: chars.match(/.{5}/g)!.join("-"), generated: true };
}

/** Writes the generated password where only the server's user can read it; replaced, never appended. */
function writeDemoPasswordFile(password: string): string {
  const file = demoPasswordFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600, flag: "wx" });
  fs.chmodSync(file, 0o600);
  return file;
}

export type SeedResult = {
  created: boolean;
  /** The password, when it was generated now (to print once); null otherwise. */
  generatedPassword: string | null;
  /** Where the generated password is kept, if it was generated (now or at an earlier start). */
  passwordFile: string | null;
};

export const DEMO_LOGINS: { email: string; name: string; roles: Role[]; team: "comms" | "ops" | null; description: string }[] = [
  { email: "admin@ambassade.test", name: "Claire Dubois", roles: ["admin"], team: null, description: "admin: people, teams, settings" },
  { email: "trainer@ambassade.test", name: "Julien Mercier", roles: ["trainer"], team: null, description: "trainer: modules, placements, reviews" },
  {
    email: "manager@ambassade.test",
    name: "Sophie Laurent",
    roles: ["manager", "employee"],
    team: "comms",
    description: "manager of Marketing & Communication",
  },
  { email: "ambassador@ambassade.test", name: "Karim Benali", roles: ["employee"], team: "comms", description: "employee, accredited for LinkedIn" },
  { email: "learner@ambassade.test", name: "Emma Petit", roles: ["employee"], team: "comms", description: "employee, not yet placed" },
];

const DEMO_TEAMS = {
  comms: { id: "team-comms", name: "Marketing & Communication" },
  ops: { id: "team-ops", name: "Opérations" },
};

const COLLEAGUES: { name: string; team: "comms" | "ops"; roles?: Role[] }[] = [
  { name: "Lucas Bernard", team: "comms" },
  { name: "Chloé Thomas", team: "comms" },
  { name: "Hugo Robert", team: "comms" },
  { name: "Léa Richard", team: "comms" },
  { name: "Nathan Durand", team: "comms" },
  { name: "Manon Leroy", team: "comms" },
  { name: "Olivier Moreau", team: "ops", roles: ["manager", "employee"] },
  { name: "Camille Simon", team: "ops" },
  { name: "Thomas Michel", team: "ops" },
  { name: "Sarah Lefebvre", team: "ops" },
  { name: "Antoine Garcia", team: "ops" },
  { name: "Inès Roux", team: "ops" },
  { name: "Maxime Fournier", team: "ops" },
  { name: "Julie Girard", team: "ops" },
];

function emailFor(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z]+/g, ".") + "@ambassade.test"
  );
}

/** Creates the demo organisation unless it is there; says whether it did and where its password is. */
export async function seedDemo(db: Db): Promise<SeedResult> {
  const present = db.select({ id: users.id }).from(users).where(eq(users.email, "admin@ambassade.test")).get();
  if (present) {
    seedAccreditationDemo(db);
    seedDemoCredentials(db);
    return { created: false, generatedPassword: null, passwordFile: fs.existsSync(demoPasswordFile()) ? demoPasswordFile() : null };
  }
  const { password, generated } = demoPassword();
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    for (const team of Object.values(DEMO_TEAMS)) tx.insert(teams).values(team).onConflictDoNothing().run();
    const people = [
      ...DEMO_LOGINS.map((l) => ({ email: l.email, name: l.name, roles: l.roles, team: l.team })),
      ...COLLEAGUES.map((c) => ({ email: emailFor(c.name), name: c.name, roles: c.roles ?? (["employee"] as Role[]), team: c.team })),
    ];
    for (const person of people) {
      const id = `demo-${person.email.split("@")[0]}`;
      tx.insert(users)
        .values({ id, email: person.email, name: person.name, passwordHash, teamId: person.team ? DEMO_TEAMS[person.team].id : null })
        .run();
      tx.insert(userRoles)
        .values(person.roles.map((role) => ({ userId: id, role })))
        .run();
    }
    tx.insert(teamManagers).values({ teamId: DEMO_TEAMS.comms.id, userId: "demo-manager" }).run();
    tx.insert(teamManagers).values({ teamId: DEMO_TEAMS.ops.id, userId: "demo-olivier.moreau" }).run();
    const version = questionnaireVersion();
    for (const placement of DEMO_PLACEMENTS) {
      const placed = placeLevel(placement.scores);
      const override = placement.override;
      tx.insert(placements)
        .values({
          id: `demo-placement-${placement.userId}`,
          userId: placement.userId,
          level: override?.level ?? placed.level,
          source: override ? "override" : "questionnaire",
          scores: placement.scores,
          facts: placed.facts,
          reason: override?.reason ?? null,
          setBy: override ? "demo-manager" : null,
          questionnaireVersion: override ? null : version,
        })
        .run();
    }
  });
  seedAccreditationDemo(db);
  seedDemoCredentials(db);
  const passwordFile = generated ? writeDemoPasswordFile(password) : null;
  return { created: true, generatedPassword: generated ? password : null, passwordFile };
}

/** The version of the questionnaire in the content folder, which the demo placements' scores follow. */
function questionnaireVersion(): number {
  const file = path.join(process.env.CONTENT_DIR ?? "content", "diagnostic", "questionnaire.yaml");
  const parsed = parseQuestionnaire(fs.readFileSync(file, "utf8"), file);
  if (!parsed.ok) throw new Error(`${file} is invalid: run npm run content:check`);
  return parsed.questionnaire.version;
}

/**
 * Placements that make the team pages look real, as scores of the current model (version 2 of the
 * questionnaire: usage is active use, exposure is first-hand contact; docs/placement-model.md). The demo learner is deliberately not placed, so that
 * signing in as them starts the questionnaire.
 */
const DEMO_PLACEMENTS: { userId: string; scores: Scores; override?: { level: Level; reason: string } }[] = [
  { userId: "demo-ambassador", scores: { usage: 0.85, exposure: 0.9, knowledge: 0.8, attitude: 0.7, ease: 0.8 } },
  { userId: "demo-manager", scores: { usage: 0.6, exposure: 0.75, knowledge: 0.7, attitude: 0.6, ease: 0.55 } },
  { userId: "demo-lucas.bernard", scores: { usage: 0.55, exposure: 0.75, knowledge: 0.6, attitude: 0.4, ease: 0.5 } },
  { userId: "demo-chloe.thomas", scores: { usage: 0.2, exposure: 0.6, knowledge: 0.55, attitude: 0.2, ease: 0.3 } },
  { userId: "demo-hugo.robert", scores: { usage: 0.15, exposure: 0.1, knowledge: 0.15, attitude: 0.3, ease: 0.1 } },
  { userId: "demo-lea.richard", scores: { usage: 0.5, exposure: 0.75, knowledge: 0.6, attitude: -0.6, ease: 0.5 } },
  {
    userId: "demo-nathan.durand",
    scores: { usage: 0.7, exposure: 0.75, knowledge: 0.65, attitude: 0.5, ease: 0.6 },
    override: { level: "native", reason: "Runs the team's LinkedIn page since 2019; the questionnaire underrated him." },
  },
  { userId: "demo-olivier.moreau", scores: { usage: 0.4, exposure: 0.6, knowledge: 0.5, attitude: 0.1, ease: 0.4 } },
  { userId: "demo-camille.simon", scores: { usage: 0.9, exposure: 1, knowledge: 0.85, attitude: 0.8, ease: 0.9 } },
  { userId: "demo-thomas.michel", scores: { usage: 0.1, exposure: 0, knowledge: 0.2, attitude: 0.0, ease: 0.1 } },
  { userId: "demo-sarah.lefebvre", scores: { usage: 0.3, exposure: 0.5, knowledge: 0.5, attitude: -0.2, ease: 0.3 } },
  { userId: "demo-antoine.garcia", scores: { usage: 0.6, exposure: 0.6, knowledge: 0.4, attitude: -0.5, ease: 0.5 } },
];
