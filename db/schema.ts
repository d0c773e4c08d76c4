import { sql } from "drizzle-orm";
import { LEVELS } from "../app/domain/placement";
import { ROLES } from "../app/domain/roles";
import { ACCREDITATION_EVENTS, ACCREDITATION_STATUSES, OPEN_STATES, PENDING_STATES, REASON_KINDS, statusIn } from "../app/domain/accreditation";
import { NOTIFICATION_KINDS, type NoticeParams } from "../app/domain/notifications";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Timestamps are stored as integer milliseconds and read back as Date. */
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export { ROLES, type Role } from "../app/domain/roles";

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const teams = sqliteTable("teams", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  /** The identity provider's id for the group this team mirrors (SCIM `externalId`), case-exact. */
  externalId: text("external_id").unique(),
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
    /** SCIM `userName` when the identity provider's differs from the email; lower-cased. Null means "the email". */
    userName: text("user_name").unique(),
    /** The identity provider's id for the person (SCIM `externalId`), case-exact. */
    externalId: text("external_id").unique(),
    /** Given and family names as the identity provider sends them (SCIM `name`); `name` is the display name. */
    givenName: text("given_name"),
    familyName: text("family_name"),
    /** Set by a SCIM DELETE: the person is deactivated and no longer a SCIM resource (404); kept for the audit trail. */
    scimDeletedAt: integer("scim_deleted_at", { mode: "timestamp_ms" }),
    /**
     * Set when an admin erased the person (app/models/erasure.server.ts): the row stays, pseudonymised
     * (name, email and identifiers replaced), so that counts and the audit trail keep their integrity.
     */
    erasedAt: integer("erased_at", { mode: "timestamp_ms" }),
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

/**
 * Signed-in sessions. `id` is the SHA-256 (hex) of the secret token in the person's cookie, never the
 * token itself: a copy of the database (a backup) opens no session (docs/decisions/0016-safe-to-deploy.md).
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Unix seconds: the idle limit, pushed forward while the session is used (never past the absolute limit). */
    expiresAt: integer("expires_at").notNull(),
    /** Unix seconds: when the person signed in; the absolute limit counts from here. */
    createdAt: integer("created_at").notNull().default(0),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
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
    status: text("status", { enum: ["in_progress", "completed"] })
      .notNull()
      .default("in_progress"),
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
    /**
     * The `version` of content/diagnostic/questionnaire.yaml a questionnaire placement was computed
     * with (null for an override: a person decided, not the questionnaire). Placements made before
     * versions were stored were backfilled with 1 by the migration (ADR 0027).
     */
    questionnaireVersion: integer("questionnaire_version"),
    createdAt: createdAt(),
  },
  (t) => [
    index("placements_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("placements_current_idx")
      .on(t.userId)
      .where(sql`is_current = 1`),
    index("placements_level_idx")
      .on(t.level)
      .where(sql`is_current = 1`),
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
    status: text("status", { enum: ["in_progress", "completed"] })
      .notNull()
      .default("in_progress"),
    lastSection: text("last_section"),
    completedVersion: integer("completed_version"),
    startedAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
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
    uniqueIndex("check_answers_passed_idx")
      .on(t.userId, t.moduleId, t.checkId)
      .where(sql`correct = 1`),
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
    reviewStatus: text("review_status", { enum: ["none", "pending", "reviewed"] })
      .notNull()
      .default("none"),
    reviewComment: text("review_comment"),
    reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId, t.reflectionId] }), index("reflections_review_idx").on(t.reviewStatus, t.updatedAt)],
);

// ───────────────────────── Charter, exam, accreditation ─────────────────────────

/** Charter versions an admin has published; the current charter is the latest publication. */
export const charterPublications = sqliteTable("charter_publications", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** A version folder under content/policy/charter/; each version is published at most once. */
  version: text("version").notNull().unique(),
  publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
  publishedAt: createdAt(),
  /** What changed since the previous version, written by the admin who published it; shown to signers. */
  summaryFr: text("summary_fr"),
  summaryEn: text("summary_en"),
});

/** A person's signature of one charter version: the exact text signed is identified by its hash. */
export const charterSignatures = sqliteTable(
  "charter_signatures",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    version: text("version").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    /** sha256 (hex) of the body of the charter file read and signed, in that locale. */
    textHash: text("text_hash").notNull(),
    /** The full name the person typed as their signature. */
    signedName: text("signed_name").notNull(),
    signedAt: createdAt(),
  },
  (t) => [uniqueIndex("charter_signatures_user_version_idx").on(t.userId, t.version)],
);

