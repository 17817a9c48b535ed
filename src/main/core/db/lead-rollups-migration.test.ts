import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from './migrate';
import { defaultMigrationsFolder, openDatabase } from './open';

const migrations = loadMigrations(defaultMigrationsFolder());
/** The migration that adds the lead rollups, by its place in the journal. */
const LEAD_ROLLUPS =
  migrations.findIndex((m) => m.sql.some((s) => s.includes('lead_contributions_leads_insert'))) + 1;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-lead-rollups-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the lead-rollups migration', () => {
  it('rolls up the leads and stage history written before it, and keeps following them', async () => {
    expect(LEAD_ROLLUPS).toBeGreaterThan(0);
    const file = join(dir, 'old.sqlite');
    const before = await openDatabase(file, { migrateUpTo: LEAD_ROLLUPS - 1 });
    const run = (sql: string, ...params: unknown[]) => before.sqlite.prepare(sql).run(...params);
    const now = '2026-05-05T09:00:00.000Z';
    for (const [id, position, outcome] of [
      ['s-new', 0, 'open'],
      ['s-qualified', 1, 'open'],
      ['s-lost', 2, 'lost'],
    ] as const)
      run(
        `INSERT INTO pipeline_stages (id, name, position, outcome, probability, created_at, updated_at)
         VALUES (?, ?, ?, ?, 50, ?, ?)`,
        id,
        id,
        position,
        outcome,
        now,
        now,
      );
    run(
      `INSERT INTO campaigns (id, name, channel, objective, status, created_at, updated_at)
       VALUES ('camp', 'Fair', 'event', 'leads', 'active', ?, ?)`,
      now,
      now,
    );
    const lead = `INSERT INTO leads (id, title, campaign_id, channel, stage_id, value_minor, rating, deleted_at,
                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    run(
      lead,
      'l1',
      'From the fair',
      'camp',
      'web',
      's-lost',
      100_00,
      2,
      null,
      '2026-04-30T23:00:00.000Z',
      now,
    );
    run(lead, 'l2', 'Walk-in', null, 'referral', 's-new', 50_00, 5, null, '2026-05-01T08:00:00.000Z', now);
    run(lead, 'l3', 'Trashed', null, 'unknown', 's-new', 70_00, null, now, '2026-05-01T09:00:00.000Z', now);
    const history = `INSERT INTO lead_stage_history (id, lead_id, to_stage_id, changed_at, created_at, updated_at)
                     VALUES (?, ?, ?, ?, ?, ?)`;
    run(history, 'h1', 'l1', 's-new', now, now, now);
    run(history, 'h2', 'l1', 's-qualified', now, now, now);
    run(history, 'h3', 'l1', 's-lost', now, now, now);
    before.close();

    const after = await openDatabase(file, { migrateUpTo: LEAD_ROLLUPS });
    const rows = (sql: string) => after.sqlite.prepare(sql).all();
    const months = () =>
      rows(
        `SELECT month, campaign_id AS campaignId, channel, stage_id AS stageId, path, leads, high,
                rating_sum AS ratingSum, rating_count AS ratingCount FROM lead_months ORDER BY month, stage_id, channel`,
      );
    const days = () =>
      rows('SELECT day, stage_id AS stageId, leads, value_minor AS valueMinor FROM lead_days ORDER BY day');
    expect(months()).toEqual([
      {
        month: '2026-04',
        campaignId: 'camp',
        channel: 'event',
        stageId: 's-lost',
        path: 's-lost,s-new,s-qualified',
        leads: 1,
        high: 0,
        ratingSum: 2,
        ratingCount: 1,
      },
      {
        month: '2026-05',
        campaignId: '',
        channel: 'referral',
        stageId: 's-new',
        path: 's-new',
        leads: 1,
        high: 1,
        ratingSum: 5,
        ratingCount: 1,
      },
    ]);
    expect(days()).toEqual([
      { day: '2026-04-30', stageId: 's-lost', leads: 1, valueMinor: 100_00 },
      { day: '2026-05-01', stageId: 's-new', leads: 1, valueMinor: 50_00 },
    ]);
    expect(rows('SELECT stage_id AS stageId, month, leads, value_minor AS v FROM lead_stage_months')).toEqual(
      [
        { stageId: 's-lost', month: '2026-04', leads: 1, v: 100_00 },
        { stageId: 's-new', month: '2026-05', leads: 1, v: 50_00 },
      ],
    );

    // The restored lead joins the rollups; the campaign's channel moves its lead.
    after.sqlite.prepare('UPDATE leads SET deleted_at = NULL WHERE id = ?').run('l3');
    after.sqlite.prepare(`UPDATE campaigns SET channel = 'email' WHERE id = 'camp'`).run();
    expect(days()).toEqual([
      { day: '2026-04-30', stageId: 's-lost', leads: 1, valueMinor: 100_00 },
      { day: '2026-05-01', stageId: 's-new', leads: 2, valueMinor: 120_00 },
    ]);
    expect(months()).toMatchObject([
      { month: '2026-04', channel: 'email', leads: 1 },
      { month: '2026-05', channel: '', leads: 1, high: 0, ratingCount: 0 },
      { month: '2026-05', channel: 'referral', leads: 1, high: 1 },
    ]);
    after.close();
  });
});
