import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '@shared/domain/dates';
import { insertLead, moveLead, type StageName } from '../results/builders';
import { windowOf } from '../results/period';
import { createTestCore, testClock, type TestCore } from '../testing';
import { CHANGES_STATEMENTS, changesOf } from './changes';
import { PIPELINE_BEFORE, PIPELINE_NOW, pipelineByStage } from './data';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'empty' });
});
afterEach(() => t.dispose());

const DAY = 86_400_000;
const STAGES: StageName[] = ['New', 'Contacted', 'Qualified', 'Proposal', 'Won', 'Lost'];

/** A small deterministic generator, so a failing seed can be replayed. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Leads created over seven months, some never moved, some moved forward, back, to won or lost, some moved
 * after the report's period ends, some moved twice at the same instant, some deleted.
 */
function business(seed: number) {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const start = Date.parse('2026-04-01T00:00:00Z');
  for (let i = 0; i < 160; i++) {
    const created = start + Math.floor(rand() * 200) * DAY + Math.floor(rand() * DAY);
    const at = (ms: number) => new Date(ms).toISOString();
    const id = insertLead(t.core.ctx, {
      createdAt: at(created),
      valueMinor: pick([0, 50_000, 120_000, 120_000, 300_000]),
    });
    let when = created;
    const moves = Math.floor(rand() * 4);
    for (let m = 0; m < moves && when < Date.parse('2026-10-15T00:00:00Z'); m++) {
      if (rand() > 0.2) when += Math.floor(rand() * 40 * DAY);
      moveLead(t.core.ctx, id, pick(STAGES), at(when));
    }
    if (rand() < 0.05)
      t.core.ctx.sqlite.prepare('UPDATE leads SET deleted_at = ? WHERE id = ?').run(at(when), id);
  }
}

/**
 * Deals advanced in [from, until), recounted in plain code from every history row: a live deal's last changes
 * before `until` (all rows at that instant) that fall in the period and took it to a later open stage.
 */
function referenceAdvanced(fromIso: string, untilIso: string): number {
  const stages = new Map(
    (
      t.core.ctx.sqlite.prepare('SELECT id, position, outcome FROM pipeline_stages').all() as {
        id: string;
        position: number;
        outcome: string;
      }[]
    ).map((s) => [s.id, s]),
  );
  const live = new Set(
    (
      t.core.ctx.sqlite.prepare('SELECT id FROM leads WHERE deleted_at IS NULL').all() as { id: string }[]
    ).map((l) => l.id),
  );
  const history = t.core.ctx.sqlite
    .prepare(
      'SELECT lead_id AS leadId, from_stage_id AS fromId, to_stage_id AS toId, changed_at AS at FROM lead_stage_history',
    )
    .all() as { leadId: string; fromId: string | null; toId: string; at: string }[];
  const last = new Map<string, string>();
  for (const h of history) if (h.at < untilIso && h.at > (last.get(h.leadId) ?? '')) last.set(h.leadId, h.at);
  return history.filter((h) => {
    const to = stages.get(h.toId);
    const from = h.fromId === null ? undefined : stages.get(h.fromId);
    return (
      live.has(h.leadId) &&
      h.at >= fromIso &&
      h.at < untilIso &&
      h.at === last.get(h.leadId) &&
      to?.outcome === 'open' &&
      from !== undefined &&
      to.position > from.position
    );
  }).length;
}

