import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from './migrate';
import { defaultMigrationsFolder, openDatabase } from './open';

const migrations = loadMigrations(defaultMigrationsFolder());
/** The migration that adds counted_spend, by its place in the journal. */
const SPEND_SOURCE =
  migrations.findIndex((m) => m.sql.some((s) => s.includes('CREATE VIEW `counted_spend`'))) + 1;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-spend-source-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the spend-source migration', () => {
  it('counts spend that was counted twice once, from the import, keeping every entry', async () => {
    expect(SPEND_SOURCE).toBeGreaterThan(0);
    const file = join(dir, 'old.sqlite');
    const before = await openDatabase(file, { migrateUpTo: SPEND_SOURCE - 1 });
    const now = '2026-05-05T09:00:00.000Z';
    const db = before.sqlite;
    db.prepare(
      `INSERT INTO import_jobs (id, file_name, file_hash, file_size, kind, status, created_at, updated_at)
       VALUES ('job', 'meta.csv', 'h', 1, 'metrics', 'done', ?, ?)`,
    ).run(now, now);
    const campaign = db.prepare(
      `INSERT INTO campaigns (id, name, channel, objective, status, created_at, updated_at)
       VALUES (?, ?, 'ads', 'sales', 'active', ?, ?)`,
    );
    campaign.run('both', 'Both', now, now);
    campaign.run('hand', 'By hand', now, now);
    const spend = db.prepare(
      `INSERT INTO spend_entries (id, campaign_id, date, amount_minor, import_job_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    spend.run('i1', 'both', '2026-04-06', 50_00, 'job', now, now);
    spend.run('i2', 'both', '2026-04-30', 70_00, 'job', now, now);
    spend.run('m1', 'both', '2026-04-10', 2_800_00, null, now, now);
    spend.run('m2', 'both', '2026-05-02', 10_00, null, now, now);
    spend.run('h1', 'hand', '2026-04-10', 5_00, null, now, now);
    before.close();

    const after = await openDatabase(file, { migrateUpTo: SPEND_SOURCE });
    const counted = after.sqlite.prepare('SELECT id FROM counted_spend ORDER BY id').pluck().all();
    expect(counted).toEqual(['h1', 'i1', 'i2', 'm2']);
    expect(after.sqlite.prepare('SELECT count(*) FROM spend_entries').pluck().get()).toBe(5);
    expect(after.sqlite.prepare('SELECT DISTINCT spend_source FROM campaigns').pluck().all()).toEqual([
      'imported',
    ]);
    after.close();
  });
});
