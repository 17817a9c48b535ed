CREATE TABLE `lead_contributions` (
	`lead_id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`campaign_id` text,
	`channel` text,
	`stage_id` text NOT NULL,
	`path` text NOT NULL,
	`rating` integer,
	`value_minor` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lead_contributions_created_idx` ON `lead_contributions` (`created_at`,`campaign_id`,`channel`,`stage_id`,`path`,`rating`);--> statement-breakpoint
CREATE TABLE `lead_days` (
	`day` text NOT NULL,
	`stage_id` text NOT NULL,
	`leads` integer NOT NULL,
	`value_minor` integer NOT NULL,
	PRIMARY KEY(`day`, `stage_id`)
);
--> statement-breakpoint
CREATE TABLE `lead_months` (
	`month` text NOT NULL,
	`campaign_id` text NOT NULL,
	`channel` text NOT NULL,
	`stage_id` text NOT NULL,
	`path` text NOT NULL,
	`leads` integer NOT NULL,
	`high` integer NOT NULL,
	`rating_sum` integer NOT NULL,
	`rating_count` integer NOT NULL,
	PRIMARY KEY(`month`, `campaign_id`, `channel`, `stage_id`, `path`)
);
--> statement-breakpoint
CREATE TABLE `lead_stage_months` (
	`stage_id` text NOT NULL,
	`month` text NOT NULL,
	`leads` integer NOT NULL,
	`value_minor` integer NOT NULL,
	PRIMARY KEY(`stage_id`, `month`)
);
--> statement-breakpoint
CREATE INDEX `metric_reach_idx` ON `metric_observations` (`campaign_id`,`metric`,`date`,`value`) WHERE "metric_observations"."metric" IN ('reach', 'impressions');
--> statement-breakpoint
-- What a live lead is counted as (see lead_contributions in schema/results.ts). Its campaign's channel and its
-- path are scalar subqueries (cheaper per lead than a join); a lead whose history names no other stage than its
-- current one (most new leads) skips the sorting of its path.
CREATE VIEW `lead_contribution_source` AS
  SELECT l.id AS lead_id, l.created_at, l.campaign_id,
    coalesce((SELECT c.channel FROM campaigns c WHERE c.id = l.campaign_id), nullif(l.channel, 'unknown')) AS channel,
    l.stage_id,
    CASE WHEN NOT EXISTS (SELECT 1 FROM lead_stage_history h WHERE h.lead_id = l.id AND h.to_stage_id <> l.stage_id)
      THEN l.stage_id
      ELSE (SELECT group_concat(DISTINCT p.stage_id ORDER BY p.stage_id) FROM (
        SELECT h.to_stage_id AS stage_id FROM lead_stage_history h WHERE h.lead_id = l.id UNION ALL SELECT l.stage_id) p)
    END AS path,
    l.rating, l.value_minor
  FROM leads l
  WHERE l.deleted_at IS NULL;
--> statement-breakpoint
INSERT INTO lead_contributions (lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor)
  SELECT lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor FROM lead_contribution_source;
--> statement-breakpoint
-- The rollups sum lead_contributions: filled from it here, then moved by each row inserted into or deleted
-- from it. `high` counts ratings of at least QUALIFYING_RATING (shared/domain/kpi, 4).
INSERT INTO lead_months (month, campaign_id, channel, stage_id, path, leads, high, rating_sum, rating_count)
  SELECT substr(created_at, 1, 7), coalesce(campaign_id, ''), coalesce(channel, ''), stage_id, path, count(*),
    count(CASE WHEN rating >= 4 THEN 1 END), coalesce(sum(rating), 0), count(rating)
  FROM lead_contributions GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO lead_days (day, stage_id, leads, value_minor)
  SELECT substr(created_at, 1, 10), stage_id, count(*), sum(value_minor) FROM lead_contributions GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO lead_stage_months (stage_id, month, leads, value_minor)
  SELECT stage_id, substr(created_at, 1, 7), count(*), sum(value_minor) FROM lead_contributions GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `lead_contributions_insert` AFTER INSERT ON `lead_contributions` BEGIN
  INSERT INTO lead_months (month, campaign_id, channel, stage_id, path, leads, high, rating_sum, rating_count)
    VALUES (substr(NEW.created_at, 1, 7), coalesce(NEW.campaign_id, ''), coalesce(NEW.channel, ''), NEW.stage_id, NEW.path, 1,
      coalesce(NEW.rating >= 4, 0), coalesce(NEW.rating, 0), NEW.rating IS NOT NULL)
    ON CONFLICT (month, campaign_id, channel, stage_id, path) DO UPDATE SET leads = leads + 1, high = high + excluded.high,
      rating_sum = rating_sum + excluded.rating_sum, rating_count = rating_count + excluded.rating_count;
  INSERT INTO lead_days (day, stage_id, leads, value_minor) VALUES (substr(NEW.created_at, 1, 10), NEW.stage_id, 1, NEW.value_minor)
    ON CONFLICT (day, stage_id) DO UPDATE SET leads = leads + 1, value_minor = value_minor + excluded.value_minor;
  INSERT INTO lead_stage_months (stage_id, month, leads, value_minor) VALUES (NEW.stage_id, substr(NEW.created_at, 1, 7), 1, NEW.value_minor)
    ON CONFLICT (stage_id, month) DO UPDATE SET leads = leads + 1, value_minor = value_minor + excluded.value_minor;
END;--> statement-breakpoint
CREATE TRIGGER `lead_contributions_delete` AFTER DELETE ON `lead_contributions` BEGIN
  UPDATE lead_months SET leads = leads - 1, high = high - coalesce(OLD.rating >= 4, 0), rating_sum = rating_sum - coalesce(OLD.rating, 0),
      rating_count = rating_count - (OLD.rating IS NOT NULL)
    WHERE month = substr(OLD.created_at, 1, 7) AND campaign_id = coalesce(OLD.campaign_id, '') AND channel = coalesce(OLD.channel, '')
      AND stage_id = OLD.stage_id AND path = OLD.path;
  DELETE FROM lead_months WHERE month = substr(OLD.created_at, 1, 7) AND campaign_id = coalesce(OLD.campaign_id, '')
    AND channel = coalesce(OLD.channel, '') AND stage_id = OLD.stage_id AND path = OLD.path AND leads = 0;
  UPDATE lead_days SET leads = leads - 1, value_minor = value_minor - OLD.value_minor
    WHERE day = substr(OLD.created_at, 1, 10) AND stage_id = OLD.stage_id;
  DELETE FROM lead_days WHERE day = substr(OLD.created_at, 1, 10) AND stage_id = OLD.stage_id AND leads = 0;
  UPDATE lead_stage_months SET leads = leads - 1, value_minor = value_minor - OLD.value_minor
    WHERE stage_id = OLD.stage_id AND month = substr(OLD.created_at, 1, 7);
  DELETE FROM lead_stage_months WHERE stage_id = OLD.stage_id AND month = substr(OLD.created_at, 1, 7) AND leads = 0;
END;--> statement-breakpoint
-- A lead's row is replaced when a column it is counted by changes; only live leads have one.
CREATE TRIGGER `lead_contributions_leads_insert` AFTER INSERT ON `leads` BEGIN
  DELETE FROM lead_contributions WHERE lead_id = NEW.id;
  INSERT INTO lead_contributions (lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor)
    SELECT lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor FROM lead_contribution_source WHERE lead_id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `lead_contributions_leads_update` AFTER UPDATE OF created_at, campaign_id, channel, stage_id, rating, value_minor, deleted_at ON `leads`
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.campaign_id IS NOT NEW.campaign_id OR OLD.channel IS NOT NEW.channel
  OR OLD.stage_id IS NOT NEW.stage_id OR OLD.rating IS NOT NEW.rating OR OLD.value_minor IS NOT NEW.value_minor
  OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  DELETE FROM lead_contributions WHERE lead_id = OLD.id;
  INSERT INTO lead_contributions (lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor)
    SELECT lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor FROM lead_contribution_source WHERE lead_id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `lead_contributions_leads_delete` AFTER DELETE ON `leads` BEGIN
  DELETE FROM lead_contributions WHERE lead_id = OLD.id;
END;--> statement-breakpoint
-- A history row changes a lead's path unless its stage is already there (the current stage or another row's).
CREATE TRIGGER `lead_contributions_history_insert` AFTER INSERT ON `lead_stage_history`
WHEN NOT EXISTS (SELECT 1 FROM leads l WHERE l.id = NEW.lead_id AND l.stage_id = NEW.to_stage_id)
  AND NOT EXISTS (SELECT 1 FROM lead_stage_history h WHERE h.lead_id = NEW.lead_id AND h.to_stage_id = NEW.to_stage_id AND h.id <> NEW.id)
