-- Global full-text search (FTS5). One index for contacts, companies, leads and activities, kept in sync by
-- triggers; soft-deleted rows are taken out of the index and put back on restore.
--
-- FTS5 rowids are integers while our ids are UUIDs, so search_refs maps them. Each kind owns a rowid range
-- (kind code × 2^40 + sequence: activity 1, lead 2, contact 3, company 4): a kind filter is then a rowid range
-- that FTS5 seeks to, and walking matches newest-first visits companies, contacts and leads before activities.
--> statement-breakpoint
CREATE TABLE `search_refs` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_refs_ref_idx` ON `search_refs` (`ref_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5');
--> statement-breakpoint
CREATE TRIGGER `activities_search_insert` AFTER INSERT ON `activities` BEGIN
  INSERT OR IGNORE INTO search_refs (id, kind, ref_id) VALUES ((SELECT coalesce(max(id), 1099511627776) + 1 FROM search_refs WHERE id >= 1099511627776 AND id < 2199023255552), 'activity', new.id);
  INSERT INTO search_index (rowid, title, body)
    SELECT r.id, new.subject, concat_ws(' ', new.notes, new.outcome) FROM search_refs r WHERE r.ref_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `activities_search_update` AFTER UPDATE OF subject, notes, outcome, deleted_at ON `activities` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_refs WHERE ref_id = old.id);
  INSERT INTO search_index (rowid, title, body)
    SELECT r.id, new.subject, concat_ws(' ', new.notes, new.outcome) FROM search_refs r WHERE r.ref_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `activities_search_delete` AFTER DELETE ON `activities` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_refs WHERE ref_id = old.id);
  DELETE FROM search_refs WHERE ref_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_refs (id, kind, ref_id)
  SELECT 1099511627776 + row_number() OVER (ORDER BY created_at, id), 'activity', id FROM `activities`;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body)
  SELECT r.id, t.subject, concat_ws(' ', t.notes, t.outcome) FROM `activities` t JOIN search_refs r ON r.ref_id = t.id WHERE t.deleted_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER `leads_search_insert` AFTER INSERT ON `leads` BEGIN
  INSERT OR IGNORE INTO search_refs (id, kind, ref_id) VALUES ((SELECT coalesce(max(id), 2199023255552) + 1 FROM search_refs WHERE id >= 2199023255552 AND id < 3298534883328), 'lead', new.id);
  INSERT INTO search_index (rowid, title, body)
    SELECT r.id, new.title, concat_ws(' ', new.rating_note, new.lost_reason, new.owner) FROM search_refs r WHERE r.ref_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_update` AFTER UPDATE OF title, rating_note, lost_reason, owner, deleted_at ON `leads` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_refs WHERE ref_id = old.id);
  INSERT INTO search_index (rowid, title, body)
    SELECT r.id, new.title, concat_ws(' ', new.rating_note, new.lost_reason, new.owner) FROM search_refs r WHERE r.ref_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_search_delete` AFTER DELETE ON `leads` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_refs WHERE ref_id = old.id);
  DELETE FROM search_refs WHERE ref_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_refs (id, kind, ref_id)
  SELECT 2199023255552 + row_number() OVER (ORDER BY created_at, id), 'lead', id FROM `leads`;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body)
  SELECT r.id, t.title, concat_ws(' ', t.rating_note, t.lost_reason, t.owner) FROM `leads` t JOIN search_refs r ON r.ref_id = t.id WHERE t.deleted_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_insert` AFTER INSERT ON `contacts` BEGIN
  INSERT OR IGNORE INTO search_refs (id, kind, ref_id) VALUES ((SELECT coalesce(max(id), 3298534883328) + 1 FROM search_refs WHERE id >= 3298534883328 AND id < 4398046511104), 'contact', new.id);
  INSERT INTO search_index (rowid, title, body)
    SELECT r.id, coalesce(nullif(trim(new.first_name || ' ' || new.last_name), ''), new.email, ''), concat_ws(' ', new.email, new.phone, new.title, new.city, new.region, new.notes) FROM search_refs r WHERE r.ref_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_update` AFTER UPDATE OF first_name, last_name, email, phone, title, city, region, notes, deleted_at ON `contacts` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_refs WHERE ref_id = old.id);
  INSERT INTO search_index (rowid, title, body)
    SELECT r.id, coalesce(nullif(trim(new.first_name || ' ' || new.last_name), ''), new.email, ''), concat_ws(' ', new.email, new.phone, new.title, new.city, new.region, new.notes) FROM search_refs r WHERE r.ref_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_delete` AFTER DELETE ON `contacts` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_refs WHERE ref_id = old.id);
  DELETE FROM search_refs WHERE ref_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_refs (id, kind, ref_id)
  SELECT 3298534883328 + row_number() OVER (ORDER BY created_at, id), 'contact', id FROM `contacts`;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body)
  SELECT r.id, coalesce(nullif(trim(t.first_name || ' ' || t.last_name), ''), t.email, ''), concat_ws(' ', t.email, t.phone, t.title, t.city, t.region, t.notes) FROM `contacts` t JOIN search_refs r ON r.ref_id = t.id WHERE t.deleted_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER `companies_search_insert` AFTER INSERT ON `companies` BEGIN
  INSERT OR IGNORE INTO search_refs (id, kind, ref_id) VALUES ((SELECT coalesce(max(id), 4398046511104) + 1 FROM search_refs WHERE id >= 4398046511104 AND id < 5497558138880), 'company', new.id);
  INSERT INTO search_index (rowid, title, body)
    SELECT r.id, new.name, concat_ws(' ', new.domain, new.website, new.phone, new.notes) FROM search_refs r WHERE r.ref_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_search_update` AFTER UPDATE OF name, domain, website, phone, notes, deleted_at ON `companies` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_refs WHERE ref_id = old.id);
  INSERT INTO search_index (rowid, title, body)
    SELECT r.id, new.name, concat_ws(' ', new.domain, new.website, new.phone, new.notes) FROM search_refs r WHERE r.ref_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_search_delete` AFTER DELETE ON `companies` BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_refs WHERE ref_id = old.id);
  DELETE FROM search_refs WHERE ref_id = old.id;
END;
--> statement-breakpoint
INSERT INTO search_refs (id, kind, ref_id)
  SELECT 4398046511104 + row_number() OVER (ORDER BY created_at, id), 'company', id FROM `companies`;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, body)
  SELECT r.id, t.name, concat_ws(' ', t.domain, t.website, t.phone, t.notes) FROM `companies` t JOIN search_refs r ON r.ref_id = t.id WHERE t.deleted_at IS NULL;
