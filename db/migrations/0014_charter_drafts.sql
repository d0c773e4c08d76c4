CREATE TABLE `charter_drafts` (
	`version` text PRIMARY KEY NOT NULL,
	`fr_source` text NOT NULL,
	`en_source` text NOT NULL,
	`check_yaml` text NOT NULL,
	`revision` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `charter_texts` (
	`version` text PRIMARY KEY NOT NULL,
	`fr_source` text NOT NULL,
	`en_source` text NOT NULL,
	`check_yaml` text NOT NULL,
	`author` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`author`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TRIGGER `charter_texts_insert_bumps_content` AFTER INSERT ON `charter_texts` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `charter_texts_delete_bumps_content` AFTER DELETE ON `charter_texts` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
