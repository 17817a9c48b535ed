CREATE TABLE `touches` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`channel` text,
	`campaign_id` text,
	`content_item_id` text,
	`source_table` text,
	`source_id` text
);
--> statement-breakpoint
CREATE INDEX `touches_at_idx` ON `touches` (`at`,`contact_id`,`kind`,`channel`,`campaign_id`,`content_item_id`);--> statement-breakpoint
CREATE INDEX `touches_contact_idx` ON `touches` (`contact_id`,`at`);--> statement-breakpoint
CREATE INDEX `touches_campaign_idx` ON `touches` (`campaign_id`);--> statement-breakpoint
CREATE INDEX `orders_utm_content_idx` ON `orders` (`utm_content`);
--> statement-breakpoint
-- The touch log as a table (see touches in the schema): filled from the touch_log view, which stays the one
-- definition of what a touch is, and kept in step with it by the triggers below, row by row.
INSERT INTO `touches` (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM `touch_log`;
--> statement-breakpoint
CREATE TRIGGER `touches_leads_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_leads_update` AFTER UPDATE ON `leads` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_leads_delete` AFTER DELETE ON `leads` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `touches_contacts_insert` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_contacts_update` AFTER UPDATE ON `contacts` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_contacts_delete` AFTER DELETE ON `contacts` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `touches_orders_insert` AFTER INSERT ON `orders` BEGIN
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_orders_update` AFTER UPDATE ON `orders` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_orders_delete` AFTER DELETE ON `orders` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `touches_payments_insert` AFTER INSERT ON `payments` BEGIN
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_payments_update` AFTER UPDATE ON `payments` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_payments_delete` AFTER DELETE ON `payments` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `touches_manual_touches_insert` AFTER INSERT ON `manual_touches` BEGIN
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_manual_touches_update` AFTER UPDATE ON `manual_touches` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_manual_touches_delete` AFTER DELETE ON `manual_touches` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
END;
--> statement-breakpoint
-- A campaign's channel is the channel of its touches.
CREATE TRIGGER `touches_campaigns_channel` AFTER UPDATE OF channel ON `campaigns`
WHEN OLD.channel IS NOT NEW.channel BEGIN
  DELETE FROM touches WHERE campaign_id = NEW.id;
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE campaign_id = NEW.id;
END;
--> statement-breakpoint
-- An order's content item is the live content item with its utm_content.
CREATE TRIGGER `touches_content_items_insert` AFTER INSERT ON `content_items`
WHEN NEW.utm_content IS NOT NULL BEGIN
  UPDATE touches SET content_item_id =
    (SELECT ci.id FROM content_items ci WHERE ci.utm_content = NEW.utm_content AND ci.deleted_at IS NULL LIMIT 1)
  WHERE kind = 'order' AND id IN (SELECT o.id FROM orders o WHERE o.utm_content = NEW.utm_content);
END;--> statement-breakpoint
CREATE TRIGGER `touches_content_items_update` AFTER UPDATE ON `content_items`
WHEN OLD.utm_content IS NOT NEW.utm_content OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  UPDATE touches SET content_item_id =
    (SELECT ci.id FROM content_items ci WHERE ci.utm_content = OLD.utm_content AND ci.deleted_at IS NULL LIMIT 1)
  WHERE kind = 'order' AND id IN (SELECT o.id FROM orders o WHERE o.utm_content = OLD.utm_content);
  UPDATE touches SET content_item_id =
    (SELECT ci.id FROM content_items ci WHERE ci.utm_content = NEW.utm_content AND ci.deleted_at IS NULL LIMIT 1)
  WHERE kind = 'order' AND id IN (SELECT o.id FROM orders o WHERE o.utm_content = NEW.utm_content);
END;--> statement-breakpoint
CREATE TRIGGER `touches_content_items_delete` AFTER DELETE ON `content_items`
WHEN OLD.utm_content IS NOT NULL BEGIN
  UPDATE touches SET content_item_id =
    (SELECT ci.id FROM content_items ci WHERE ci.utm_content = OLD.utm_content AND ci.deleted_at IS NULL LIMIT 1)
  WHERE kind = 'order' AND id IN (SELECT o.id FROM orders o WHERE o.utm_content = OLD.utm_content);
END;
