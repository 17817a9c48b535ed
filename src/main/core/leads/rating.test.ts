import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, testClock, type TestCore } from '../testing';
import { insertCampaign, makeLead } from './fixtures';

let t: TestCore;
const clock = testClock('2026-10-15T12:00:00Z');
beforeEach(async () => {
  clock.set('2026-10-15T12:00:00Z');
  t = await createTestCore({ clock });
});
afterEach(() => t.dispose());

describe('qualification feedback', () => {
  it('stores the rating with its note, who and when; null clears it', async () => {
    const lead = await makeLead(t);
    clock.set('2026-10-16T08:30:00Z');
    const rated = await t.client.call('leads.rate', {
      id: lead.id,
      rating: 4,
      note: 'Good fit, owns two cafés',
      ratedBy: 'Sam',
    });
    expect(rated).toMatchObject({
      rating: 4,
      ratingNote: 'Good fit, owns two cafés',
      ratedBy: 'Sam',
      ratedAt: '2026-10-16T08:30:00.000Z',
    });
    const again = await t.client.call('leads.rate', { id: lead.id, rating: 5 });
    expect(again).toMatchObject({ rating: 5, ratingNote: 'Good fit, owns two cafés', ratedBy: 'You' });
    const cleared = await t.client.call('leads.rate', { id: lead.id, rating: null });
    expect(cleared).toMatchObject({ rating: null, ratingNote: '', ratedBy: null, ratedAt: null });
    for (const rating of [0, 6, 3.5]) {
      await expect(t.client.call('leads.rate', { id: lead.id, rating })).rejects.toMatchObject({
        issues: [{ field: 'rating' }],
      });
    }
  });

  it('summarises ratings per campaign and per channel', async () => {
    const fair = insertCampaign(t, { name: 'Trade fair', channel: 'event' });
    const mail = insertCampaign(t, { name: 'Newsletter', channel: 'email' });
    const plan: [string | null, number | null][] = [
      [fair, 5],
      [fair, 4],
      [fair, 2],
      [fair, null],
      [mail, 3],
      [mail, 1],
      [null, 4],
    ];
    for (const [campaignId, rating] of plan) {
      const lead = await makeLead(t, { campaignId });
      if (rating !== null) await t.client.call('leads.rate', { id: lead.id, rating });
    }
    const summary = await t.client.call('leads.ratingSummary', {});
    expect(summary.overall).toEqual({ leads: 7, rated: 6, averageRating: 3.17, shareHigh: 0.5 });
    expect(summary.byCampaign).toEqual([
      {
        campaignId: fair,
        campaignName: 'Trade fair',
        channel: 'event',
        leads: 4,
        rated: 3,
        averageRating: 3.67,
        shareHigh: 2 / 3,
      },
      {
        campaignId: mail,
        campaignName: 'Newsletter',
        channel: 'email',
        leads: 2,
        rated: 2,
        averageRating: 2,
        shareHigh: 0,
      },
      {
        campaignId: null,
        campaignName: 'No campaign',
        channel: null,
        leads: 1,
        rated: 1,
        averageRating: 4,
        shareHigh: 1,
      },
    ]);
    expect(summary.byChannel.find((c) => c.channel === 'unknown')).toMatchObject({
      leads: 1,
      averageRating: 4,
    });
    expect(summary.byChannel.find((c) => c.channel === 'event')).toMatchObject({ leads: 4, rated: 3 });
  });

  it('counts leads created within the period only', async () => {
    await makeLead(t);
    clock.set('2026-11-02T10:00:00Z');
    const late = await makeLead(t);
    await t.client.call('leads.rate', { id: late.id, rating: 2 });
    const october = await t.client.call('leads.ratingSummary', { from: '2026-10-01', to: '2026-10-31' });
    expect(october.overall).toEqual({ leads: 1, rated: 0, averageRating: null, shareHigh: null });
    const november = await t.client.call('leads.ratingSummary', { from: '2026-11-01', to: '2026-11-02' });
    expect(november.overall).toMatchObject({ leads: 1, rated: 1, averageRating: 2 });
  });
});
