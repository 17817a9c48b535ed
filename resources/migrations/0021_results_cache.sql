CREATE TABLE `attribution_month_sums` (
	`key` text NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`campaign_id` text,
	`channel` text,
	`content_id` text,
	`minor` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attribution_month_sums_idx` ON `attribution_month_sums` (`key`,`month`,`kind`,`campaign_id`,`channel`,`content_id`,`minor`,`count`);--> statement-breakpoint
CREATE TABLE `result_days` (
	`kind` text NOT NULL,
	`day` text NOT NULL,
	`count` integer NOT NULL,
	`minor` integer NOT NULL,
	PRIMARY KEY(`kind`, `day`)
);
--> statement-breakpoint
CREATE TABLE `result_months` (
	`month` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- The content rows' leads are cached with the attribution (kind `leads`, one per lead and content item): a
-- lead counts in the month it was created, so creating, moving, re-assigning or deleting one forgets that
-- month too (the touches' own triggers above forget the months a touch can reach).
CREATE TRIGGER `attribution_leads_created_insert` AFTER INSERT ON `leads` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month = substr(NEW.created_at, 1, 7);
END;--> statement-breakpoint
CREATE TRIGGER `attribution_leads_created_update` AFTER UPDATE OF created_at, contact_id, deleted_at ON `leads` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys)
    AND month IN (substr(OLD.created_at, 1, 7), substr(NEW.created_at, 1, 7));
END;--> statement-breakpoint
CREATE TRIGGER `attribution_leads_created_delete` AFTER DELETE ON `leads` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month = substr(OLD.created_at, 1, 7);
END;
--> statement-breakpoint
-- result_days is derived from leads (won deals without an order or payment, in the month they closed; leads
-- created, in the month they were created), orders and payments (the reconciliation lists, in their own month
-- and their lead's), reconciliation marks and visit metrics. These triggers forget every month a write can
-- change, in the write's own transaction; the next read recomputes it.
CREATE TRIGGER `result_leads_insert` AFTER INSERT ON `leads` BEGIN
  DELETE FROM result_months WHERE month IN (substr(NEW.created_at, 1, 7), substr(NEW.closed_at, 1, 7));
END;--> statement-breakpoint
CREATE TRIGGER `result_leads_update` AFTER UPDATE OF created_at, closed_at, deleted_at, stage_id, value_minor ON `leads` BEGIN
  DELETE FROM result_months WHERE month IN (substr(OLD.created_at, 1, 7), substr(NEW.created_at, 1, 7),
    substr(OLD.closed_at, 1, 7), substr(NEW.closed_at, 1, 7));
END;--> statement-breakpoint
-- An order or payment without a campaign of its own counts as without one only while its lead has none.
CREATE TRIGGER `result_leads_campaign` AFTER UPDATE OF campaign_id ON `leads`
WHEN OLD.campaign_id IS NOT NEW.campaign_id BEGIN
  DELETE FROM result_months WHERE month IN (SELECT substr(o.ordered_at, 1, 7) FROM orders o WHERE o.lead_id = NEW.id
    UNION SELECT substr(p.paid_at, 1, 7) FROM payments p WHERE p.lead_id = NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `result_leads_delete` AFTER DELETE ON `leads` BEGIN
  DELETE FROM result_months WHERE month IN (substr(OLD.created_at, 1, 7), substr(OLD.closed_at, 1, 7));
  DELETE FROM result_months WHERE month IN (SELECT substr(o.ordered_at, 1, 7) FROM orders o WHERE o.lead_id = OLD.id
    UNION SELECT substr(p.paid_at, 1, 7) FROM payments p WHERE p.lead_id = OLD.id);
END;
--> statement-breakpoint
CREATE TRIGGER `result_orders_insert` AFTER INSERT ON `orders` BEGIN
  DELETE FROM result_months WHERE month IN (substr(NEW.ordered_at, 1, 7), (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = NEW.lead_id));
END;--> statement-breakpoint
CREATE TRIGGER `result_orders_update` AFTER UPDATE OF ordered_at, status, deleted_at, contact_id, lead_id, campaign_id ON `orders` BEGIN
  DELETE FROM result_months WHERE month IN (substr(OLD.ordered_at, 1, 7), substr(NEW.ordered_at, 1, 7),
    (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = OLD.lead_id), (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = NEW.lead_id));
END;--> statement-breakpoint
CREATE TRIGGER `result_orders_delete` AFTER DELETE ON `orders` BEGIN
  DELETE FROM result_months WHERE month IN (substr(OLD.ordered_at, 1, 7), (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = OLD.lead_id));
END;
--> statement-breakpoint
CREATE TRIGGER `result_payments_insert` AFTER INSERT ON `payments` BEGIN
  DELETE FROM result_months WHERE month IN (substr(NEW.paid_at, 1, 7), (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = NEW.lead_id));
END;--> statement-breakpoint
CREATE TRIGGER `result_payments_update` AFTER UPDATE OF paid_at, status, deleted_at, contact_id, lead_id, campaign_id ON `payments` BEGIN
  DELETE FROM result_months WHERE month IN (substr(OLD.paid_at, 1, 7), substr(NEW.paid_at, 1, 7),
    (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = OLD.lead_id), (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = NEW.lead_id));
END;--> statement-breakpoint
CREATE TRIGGER `result_payments_delete` AFTER DELETE ON `payments` BEGIN
  DELETE FROM result_months WHERE month IN (substr(OLD.paid_at, 1, 7), (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = OLD.lead_id));
END;
--> statement-breakpoint
-- Which stage counts as won decides which deals are conversions at all.
CREATE TRIGGER `result_stages_update` AFTER UPDATE OF outcome ON `pipeline_stages` BEGIN
  DELETE FROM result_months;
END;--> statement-breakpoint
CREATE TRIGGER `result_stages_delete` AFTER DELETE ON `pipeline_stages` BEGIN
  DELETE FROM result_months;
END;--> statement-breakpoint
-- A record marked "not applicable" leaves its reconciliation list, in the month the record is dated.
CREATE TRIGGER `result_marks_insert` AFTER INSERT ON `reconciliation_marks` BEGIN
  DELETE FROM result_months WHERE month = CASE NEW.record_kind WHEN 'order' THEN (SELECT substr(ordered_at, 1, 7) FROM orders WHERE id = NEW.record_id)
    WHEN 'payment' THEN (SELECT substr(paid_at, 1, 7) FROM payments WHERE id = NEW.record_id)
    ELSE (SELECT substr(closed_at, 1, 7) FROM leads WHERE id = NEW.record_id) END;
END;--> statement-breakpoint
CREATE TRIGGER `result_marks_update` AFTER UPDATE OF record_kind, record_id ON `reconciliation_marks` BEGIN
  DELETE FROM result_months WHERE month IN (CASE OLD.record_kind WHEN 'order' THEN (SELECT substr(ordered_at, 1, 7) FROM orders WHERE id = OLD.record_id)
    WHEN 'payment' THEN (SELECT substr(paid_at, 1, 7) FROM payments WHERE id = OLD.record_id)
    ELSE (SELECT substr(closed_at, 1, 7) FROM leads WHERE id = OLD.record_id) END,
    CASE NEW.record_kind WHEN 'order' THEN (SELECT substr(ordered_at, 1, 7) FROM orders WHERE id = NEW.record_id)
    WHEN 'payment' THEN (SELECT substr(paid_at, 1, 7) FROM payments WHERE id = NEW.record_id)
    ELSE (SELECT substr(closed_at, 1, 7) FROM leads WHERE id = NEW.record_id) END);
END;--> statement-breakpoint
CREATE TRIGGER `result_marks_delete` AFTER DELETE ON `reconciliation_marks` BEGIN
  DELETE FROM result_months WHERE month = CASE OLD.record_kind WHEN 'order' THEN (SELECT substr(ordered_at, 1, 7) FROM orders WHERE id = OLD.record_id)
    WHEN 'payment' THEN (SELECT substr(paid_at, 1, 7) FROM payments WHERE id = OLD.record_id)
    ELSE (SELECT substr(closed_at, 1, 7) FROM leads WHERE id = OLD.record_id) END;
END;--> statement-breakpoint
CREATE TRIGGER `result_visits_insert` AFTER INSERT ON `metric_observations` WHEN NEW.metric = 'visits' BEGIN
  DELETE FROM result_months WHERE month = substr(NEW.date, 1, 7);
END;--> statement-breakpoint
CREATE TRIGGER `result_visits_update` AFTER UPDATE OF metric, date, scope, value ON `metric_observations`
WHEN OLD.metric = 'visits' OR NEW.metric = 'visits' BEGIN
  DELETE FROM result_months WHERE month IN (substr(OLD.date, 1, 7), substr(NEW.date, 1, 7));
END;--> statement-breakpoint
CREATE TRIGGER `result_visits_delete` AFTER DELETE ON `metric_observations` WHEN OLD.metric = 'visits' BEGIN
  DELETE FROM result_months WHERE month = substr(OLD.date, 1, 7);
END;
