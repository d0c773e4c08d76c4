/**
 * The accredited person of tests/e2e/gate.spec.ts, created in the running server's database
 * (DATABASE_PATH) through the real models: a new person of Marketing & Communication, eligible, who
 * asked for LinkedIn and was granted it by the demo manager. Run with tsx; writes the person as JSON to
 * PERSON_FILE (stdout also carries the models' log lines).
 * The spec revokes this person, so no other spec's people change (issue 12: no order between specs).
 */
import fs from "node:fs";
import { closeDb } from "../../db/connection";
import { insertAccreditedPerson } from "../support/people";

const person = await insertAccreditedPerson(process.env.PERSON_NAME ?? "Gabriel Fontaine", { emailPrefix: "e2e-gate" });
closeDb();
fs.writeFileSync(process.env.PERSON_FILE!, JSON.stringify(person));
