/**
 * Demo data of the accreditation feature, called from seedDemo (db/seed.ts). Idempotent: each part
 * checks whether it already ran.
 * - the charter 2026-01 is published (when nothing is);
 * - Karim Benali (ambassador@) has completed his track, signed the charter, passed the exam and is
 *   accredited for LinkedIn by Sophie Laurent, for 12 months;
 * - Yasmine Haddad (yasmine.haddad@, Marketing & Communication) is not placed yet but has completed
 *   every module of the native track but one: the end-to-end accreditation spec starts from her.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { parse } from "yaml";
import { addMonths } from "../app/domain/accreditation";
import { drawExam, gradeExam, type BankItem } from "../app/domain/exam";
import { trackOrder, type TracksDefinition } from "../app/domain/track";
import type { Db, Tx } from "./connection";
import { accreditations, auditLog, charterPublications, charterSignatures, examAnswers, examAttempts, moduleProgress, userRoles, users } from "./schema";

const DAY = 24 * 60 * 60 * 1000;
const CHARTER_VERSION = "2026-01";

function contentDir(): string {
  return process.env.CONTENT_DIR ?? "content";
}

function moduleVersion(id: string): number {
  const source = readFileSync(path.join(contentDir(), "modules", id, "fr.mdx"), "utf8");
  return Number(/^version:\s*(\d+)/m.exec(source)?.[1] ?? 1);
}

function nativeTrack(): string[] {
  const tracks = parse(readFileSync(path.join(contentDir(), "tracks.yaml"), "utf8")) as TracksDefinition;
  return trackOrder(tracks, "native").map((item) => item.id);
}

/** sha256 of the charter body (after the frontmatter), as app/models/charter.server.ts computes it. */
function charterHash(locale: "fr" | "en"): string {
  const lines = readFileSync(path.join(contentDir(), "policy", "charter", CHARTER_VERSION, `${locale}.mdx`), "utf8").split("\n");
  const close = lines.findIndex((line, index) => index > 0 && /^---[ \t]*\r?$/.test(line));
  return createHash("sha256")
    .update(lines.slice(close + 1).join("\n"), "utf8")
    .digest("hex");
}

function completeModules(db: Tx, userId: string, ids: readonly string[], at: Date) {
  for (const moduleId of ids) {
    db.insert(moduleProgress)
      .values({ userId, moduleId, status: "completed", completedVersion: moduleVersion(moduleId), startedAt: at, updatedAt: at, completedAt: at })
      .onConflictDoNothing()
      .run();
  }
}

