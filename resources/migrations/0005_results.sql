CREATE TABLE `manual_touches` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`contact_id` text NOT NULL,
	`at` text NOT NULL,
	`channel` text,
	`campaign_id` text,
	`content_item_id` text,
	`note` text DEFAULT '' NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`content_item_id`) REFERENCES `content_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `manual_touches_contact_idx` ON `manual_touches` (`contact_id`,`at`);--> statement-breakpoint
CREATE INDEX `manual_touches_at_idx` ON `manual_touches` (`at`);--> statement-breakpoint
CREATE TABLE `reconciliation_marks` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`record_kind` text NOT NULL,
	`record_id` text NOT NULL,
	`action` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reconciliation_marks_record_idx` ON `reconciliation_marks` (`record_kind`,`record_id`);--> statement-breakpoint
ALTER TABLE `orders` ADD `utm_content` text;--> statement-breakpoint
CREATE INDEX `orders_lead_idx` ON `orders` (`lead_id`);--> statement-breakpoint
CREATE INDEX `content_utm_idx` ON `content_items` (`utm_content`);--> statement-breakpoint
CREATE INDEX `spend_date_idx` ON `spend_entries` (`date`);--> statement-breakpoint
CREATE INDEX `leads_closed_idx` ON `leads` (`closed_at`);--> statement-breakpoint
CREATE INDEX `leads_contact_created_idx` ON `leads` (`contact_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_lead_idx` ON `payments` (`lead_id`);--> statement-breakpoint
CREATE INDEX `payments_campaign_idx` ON `payments` (`campaign_id`);