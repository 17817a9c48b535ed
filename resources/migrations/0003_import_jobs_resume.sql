ALTER TABLE `import_jobs` ADD `file_path` text;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `options` text;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `unchanged` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `worker_pid` integer;--> statement-breakpoint
ALTER TABLE `import_jobs` ADD `heartbeat_at` text;--> statement-breakpoint
ALTER TABLE `import_row_errors` ADD `severity` text DEFAULT 'error' NOT NULL;--> statement-breakpoint
CREATE INDEX `import_changes_record_idx` ON `import_changes` (`record_id`);