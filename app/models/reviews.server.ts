/**
 * The trainers' review queue: learners' answers to Reflections that the author marked for review
 * (`review` flag → reflections.review_status 'pending', set by app/models/progress.server.ts).
 * Oldest first; a trainer comments and marks the answer reviewed, and the learner sees the comment
 * on the module page.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { reflections, users } from "../../db/schema";
import { InputError } from "~/utils/errors";
import { recordAudit } from "./audit.server";
import { notify } from "./notifications.server";

export const REVIEW_COMMENT_MAX_CHARS = 2000;

export type PendingReflection = {
  userId: string;
  userName: string;
  moduleId: string;
  reflectionId: string;
  text: string;
  previousComment: string | null;
  updatedAt: Date;
};

/** Pending answers, oldest first, one page (one query for the rows, one for the count). */
export function listPendingReflections(query: { page: number; pageSize: number }): { rows: PendingReflection[]; total: number } {
  const db = getDb();
  const pending = eq(reflections.reviewStatus, "pending");
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(reflections)
      .where(pending)
      .get()?.n ?? 0;
  const rows = db
    .select({
      userId: reflections.userId,
      userName: users.name,
      moduleId: reflections.moduleId,
      reflectionId: reflections.reflectionId,
      text: reflections.text,
      previousComment: reflections.reviewComment,
      updatedAt: reflections.updatedAt,
    })
    .from(reflections)
    .innerJoin(users, eq(users.id, reflections.userId))
    .where(pending)
    .orderBy(asc(reflections.updatedAt), asc(reflections.userId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  return { rows, total };
}

/**
 * Marks a pending answer reviewed, with the trainer's comment (may be empty). Refused: an answer that
 * is not pending (404), or one the learner rewrote since the trainer read it (409: read it again).
 */
export function reviewReflection(
  actorId: string,
  input: { userId: string; moduleId: string; reflectionId: string; comment: string; seenUpdatedAt: number; moduleTitles?: { fr: string; en: string } },
): void {
  const comment = input.comment.replace(/\r\n?/g, "\n").trim();
  if (comment.length > REVIEW_COMMENT_MAX_CHARS) throw new InputError({ comment: "errors.tooLong" });
  getDb().transaction((tx) => {
    const key = and(eq(reflections.userId, input.userId), eq(reflections.moduleId, input.moduleId), eq(reflections.reflectionId, input.reflectionId));
    const row = tx.select({ status: reflections.reviewStatus, updatedAt: reflections.updatedAt }).from(reflections).where(key).get();
    if (!row || row.status !== "pending") throw new InputError({ form: "studio.reviews.errors.notPending" }, 404);
    if (row.updatedAt.getTime() !== input.seenUpdatedAt) throw new InputError({ form: "studio.reviews.errors.changed" }, 409);
    const now = new Date();
    tx.update(reflections)
      .set({ reviewStatus: "reviewed", reviewComment: comment || null, reviewedBy: actorId, reviewedAt: now })
      .where(key)
      .run();
    recordAudit(tx, {
      actorId,
      action: "reflection.reviewed",
      subjectType: "reflection",
      subjectId: `${input.userId}/${input.moduleId}/${input.reflectionId}`,
      fromState: "pending",
      toState: "reviewed",
      data: { userId: input.userId, moduleId: input.moduleId, reflectionId: input.reflectionId },
    });
    const trainer = tx.select({ name: users.name }).from(users).where(eq(users.id, actorId)).get();
    notify(
      tx,
      [
        {
          userId: input.userId,
          kind: "reflection_reviewed",
          params: {
            trainer: trainer?.name ?? "",
            module: input.moduleId,
            moduleFr: input.moduleTitles?.fr ?? null,
            moduleEn: input.moduleTitles?.en ?? null,
            comment: comment ? 1 : 0,
          },
          link: `/track/${input.moduleId}`,
        },
      ],
      now,
    );
  });
}
