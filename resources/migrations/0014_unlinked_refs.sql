CREATE TABLE `unlinked_refs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deleted_table` text NOT NULL,
	`deleted_id` text NOT NULL,
	`deleted_at` text NOT NULL,
	`ref_table` text NOT NULL,
	`ref_column` text NOT NULL,
	`ref_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `unlinked_refs_deleted_idx` ON `unlinked_refs` (`deleted_table`,`deleted_id`,`deleted_at`);