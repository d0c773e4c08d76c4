/**
 * The starting point of tests/e2e/notifications.spec.ts, on ITS OWN database (DATABASE_PATH) and
 * content copy (CONTENT_DIR), run with tsx before its server starts: the demo organisation, and Hugo
 * Robert (team-comms) made eligible through the real models (track completed, exam passed with the
 * answer keys of the content files, charter signed), so that the spec starts at his request.
 */
import { closeDb, getDb } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { seedDemo } from "../../db/seed";
import { makeEligible } from "../support/people";

const db = getDb();
runMigrations(db);
await seedDemo(db);
await makeEligible("demo-hugo.robert");
closeDb();
