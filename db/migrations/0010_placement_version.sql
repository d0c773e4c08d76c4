ALTER TABLE `placements` ADD `questionnaire_version` integer;--> statement-breakpoint
-- Every questionnaire placement made before this migration was computed with version 1 of
-- content/diagnostic/questionnaire.yaml (the only version there was). Overrides stay null.
UPDATE `placements` SET `questionnaire_version` = 1 WHERE `source` = 'questionnaire';
