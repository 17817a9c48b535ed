CREATE TABLE `meeting_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`text` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_notes_period_idx` ON `meeting_notes` (`period_from`,`period_to`);--> statement-breakpoint
CREATE TABLE `report_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`due_at` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`status` text NOT NULL,
	`path` text,
	`bytes` integer,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `report_runs_due_idx` ON `report_runs` (`due_at`);--> statement-breakpoint
CREATE TABLE `report_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`cadence` text NOT NULL,
	`weekday` integer NOT NULL,
	`time` text NOT NULL,
	`time_zone` text NOT NULL,
	`folder` text NOT NULL,
	`model` text NOT NULL,
	`lookback_days` integer NOT NULL,
	`sections` text NOT NULL,
	`since` text NOT NULL
);
