/** The roles, in display order; a person may hold several. Here rather than in db/schema so that pages can list them without bundling the database layer. */
export const ROLES = ["employee", "trainer", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];