/**
 * A charter version being drafted in the browser (docs/decisions/0028-charter-in-the-browser.md):
 * both languages as full raw files and the comprehension check as YAML text, shared by the people
 * who may manage the charter; `revision` detects concurrent edits. Deleted when it is published.
 */
export const charterDrafts = sqliteTable("charter_drafts", {
  /** The version id it will be published as (date-like, e.g. 2027-01). */
  version: text("version").primaryKey(),
  frSource: text("fr_source").notNull(),
  enSource: text("en_source").notNull(),
  checkYaml: text("check_yaml").notNull(),
  /** Incremented by every save; a save based on another revision is refused (409). */
  revision: integer("revision").notNull(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * A charter version written in the browser and published: immutable (never updated nor deleted by
 * the app), laid over content/policy/charter/ by the content library. Signatures reference the hash
 * of these texts as they do for the files.
 */
export const charterTexts = sqliteTable("charter_texts", {
  version: text("version").primaryKey(),
  frSource: text("fr_source").notNull(),
  enSource: text("en_source").notNull(),
  checkYaml: text("check_yaml").notNull(),
  author: text("author").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const EXAM_ATTEMPT_STATUSES = ["in_progress", "graded"] as const;

/** One exam attempt: the items drawn (in their shuffled order) are fixed at start. */
export const examAttempts = sqliteTable(
  "exam_attempts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seed: integer("seed").notNull(),
    /** Drawn items in display order, each with its options in display order. */
    items: text("items", { mode: "json" }).$type<{ id: string; options: string[] }[]>().notNull(),
    status: text("status", { enum: EXAM_ATTEMPT_STATUSES }).notNull().default("in_progress"),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    /** Null when the attempt has no time limit. */
    deadline: integer("deadline", { mode: "timestamp_ms" }),
    /** The pass mark (percent) in force when the attempt started. */
    passMark: integer("pass_mark").notNull(),
    gradedAt: integer("graded_at", { mode: "timestamp_ms" }),
    /** Percent, 0–100, rounded down; null until graded. */
    score: integer("score"),
    passed: integer("passed", { mode: "boolean" }),
    categoryScores: text("category_scores", { mode: "json" }).$type<Record<string, { correct: number; total: number }>>(),
  },
  (t) => [
    index("exam_attempts_user_idx").on(t.userId, t.startedAt),
    uniqueIndex("exam_attempts_open_idx")
      .on(t.userId)
      .where(sql`status = 'in_progress'`),
  ],
);

export const examAnswers = sqliteTable(
  "exam_answers",
  {
    attemptId: text("attempt_id")
      .notNull()
      .references(() => examAttempts.id, { onDelete: "cascade" }),
    itemId: text("item_id").notNull(),
    optionIds: text("option_ids", { mode: "json" }).$type<string[]>().notNull(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.itemId] })],
);

export { ACCREDITATION_STATUSES } from "../app/domain/accreditation";

/**
 * An accreditation and its request: one row per request, moved through app/domain/accreditation.ts,
 * whose state table gives the status enum and the partial indexes' state lists below.
 */
export const accreditations = sqliteTable(
  "accreditations",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ACCREDITATION_STATUSES }).notNull(),
    /** Optimistic concurrency: every transition checks and increments it. */
    version: integer("version").notNull().default(1),
    requestedChannels: text("requested_channels", { mode: "json" }).$type<string[]>().notNull(),
    statement: text("statement").notNull(),
    requestedAt: integer("requested_at", { mode: "timestamp_ms" }).notNull(),
    /** Channels granted; empty until granted. */
    channels: text("channels", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    grantedAt: integer("granted_at", { mode: "timestamp_ms" }),
    grantedBy: text("granted_by").references(() => users.id, { onDelete: "set null" }),
    validUntil: integer("valid_until", { mode: "timestamp_ms" }),
    /** Evidence at the last grant or renewal. */
    charterVersion: text("charter_version"),
    examAttemptId: text("exam_attempt_id").references(() => examAttempts.id, { onDelete: "set null" }),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    /**
     * Why the accreditation is in its state, structurally (StateReason in app/domain/accreditation.ts):
     * the kind, and its detail in `reason` (a manager's words, a charter version, a leaver's source).
     */
    reasonKind: text("reason_kind", { enum: REASON_KINDS }),
    reason: text("reason"),
    /** A manager reopened a revoked accreditation: the person may request again before the waiting period ends. */
    reopenedAt: integer("reopened_at", { mode: "timestamp_ms" }),
    expiryNoticeSentAt: integer("expiry_notice_sent_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("accreditations_user_idx").on(t.userId, t.requestedAt),
    index("accreditations_status_valid_idx").on(t.status, t.validUntil),
    index("accreditations_pending_idx")
      .on(t.status, t.requestedAt)
      .where(sql.raw(statusIn(PENDING_STATES))),
    // At most one open accreditation (pending, in force or suspended) per person: also the posting gate's lookup.
    uniqueIndex("accreditations_open_idx")
      .on(t.userId)
      .where(sql.raw(statusIn(OPEN_STATES))),
  ],
);

// ───────────────────────── API, webhooks, credentials ─────────────────────────

export const API_TOKEN_SCOPES = ["api", "scim"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Bearer tokens for the public API. Only the token's sha256 is kept; `prefix` lets an admin recognise it. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** The first characters of the token (e.g. `amb_3kF9`), shown in lists; not enough to use it. */
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    /** Written at most once a minute per token, so that the gate stays fast. */
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedBy: text("revoked_by").references(() => users.id, { onDelete: "set null" }),
    /** What the token opens: `api` the public API (the gate), `scim` the provisioning endpoints under /scim/v2. */
    scope: text("scope", { enum: API_TOKEN_SCOPES }).notNull().default("api"),
    /** Null: no end date. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_tokens_created_idx").on(t.createdAt)],
);

/** Where accreditation events are POSTed; the secret signs each delivery (HMAC-SHA256). */
export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: text("id").primaryKey(),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});

