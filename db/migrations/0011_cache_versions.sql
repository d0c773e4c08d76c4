CREATE TABLE `cache_versions` (
	`key` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 0), ('settings', 0), ('api_tokens', 0);
--> statement-breakpoint
CREATE TRIGGER `modules_insert_bumps_content` AFTER INSERT ON `modules` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `modules_update_bumps_content` AFTER UPDATE ON `modules` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `modules_delete_bumps_content` AFTER DELETE ON `modules` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `module_versions_insert_bumps_content` AFTER INSERT ON `module_versions` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `module_versions_update_bumps_content` AFTER UPDATE ON `module_versions` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `module_versions_delete_bumps_content` AFTER DELETE ON `module_versions` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `track_versions_insert_bumps_content` AFTER INSERT ON `track_versions` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `track_versions_update_bumps_content` AFTER UPDATE ON `track_versions` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `track_versions_delete_bumps_content` AFTER DELETE ON `track_versions` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('content', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_insert_bumps_settings` AFTER INSERT ON `settings` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('settings', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_update_bumps_settings` AFTER UPDATE ON `settings` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('settings', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `settings_delete_bumps_settings` AFTER DELETE ON `settings` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('settings', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `api_tokens_delete_bumps_api_tokens` AFTER DELETE ON `api_tokens` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('api_tokens', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
--> statement-breakpoint
CREATE TRIGGER `api_tokens_revoke_bumps_api_tokens` AFTER UPDATE OF `revoked_at`, `expires_at`, `scope`, `token_hash` ON `api_tokens` BEGIN INSERT INTO `cache_versions` (`key`, `version`) VALUES ('api_tokens', 1) ON CONFLICT (`key`) DO UPDATE SET `version` = `version` + 1; END;
