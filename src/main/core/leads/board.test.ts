import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, testClock, type TestCore } from '../testing';
import { insertCampaign, makeLead, stageIds } from './fixtures';

let t: TestCore;
let stages: Record<string, string>;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  stages = await stageIds(t);
});
afterEach(() => t.dispose());

describe('pipeline board', () => {
  it('shows each stage with count, value, weighted value and the next follow-up per card', async () => {
    const a = await makeLead(t, { title: 'A', valueMinor: 10_000 });
    const b = await makeLead(t, { title: 'B', valueMinor: 30_000, stageId: stages.Proposal });
    await makeLead(t, { title: 'C', valueMinor: 20_000, stageId: stages.Proposal });
    await makeLead(t, { title: 'W', valueMinor: 99_000, stageId: stages.Won });
    await t.client.call('activities.log', {
      leadId: a.id,
      type: 'call',
      subject: 'Overdue call',
      dueAt: '2026-10-13',
      done: false,
    });
    await t.client.call('activities.log', {
      leadId: a.id,
      type: 'email',
      subject: 'Later mail',
      dueAt: '2026-10-20',
      done: false,
    });
    await t.client.call('activities.log', {
      leadId: b.id,
      type: 'meeting',
      subject: 'Tasting',
      dueAt: '2026-10-15T15:00:00Z',
      done: false,
    });
    await t.client.call('activities.log', { leadId: b.id, type: 'note', subject: 'Done note' });

    const board = await t.client.call('leads.board', {});
    const col = (name: string) => board.columns.find((c) => c.stage.name === name);
    expect(board.columns.map((c) => c.stage.name)).toEqual([
      'New',
      'Contacted',
      'Qualified',
      'Proposal',
      'Won',
      'Lost',
    ]);
    expect(col('New')).toMatchObject({
      count: 1,
      totalValueMinor: 10_000,
      weightedValueMinor: 1_000,
      hasMore: false,
    });
    expect(col('Proposal')).toMatchObject({ count: 2, totalValueMinor: 50_000, weightedValueMinor: 30_000 });
    expect(col('Contacted')).toMatchObject({ count: 0, totalValueMinor: 0, cards: [] });
    expect(board.pipelineValueMinor).toBe(60_000);
    expect(board.weightedPipelineValueMinor).toBe(31_000);

    expect(col('New')?.cards[0]?.nextActivity).toMatchObject({
      subject: 'Overdue call',
      dueDate: '2026-10-13',
      overdue: true,
    });
    const cardB = col('Proposal')?.cards.find((c) => c.title === 'B');
    expect(cardB?.nextActivity).toMatchObject({ subject: 'Tasting', type: 'meeting', overdue: false });
    expect(col('Proposal')?.cards.find((c) => c.title === 'C')?.nextActivity).toBeNull();
  });

  it('limits cards per stage and filters like the table', async () => {
    const fair = insertCampaign(t, { name: 'Trade fair', channel: 'event' });
    for (let i = 0; i < 5; i++) await makeLead(t, { title: `Fair ${i}`, campaignId: fair, valueMinor: 100 });
    await makeLead(t, { title: 'Walk-in', valueMinor: 1 });
    const board = await t.client.call('leads.board', { perStage: 2 });
    const fresh = board.columns[0];
    expect(fresh).toMatchObject({ count: 6, totalValueMinor: 501, hasMore: true });
    expect(fresh?.cards.map((c) => c.title)).toEqual(['Walk-in', 'Fair 4']);
    const filtered = await t.client.call('leads.board', { campaignId: fair, perStage: 10 });
    expect(filtered.columns[0]).toMatchObject({ count: 5, totalValueMinor: 500, hasMore: false });
    const searched = await t.client.call('leads.board', { search: 'walk' });
    expect(searched.columns[0]?.cards.map((c) => c.title)).toEqual(['Walk-in']);
  });
});
