DROP INDEX `metric_metric_date_idx`;--> statement-breakpoint
CREATE INDEX `metric_metric_date_idx` ON `metric_observations` (`metric`,`date`,`scope`,`campaign_id`,`value`);--> statement-breakpoint
CREATE INDEX `orders_revenue_day_idx` ON `orders` (`ordered_at`,`status`,`currency`,`total_minor`,`refunded_minor`,`contact_id`,`lead_id`) WHERE "orders"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `payments_revenue_day_idx` ON `payments` (`paid_at`,`status`,`currency`,`amount_minor`,`refunded_minor`,`contact_id`,`lead_id`) WHERE "payments"."deleted_at" IS NULL;