CREATE TABLE `check_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`module_id` text NOT NULL,
	`check_id` text NOT NULL,
	`option_id` text NOT NULL,
	`correct` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `check_answers_user_module_idx` ON `check_answers` (`user_id`,`module_id`,`check_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `check_answers_passed_idx` ON `check_answers` (`user_id`,`module_id`,`check_id`) WHERE correct = 1;--> statement-breakpoint
CREATE TABLE `diagnostic_answers` (
	`run_id` text NOT NULL,
	`question_id` text NOT NULL,
	`option_ids` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`run_id`, `question_id`),
	FOREIGN KEY (`run_id`) REFERENCES `diagnostic_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `diagnostic_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`questionnaire_hash` text NOT NULL,
	`status` text DEFAULT 'in_progress' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `diagnostic_runs_user_idx` ON `diagnostic_runs` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `module_progress` (
	`user_id` text NOT NULL,
	`module_id` text NOT NULL,
	`status` text DEFAULT 'in_progress' NOT NULL,
	`last_section` text,
	`completed_version` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`completed_at` integer,
	PRIMARY KEY(`user_id`, `module_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `module_progress_module_idx` ON `module_progress` (`module_id`,`status`);--> statement-breakpoint
CREATE TABLE `placements` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`level` text NOT NULL,
	`source` text NOT NULL,
	`run_id` text,
	`scores` text,
	`facts` text NOT NULL,
	`reason` text,
	`set_by` text,
	`is_current` integer DEFAULT true NOT NULL,
	`retake_allowed` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `diagnostic_runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `placements_user_idx` ON `placements` (`user_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `placements_current_idx` ON `placements` (`user_id`) WHERE is_current = 1;--> statement-breakpoint
CREATE INDEX `placements_level_idx` ON `placements` (`level`) WHERE is_current = 1;--> statement-breakpoint
CREATE TABLE `reflections` (
	`user_id` text NOT NULL,
	`module_id` text NOT NULL,
	`reflection_id` text NOT NULL,
	`text` text NOT NULL,
	`review_status` text DEFAULT 'none' NOT NULL,
	`review_comment` text,
	`reviewed_by` text,
	`reviewed_at` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `module_id`, `reflection_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `reflections_review_idx` ON `reflections` (`review_status`,`updated_at`);