/**
 * A person of tests/e2e/certificate.spec.ts's own, written into the running server's database
 * (DATABASE_PATH) through the real models: placed, charter signed, granted for LinkedIn by the demo
 * manager through the state machine (which issues the signed credential). Prints their email and
 * credential id as JSON. The password is the demo one (copied from the demo admin's account).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "../../db/connection";
import { accreditations, credentials, placements, users } from "../../db/schema";
import { insertUser } from "../../app/models/user.server";
import { grantFor, signCharter } from "../support/gate";

const db = getDb();
const suffix = randomUUID().slice(0, 8);
const email = `rose.certifiee.${suffix}@example.org`;
const passwordHash = db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, "admin@ambassade.test")).get()!.hash;
const userId = db.transaction((tx) => insertUser(tx, { email, name: "Rose Certifiée", teamId: "team-comms", roles: ["employee"], passwordHash }));
db.insert(placements)
  .values({ id: `placement-${userId}`, userId, level: "native", source: "questionnaire", facts: [] })
  .run();
signCharter(userId);
const accreditationId = grantFor(userId, ["linkedin"]);
const credential = db.select({ id: credentials.id }).from(credentials).where(eq(credentials.accreditationId, accreditationId)).get();
if (!credential || !db.select().from(accreditations).where(eq(accreditations.id, accreditationId)).get()) throw new Error("no credential issued");
closeDb();
console.log(`CERTIFICATE_FIXTURE ${JSON.stringify({ email, credentialId: credential.id })}`);
