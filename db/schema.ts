import { sql } from "drizzle-orm";
import { LEVELS } from "../app/domain/placement";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

/** Timestamps are stored as integer milliseconds and read back as Date. */
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const ROLES = ["employee", "trainer", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const teams = sqliteTable("teams", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Always stored lower-cased and trimmed. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    /** Null until the person accepts their invitation and sets a password. */
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: LOCALES }),
    teamId: text("team_id").references(() => teams.id, { onDelete: "set null" }),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("users_team_idx").on(t.teamId, t.name), index("users_name_idx").on(t.name)],
);

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const teamManagers = sqliteTable(
  "team_managers",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_managers_user_idx").on(t.userId)],
);

/** Lucia's session table: `expires_at` is an integer of seconds since the epoch. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Single-use links sent by mail: invitations and password resets. Only the token's hash is kept. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("invitations_user_idx").on(t.userId)],
);

export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/** Failed sign-in counters, keyed by `email:<address>` or `ip:<address>`. */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

/** Append-only record of every change that matters: who, when, what, from, to, why. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    reason: text("reason"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_subject_idx").on(t.subjectType, t.subjectId, t.at),
    index("audit_at_idx").on(t.at),
    index("audit_actor_idx").on(t.actorId, t.at),
    index("audit_action_idx").on(t.action, t.at),
  ],
);

/** Admin settings as JSON values; defaults live in app/models/settings.server.ts. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: createdAt(),
});


// ───────────────────────── Diagnostic and placement ─────────────────────────

export { LEVELS, type Level } from "../app/domain/placement";

/** One run of the diagnostic questionnaire; answers are saved one question at a time. */
export const diagnosticRuns = sqliteTable(
  "diagnostic_runs",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Hash of the questionnaire file the run was started with. */
    questionnaireHash: text("questionnaire_hash").notNull(),
    status: text("status", { enum: ["in_progress", "completed"] }).notNull().default("in_progress"),
    startedAt: createdAt(),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("diagnostic_runs_user_idx").on(t.userId, t.startedAt)],
);

export const diagnosticAnswers = sqliteTable(
  "diagnostic_answers",
  {
    runId: text("run_id")
      .notNull()
      .references(() => diagnosticRuns.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    optionIds: text("option_ids", { mode: "json" }).$type<string[]>().notNull(),
    answeredAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.questionId] })],
);

/** Every placement ever made, questionnaire or override; exactly one per person is current. */
export const placements = sqliteTable(
  "placements",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    level: text("level", { enum: LEVELS }).notNull(),
    source: text("source", { enum: ["questionnaire", "override"] }).notNull(),
    runId: text("run_id").references(() => diagnosticRuns.id, { onDelete: "set null" }),
    scores: text("scores", { mode: "json" }).$type<Record<string, number>>(),
    facts: text("facts", { mode: "json" }).$type<{ key: string; params?: Record<string, string | number> }[]>().notNull(),
    reason: text("reason"),
    setBy: text("set_by").references(() => users.id, { onDelete: "set null" }),
    isCurrent: integer("is_current", { mode: "boolean" }).notNull().default(true),
    /** Set by a trainer's reset: the person may retake the questionnaire before the waiting period. */
    retakeAllowed: integer("retake_allowed", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index("placements_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("placements_current_idx").on(t.userId).where(sql`is_current = 1`),
    index("placements_level_idx").on(t.level).where(sql`is_current = 1`),
  ],
);

// ───────────────────────── Tracks and progress ─────────────────────────

/** A learner's progress in one module. `lastSection` lets them resume where they stopped. */
export const moduleProgress = sqliteTable(
  "module_progress",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    status: text("status", { enum: ["in_progress", "completed"] }).notNull().default("in_progress"),
    lastSection: text("last_section"),
    completedVersion: integer("completed_version"),
    startedAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId] }), index("module_progress_module_idx").on(t.moduleId, t.status)],
);

/** Every answer to a knowledge check, graded on the server. */
export const checkAnswers = sqliteTable(
  "check_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    checkId: text("check_id").notNull(),
    optionId: text("option_id").notNull(),
    correct: integer("correct", { mode: "boolean" }).notNull(),
    answeredAt: createdAt(),
  },
  (t) => [
    index("check_answers_user_module_idx").on(t.userId, t.moduleId, t.checkId),
    // A check is passed once: a second correct answer is refused, not stored.
    uniqueIndex("check_answers_passed_idx").on(t.userId, t.moduleId, t.checkId).where(sql`correct = 1`),
  ],
);

/** A learner's written answer to a Reflection; some are reviewed by a trainer. */
export const reflections = sqliteTable(
  "reflections",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleId: text("module_id").notNull(),
    reflectionId: text("reflection_id").notNull(),
    text: text("text").notNull(),
    reviewStatus: text("review_status", { enum: ["none", "pending", "reviewed"] }).notNull().default("none"),
    reviewComment: text("review_comment"),
    reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId, t.reflectionId] }), index("reflections_review_idx").on(t.reviewStatus, t.updatedAt)],
);
