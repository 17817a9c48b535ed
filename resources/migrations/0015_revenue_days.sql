CREATE TABLE `revenue_days` (
	`day` text NOT NULL,
	`source` text NOT NULL,
	`currency` text NOT NULL,
	`count` integer NOT NULL,
	`net_minor` integer NOT NULL,
	PRIMARY KEY(`day`, `source`, `currency`)
);
--> statement-breakpoint
DROP INDEX `leads_closed_idx`;--> statement-breakpoint
CREATE INDEX `leads_closed_idx` ON `leads` (`closed_at`,`deleted_at`,`stage_id`,`value_minor`,`contact_id`,`campaign_id`,`channel`,`created_at`,`id`,`lost_reason`);--> statement-breakpoint
DROP INDEX `orders_lead_idx`;--> statement-breakpoint
CREATE INDEX `orders_lead_idx` ON `orders` (`lead_id`,`deleted_at`);--> statement-breakpoint
DROP INDEX `payments_lead_idx`;--> statement-breakpoint
CREATE INDEX `payments_lead_idx` ON `payments` (`lead_id`,`deleted_at`);
--> statement-breakpoint
-- Revenue per day, per source and currency, by the REVENUE rule of shared/domain/kpi (the statuses below are
-- REVENUE_ORDER_STATUSES and REVENUE_PAYMENT_STATUSES; net = max(0, amount - max(0, refunded))): filled from
-- the existing orders and payments, then moved by every insert, update and delete of one.
CREATE TRIGGER `revenue_days_orders_insert` AFTER INSERT ON `orders` BEGIN
  INSERT INTO revenue_days (day, source, currency, count, net_minor)
    SELECT substr(NEW.ordered_at, 1, 10), 'order', upper(NEW.currency), 1, max(0, NEW.total_minor - max(0, NEW.refunded_minor)) WHERE NEW.deleted_at IS NULL AND NEW.status IN ('paid', 'partially_refunded')
    ON CONFLICT (day, source, currency) DO UPDATE SET count = count + 1, net_minor = net_minor + excluded.net_minor;
END;--> statement-breakpoint
CREATE TRIGGER `revenue_days_orders_update` AFTER UPDATE OF ordered_at, status, currency, total_minor, refunded_minor, deleted_at ON `orders` BEGIN
  UPDATE revenue_days SET count = count - 1, net_minor = net_minor - max(0, OLD.total_minor - max(0, OLD.refunded_minor))
    WHERE day = substr(OLD.ordered_at, 1, 10) AND source = 'order' AND currency = upper(OLD.currency) AND OLD.deleted_at IS NULL AND OLD.status IN ('paid', 'partially_refunded');
  DELETE FROM revenue_days WHERE day = substr(OLD.ordered_at, 1, 10) AND source = 'order' AND currency = upper(OLD.currency) AND count = 0;
  INSERT INTO revenue_days (day, source, currency, count, net_minor)
    SELECT substr(NEW.ordered_at, 1, 10), 'order', upper(NEW.currency), 1, max(0, NEW.total_minor - max(0, NEW.refunded_minor)) WHERE NEW.deleted_at IS NULL AND NEW.status IN ('paid', 'partially_refunded')
    ON CONFLICT (day, source, currency) DO UPDATE SET count = count + 1, net_minor = net_minor + excluded.net_minor;
END;--> statement-breakpoint
CREATE TRIGGER `revenue_days_orders_delete` AFTER DELETE ON `orders` BEGIN
  UPDATE revenue_days SET count = count - 1, net_minor = net_minor - max(0, OLD.total_minor - max(0, OLD.refunded_minor))
    WHERE day = substr(OLD.ordered_at, 1, 10) AND source = 'order' AND currency = upper(OLD.currency) AND OLD.deleted_at IS NULL AND OLD.status IN ('paid', 'partially_refunded');
  DELETE FROM revenue_days WHERE day = substr(OLD.ordered_at, 1, 10) AND source = 'order' AND currency = upper(OLD.currency) AND count = 0;
END;--> statement-breakpoint
INSERT INTO revenue_days (day, source, currency, count, net_minor)
  SELECT substr(ordered_at, 1, 10), 'order', upper(currency), count(*), sum(max(0, total_minor - max(0, refunded_minor)))
  FROM orders WHERE deleted_at IS NULL AND status IN ('paid', 'partially_refunded') GROUP BY 1, 3;
--> statement-breakpoint
CREATE TRIGGER `revenue_days_payments_insert` AFTER INSERT ON `payments` BEGIN
  INSERT INTO revenue_days (day, source, currency, count, net_minor)
    SELECT substr(NEW.paid_at, 1, 10), 'payment', upper(NEW.currency), 1, max(0, NEW.amount_minor - max(0, NEW.refunded_minor)) WHERE NEW.deleted_at IS NULL AND NEW.status IN ('succeeded', 'partially_refunded')
    ON CONFLICT (day, source, currency) DO UPDATE SET count = count + 1, net_minor = net_minor + excluded.net_minor;
END;--> statement-breakpoint
CREATE TRIGGER `revenue_days_payments_update` AFTER UPDATE OF paid_at, status, currency, amount_minor, refunded_minor, deleted_at ON `payments` BEGIN
  UPDATE revenue_days SET count = count - 1, net_minor = net_minor - max(0, OLD.amount_minor - max(0, OLD.refunded_minor))
    WHERE day = substr(OLD.paid_at, 1, 10) AND source = 'payment' AND currency = upper(OLD.currency) AND OLD.deleted_at IS NULL AND OLD.status IN ('succeeded', 'partially_refunded');
  DELETE FROM revenue_days WHERE day = substr(OLD.paid_at, 1, 10) AND source = 'payment' AND currency = upper(OLD.currency) AND count = 0;
  INSERT INTO revenue_days (day, source, currency, count, net_minor)
    SELECT substr(NEW.paid_at, 1, 10), 'payment', upper(NEW.currency), 1, max(0, NEW.amount_minor - max(0, NEW.refunded_minor)) WHERE NEW.deleted_at IS NULL AND NEW.status IN ('succeeded', 'partially_refunded')
    ON CONFLICT (day, source, currency) DO UPDATE SET count = count + 1, net_minor = net_minor + excluded.net_minor;
END;--> statement-breakpoint
CREATE TRIGGER `revenue_days_payments_delete` AFTER DELETE ON `payments` BEGIN
  UPDATE revenue_days SET count = count - 1, net_minor = net_minor - max(0, OLD.amount_minor - max(0, OLD.refunded_minor))
    WHERE day = substr(OLD.paid_at, 1, 10) AND source = 'payment' AND currency = upper(OLD.currency) AND OLD.deleted_at IS NULL AND OLD.status IN ('succeeded', 'partially_refunded');
  DELETE FROM revenue_days WHERE day = substr(OLD.paid_at, 1, 10) AND source = 'payment' AND currency = upper(OLD.currency) AND count = 0;
END;--> statement-breakpoint
INSERT INTO revenue_days (day, source, currency, count, net_minor)
  SELECT substr(paid_at, 1, 10), 'payment', upper(currency), count(*), sum(max(0, amount_minor - max(0, refunded_minor)))
  FROM payments WHERE deleted_at IS NULL AND status IN ('succeeded', 'partially_refunded') GROUP BY 1, 3;