BEGIN
  DELETE FROM lead_contributions WHERE lead_id = NEW.lead_id;
  INSERT INTO lead_contributions (lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor)
    SELECT lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor FROM lead_contribution_source WHERE lead_id = NEW.lead_id;
END;--> statement-breakpoint
CREATE TRIGGER `lead_contributions_history_update` AFTER UPDATE OF lead_id, to_stage_id ON `lead_stage_history`
WHEN OLD.lead_id IS NOT NEW.lead_id OR OLD.to_stage_id IS NOT NEW.to_stage_id
BEGIN
  DELETE FROM lead_contributions WHERE lead_id IN (OLD.lead_id, NEW.lead_id);
  INSERT INTO lead_contributions (lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor)
    SELECT lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor FROM lead_contribution_source
    WHERE lead_id IN (OLD.lead_id, NEW.lead_id);
END;--> statement-breakpoint
CREATE TRIGGER `lead_contributions_history_delete` AFTER DELETE ON `lead_stage_history`
WHEN NOT EXISTS (SELECT 1 FROM leads l WHERE l.id = OLD.lead_id AND l.stage_id = OLD.to_stage_id)
  AND NOT EXISTS (SELECT 1 FROM lead_stage_history h WHERE h.lead_id = OLD.lead_id AND h.to_stage_id = OLD.to_stage_id)
BEGIN
  DELETE FROM lead_contributions WHERE lead_id = OLD.lead_id;
  INSERT INTO lead_contributions (lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor)
    SELECT lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor FROM lead_contribution_source WHERE lead_id = OLD.lead_id;
END;--> statement-breakpoint
-- A lead of a campaign has the campaign's channel. (A campaign cannot be added or removed under its leads: the
-- leads' foreign key holds them apart.)
CREATE TRIGGER `lead_contributions_campaigns_channel` AFTER UPDATE OF channel ON `campaigns`
WHEN OLD.channel IS NOT NEW.channel
BEGIN
  DELETE FROM lead_contributions WHERE lead_id IN (SELECT id FROM leads WHERE campaign_id = NEW.id);
  INSERT INTO lead_contributions (lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor)
    SELECT lead_id, created_at, campaign_id, channel, stage_id, path, rating, value_minor FROM lead_contribution_source WHERE campaign_id = NEW.id;
END;
