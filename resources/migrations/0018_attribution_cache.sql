CREATE TABLE `attribution_days` (
	`key` text NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`campaign_id` text,
	`channel` text,
	`content_id` text,
	`minor` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attribution_days_idx` ON `attribution_days` (`key`,`day`,`kind`,`campaign_id`,`channel`,`content_id`,`minor`,`count`);--> statement-breakpoint
CREATE INDEX `touches_content_at_idx` ON `touches` (`at`,`contact_id`,`content_item_id`) WHERE "touches"."content_item_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `attribution_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`model` text NOT NULL,
	`lookback_days` integer NOT NULL,
	`last_non_direct` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `attribution_months` (
	`key` text NOT NULL,
	`month` text NOT NULL,
	PRIMARY KEY(`key`, `month`)
);
--> statement-breakpoint
-- The attribution cache (attribution_keys, attribution_months, attribution_days) is derived from touches and
-- revenue events; these triggers forget every cached month a write can change, in the write's own
-- transaction, and the next dashboard read recomputes those months. Each delete seeks the (key, month)
-- primary key once per cached key, so a write costs a few index lookups however many months are cached.
-- A touch at T can take credit for conversions in [T, T + lookback), so it forgets the months from T's to
-- the one lookback + 1 days later.
CREATE TRIGGER `attribution_touches_insert` AFTER INSERT ON `touches` BEGIN
  DELETE FROM attribution_months WHERE rowid IN (SELECT m.rowid FROM attribution_keys k CROSS JOIN attribution_months m
    ON m.key = k.key AND m.month >= substr(NEW.at, 1, 7)
    AND m.month <= coalesce(substr(date(substr(NEW.at, 1, 10), '+' || (k.lookback_days + 1) || ' days'), 1, 7), '9999-12'));
END;--> statement-breakpoint
CREATE TRIGGER `attribution_touches_update` AFTER UPDATE ON `touches` BEGIN
  DELETE FROM attribution_months WHERE rowid IN (SELECT m.rowid FROM attribution_keys k CROSS JOIN attribution_months m
    ON m.key = k.key AND m.month >= substr(OLD.at, 1, 7)
    AND m.month <= coalesce(substr(date(substr(OLD.at, 1, 10), '+' || (k.lookback_days + 1) || ' days'), 1, 7), '9999-12'));
  DELETE FROM attribution_months WHERE rowid IN (SELECT m.rowid FROM attribution_keys k CROSS JOIN attribution_months m
    ON m.key = k.key AND m.month >= substr(NEW.at, 1, 7)
    AND m.month <= coalesce(substr(date(substr(NEW.at, 1, 10), '+' || (k.lookback_days + 1) || ' days'), 1, 7), '9999-12'));
END;--> statement-breakpoint
CREATE TRIGGER `attribution_touches_delete` AFTER DELETE ON `touches` BEGIN
  DELETE FROM attribution_months WHERE rowid IN (SELECT m.rowid FROM attribution_keys k CROSS JOIN attribution_months m
    ON m.key = k.key AND m.month >= substr(OLD.at, 1, 7)
    AND m.month <= coalesce(substr(date(substr(OLD.at, 1, 10), '+' || (k.lookback_days + 1) || ' days'), 1, 7), '9999-12'));
END;
--> statement-breakpoint
-- An order or payment is a conversion in its own month; linking one to a lead (or unlinking it) adds or
-- removes that lead's won-deal conversion, in the month the lead closed.
CREATE TRIGGER `attribution_orders_insert` AFTER INSERT ON `orders` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month IN (substr(NEW.ordered_at, 1, 7),
    (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = NEW.lead_id));
END;--> statement-breakpoint
CREATE TRIGGER `attribution_orders_update` AFTER UPDATE OF ordered_at, status, currency, total_minor, refunded_minor, deleted_at, contact_id, lead_id ON `orders` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month IN (substr(OLD.ordered_at, 1, 7),
    substr(NEW.ordered_at, 1, 7), (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = OLD.lead_id),
    (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = NEW.lead_id));
END;--> statement-breakpoint
CREATE TRIGGER `attribution_orders_delete` AFTER DELETE ON `orders` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month IN (substr(OLD.ordered_at, 1, 7),
    (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = OLD.lead_id));
END;--> statement-breakpoint
CREATE TRIGGER `attribution_payments_insert` AFTER INSERT ON `payments` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month IN (substr(NEW.paid_at, 1, 7),
    (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = NEW.lead_id));
END;--> statement-breakpoint
CREATE TRIGGER `attribution_payments_update` AFTER UPDATE OF paid_at, status, currency, amount_minor, refunded_minor, deleted_at, contact_id, lead_id ON `payments` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month IN (substr(OLD.paid_at, 1, 7),
    substr(NEW.paid_at, 1, 7), (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = OLD.lead_id),
    (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = NEW.lead_id));
END;--> statement-breakpoint
CREATE TRIGGER `attribution_payments_delete` AFTER DELETE ON `payments` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month IN (substr(OLD.paid_at, 1, 7),
    (SELECT substr(l.closed_at, 1, 7) FROM leads l WHERE l.id = OLD.lead_id));
END;
--> statement-breakpoint
-- A won deal is a conversion in the month it closed. Its contact is also the contact of its orders and
-- payments that name none of their own, so a new contact moves their months too.
CREATE TRIGGER `attribution_leads_insert` AFTER INSERT ON `leads` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month = substr(NEW.closed_at, 1, 7);
END;--> statement-breakpoint
CREATE TRIGGER `attribution_leads_update` AFTER UPDATE OF stage_id, closed_at, value_minor, contact_id, deleted_at ON `leads` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys)
    AND month IN (substr(OLD.closed_at, 1, 7), substr(NEW.closed_at, 1, 7));
END;--> statement-breakpoint
CREATE TRIGGER `attribution_leads_contact` AFTER UPDATE OF contact_id ON `leads`
WHEN OLD.contact_id IS NOT NEW.contact_id BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month IN (
    SELECT substr(o.ordered_at, 1, 7) FROM orders o WHERE o.lead_id = NEW.id AND o.contact_id IS NULL
    UNION SELECT substr(p.paid_at, 1, 7) FROM payments p WHERE p.lead_id = NEW.id AND p.contact_id IS NULL);
END;--> statement-breakpoint
CREATE TRIGGER `attribution_leads_delete` AFTER DELETE ON `leads` BEGIN
  DELETE FROM attribution_months WHERE key IN (SELECT key FROM attribution_keys) AND month = substr(OLD.closed_at, 1, 7);
END;
--> statement-breakpoint
-- Which stage counts as won decides which deals are conversions at all.
CREATE TRIGGER `attribution_stages_update` AFTER UPDATE OF outcome ON `pipeline_stages` BEGIN
  DELETE FROM attribution_months;
END;--> statement-breakpoint
CREATE TRIGGER `attribution_stages_delete` AFTER DELETE ON `pipeline_stages` BEGIN
  DELETE FROM attribution_months;
END;
