import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from './migrate';
import { defaultMigrationsFolder, openDatabase } from './open';

const migrations = loadMigrations(defaultMigrationsFolder());
/** The migration that adds touches from activities, by its place in the journal. */
const ACTIVITY_TOUCHES =
  migrations.findIndex((m) => m.sql.some((s) => s.includes('touches_activities_insert'))) + 1;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-activity-touches-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the activity-touches migration', () => {
  it('turns activities logged before it into touches, and keeps following them', async () => {
    expect(ACTIVITY_TOUCHES).toBeGreaterThan(0);
    const file = join(dir, 'old.sqlite');
    const before = await openDatabase(file, { migrateUpTo: ACTIVITY_TOUCHES - 1 });
    const now = '2026-05-05T09:00:00.000Z';
    const run = (sql: string, ...params: unknown[]) => before.sqlite.prepare(sql).run(...params);
    run(`INSERT INTO contacts (id, first_name, created_at, updated_at) VALUES ('c1', 'Ann', ?, ?)`, now, now);
    run(
      `INSERT INTO campaigns (id, name, channel, objective, status, created_at, updated_at)
       VALUES ('k1', 'Newsletter', 'email', 'leads', 'active', ?, ?)`,
      now,
      now,
    );
    const stage = before.sqlite.prepare(`SELECT id FROM pipeline_stages ORDER BY position LIMIT 1`).get() as
      { id: string } | undefined;
    if (!stage) {
      run(
        `INSERT INTO pipeline_stages (id, name, position, outcome, probability, created_at, updated_at)
         VALUES ('s1', 'New', 0, 'open', 10, ?, ?)`,
        now,
        now,
      );
    }
    run(
      `INSERT INTO leads (id, title, contact_id, campaign_id, channel, stage_id, value_minor, created_at, updated_at)
       VALUES ('l1', 'Office order', 'c1', 'k1', 'email', ?, 0, ?, ?)`,
      stage?.id ?? 's1',
      now,
      now,
    );
    const activity = `INSERT INTO activities (id, lead_id, type, subject, done_at, outcome, created_at, updated_at)
                      VALUES (?, 'l1', ?, 'Sent', ?, ?, ?, ?)`;
    run(activity, 'a1', 'email', '2026-05-06T10:00:00.000Z', 'Clicked the link', now, now);
    run(activity, 'a2', 'email', '2026-05-07T10:00:00.000Z', 'No reply', now, now);
    run(activity, 'a3', 'meeting', '2026-05-08T10:00:00.000Z', 'attended the cupping', now, now);
    before.close();

    const after = await openDatabase(file, { migrateUpTo: ACTIVITY_TOUCHES });
    const touches = () =>
      after.sqlite
        .prepare(
          `SELECT id, contact_id AS contactId, kind, channel, campaign_id AS campaignId FROM touches
           WHERE source_table = 'activities' ORDER BY id`,
        )
        .all();
    expect(touches()).toEqual([
      { id: 'a1', contactId: 'c1', kind: 'email_click', channel: 'email', campaignId: 'k1' },
      { id: 'a3', contactId: 'c1', kind: 'event', channel: 'event', campaignId: null },
    ]);
    after.sqlite.prepare(`UPDATE activities SET outcome = 'Clicked twice' WHERE id = 'a2'`).run();
    after.sqlite.prepare(`UPDATE leads SET deleted_at = ? WHERE id = 'l1'`).run(now);
    // The lead is gone, so the activities have no contact left to belong to.
    expect(touches()).toEqual([]);
    after.close();
  });
});