/** Stalled deals as the definition reads: each open deal's last change before `asOf`, looked up one by one. */
function referenceStalled(asOf: string, days: number): { id: string; at: string; valueMinor: number }[] {
  const cutoff = new Date(Date.parse(asOf) - days * DAY).toISOString();
  return t.core.ctx.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT l.id, l.value_minor AS valueMinor,
                coalesce((SELECT max(h.changed_at) FROM lead_stage_history h
                          WHERE h.lead_id = l.id AND h.changed_at < ?), l.created_at) AS at
         FROM pipeline_stages s CROSS JOIN leads l ON l.stage_id = s.id
         WHERE s.outcome = 'open' AND s.deleted_at IS NULL AND l.deleted_at IS NULL AND l.created_at < ?)
       WHERE at < ? ORDER BY valueMinor DESC, at`,
    )
    .all(asOf, asOf, cutoff) as { id: string; at: string; valueMinor: number }[];
}

describe("the meeting report's changes since the last meeting", () => {
  it.each([1, 2, 3, 4, 5, 6])(
    'count and list advanced and stalled deals as reading each history would (seed %i)',
    (seed) => {
      business(seed);
      const ctx = t.core.ctx;
      for (const [from, to] of [
        ['2026-07-01', '2026-09-30'],
        ['2026-09-01', '2026-09-30'],
        ['2026-10-05', '2026-10-11'],
        ['2026-10-01', '2026-10-31'],
      ] as const) {
        const w = windowOf(from, to);
        for (const days of [0, 7, 14, 30]) {
          const changes = changesOf(ctx, w, days);
          expect(changes.advanced.count).toBe(referenceAdvanced(w.fromIso, w.untilIso));
          const asOf = w.untilIso < ctx.nowIso() ? w.untilIso : ctx.nowIso();
          const reference = referenceStalled(asOf, days);
          expect(changes.stalled.count).toBe(reference.length);
          // Rows tied on value and time may come in either order; the values and times listed must match.
          expect(changes.stalled.rows.map((r) => [r.valueMinor, r.at])).toEqual(
            reference.slice(0, changes.stalled.rows.length).map((r) => [r.valueMinor, r.at]),
          );
          expect(changes.stalled.rows).toHaveLength(Math.min(12, reference.length));
          for (const r of changes.stalled.rows)
            expect(r.days).toBe(Math.floor((Date.parse(asOf) - Date.parse(r.at)) / DAY));
        }
      }
      // The generated business exercises every branch: moves after a period ends, deals never moved.
      expect(referenceStalled(windowOf('2026-07-01', '2026-09-30').untilIso, 14).length).toBeGreaterThan(0);
      expect(
        referenceAdvanced('2026-04-01T00:00:00.000Z', `${addDays('2026-10-14', 1)}T00:00:00.000Z`),
      ).toBeGreaterThan(0);
    },
  );
});

describe("the meeting report's pipeline by stage", () => {
  it.each([1, 2, 3])(
    'sums each open stage as joining every lead would, stages without deals at 0 (seed %i)',
    (seed) => {
      business(seed);
      const ctx = t.core.ctx;
      // A stage nobody is in yet must still be listed.
      ctx.sqlite
        .prepare(
          `INSERT INTO pipeline_stages (id, name, position, probability, outcome, created_at, updated_at)
         VALUES ('empty-stage', 'Negotiation', 35, 70, 'open', '2026-01-01', '2026-01-01')`,
        )
        .run();
      const reference = (untilIso: string | null) =>
        ctx.sqlite
          .prepare(
            `SELECT s.id AS stageId, s.name, s.probability, count(l.id) AS deals,
                  coalesce(sum(l.value_minor), 0) AS valueMinor,
                  coalesce(sum(l.value_minor * min(100, max(0, s.probability))), 0) / 100 AS weightedMinor
           FROM pipeline_stages s
           LEFT JOIN leads l ON l.stage_id = s.id AND l.deleted_at IS NULL ${untilIso ? 'AND l.created_at < ?' : ''}
           WHERE s.outcome = 'open' AND s.deleted_at IS NULL
           GROUP BY s.id ORDER BY s.position`,
          )
          .all(...(untilIso ? [untilIso] : []));
      const past = windowOf('2026-07-01', '2026-09-30');
      expect(pipelineByStage(ctx, past)).toEqual(reference(past.untilIso));
      const running = windowOf('2026-10-01', '2026-10-31');
      const now = pipelineByStage(ctx, running);
      expect(now).toEqual(reference(null));
      expect(now.find((s) => s.stageId === 'empty-stage')).toMatchObject({ deals: 0, valueMinor: 0 });
      expect(now.reduce((n, s) => n + s.deals, 0)).toBeGreaterThan(0);
    },
  );
});

describe("the meeting report's query plans", () => {
  // The stalled rows walk the live leads in value order on purpose: the LIMIT stops the walk at the first
  // stalled deals, which come first in a business of any size.
  const ORDERED_WALK = /^SCAN l USING INDEX leads_live_value_idx$/;
  it.each(Object.entries({ ...CHANGES_STATEMENTS, PIPELINE_NOW, PIPELINE_BEFORE }))(
    '%s reads leads, history and contacts through an index, never by scanning them',
    (_name, sql) => {
      business(1);
      const params = (sql.match(/\?/g) ?? []).map(() => '2026-07-01');
      const plan = (
        t.core.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
      ).map((p) => p.detail);
      const scans = plan.filter(
        (d) => /^SCAN (l|h|x|c|leads|lead_stage_history|contacts)\b/.test(d) && !ORDERED_WALK.test(d),
      );
      expect(scans).toEqual([]);
      expect(plan.some((d) => /^SEARCH .* USING (COVERING )?INDEX/.test(d))).toBe(true);
    },
  );
});
