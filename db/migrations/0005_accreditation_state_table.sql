ALTER TABLE `accreditations` ADD `reason_kind` text;--> statement-breakpoint
ALTER TABLE `accreditations` ADD `reopened_at` integer;