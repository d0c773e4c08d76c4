CREATE TABLE `accreditations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`requested_channels` text NOT NULL,
	`statement` text NOT NULL,
	`requested_at` integer NOT NULL,
	`channels` text DEFAULT '[]' NOT NULL,
	`granted_at` integer,
	`granted_by` text,
	`valid_until` integer,
	`charter_version` text,
	`exam_attempt_id` text,
	`decided_by` text,
	`decided_at` integer,
	`reason` text,
	`expiry_notice_sent_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`exam_attempt_id`) REFERENCES `exam_attempts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `accreditations_user_idx` ON `accreditations` (`user_id`,`requested_at`);--> statement-breakpoint
CREATE INDEX `accreditations_status_valid_idx` ON `accreditations` (`status`,`valid_until`);--> statement-breakpoint
CREATE INDEX `accreditations_pending_idx` ON `accreditations` (`status`,`requested_at`) WHERE status in ('requested', 'renewal_requested');--> statement-breakpoint
CREATE UNIQUE INDEX `accreditations_open_idx` ON `accreditations` (`user_id`) WHERE status in ('requested', 'granted', 'suspended', 'renewal_requested');--> statement-breakpoint
CREATE TABLE `charter_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` text NOT NULL,
	`published_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_publications_version_unique` ON `charter_publications` (`version`);--> statement-breakpoint
CREATE TABLE `charter_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`version` text NOT NULL,
	`locale` text NOT NULL,
	`text_hash` text NOT NULL,
	`signed_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charter_signatures_user_version_idx` ON `charter_signatures` (`user_id`,`version`);--> statement-breakpoint
CREATE TABLE `exam_answers` (
	`attempt_id` text NOT NULL,
	`item_id` text NOT NULL,
	`option_ids` text NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `item_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `exam_attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exam_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`seed` integer NOT NULL,
	`items` text NOT NULL,
	`status` text DEFAULT 'in_progress' NOT NULL,
	`started_at` integer NOT NULL,
	`deadline` integer,
	`pass_mark` integer NOT NULL,
	`graded_at` integer,
	`score` integer,
	`passed` integer,
	`category_scores` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `exam_attempts_user_idx` ON `exam_attempts` (`user_id`,`started_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `exam_attempts_open_idx` ON `exam_attempts` (`user_id`) WHERE status = 'in_progress';