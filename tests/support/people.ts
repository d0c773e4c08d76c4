/**
 * People of a test's own (as the Epic Stack's `insertNewUser`): created through the real models, so that
 * no test depends on the demo people's state or on another test having run before it. No vitest import:
 * the e2e fixtures (tests/e2e/*-fixture.ts, run with tsx against the server's database) use it too.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { accreditations, examAttempts, moduleProgress, placements, users, type Role } from "../../db/schema";
import { loadContentLibrary } from "../../app/content/library.server";
import type { Level } from "../../app/domain/placement";
import { trackOrder } from "../../app/domain/track";
import { grantAccreditation, requestAccreditation } from "../../app/models/accreditation.server";
import { signCharter } from "../../app/models/charter.server";
import { saveAnswer, startAttempt, submitAttempt } from "../../app/models/exam.server";
import { insertUser } from "../../app/models/user.server";
import { charterCheck, rightAnswer } from "./answer-keys";

const DAY = 24 * 60 * 60 * 1000;

export type NewPerson = { id: string; email: string; name: string };

/**
 * A new person with a unique address and the demo password (copied from the demo admin, so they can
 * sign in), in `teamId` (Marketing & Communication by default, managed by the demo manager), placed at
 * `level` unless it is null.
 */
export function insertNewUser(name: string, options: { roles?: Role[]; teamId?: string | null; level?: Level | null; emailPrefix?: string } = {}): NewPerson {
  const email = `${options.emailPrefix ?? "person"}-${randomUUID().slice(0, 8)}@ambassade.test`;
  const passwordHash = getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.email, "admin@ambassade.test")).get()?.hash ?? null;
  const id = getDb().transaction((tx) =>
    insertUser(tx, { email, name, teamId: options.teamId === undefined ? "team-comms" : options.teamId, roles: options.roles ?? ["employee"], passwordHash }),
  );
  const level = options.level === undefined ? "native" : options.level;
  if (level)
    getDb()
      .insert(placements)
      .values({ id: `placement-${id}`, userId: id, level, source: "questionnaire", facts: [{ key: "usage_high", params: { usage: 80, threshold: 60 } }] })
      .run();
  return { id, email, name };
}

/** Makes a placed person eligible through the real models: track completed, exam passed with the answer keys, charter in force signed. */
export async function makeEligible(userId: string, now = new Date()): Promise<void> {
  const library = await loadContentLibrary();
  const level = getDb()
    .select({ level: placements.level })
    .from(placements)
    .where(and(eq(placements.userId, userId), eq(placements.isCurrent, true)))
    .get()!.level;
  for (const item of trackOrder(library.tracks!, level)) {
    getDb()
      .insert(moduleProgress)
      .values({ userId, moduleId: item.id, status: "completed", completedVersion: 1, completedAt: now })
      .onConflictDoUpdate({ target: [moduleProgress.userId, moduleProgress.moduleId], set: { status: "completed" } })
      .run();
  }
  const attemptId = await startAttempt(userId, now);
  const items = getDb().select({ items: examAttempts.items }).from(examAttempts).where(eq(examAttempts.id, attemptId)).get()!.items;
  for (const item of items) await saveAnswer(userId, attemptId, item.id, rightAnswer(item.id), now);
  await submitAttempt(userId, attemptId, now);
  const name = getDb().select({ name: users.name }).from(users).where(eq(users.id, userId)).get()!.name;
  const answers = Object.fromEntries(charterCheck().questions.map((q) => [q.id, q.options.find((o) => o.correct === true)!.id]));
  await signCharter(userId, { answers, typedName: name, confirmed: true, locale: "fr" }, now);
}

/**
 * A new person of `teamId`, eligible, who requested `channels` and was granted them for 180 days by
 * the team's manager (`deciderId`), all through the real models (audit rows, credential, webhook events).
 */
export async function insertAccreditedPerson(
  name: string,
  options: { channels?: string[]; teamId?: string; deciderId?: string; emailPrefix?: string } = {},
): Promise<NewPerson & { accreditationId: string }> {
  const teamId = options.teamId ?? "team-comms";
  const channels = options.channels ?? ["linkedin"];
  const person = insertNewUser(name, { teamId, emailPrefix: options.emailPrefix });
  await makeEligible(person.id);
  const accreditationId = await requestAccreditation(person.id, {
    channels,
    statement: "Relayer les actualités de l’équipe et répondre aux questions qu’on me pose.",
  });
  const version = getDb().select({ v: accreditations.version }).from(accreditations).where(eq(accreditations.id, accreditationId)).get()!.v;
  await grantAccreditation({ id: options.deciderId ?? "demo-manager", scope: [teamId] }, accreditationId, {
    expectedVersion: version,
    channels,
    validUntil: new Date(Date.now() + 180 * DAY),
  });
  return { ...person, accreditationId };
}
