import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countRows } from '../db/count';
import { campaigns } from '../db/schema';
import { insertLead, insertOrder, moveLead } from '../results/builders';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-05-15T12:00:00Z') });
});
afterEach(() => t.dispose());

const base = { name: 'Spring newsletter', channel: 'email', objective: 'leads' } as const;

async function rejected(method: 'campaigns.create' | 'campaigns.update', input: unknown) {
  const result = await t.core.dispatch(method, input);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.code).toBe('validation');
  return result.error;
}

describe('campaign validation', () => {
  it('refuses bad campaigns naming the field, and saves nothing', async () => {
    await t.client.call('campaigns.create', { ...base, trackingCode: 'spring-newsletter' });
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ startDate: '2026-05-10', endDate: '2026-05-01' }, 'endDate', /before the start date/],
      [{ budgetMinor: -100 }, 'budgetMinor', /must not be negative/],
      [{ budgetMinor: 12.5 }, 'budgetMinor', /whole minor units/],
      [
        { trackingCode: 'spring-newsletter' },
        'trackingCode',
        /already used by the campaign "Spring newsletter"/,
      ],
      [{ trackingCode: 'spring sale' }, 'trackingCode', /no spaces/],
      [{ trackingCode: 'Spring-Sale' }, 'trackingCode', /lowercase/],
      [{ trackingCode: 'sale#1' }, 'trackingCode', /only lowercase letters/],
      [{ landingUrl: 'javascript:alert(1)' }, 'landingUrl', /only http and https/],
      [{ planId: '0190a6f2-0000-7000-8000-000000000000' }, 'planId', /plan does not exist/],
      [{ channel: 'tv' }, 'channel', /./],
    ];
    for (const [over, field, message] of cases) {
      const error = await rejected('campaigns.create', { ...base, name: 'Other', ...over });
      expect(error.issues?.find((i) => i.field === field)?.message).toMatch(message);
      expect(error.message).toContain(field);
    }
    expect(countRows(t.core.connection.db, campaigns)).toBe(1);
  });

  it('checks an update against the stored values and leaves the campaign unchanged', async () => {
    const c = await t.client.call('campaigns.create', {
      ...base,
      startDate: '2026-05-01',
      endDate: '2026-05-31',
    });
    await t.client.call('campaigns.create', { ...base, name: 'Other', trackingCode: 'taken' });
    expect(
      (await rejected('campaigns.update', { id: c.id, patch: { endDate: '2026-04-30' } })).issues?.[0]?.field,
    ).toBe('endDate');
    expect(
      (await rejected('campaigns.update', { id: c.id, patch: { trackingCode: 'taken' } })).issues?.[0]?.field,
    ).toBe('trackingCode');
    expect(
      (await rejected('campaigns.update', { id: c.id, patch: { budgetMinor: -1 } })).issues?.[0]?.field,
    ).toBe('patch.budgetMinor');
    expect(await t.client.call('campaigns.get', { id: c.id })).toEqual(c);
    const same = await t.client.call('campaigns.update', {
      id: c.id,
      patch: { trackingCode: c.trackingCode!, budgetMinor: 500_00 },
    });
    expect(same.budgetMinor).toBe(500_00);
  });

  it('makes a unique tracking code from the name when none is given, keeping deleted codes reserved', async () => {
    const first = await t.client.call('campaigns.create', { ...base, name: 'Café Week!' });
    expect(first.trackingCode).toBe('cafe-week');
    await t.client.call('campaigns.delete', { id: first.id });
    const second = await t.client.call('campaigns.create', { ...base, name: 'Café Week!' });
    expect(second.trackingCode).toBe('cafe-week-2');
    const error = await rejected('campaigns.create', { ...base, trackingCode: 'cafe-week' });
    expect(error.issues?.[0]?.message).toMatch(/deleted/);
    await t.client.call('campaigns.restore', { id: first.id });
    expect((await t.client.call('campaigns.list', {})).length).toBe(2);
  });
});

