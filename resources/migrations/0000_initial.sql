CREATE TABLE `workspace_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`business_name` text NOT NULL,
	`currency` text NOT NULL,
	`locale` text NOT NULL,
	`fiscal_year_start_month` integer NOT NULL,
	`week_start` integer NOT NULL,
	`initialized_at` text
);
--> statement-breakpoint
CREATE TABLE `column_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`header_signature` text NOT NULL,
	`kind` text NOT NULL,
	`mapping` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `column_mappings_signature_idx` ON `column_mappings` (`header_signature`);--> statement-breakpoint
CREATE TABLE `import_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`job_id` text NOT NULL,
	`table_name` text NOT NULL,
	`record_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_changes_job_idx` ON `import_changes` (`job_id`);--> statement-breakpoint
CREATE TABLE `import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`file_size` integer NOT NULL,
	`kind` text NOT NULL,
	`preset` text,
	`mapping` text,
	`status` text NOT NULL,
	`rows_total` integer,
	`rows_done` integer DEFAULT 0 NOT NULL,
	`inserted` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`message` text,
	`started_at` text,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `import_jobs_hash_idx` ON `import_jobs` (`file_hash`);--> statement-breakpoint
CREATE TABLE `import_row_errors` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`job_id` text NOT NULL,
	`row` integer NOT NULL,
	`column` text,
	`message` text NOT NULL,
	`raw` text,
	FOREIGN KEY (`job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_row_errors_job_idx` ON `import_row_errors` (`job_id`,`row`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`objective` text NOT NULL,
	`start_date` text,
	`end_date` text,
	`status` text NOT NULL,
	`budget_minor` integer DEFAULT 0 NOT NULL,
	`target_leads` integer,
	`target_revenue_minor` integer,
	`key_message` text DEFAULT '' NOT NULL,
	`tracking_code` text,
	`landing_url` text,
	`import_job_id` text,
	`deleted_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `campaigns_tracking_code_idx` ON `campaigns` (`tracking_code`);--> statement-breakpoint
CREATE INDEX `campaigns_plan_idx` ON `campaigns` (`plan_id`);--> statement-breakpoint
CREATE TABLE `content_items` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`campaign_id` text,
	`channel` text NOT NULL,
	`title` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`scheduled_date` text,
	`status` text NOT NULL,
	`link` text,
	`utm_content` text,
	`deleted_at` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `content_scheduled_idx` ON `content_items` (`scheduled_date`);--> statement-breakpoint
CREATE TABLE `metric_observations` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`date` text NOT NULL,
	`scope` text NOT NULL,
	`campaign_id` text,
	`channel` text,
	`metric` text NOT NULL,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`import_job_id` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metric_natural_idx` ON `metric_observations` (`date`,`scope`,`metric`,`source`);--> statement-breakpoint
CREATE INDEX `metric_metric_date_idx` ON `metric_observations` (`metric`,`date`);--> statement-breakpoint
CREATE TABLE `plan_channels` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text NOT NULL,
	`channel` text NOT NULL,
	`planned_budget_minor` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_channels_plan_channel_idx` ON `plan_channels` (`plan_id`,`channel`);--> statement-breakpoint
CREATE TABLE `plan_segments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`is_target` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plan_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`plan_id` text NOT NULL,
	`phase` text NOT NULL,
	`title` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`done_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`name` text NOT NULL,
	`period_kind` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`status` text NOT NULL,
	`goal_revenue_minor` integer,
	`goal_leads` integer,
	`goal_qualified_leads` integer,
	`goal_budget_minor` integer,
	`strengths` text DEFAULT '' NOT NULL,
	`weaknesses` text DEFAULT '' NOT NULL,
	`opportunities` text DEFAULT '' NOT NULL,
	`threats` text DEFAULT '' NOT NULL,
	`positioning` text DEFAULT '' NOT NULL,
	`copied_from_id` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `plans_period_idx` ON `plans` (`start_date`,`end_date`);--> statement-breakpoint
CREATE TABLE `spend_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`campaign_id` text NOT NULL,
	`date` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`source_key` text,
	`import_job_id` text,
	`deleted_at` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `spend_campaign_date_idx` ON `spend_entries` (`campaign_id`,`date`);--> statement-breakpoint
CREATE UNIQUE INDEX `spend_source_key_idx` ON `spend_entries` (`source_key`);--> statement-breakpoint
CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`lead_id` text,
	`contact_id` text,
	`type` text NOT NULL,
	`subject` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`due_at` text,
	`done_at` text,
	`outcome` text,
	`enrollment_id` text,
	`cadence_step_id` text,
	`import_job_id` text,
	`deleted_at` text,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enrollment_id`) REFERENCES `cadence_enrollments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cadence_step_id`) REFERENCES `cadence_steps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_open_due_idx` ON `activities` (`done_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `activities_lead_idx` ON `activities` (`lead_id`);--> statement-breakpoint
CREATE INDEX `activities_contact_idx` ON `activities` (`contact_id`);--> statement-breakpoint
CREATE TABLE `cadence_enrollments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`cadence_id` text NOT NULL,
	`lead_id` text NOT NULL,
	`started_at` text NOT NULL,
	`status` text NOT NULL,
	`stopped_at` text,
	`stop_reason` text,
	FOREIGN KEY (`cadence_id`) REFERENCES `cadences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cadence_enrollments_lead_idx` ON `cadence_enrollments` (`lead_id`);--> statement-breakpoint
CREATE TABLE `cadence_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`cadence_id` text NOT NULL,
	`position` integer NOT NULL,
	`day_offset` integer NOT NULL,
	`type` text NOT NULL,
	`instruction` text NOT NULL,
	FOREIGN KEY (`cadence_id`) REFERENCES `cadences`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cadences` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`skip_weekends` integer DEFAULT true NOT NULL,
	`plan_id` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `companies` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`domain` text,
	`phone` text,
	`website` text,
	`notes` text DEFAULT '' NOT NULL,
	`external_id` text,
	`import_job_id` text,
	`deleted_at` text,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `companies_name_key_idx` ON `companies` (`name_key`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`company_id` text,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`email` text,
	`email_key` text,
	`phone` text,
	`phone_key` text,
	`title` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`country` text DEFAULT '' NOT NULL,
	`lifecycle` text DEFAULT 'lead' NOT NULL,
	`source_campaign_id` text,
	`source_channel` text,
	`notes` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`external_id` text,
	`merged_into_id` text,
	`import_job_id` text,
	`deleted_at` text,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_email_key_idx` ON `contacts` (`email_key`);--> statement-breakpoint
CREATE INDEX `contacts_phone_key_idx` ON `contacts` (`phone_key`);--> statement-breakpoint
CREATE INDEX `contacts_name_idx` ON `contacts` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `contacts_company_idx` ON `contacts` (`company_id`);--> statement-breakpoint
CREATE INDEX `contacts_created_idx` ON `contacts` (`created_at`);--> statement-breakpoint
CREATE TABLE `lead_stage_history` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`lead_id` text NOT NULL,
	`from_stage_id` text,
	`to_stage_id` text NOT NULL,
	`changed_at` text NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_stage_id`) REFERENCES `pipeline_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_stage_id`) REFERENCES `pipeline_stages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lead_stage_history_lead_idx` ON `lead_stage_history` (`lead_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`title` text NOT NULL,
	`contact_id` text,
	`company_id` text,
	`campaign_id` text,
	`channel` text DEFAULT 'unknown' NOT NULL,
	`stage_id` text NOT NULL,
	`value_minor` integer DEFAULT 0 NOT NULL,
	`expected_close_date` text,
	`owner` text DEFAULT '' NOT NULL,
	`rating` integer,
	`rating_note` text DEFAULT '' NOT NULL,
	`rated_by` text,
	`rated_at` text,
	`lost_reason` text,
	`closed_at` text,
	`board_rank` integer DEFAULT 0 NOT NULL,
	`external_id` text,
	`import_job_id` text,
	`deleted_at` text,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stage_id`) REFERENCES `pipeline_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leads_stage_idx` ON `leads` (`stage_id`,`board_rank`);--> statement-breakpoint
CREATE INDEX `leads_campaign_idx` ON `leads` (`campaign_id`);--> statement-breakpoint
CREATE INDEX `leads_contact_idx` ON `leads` (`contact_id`);--> statement-breakpoint
CREATE INDEX `leads_created_idx` ON `leads` (`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `leads_external_idx` ON `leads` (`external_id`);--> statement-breakpoint
CREATE TABLE `pipeline_stages` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`probability` integer NOT NULL,
	`outcome` text DEFAULT 'open' NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`order_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`sku` text,
	`quantity` integer NOT NULL,
	`unit_price_minor` integer NOT NULL,
	`import_job_id` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`,`position`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`ordered_at` text NOT NULL,
	`currency` text NOT NULL,
	`subtotal_minor` integer DEFAULT 0 NOT NULL,
	`discount_minor` integer DEFAULT 0 NOT NULL,
	`shipping_minor` integer DEFAULT 0 NOT NULL,
	`tax_minor` integer DEFAULT 0 NOT NULL,
	`total_minor` integer NOT NULL,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`customer_email` text,
	`email_key` text,
	`customer_name` text,
	`contact_id` text,
	`lead_id` text,
	`campaign_id` text,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	`discount_code` text,
	`import_job_id` text,
	`deleted_at` text,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_natural_idx` ON `orders` (`source`,`external_id`);--> statement-breakpoint
CREATE INDEX `orders_date_idx` ON `orders` (`ordered_at`);--> statement-breakpoint
CREATE INDEX `orders_contact_idx` ON `orders` (`contact_id`);--> statement-breakpoint
CREATE INDEX `orders_campaign_idx` ON `orders` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`paid_at` text NOT NULL,
	`currency` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`fee_minor` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`customer_email` text,
	`email_key` text,
	`contact_id` text,
	`lead_id` text,
	`campaign_id` text,
	`utm_campaign` text,
	`import_job_id` text,
	`deleted_at` text,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_job_id`) REFERENCES `import_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_natural_idx` ON `payments` (`source`,`external_id`);--> statement-breakpoint
CREATE INDEX `payments_date_idx` ON `payments` (`paid_at`);--> statement-breakpoint
CREATE INDEX `payments_contact_idx` ON `payments` (`contact_id`);