import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/connection";
import { placements, users } from "../../db/schema";

export type CurrentPlacement = {
  id: string;
  level: (typeof placements.$inferSelect)["level"];
  source: "questionnaire" | "override";
  facts: (typeof placements.$inferSelect)["facts"];
  reason: string | null;
  setByName: string | null;
  retakeAllowed: boolean;
  createdAt: Date;
};

/** The person's current placement, or null when they have not been placed yet. */
export function getCurrentPlacement(userId: string): CurrentPlacement | null {
  return (
    getDb()
      .select({
        id: placements.id,
        level: placements.level,
        source: placements.source,
        facts: placements.facts,
        reason: placements.reason,
        setByName: users.name,
        retakeAllowed: placements.retakeAllowed,
        createdAt: placements.createdAt,
      })
      .from(placements)
      .leftJoin(users, eq(users.id, placements.setBy))
      .where(and(eq(placements.userId, userId), eq(placements.isCurrent, true)))
      .get() ?? null
  );
}