/**
 * The events are the state machine's (app/domain/accreditation.ts), and `person.erased`: an admin erased
 * a person's data (app/models/erasure.server.ts), so that recipients erase their copies too (GDPR art. 19).
 */
export const WEBHOOK_EVENT_TYPES = [...ACCREDITATION_EVENTS, "person.erased"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** One event, written in the transaction of the change it reports; `body` is the exact JSON sent. */
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    type: text("type", { enum: WEBHOOK_EVENT_TYPES }).notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_events_created_idx").on(t.createdAt)],
);

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

/** One event to one endpoint: retried with backoff until it succeeds or gives up. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** When the worker may (re)try; null once succeeded or failed. */
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    lastAttemptAt: integer("last_attempt_at", { mode: "timestamp_ms" }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    // The worker's query: due pending deliveries, oldest first.
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    index("webhook_deliveries_event_idx").on(t.eventId),
    index("webhook_deliveries_created_idx").on(t.createdAt),
  ],
);

/** Open Badges 3.0 credentials issued on grant and renewal, signed as VC-JWT (EdDSA). */
export const credentials = sqliteTable(
  "credentials",
  {
    id: text("id").primaryKey(),
    accreditationId: text("accreditation_id")
      .notNull()
      .references(() => accreditations.id, { onDelete: "cascade" }),
    /** The compact JWS; its payload is the credential. */
    jwt: text("jwt").notNull(),
    /** Salt of the hashed email in credentialSubject.identifier. */
    salt: text("salt").notNull(),
    issuedAt: integer("issued_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("credentials_accreditation_idx").on(t.accreditationId, t.issuedAt)],
);

// ───────────────────────── Studio ─────────────────────────
// The curriculum is one library: the files under content/ as a base, overridden by the latest
// published version of each module and of the tracks stored here (docs/decisions/0009-studio-content-in-database.md).

/** A module known to the database: imported from content/ or created in the studio. */
export const modules = sqliteTable("modules", {
  /** The module id (kebab-case), as in content/modules/<id>/. */
  id: text("id").primaryKey(),
  createdAt: createdAt(),
  /** True for a module created in the studio and never published: learners do not see it. */
  unpublished: integer("unpublished", { mode: "boolean" }).notNull().default(false),
});

export const MODULE_VERSION_ORIGINS = ["import", "studio"] as const;

/** One published version of a module: immutable, both languages as full raw files (frontmatter included). */
export const moduleVersions = sqliteTable(
  "module_versions",
  {
    id: text("id").primaryKey(),
    moduleId: text("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    /** 1, 2, 3… per module. */
    number: integer("number").notNull(),
    frSource: text("fr_source").notNull(),
    enSource: text("en_source").notNull(),
    /** Null for imports run from the command line. */
    author: text("author").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    changeNote: text("change_note").notNull(),
    /** Learners who completed an earlier version are asked to review this one. */
    significant: integer("significant", { mode: "boolean" }).notNull().default(false),
    origin: text("origin", { enum: MODULE_VERSION_ORIGINS }).notNull(),
  },
  (t) => [
    uniqueIndex("module_versions_number_idx").on(t.moduleId, t.number),
    index("module_versions_significant_idx")
      .on(t.moduleId, t.number)
      .where(sql`significant = 1`),
  ],
);

/** The work in progress on a module, shared by its authors; `revision` detects concurrent edits. */
export const moduleDrafts = sqliteTable(
  "module_drafts",
  {
    moduleId: text("module_id")
      .primaryKey()
      .references(() => modules.id, { onDelete: "cascade" }),
    frSource: text("fr_source").notNull(),
    enSource: text("en_source").notNull(),
    /** Incremented by every save; a save based on another revision is refused (409). Never reset. */
    revision: integer("revision").notNull(),
    /** The published version the draft started from (null for a module never published). */
    baseVersionId: text("base_version_id").references(() => moduleVersions.id, { onDelete: "set null" }),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("module_drafts_updated_idx").on(t.updatedAt)],
);

/** Every published version of the tracks (content/tracks.yaml), as raw YAML text; the latest applies. */
export const trackVersions = sqliteTable(
  "track_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    yaml: text("yaml").notNull(),
    author: text("author").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull(),
    origin: text("origin", { enum: MODULE_VERSION_ORIGINS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("track_versions_created_idx").on(t.createdAt)],
);

/** Uploaded images, stored content-addressed on disk: <database folder>/media/<sha256>.<ext>. */
export const media = sqliteTable(
  "media",
  {
    id: text("id").primaryKey(),
    sha256: text("sha256").notNull().unique(),
    fileName: text("file_name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("media_created_idx").on(t.createdAt)],
);

export const MAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Mails waiting to be sent, and what became of them: requests only queue (app/mail/outbox.server.ts),
 * a worker sends after the reply, retries with backoff, and gives up after a few attempts.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: text("id").primaryKey(),
    /** What the mail is, e.g. "invitation", "password_reset", "expiry_notice". */
    kind: text("kind").notNull(),
    /** The record it is about (a user id for an invitation), so that a page can show its fate. */
    refId: text("ref_id"),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    status: text("status", { enum: MAIL_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("mail_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index("mail_outbox_ref_idx").on(t.refId, t.createdAt),
  ],
);

// ───────────────────────── Single sign-on ─────────────────────────

export const SSO_PROTOCOLS = ["oidc", "saml"] as const;
export type SsoProtocol = (typeof SSO_PROTOCOLS)[number];

/**
 * A person's account at an identity provider: matched by the provider's stable subject (OIDC `sub`,
 * SAML NameID), never by email once linked. `provider` is the protocol and the issuer
 * (`oidc:<issuer URL>`, `saml:<IdP entity id>`), so subjects of another IdP never match.
 */
export const identities = sqliteTable(
  "identities",
  {
    id: text("id").primaryKey(),
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The email the IdP gave at the last sign-in. */
    email: text("email").notNull(),
    createdAt: createdAt(),
    lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("identities_subject_idx").on(t.provider, t.subject), uniqueIndex("identities_user_idx").on(t.provider, t.userId)],
);

/**
 * A sign-in in progress at an IdP (server-side state, single use): the OIDC `state` or the SAML
 * request id is the key; the browser holds it in a signed cookie. `result` holds a verified SAML
 * assertion's profile between the IdP's cross-site POST and the same-site step that opens the session.
 */
export const ssoFlows = sqliteTable(
  "sso_flows",
  {
    id: text("id").primaryKey(),
    protocol: text("protocol", { enum: SSO_PROTOCOLS }).notNull(),
    nonce: text("nonce"),
    codeVerifier: text("code_verifier"),
    redirectTo: text("redirect_to").notNull(),
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sso_flows_expires_idx").on(t.expiresAt)],
);

/** Ids of SAML assertions already used, kept until they expire: a replayed assertion is refused. */
export const samlAssertions = sqliteTable(
  "saml_assertions",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("saml_assertions_expires_idx").on(t.expiresAt)],
);

/**
 * One counter per kind of thing that processes keep in memory (`content`, `settings`, `api_tokens`),
 * bumped by triggers in the same transaction as any change to its tables, whichever process (a worker,
 * the CLI) made it. Each process reads this table at most every 250 ms and drops what changed (ADR 0025).
 */
export const cacheVersions = sqliteTable("cache_versions", {
  key: text("key").primaryKey(),
  version: integer("version").notNull().default(0),
});

// ───────────────────────── Personal data (docs/privacy.md, ADR 0024) ─────────────────────────

/** Versions of the privacy notice an admin published (both languages, plain text); the latest is in force. */
export const privacyNotices = sqliteTable("privacy_notices", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** 1, 2, 3…: never reused. */
  version: integer("version").notNull().unique(),
  fr: text("fr").notNull(),
  en: text("en").notNull(),
  publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
  publishedAt: createdAt(),
});

/** When a person was shown (and acknowledged) a version of the privacy notice. */
export const privacyNoticeViews = sqliteTable(
  "privacy_notice_views",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    seenAt: integer("seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.version] })],
);

/** A legal hold: while set, the person's data may not be erased (nor trimmed by retention). */
export const legalHolds = sqliteTable("legal_holds", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  reason: text("reason").notNull(),
  setBy: text("set_by").references(() => users.id, { onDelete: "set null" }),
  setAt: integer("set_at", { mode: "timestamp_ms" }).notNull(),
});

// ───────────────────────── Notifications ─────────────────────────

export { NOTIFICATION_KINDS, type NotificationKind } from "../app/domain/notifications";

/**
 * A person's inbox: one row per notice (app/models/notifications.server.ts), written in the
 * transaction of the change it tells about. The words are written when read, in the reader's
 * language, from `kind` and `params`.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    params: text("params", { mode: "json" }).$type<NoticeParams>().notNull(),
    /** Where the notice leads, a path on this Ambassade. */
    link: text("link").notNull(),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`read_at is null`),
  ],
);

/** The kinds of mail a person turned off (mandatory kinds cannot be: app/domain/notifications.ts). */
export const notificationOptOuts = sqliteTable(
  "notification_opt_outs",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * The managers' weekly summaries: one row per manager and ISO week, claimed in the transaction that
 * queues the mail, so that two runs of the job (or two processes) never send it twice. `mailed` is
 * false when there was nothing to report (app/models/weekly-summary.server.ts).
 */
export const weeklySummaries = sqliteTable(
  "weekly_summaries",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "2026-W50" (ISO 8601, UTC). */
    week: text("week").notNull(),
    mailed: integer("mailed", { mode: "boolean" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.week] })],
);

// ---------------------------------------------------------------------------------------------
// Team chat webhooks (ADR 0031): a team's optional Slack or Teams incoming webhook, and the queue of
// messages posted there (names and links only), delivered after the transaction and retried.
// ---------------------------------------------------------------------------------------------

export const CHAT_FORMATS = ["slack", "teams"] as const;
export type ChatFormat = (typeof CHAT_FORMATS)[number];
export const CHAT_MESSAGE_KINDS = ["request_waiting", "expiring"] as const;
export type ChatMessageKind = (typeof CHAT_MESSAGE_KINDS)[number];

export const teamChatHooks = sqliteTable("team_chat_hooks", {
  teamId: text("team_id")
    .primaryKey()
    .references(() => teams.id, { onDelete: "cascade" }),
  /** The incoming-webhook URL: a secret (whoever holds it may post in the channel), never shown back whole. */
  url: text("url").notNull(),
  format: text("format", { enum: CHAT_FORMATS }).notNull(),
  /** The language of the team's messages. */
  locale: text("locale", { enum: ["fr", "en"] }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});

export const chatMessages = sqliteTable(
  "chat_messages",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CHAT_MESSAGE_KINDS }).notNull(),
    /** What the message is about (an accreditation id): erasing the person deletes their messages. */
    refId: text("ref_id").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    index("chat_messages_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index("chat_messages_ref_idx").on(t.refId),
  ],
);
