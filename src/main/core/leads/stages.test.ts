import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing';
import { makeLead, stageIds } from './fixtures';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());

const names = async () => (await t.client.call('leads.stages', {})).map((s) => s.name);

describe('pipeline stages', () => {
  it('starts with the default pipeline', async () => {
    const stages = await t.client.call('leads.stages', {});
    expect(stages.map((s) => [s.name, s.probability, s.outcome])).toEqual([
      ['New', 10, 'open'],
      ['Contacted', 20, 'open'],
      ['Qualified', 40, 'open'],
      ['Proposal', 60, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);
  });

  it('creates, renames, sets probability and reorders', async () => {
    const demo = await t.client.call('leads.createStage', {
      name: 'Tasting booked',
      probability: 30,
      position: 2,
    });
    expect(await names()).toEqual([
      'New',
      'Contacted',
      'Tasting booked',
      'Qualified',
      'Proposal',
      'Won',
      'Lost',
    ]);
    const renamed = await t.client.call('leads.updateStage', {
      id: demo.id,
      name: 'Tasting',
      probability: 35,
    });
    expect(renamed).toMatchObject({ name: 'Tasting', probability: 35, outcome: 'open', position: 2 });
    const ids = (await t.client.call('leads.stages', {})).map((s) => s.id);
    const reversed = await t.client.call('leads.reorderStages', { ids: [...ids].reverse() });
    expect(reversed.map((s) => s.name)).toEqual([
      'Lost',
      'Won',
      'Proposal',
      'Qualified',
      'Tasting',
      'Contacted',
      'New',
    ]);
    expect(reversed.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('validates names, probabilities and orders', async () => {
    await expect(t.client.call('leads.createStage', { name: ' ', probability: 10 })).rejects.toMatchObject({
      issues: [{ field: 'name' }],
    });
    await expect(t.client.call('leads.createStage', { name: 'X', probability: 120 })).rejects.toMatchObject({
      issues: [{ field: 'probability' }],
    });
    const ids = (await t.client.call('leads.stages', {})).map((s) => s.id);
    await expect(t.client.call('leads.reorderStages', { ids: ids.slice(1) })).rejects.toMatchObject({
      issues: [{ field: 'ids' }],
    });
  });

  it('deletes only empty stages and never the last won or lost one', async () => {
    const stages = await stageIds(t);
    const lead = await makeLead(t, { stageId: stages.Contacted });
    await expect(t.client.call('leads.deleteStage', { id: stages.Contacted! })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(t.client.call('leads.deleteStage', { id: stages.Won! })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      t.client.call('leads.updateStage', { id: stages.Lost!, outcome: 'open' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      t.client.call('leads.updateStage', { id: stages.Contacted!, outcome: 'won' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ field: 'outcome' }],
    });
    await t.client.call('leads.move', { id: lead.id, stageId: stages.Qualified! });
    await t.client.call('leads.deleteStage', { id: stages.Contacted! });
    expect(await names()).toEqual(['New', 'Qualified', 'Proposal', 'Won', 'Lost']);
  });

  it('brings a restored lead back to the first open stage when its stage was deleted', async () => {
    const stages = await stageIds(t);
    const lead = await makeLead(t, { stageId: stages.Contacted });
    await t.client.call('leads.delete', { id: lead.id });
    await t.client.call('leads.deleteStage', { id: stages.Contacted! });
    const back = await t.client.call('leads.restore', { id: lead.id });
    expect(back.stageName).toBe('New');
  });
});
