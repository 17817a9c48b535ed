DROP INDEX `orders_revenue_day_idx`;--> statement-breakpoint
CREATE INDEX `orders_revenue_day_idx` ON `orders` (`ordered_at`,`status`,`currency`,`total_minor`,`refunded_minor`,`contact_id`,`lead_id`,`deleted_at`) WHERE "orders"."deleted_at" IS NULL;--> statement-breakpoint
DROP INDEX `payments_revenue_day_idx`;--> statement-breakpoint
CREATE INDEX `payments_revenue_day_idx` ON `payments` (`paid_at`,`status`,`currency`,`amount_minor`,`refunded_minor`,`contact_id`,`lead_id`,`deleted_at`) WHERE "payments"."deleted_at" IS NULL;