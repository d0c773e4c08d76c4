-- DATA MIGRATION (not generated): reasons were stored as text with a prefix for the system's own
-- ("charter:2026-06"); they are now a kind (reason_kind) and a detail (reason). See ADR 0015.
UPDATE `accreditations` SET `reason_kind` = 'charter', `reason` = substr(`reason`, 9) WHERE `reason` LIKE 'charter:%';--> statement-breakpoint
UPDATE `accreditations` SET `reason_kind` = 'decision' WHERE `reason` IS NOT NULL AND `reason_kind` IS NULL;