describe('campaigns', () => {
  it('lists with filters and budget status', async () => {
    const plan = await t.client.call('plans.create', {
      name: 'Q2',
      periodKind: 'quarter',
      startDate: '2026-04-01',
    });
    const ads = await t.client.call('campaigns.create', {
      planId: plan.id,
      name: 'Search ads',
      channel: 'ads',
      objective: 'sales',
      budgetMinor: 100_00,
      startDate: '2026-04-01',
    });
    await t.client.call('campaigns.create', { ...base, startDate: '2026-05-01' });
    await t.client.call('spend.create', { campaignId: ads.id, date: '2026-04-02', amountMinor: 120_00 });
    const all = await t.client.call('campaigns.list', {});
    expect(all.map((c) => c.name)).toEqual(['Search ads', 'Spring newsletter']);
    expect(all[0]).toMatchObject({
      planName: 'Q2',
      spentMinor: 120_00,
      overBudget: true,
      overspendMinor: 20_00,
    });
    expect((await t.client.call('campaigns.list', { planId: null })).map((c) => c.name)).toEqual([
      'Spring newsletter',
    ]);
    expect((await t.client.call('campaigns.list', { channel: 'ads' })).length).toBe(1);
    expect((await t.client.call('campaigns.list', { search: 'spring-news' })).length).toBe(1);
  });

  it('finds a tracking code by what is typed, an underscore taken literally', async () => {
    await t.client.call('campaigns.create', { ...base, name: 'Retargeting', trackingCode: 'fb_retarget' });
    await t.client.call('campaigns.create', { ...base, name: 'Fall brochure', trackingCode: 'fbx-retarget' });
    const names = async (search: string) =>
      (await t.client.call('campaigns.list', { search })).map((c) => c.name);
    expect(await names('fb_ret')).toEqual(['Retargeting']);
    expect(await names('FB_RETARGET')).toEqual(['Retargeting']);
    expect(await names('b_r')).toEqual(['Retargeting']);
  });

  it('shows spend, content, rated leads, orders and results on the detail', async () => {
    const c = await t.client.call('campaigns.create', {
      ...base,
      budgetMinor: 200_00,
      trackingCode: 'spring',
      landingUrl: 'https://harborpine.com/shop?ref=mail',
    });
    expect(c.taggedUrl).toBe(
      'https://harborpine.com/shop?ref=mail&utm_source=newsletter&utm_medium=email&utm_campaign=spring',
    );
    await t.client.call('spend.create', {
      campaignId: c.id,
      date: '2026-05-01',
      amountMinor: 150_00,
      note: 'Mailchimp',
    });
    await t.client.call('content.create', {
      title: 'Spring issue',
      campaignId: c.id,
      scheduledDate: '2026-05-02',
      status: 'scheduled',
    });
    const { ctx } = t.core;
    const good = insertLead(ctx, {
      campaignId: c.id,
      rating: 4,
      ratingNote: 'Right size',
      valueMinor: 900_00,
      createdAt: '2026-05-03T10:00:00.000Z',
    });
    insertLead(ctx, { campaignId: c.id, rating: 1, createdAt: '2026-05-04T10:00:00.000Z' });
    insertLead(ctx, { campaignId: c.id, stage: 'Proposal', createdAt: '2026-05-05T10:00:00.000Z' });
    moveLead(ctx, good, 'Won', '2026-05-10T10:00:00.000Z');
    insertOrder(ctx, {
      orderedAt: '2026-05-06T10:00:00.000Z',
      totalMinor: 80_00,
      currency: 'USD',
      campaignId: c.id,
    });
    insertOrder(ctx, {
      orderedAt: '2026-05-07T10:00:00.000Z',
      totalMinor: 50_00,
      currency: 'USD',
      campaignId: c.id,
      status: 'voided',
    });

    const detail = await t.client.call('campaigns.detail', { id: c.id });
    expect(detail.currency).toBe('USD');
    expect(detail.spend.map((s) => [s.date, s.amountMinor, s.note])).toEqual([
      ['2026-05-01', 150_00, 'Mailchimp'],
    ]);
    expect(detail.content.map((i) => [i.title, i.utmContent, i.taggedUrl])).toEqual([
      ['Spring issue', 'spring-issue', null],
    ]);
    expect(detail.leads.map((l) => [l.rating, l.stageName, l.qualified])).toEqual([
      [null, 'Proposal', true],
      [1, 'New', false],
      [4, 'Won', true],
    ]);
    expect(detail.orders.map((o) => [o.status, o.revenueMinor])).toEqual([
      ['voided', 0],
      ['paid', 80_00],
    ]);
    expect(detail.results).toMatchObject({
      spendMinor: 150_00,
      leads: 3,
      qualifiedLeads: 2,
      won: 1,
      revenueMinor: 980_00,
      costPerLeadMinor: 50_00,
      overBudget: false,
    });
    expect(detail.results.roi).toBeCloseTo((980_00 - 150_00) / 150_00, 10);
    expect(detail.results.roas).toBeCloseTo(980_00 / 150_00, 10);
    expect(detail.revenue).toEqual({ ordersMinor: 80_00, paymentsMinor: 0, wonLeadsMinor: 900_00 });
    expect(detail.budget).toMatchObject({ remainingMinor: 50_00, usedFraction: 0.75 });
  });

  it('builds tagged links for the campaign and its content', async () => {
    const c = await t.client.call('campaigns.create', {
      ...base,
      channel: 'social',
      trackingCode: 'insta-launch',
    });
    await t.client.call('content.create', {
      title: 'Behind the roast',
      campaignId: c.id,
      link: 'https://harborpine.com/roast#video',
    });
    await t.client.call('content.create', { title: 'Reel', campaignId: c.id, utmContent: 'reel-1' });
    const links = await t.client.call('campaigns.links', {
      id: c.id,
      url: 'https://harborpine.com/',
      source: 'instagram',
    });
    expect(links.url).toBe(
      'https://harborpine.com/?utm_source=instagram&utm_medium=social&utm_campaign=insta-launch',
    );
    expect(links.content.map((i) => i.url)).toEqual([
      'https://harborpine.com/roast?utm_source=social&utm_medium=social&utm_campaign=insta-launch&utm_content=behind-the-roast#video',
      'https://harborpine.com/?utm_source=social&utm_medium=social&utm_campaign=insta-launch&utm_content=reel-1',
    ]);
    expect(await t.client.call('campaigns.links', { id: c.id })).toMatchObject({
      url: null,
      problem: 'enter the page to link to',
    });
    expect(await t.client.call('campaigns.links', { id: c.id, url: 'ftp://x.org' })).toMatchObject({
      url: null,
      problem: expect.stringMatching(/http/),
    });
  });

  it('deletes softly and restores', async () => {
    const c = await t.client.call('campaigns.create', base);
    await t.client.call('campaigns.delete', { id: c.id });
    await expect(t.client.call('campaigns.get', { id: c.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await t.client.call('campaigns.list', {})).toEqual([]);
    expect((await t.client.call('campaigns.restore', { id: c.id })).name).toBe(base.name);
  });
});
