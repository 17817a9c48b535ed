-- Contacts and companies written by a running import job are added to the search index by the job itself, in bulk, when the
-- job ends (or when an interrupted job is found), instead of one row at a time by this trigger: per-row FTS
-- inserts made a large import several times slower. Every other insert is indexed at once, as before.
DROP TRIGGER `contacts_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `contacts_search_insert` AFTER INSERT ON `contacts`
WHEN new.import_job_id IS NULL OR NOT EXISTS (SELECT 1 FROM import_jobs j WHERE j.id = new.import_job_id AND j.status = 'running')
BEGIN
  INSERT OR IGNORE INTO search_refs (id, kind, ref_id) VALUES ((SELECT coalesce(max(id), 3298534883328) + 1 FROM search_refs WHERE id >= 3298534883328 AND id < 4398046511104), 'contact', new.id);
  INSERT INTO search_index (rowid, title, body)
    SELECT r.id, coalesce(nullif(trim(new.first_name || ' ' || new.last_name), ''), new.email, ''), concat_ws(' ', new.email, new.phone, new.title, new.city, new.region, new.notes) FROM search_refs r WHERE r.ref_id = new.id AND new.deleted_at IS NULL;
END;
--> statement-breakpoint
DROP TRIGGER `companies_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `companies_search_insert` AFTER INSERT ON `companies`
WHEN new.import_job_id IS NULL OR NOT EXISTS (SELECT 1 FROM import_jobs j WHERE j.id = new.import_job_id AND j.status = 'running')
BEGIN
  INSERT OR IGNORE INTO search_refs (id, kind, ref_id) VALUES ((SELECT coalesce(max(id), 4398046511104) + 1 FROM search_refs WHERE id >= 4398046511104 AND id < 5497558138880), 'company', new.id);
  INSERT INTO search_index (rowid, title, body)
    SELECT r.id, new.name, concat_ws(' ', new.domain, new.website, new.phone, new.notes) FROM search_refs r WHERE r.ref_id = new.id AND new.deleted_at IS NULL;
END;
