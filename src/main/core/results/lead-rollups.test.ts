import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { QUALIFYING_RATING } from '@shared/domain/kpi';
import { createTestCore, testClock, type TestCore } from '../testing';
import { undoJob } from '../import/job/undo';
import { importInto, MAINE, sample } from '../import/testing';
import { importManager } from '../import/worker/manager';
import { insertLead, moveLead, stageId } from './builders';
import { periodPieces } from './lead-rollups';
import { periodFacts, windowOf } from './period';
import { referencePeriodFacts } from './period-reference';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());
const files = makeTempDir();
afterAll(() => files.remove());

const sql = (text: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(text).run(...params);
const all = <T>(text: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(text).all(...params) as T[];
const one = <T>(text: string, ...params: unknown[]) => t.core.ctx.sqlite.prepare(text).get(...params) as T;

type Contribution = {
  leadId: string;
  createdAt: string;
  campaignId: string | null;
  channel: string | null;
  stageId: string;
  path: string;
  rating: number | null;
  valueMinor: number;
};

/** The rollup tables as they are stored. */
function stored() {
  return {
    contributions: all<Contribution>(
      `SELECT lead_id AS leadId, created_at AS createdAt, campaign_id AS campaignId, channel, stage_id AS stageId,
              path, rating, value_minor AS valueMinor FROM lead_contributions ORDER BY lead_id`,
    ),
    months: all(
      `SELECT month, campaign_id AS campaignId, channel, stage_id AS stageId, path, leads, high,
              rating_sum AS ratingSum, rating_count AS ratingCount
       FROM lead_months ORDER BY month, campaign_id, channel, stage_id, path`,
    ),
    days: all(
      'SELECT day, stage_id AS stageId, leads, value_minor AS valueMinor FROM lead_days ORDER BY day, stage_id',
    ),
    stageMonths: all(
      `SELECT month, stage_id AS stageId, leads, value_minor AS valueMinor FROM lead_stage_months
       ORDER BY month, stage_id`,
    ),
  };
}

/** Sums `rows` per key, in key order, as the rollups hold them. */
function rollUp<R extends Record<string, unknown>>(
  rows: Contribution[],
  keyOf: (c: Contribution) => Record<string, string>,
  sums: (c: Contribution) => Record<string, number>,
): R[] {
  const groups = new Map<string, Record<string, unknown>>();
  for (const c of rows) {
    const key = keyOf(c);
    const id = JSON.stringify(Object.values(key));
    const group = groups.get(id) ?? {
      ...key,
      ...Object.fromEntries(Object.keys(sums(c)).map((k) => [k, 0])),
    };
    for (const [k, v] of Object.entries(sums(c))) group[k] = (group[k] as number) + v;
    groups.set(id, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g as R);
}

/**
 * The same tables counted afresh from leads, their stage history and campaigns: each live lead with its
 * campaign's channel (else its own unless unknown) and the stages it has been in, then summed per key.
 */
function recount() {
  const history = new Map<string, Set<string>>();
  for (const h of all<{ leadId: string; stageId: string }>(
    'SELECT lead_id AS leadId, to_stage_id AS stageId FROM lead_stage_history',
  ))
    history.set(h.leadId, (history.get(h.leadId) ?? new Set()).add(h.stageId));
  const contributions = all<Omit<Contribution, 'path'>>(
    `SELECT l.id AS leadId, l.created_at AS createdAt, l.campaign_id AS campaignId,
            CASE WHEN c.id IS NOT NULL THEN c.channel WHEN l.channel = 'unknown' THEN NULL ELSE l.channel END AS channel,
            l.stage_id AS stageId, l.rating, l.value_minor AS valueMinor
     FROM leads l LEFT JOIN campaigns c ON c.id = l.campaign_id WHERE l.deleted_at IS NULL ORDER BY l.id`,
  ).map((c) => ({
    ...c,
    path: [...new Set([...(history.get(c.leadId) ?? []), c.stageId])].sort().join(','),
  }));
  return {
    contributions,
    months: rollUp(
      contributions,
      (c) => ({
        month: c.createdAt.slice(0, 7),
        campaignId: c.campaignId ?? '',
        channel: c.channel ?? '',
        stageId: c.stageId,
        path: c.path,
      }),
      (c) => ({
        leads: 1,
        high: c.rating !== null && c.rating >= QUALIFYING_RATING ? 1 : 0,
        ratingSum: c.rating ?? 0,
        ratingCount: c.rating === null ? 0 : 1,
      }),
    ),
    days: rollUp(
      contributions,
      (c) => ({ day: c.createdAt.slice(0, 10), stageId: c.stageId }),
      (c) => ({ leads: 1, valueMinor: c.valueMinor }),
    ),
    stageMonths: rollUp(
      contributions,
      (c) => ({ month: c.createdAt.slice(0, 7), stageId: c.stageId }),
      (c) => ({ leads: 1, valueMinor: c.valueMinor }),
    ),
  };
}

/** Whole quarters, the quarter compared with them, parts of months, one still running, one past today. */
const WINDOWS = [
  ['2026-07-01', '2026-09-30'],
  ['2026-03-25', '2026-06-24'],
  ['2026-08-03', '2026-08-30'],
  ['2026-08-28', '2026-09-03'],
  ['2026-10-01', '2026-10-15'],
  ['2026-10-01', '2026-12-31'],
  ['2025-01-01', '2026-12-31'],
] as const;

const factsOf = () => WINDOWS.map(([from, to]) => periodFacts(t.core.ctx, windowOf(from, to)));

/** The rollups equal a recount, and every window's facts equal the ones read from the leads themselves. */
function expectInStep(): void {
  expect(stored()).toEqual(recount());
  for (const [from, to] of WINDOWS) {
    const w = windowOf(from, to);
    expect(periodFacts(t.core.ctx, w)).toEqual(referencePeriodFacts(t.core.ctx, w));
  }
}

/**
 * One kind of write, then the rollups and facts are checked. Each write must move the rollups (or, for the
 * pipeline's configuration, which the rollups do not hold, the facts), or the step would prove nothing.
 */
async function step(write: () => unknown, moves: 'rollups' | 'facts' | 'nothing' = 'rollups'): Promise<void> {
  const before = moves === 'facts' ? factsOf() : stored();
  await write();
  expectInStep();
  const after = moves === 'facts' ? factsOf() : stored();
  if (moves === 'nothing') expect(after).toEqual(before);
  else expect(after).not.toEqual(before);
}

describe('periodPieces', () => {
  it('reads whole months as months and the rest of a month by its fewer days', () => {
    expect(periodPieces('2026-07-01', '2026-09-30')).toEqual([{ sign: 1, months: ['2026-07', '2026-09'] }]);
    expect(periodPieces('2026-03-25', '2026-06-24')).toEqual([
      { sign: 1, days: ['2026-03-25', '2026-03-31'] },
      { sign: 1, months: ['2026-04', '2026-05'] },
      { sign: 1, months: ['2026-06', '2026-06'] },
      { sign: -1, days: ['2026-06-25', '2026-06-30'] },
    ]);
    expect(periodPieces('2026-02-02', '2026-02-27')).toEqual([
      { sign: 1, months: ['2026-02', '2026-02'] },
      { sign: -1, days: ['2026-02-01', '2026-02-01'] },
      { sign: -1, days: ['2026-02-28', '2026-02-28'] },
    ]);
    expect(periodPieces('2026-02-10', '2026-02-23')).toEqual([
      { sign: 1, days: ['2026-02-10', '2026-02-23'] },
    ]);
    expect(periodPieces('2025-12-31', '2026-01-01')).toEqual([
      { sign: 1, days: ['2025-12-31', '2025-12-31'] },
      { sign: 1, days: ['2026-01-01', '2026-01-01'] },
    ]);
  });
});

describe('the lead rollups', { timeout: 120_000 }, () => {
  it('follow core writes: new leads, edits, moves, ratings, closes, deletes, the Trash and undo', async () => {
    await t.client.call('workspace.setup', { mode: 'demo' });
    expect(stored().contributions.length).toBeGreaterThan(20);
    expectInStep();
    const campaign = one<{ id: string; channel: string }>(
      'SELECT id, channel FROM campaigns WHERE deleted_at IS NULL ORDER BY name LIMIT 1',
    );
    let lead = '';
    await step(async () => {
      lead = (await t.client.call('leads.create', { title: 'Wholesale beans', campaignId: campaign.id })).id;
    });
    await step(() => t.client.call('leads.create', { title: 'Walk-in', channel: 'referral' }));
    await step(() => t.client.call('leads.create', { title: 'Unknown source', channel: 'unknown' }));
    await step(() => t.client.call('leads.update', { id: lead, patch: { valueMinor: 450_00 } }));
    await step(() =>
      t.client.call('leads.update', { id: lead, patch: { campaignId: null, channel: 'event' } }),
    );
    await step(() => t.client.call('leads.update', { id: lead, patch: { campaignId: campaign.id } }));
    // Only a change of what a lead is counted by moves the rollups.
    await step(
      () => t.client.call('leads.update', { id: lead, patch: { title: 'Wholesale beans, 20 kg' } }),
      'nothing',
    );
    const qualified = stageId(t.core.ctx, 'Qualified');
    await step(() => t.client.call('leads.move', { id: lead, stageId: qualified }));
    await step(() => t.client.call('leads.rate', { id: lead, rating: 5 }));
    await step(() => t.client.call('leads.rate', { id: lead, rating: 2 }));
    await step(() =>
      t.client.call('leads.revertRating', {
        id: lead,
        expect: { rating: 2, note: '' },
        to: { rating: null, note: '', ratedBy: null, ratedAt: null },
      }),
    );
    // Lost after Qualified: still qualified by its history.
    await step(() => t.client.call('leads.close', { id: lead, outcome: 'lost', lostReason: 'Price' }));
    const lost = stageId(t.core.ctx, 'Lost');
    await step(() =>
      t.client.call('leads.revertStage', {
        id: lead,
        expect: { stageId: lost },
        to: { stageId: qualified, boardRank: 0, lostReason: null, closedAt: null },
        undo: true,
      }),
    );
    await step(() => t.client.call('leads.close', { id: lead, outcome: 'won' }));
    await step(() => t.client.call('leads.delete', { id: lead }));
    await step(() => t.client.call('leads.restore', { id: lead }));
    await step(() => t.client.call('leads.delete', { id: lead }));
    await step(() => t.client.call('trash.restore', { kind: 'lead', id: lead }));
    await step(async () => {
      await t.client.call('leads.delete', { id: lead });
      await t.client.call('trash.purge', { kind: 'lead', id: lead });
    });
    expect(one<{ n: number }>('SELECT count(*) AS n FROM lead_contributions WHERE lead_id = ?', lead).n).toBe(
      0,
    );
  });

  it('follow campaign channels, merged contacts and the pipeline being reconfigured', async () => {
    await t.client.call('workspace.setup', { mode: 'demo' });
    const campaign = one<{ id: string; channel: string }>(
      `SELECT c.id, c.channel FROM campaigns c WHERE EXISTS (SELECT 1 FROM leads l WHERE l.campaign_id = c.id)
       ORDER BY c.name LIMIT 1`,
    );
    const channel = campaign.channel === 'email' ? 'event' : 'email';
    await step(() => t.client.call('campaigns.update', { id: campaign.id, patch: { channel } }));
    const pair = all<{ id: string }>(
      `SELECT contact_id AS id FROM leads WHERE contact_id IS NOT NULL AND deleted_at IS NULL
       GROUP BY contact_id ORDER BY min(created_at) LIMIT 2`,
    );
    await step(
      () => t.client.call('contacts.merge', { keepId: pair[0]!.id, mergeId: pair[1]!.id }),
      'nothing',
    );

    // Stage positions and outcomes are read with the rollups: reconfiguring the pipeline moves no row, and
    // the facts follow it.
    const stages = await t.client.call('leads.stages', {});
    const ids = stages.map((s) => s.id);
    const q = ids.indexOf(stageId(t.core.ctx, 'Qualified'));
    const swapped = [...ids];
    [swapped[q - 1], swapped[q]] = [swapped[q]!, swapped[q - 1]!];
    await step(() => t.client.call('leads.reorderStages', { ids: swapped }), 'facts');
    await step(() => t.client.call('leads.reorderStages', { ids }), 'facts');
    const rollups = stored();
    const extra = await t.client.call('leads.createStage', {
      name: 'Sampling',
      probability: 30,
      position: 1,
    });
    await step(() => t.client.call('leads.updateStage', { id: extra.id, outcome: 'lost' }), 'nothing');
    await step(() => t.client.call('leads.deleteStage', { id: extra.id }), 'nothing');
    expect(stored()).toEqual(rollups);
    // Whoever writes the table: a stage whose outcome changes under its leads.
    await step(
      () => sql(`UPDATE pipeline_stages SET outcome = 'won' WHERE id = ?`, stageId(t.core.ctx, 'Proposal')),
      'facts',
    );
  });

  it('follow history and lead rows written in either order, moved and removed', async () => {
    const at = '2026-08-10T09:00:00.000Z';
    let a = '';
    let b = '';
    await step(() => {
      a = insertLead(t.core.ctx, { createdAt: at, rating: 3, valueMinor: 100_00 });
      b = insertLead(t.core.ctx, { createdAt: '2026-09-30T23:59:59.999Z', channel: 'web' });
    });
    await step(() => moveLead(t.core.ctx, a, 'Proposal', '2026-08-11T09:00:00.000Z'));
    // The history row first, then the lead's stage.
    const won = stageId(t.core.ctx, 'Won');
    await step(() =>
      sql(
        `INSERT INTO lead_stage_history (id, lead_id, from_stage_id, to_stage_id, changed_at, created_at, updated_at)
         VALUES ('h-b', ?, NULL, ?, ?, ?, ?)`,
        b,
        won,
        at,
        at,
        at,
      ),
    );
    await step(() => sql('UPDATE leads SET stage_id = ?, closed_at = ? WHERE id = ?', won, at, b));
    await step(() => sql(`UPDATE lead_stage_history SET lead_id = ? WHERE id = 'h-b'`, a));
    await step(() =>
      sql(`UPDATE lead_stage_history SET to_stage_id = ? WHERE id = 'h-b'`, stageId(t.core.ctx, 'Lost')),
    );
    await step(() => sql(`DELETE FROM lead_stage_history WHERE id = 'h-b'`));
    await step(() => sql('UPDATE leads SET created_at = ? WHERE id = ?', '2026-10-01T00:00:00.000Z', b));
    await step(() => sql('UPDATE leads SET rating = 4 WHERE id = ?', a));
    await step(() => {
      sql('DELETE FROM lead_stage_history WHERE lead_id = ?', a);
      sql('DELETE FROM leads WHERE id = ?', a);
    });
  });

  it('follow deals imports, their re-import and undo', async () => {
    const first = await importInto(t, sample('pipedrive-deals.csv'));
    expect(stored().contributions.length).toBeGreaterThan(20);
    expectInStep();
    // A newer export with one deal moved on and lost, and one more deal: the import updates what changed.
    const lines = readFileSync(sample('pipedrive-deals.csv'), 'utf8').trimEnd().split('\n');
    const moved = lines.map((l) =>
      l.startsWith('1046,') ? l.replace('Proposal Made,,Open,', 'Negotiations Started,,Lost,') : l,
    );
    const extra = lines.at(-1)!.replace(/^1203,Brick Mill Diner/, '1299,Harbor Light Bakery');
    const before = stored();
    const again = await importInto(t, files.write('deals-v2.csv', `${[...moved, extra].join('\n')}\n`));
    expect(again).toMatchObject({ inserted: 1 });
    expect(stored()).not.toEqual(before);
    expectInStep();
    for (const job of [again, first]) {
      undoJob(t.core.ctx.sqlite, job.id, t.core.ctx.nowIso);
      expectInStep();
    }
    expect(stored().contributions).toEqual([]);
    expect(stored().months).toEqual([]);
  });

  it('follow an import written by the import worker on its own connection, and its undo', async () => {
    const started = await t.client.call('imports.start', {
      path: sample('pipedrive-deals.csv'),
      options: { timeZone: MAINE },
    });
    const manager = importManager(t.core.ctx);
    expect(manager.mode).toBe('worker');
    await manager.idle();
    expect(stored().contributions.length).toBeGreaterThan(20);
    expectInStep();
    await t.client.call('imports.undo', { id: started.id });
    await manager.idle();
    expectInStep();
    expect(stored().days).toEqual([]);
  });
});