export function seedAccreditationDemo(db: Db, now = new Date()): void {
  db.transaction((tx) => {
    // The charter in force.
    if (!tx.select({ id: charterPublications.id }).from(charterPublications).limit(1).get()) {
      tx.insert(charterPublications)
        .values({ version: CHARTER_VERSION, publishedBy: "demo-admin", publishedAt: new Date(now.getTime() - 60 * DAY) })
        .run();
    }

    // Karim Benali, accredited for LinkedIn.
    const ambassador = "demo-ambassador";
    const hasAmbassador = tx.select({ id: users.id }).from(users).where(eq(users.id, ambassador)).get();
    const accredited = tx.select({ id: accreditations.id }).from(accreditations).where(eq(accreditations.userId, ambassador)).get();
    if (hasAmbassador && !accredited) {
      completeModules(tx, ambassador, nativeTrack(), new Date(now.getTime() - 30 * DAY));
      tx.insert(charterSignatures)
        .values({
          id: "demo-signature-ambassador",
          userId: ambassador,
          version: CHARTER_VERSION,
          locale: "fr",
          textHash: charterHash("fr"),
          signedName: "Karim Benali",
          signedAt: new Date(now.getTime() - 20 * DAY),
        })
        .onConflictDoNothing()
        .run();
      const bank = (parse(readFileSync(path.join(contentDir(), "exam", "items.yaml"), "utf8")) as { items: BankItem[] }).items;
      const drawn = drawExam(bank, 16, 2026);
      const byId = new Map(bank.map((item) => [item.id, item]));
      // Right answers everywhere except the last two items: 14 of 16.
      const answers = new Map(
        drawn.map((d, index) => {
          const item = byId.get(d.id)!;
          const right = item.options.filter((o) => o.correct === true).map((o) => o.id);
          return [d.id, index < drawn.length - 2 ? right : [item.options.find((o) => o.correct !== true)!.id]];
        }),
      );
      const result = gradeExam(byId, drawn, answers, 80);
      const startedAt = new Date(now.getTime() - 15 * DAY);
      const gradedAt = new Date(startedAt.getTime() + 20 * 60 * 1000);
      tx.insert(examAttempts)
        .values({
          id: "demo-exam-ambassador",
          userId: ambassador,
          seed: 2026,
          items: drawn,
          status: "graded",
          startedAt,
          deadline: new Date(startedAt.getTime() + 30 * 60 * 1000),
          passMark: 80,
          gradedAt,
          score: result.score,
          passed: result.passed,
          categoryScores: result.categoryScores,
        })
        .run();
      for (const [itemId, optionIds] of answers)
        tx.insert(examAnswers).values({ attemptId: "demo-exam-ambassador", itemId, optionIds, answeredAt: gradedAt }).run();
      const requestedAt = new Date(now.getTime() - 12 * DAY);
      const grantedAt = new Date(now.getTime() - 10 * DAY);
      tx.insert(accreditations)
        .values({
          id: "demo-accreditation-ambassador",
          userId: ambassador,
          status: "granted",
          version: 2,
          requestedChannels: ["linkedin"],
          statement: "Relayer les offres d’emploi et les actualités de l’équipe sur LinkedIn, et répondre aux questions des candidats.",
          requestedAt,
          channels: ["linkedin"],
          grantedAt,
          grantedBy: "demo-manager",
          validUntil: addMonths(grantedAt, 12),
          charterVersion: CHARTER_VERSION,
          examAttemptId: "demo-exam-ambassador",
          decidedBy: "demo-manager",
          decidedAt: grantedAt,
          updatedAt: grantedAt,
        })
        .run();
      const audit = { subjectType: "accreditation", subjectId: "demo-accreditation-ambassador" };
      tx.insert(auditLog)
        .values({
          ...audit,
          at: requestedAt,
          actorId: ambassador,
          action: "accreditation.request",
          toState: "requested",
          data: { userId: ambassador, channels: ["linkedin"] },
        })
        .run();
      tx.insert(auditLog)
        .values({
          ...audit,
          at: grantedAt,
          actorId: "demo-manager",
          action: "accreditation.grant",
          fromState: "requested",
          toState: "granted",
          data: { userId: ambassador, channels: ["linkedin"] },
        })
        .run();
    }

    // Yasmine Haddad: not placed yet, but has read all of the native track but one module
    // (used by tests/e2e/accreditation.spec.ts, which places her through the questionnaire).
    const yasmine = "demo-yasmine.haddad";
    const comms = tx.select({ teamId: users.teamId, passwordHash: users.passwordHash }).from(users).where(eq(users.id, "demo-manager")).get();
    const exists = tx.select({ id: users.id }).from(users).where(eq(users.email, "yasmine.haddad@ambassade.test")).get();
    if (comms?.teamId && comms.passwordHash && !exists) {
      tx.insert(users)
        .values({ id: yasmine, email: "yasmine.haddad@ambassade.test", name: "Yasmine Haddad", passwordHash: comms.passwordHash, teamId: comms.teamId })
        .run();
      tx.insert(userRoles).values({ userId: yasmine, role: "employee" }).run();
      // Not placed: the accreditation spec starts with her questionnaire, whose answers place her native.
      const track = nativeTrack();
      completeModules(
        tx,
        yasmine,
        track.filter((id) => id !== "native-content-strategy"),
        new Date(now.getTime() - 5 * DAY),
      );
    }
  });
}
