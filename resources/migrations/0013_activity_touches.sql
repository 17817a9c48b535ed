-- Touches from what sales logs: a done e-mail activity whose outcome starts with "clicked" is an email_click
-- (the contact clicked a link in that e-mail), a done meeting whose outcome starts with "attended" is an event
-- (the contact came to a fair, tasting or talk). Their channel is e-mail or event; their campaign is the lead's
-- campaign when that campaign runs on the same channel, so a cadence e-mail's click credits the e-mail
-- campaign that brought the lead, never an unrelated ad. The touch_log view gains the branch and the touches
-- table follows activities, their leads and their campaigns' channels with the triggers below.
DROP VIEW `touch_log`;
--> statement-breakpoint
CREATE VIEW `touch_log` AS
SELECT l.id AS id, l.contact_id AS contact_id, l.created_at AS at, 'lead_source' AS kind,
       coalesce((SELECT c.channel FROM campaigns c WHERE c.id = l.campaign_id), nullif(l.channel, 'unknown')) AS channel,
       l.campaign_id AS campaign_id, NULL AS content_item_id, 'leads' AS source_table, l.id AS source_id
FROM leads l
WHERE l.deleted_at IS NULL AND l.contact_id IS NOT NULL AND (l.campaign_id IS NOT NULL OR l.channel <> 'unknown')
UNION ALL
SELECT ct.id, ct.id, ct.created_at, 'original_source',
       coalesce((SELECT c.channel FROM campaigns c WHERE c.id = ct.source_campaign_id), ct.source_channel),
       ct.source_campaign_id, NULL, 'contacts', ct.id
FROM contacts ct
WHERE ct.deleted_at IS NULL AND (ct.source_campaign_id IS NOT NULL OR ct.source_channel IS NOT NULL)
UNION ALL
SELECT o.id, o.contact_id, o.ordered_at, 'order',
       (SELECT c.channel FROM campaigns c WHERE c.id = o.campaign_id), o.campaign_id,
       (SELECT ci.id FROM content_items ci WHERE ci.utm_content = o.utm_content AND ci.deleted_at IS NULL LIMIT 1),
       'orders', o.id
FROM orders o
WHERE o.deleted_at IS NULL AND o.contact_id IS NOT NULL
  AND (o.campaign_id IS NOT NULL OR o.utm_campaign IS NOT NULL OR o.discount_code IS NOT NULL OR o.utm_content IS NOT NULL)
UNION ALL
SELECT p.id, p.contact_id, p.paid_at, 'payment',
       (SELECT c.channel FROM campaigns c WHERE c.id = p.campaign_id), p.campaign_id, NULL, 'payments', p.id
FROM payments p
WHERE p.deleted_at IS NULL AND p.contact_id IS NOT NULL AND (p.campaign_id IS NOT NULL OR p.utm_campaign IS NOT NULL)
UNION ALL
SELECT m.id, m.contact_id, m.at, 'manual',
       coalesce((SELECT c.channel FROM campaigns c WHERE c.id = m.campaign_id), m.channel), m.campaign_id,
       m.content_item_id, NULL, NULL
FROM manual_touches m
WHERE m.deleted_at IS NULL
UNION ALL
SELECT a.id, coalesce(a.contact_id, l.contact_id), a.done_at,
       CASE a.type WHEN 'email' THEN 'email_click' ELSE 'event' END,
       CASE a.type WHEN 'email' THEN 'email' ELSE 'event' END,
       (SELECT c.id FROM campaigns c
         WHERE c.id = l.campaign_id AND c.channel = CASE a.type WHEN 'email' THEN 'email' ELSE 'event' END),
       NULL, 'activities', a.id
FROM activities a LEFT JOIN leads l ON l.id = a.lead_id AND l.deleted_at IS NULL
WHERE a.deleted_at IS NULL AND a.done_at IS NOT NULL AND coalesce(a.contact_id, l.contact_id) IS NOT NULL
  AND ((a.type = 'email' AND lower(ltrim(a.outcome)) LIKE 'clicked%')
    OR (a.type = 'meeting' AND lower(ltrim(a.outcome)) LIKE 'attended%'));
--> statement-breakpoint
INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE source_table = 'activities';
--> statement-breakpoint
CREATE TRIGGER `touches_activities_insert` AFTER INSERT ON `activities` BEGIN
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_activities_update` AFTER UPDATE ON `activities` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `touches_activities_delete` AFTER DELETE ON `activities` BEGIN
  DELETE FROM touches WHERE id = OLD.id;
END;
--> statement-breakpoint
-- A lead's contact, campaign or deletion decides its activities' touches.
CREATE TRIGGER `touches_leads_activities` AFTER UPDATE OF contact_id, campaign_id, deleted_at ON `leads` BEGIN
  DELETE FROM touches WHERE id IN (SELECT a.id FROM activities a WHERE a.lead_id = NEW.id);
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id IN (SELECT a.id FROM activities a WHERE a.lead_id = NEW.id);
END;--> statement-breakpoint
-- A campaign moving to or from e-mail or events gains or loses the clicks and visits of its leads.
CREATE TRIGGER `touches_campaigns_activities` AFTER UPDATE OF channel ON `campaigns`
WHEN OLD.channel IS NOT NEW.channel BEGIN
  DELETE FROM touches WHERE id IN
    (SELECT a.id FROM activities a JOIN leads l ON l.id = a.lead_id WHERE l.campaign_id = NEW.id);
  INSERT INTO touches (id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id) SELECT id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id FROM touch_log WHERE id IN (SELECT a.id FROM activities a JOIN leads l ON l.id = a.lead_id WHERE l.campaign_id = NEW.id);
END;
