CREATE TABLE `media` (
	`id` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`uploaded_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_sha256_unique` ON `media` (`sha256`);--> statement-breakpoint
CREATE INDEX `media_created_idx` ON `media` (`created_at`);--> statement-breakpoint
CREATE TABLE `module_drafts` (
	`module_id` text PRIMARY KEY NOT NULL,
	`fr_source` text NOT NULL,
	`en_source` text NOT NULL,
	`revision` integer NOT NULL,
	`base_version_id` text,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`base_version_id`) REFERENCES `module_versions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `module_drafts_updated_idx` ON `module_drafts` (`updated_at`);--> statement-breakpoint
CREATE TABLE `module_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`module_id` text NOT NULL,
	`number` integer NOT NULL,
	`fr_source` text NOT NULL,
	`en_source` text NOT NULL,
	`author` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`change_note` text NOT NULL,
	`significant` integer DEFAULT false NOT NULL,
	`origin` text NOT NULL,
	FOREIGN KEY (`module_id`) REFERENCES `modules`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `module_versions_number_idx` ON `module_versions` (`module_id`,`number`);--> statement-breakpoint
CREATE INDEX `module_versions_significant_idx` ON `module_versions` (`module_id`,`number`) WHERE significant = 1;--> statement-breakpoint
CREATE TABLE `modules` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`unpublished` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `track_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`yaml` text NOT NULL,
	`author` text,
	`note` text NOT NULL,
	`origin` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`author`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `track_versions_created_idx` ON `track_versions` (`created_at`);