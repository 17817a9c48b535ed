DROP INDEX `activities_open_due_idx`;--> statement-breakpoint
DROP INDEX `activities_lead_idx`;--> statement-breakpoint
CREATE INDEX `activities_enrollment_idx` ON `activities` (`enrollment_id`);--> statement-breakpoint
CREATE INDEX `activities_open_due_idx` ON `activities` (`due_at`) WHERE "activities"."done_at" IS NULL AND "activities"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `activities_lead_idx` ON `activities` (`lead_id`,`done_at`,`due_at`);--> statement-breakpoint
DROP INDEX `leads_stage_idx`;--> statement-breakpoint
CREATE INDEX `leads_company_idx` ON `leads` (`company_id`);--> statement-breakpoint
CREATE INDEX `leads_live_channel_idx` ON `leads` (`channel`,`stage_id`) WHERE "leads"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `leads_live_owner_idx` ON `leads` (`owner`,`stage_id`) WHERE "leads"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `leads_live_value_idx` ON `leads` (`value_minor`,`id`) WHERE "leads"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `leads_live_close_idx` ON `leads` (`expected_close_date`,`id`) WHERE "leads"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `leads_live_rating_idx` ON `leads` (`rating`,`id`) WHERE "leads"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `leads_live_updated_idx` ON `leads` (`updated_at`,`id`) WHERE "leads"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `leads_live_title_idx` ON `leads` ("title" COLLATE NOCASE,`id`) WHERE "leads"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `leads_stage_idx` ON `leads` (`stage_id`,`board_rank`,`value_minor`) WHERE "leads"."deleted_at" IS NULL;--> statement-breakpoint
ALTER TABLE `cadence_enrollments` ADD `start_date` text;--> statement-breakpoint
CREATE INDEX `cadence_enrollments_cadence_idx` ON `cadence_enrollments` (`cadence_id`,`status`);--> statement-breakpoint
CREATE INDEX `contacts_sort_name_idx` ON `contacts` (lower("last_name"),lower("first_name"),`id`);