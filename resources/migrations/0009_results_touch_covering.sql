CREATE INDEX `contacts_touch_idx` ON `contacts` (`created_at`,`deleted_at`,`source_campaign_id`,`source_channel`,`id`);--> statement-breakpoint
CREATE INDEX `lead_stage_history_stage_idx` ON `lead_stage_history` (`lead_id`,`to_stage_id`);--> statement-breakpoint
CREATE INDEX `leads_period_idx` ON `leads` (`created_at`,`deleted_at`,`contact_id`,`campaign_id`,`channel`,`stage_id`,`rating`,`id`);--> statement-breakpoint
CREATE INDEX `leads_open_created_idx` ON `leads` (`stage_id`,`deleted_at`,`created_at`,`value_minor`);--> statement-breakpoint
CREATE INDEX `orders_touch_idx` ON `orders` (`ordered_at`,`deleted_at`,`contact_id`,`campaign_id`,`utm_campaign`,`discount_code`,`utm_content`,`id`,`status`,`lead_id`);--> statement-breakpoint
CREATE INDEX `payments_touch_idx` ON `payments` (`paid_at`,`deleted_at`,`contact_id`,`campaign_id`,`utm_campaign`,`id`,`status`,`lead_id`);