-- The touch log: every contact's touches, read from the records that carry them, so it is in step with
-- every write, import and undo. Kinds: lead_source (a lead's campaign or channel when it was created),
-- original_source (the contact's own source, e.g. HubSpot's Original Source and drill-downs), order and
-- payment (with a campaign, tracking code, discount code or utm_content), manual (manual_touches).
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
WHERE m.deleted_at IS NULL;
