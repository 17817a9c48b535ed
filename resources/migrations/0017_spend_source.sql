-- Which spend counts where imported and hand-logged spend overlap; every spend figure reads counted_spend.
-- Existing campaigns count imported spend (the default), so a campaign that was double-counted is counted once.
ALTER TABLE `campaigns` ADD `spend_source` text DEFAULT 'imported' NOT NULL;--> statement-breakpoint
CREATE INDEX `spend_imported_days_idx` ON `spend_entries` (`campaign_id`,`date`) WHERE import_job_id IS NOT NULL AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `spend_manual_days_idx` ON `spend_entries` (`campaign_id`,`date`) WHERE import_job_id IS NULL AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `spend_import_job_idx` ON `spend_entries` (`import_job_id`,`campaign_id`) WHERE import_job_id IS NOT NULL;--> statement-breakpoint
CREATE VIEW `counted_spend` AS SELECT se.id, se.campaign_id, se.date, se.amount_minor, se.note, se.source_key, se.import_job_id,
         se.deleted_at, se.created_at, se.updated_at
  FROM spend_entries se
  WHERE se.deleted_at IS NULL AND CASE WHEN se.import_job_id IS NULL THEN
    (SELECT c.spend_source FROM campaigns c WHERE c.id = se.campaign_id) = 'manual'
    OR NOT EXISTS (SELECT 1 FROM spend_entries i WHERE i.campaign_id = se.campaign_id
                   AND i.import_job_id IS NOT NULL AND i.deleted_at IS NULL AND i.date <= se.date)
    OR NOT EXISTS (SELECT 1 FROM spend_entries i WHERE i.campaign_id = se.campaign_id
                   AND i.import_job_id IS NOT NULL AND i.deleted_at IS NULL AND i.date >= se.date)
  ELSE
    (SELECT c.spend_source FROM campaigns c WHERE c.id = se.campaign_id) <> 'manual'
    OR NOT EXISTS (SELECT 1 FROM spend_entries m WHERE m.campaign_id = se.campaign_id
                   AND m.import_job_id IS NULL AND m.deleted_at IS NULL
                   AND m.date BETWEEN
                     (SELECT min(i.date) FROM spend_entries i WHERE i.campaign_id = se.campaign_id
                      AND i.import_job_id IS NOT NULL AND i.deleted_at IS NULL)
                     AND (SELECT max(i.date) FROM spend_entries i WHERE i.campaign_id = se.campaign_id
                      AND i.import_job_id IS NOT NULL AND i.deleted_at IS NULL))
  END;