/**
 * The starting point of tests/e2e/notifications.spec.ts, on ITS OWN database (DATABASE_PATH) and
 * content copy (CONTENT_DIR), run with tsx before its server starts: the demo organisation, and Hugo
 * Robert (team-comms) made eligible through the real models (track completed, exam passed with the
 * answer keys of the content files, charter signed), so that the spec starts at his request.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { parse } from "yaml";
import { closeDb, getDb } from "../../db/connection";
import { runMigrations } from "../../db/migrate";
import { examAttempts, moduleProgress, placements } from "../../db/schema";
import { seedDemo } from "../../db/seed";
import { loadContentLibrary } from "../../app/content/library.server";
import { trackOrder } from "../../app/domain/track";
import { signCharter } from "../../app/models/charter.server";
import { saveAnswer, startAttempt, submitAttempt } from "../../app/models/exam.server";

const PERSON = "demo-hugo.robert";
const contentDir = process.env.CONTENT_DIR ?? "content";

type Keyed = { id: string; options: { id: string; correct?: boolean }[] };
const bank = (parse(fs.readFileSync(path.join(contentDir, "exam", "items.yaml"), "utf8")) as { items: Keyed[] }).items;
const check = (parse(fs.readFileSync(path.join(contentDir, "policy", "charter", "2026-01", "check.yaml"), "utf8")) as { questions: Keyed[] }).questions;
const right = (item: Keyed) => item.options.filter((o) => o.correct === true).map((o) => o.id);

const db = getDb();
runMigrations(db);
await seedDemo(db);
const library = await loadContentLibrary();
const level = db.select({ level: placements.level }).from(placements).where(and(eq(placements.userId, PERSON), eq(placements.isCurrent, true))).get()!.level;
const now = new Date();
for (const item of trackOrder(library.tracks!, level)) {
  db.insert(moduleProgress)
    .values({ userId: PERSON, moduleId: item.id, status: "completed", completedVersion: 1, completedAt: now })
    .onConflictDoUpdate({ target: [moduleProgress.userId, moduleProgress.moduleId], set: { status: "completed" } })
    .run();
}
const attemptId = await startAttempt(PERSON, now);
const drawn = db.select({ items: examAttempts.items }).from(examAttempts).where(eq(examAttempts.id, attemptId)).get()!.items;
for (const item of drawn) await saveAnswer(PERSON, attemptId, item.id, right(bank.find((b) => b.id === item.id)!), now);
await submitAttempt(PERSON, attemptId, now);
await signCharter(PERSON, { answers: Object.fromEntries(check.map((q) => [q.id, right(q)[0]!])), typedName: "Hugo Robert", confirmed: true, locale: "fr" }, now);
closeDb();
