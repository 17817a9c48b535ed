import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
});
afterEach(() => t.dispose());

describe('settings and workspace', () => {
  it('starts with defaults and saves changes', async () => {
    expect(await t.client.call('settings.get', {})).toMatchObject({ currency: 'USD', initialized: false });
    const saved = await t.client.call('settings.update', {
      businessName: 'Café Lumière',
      currency: 'eur',
      locale: 'fr-FR',
      fiscalYearStartMonth: 4,
    });
    expect(saved).toMatchObject({
      businessName: 'Café Lumière',
      currency: 'EUR',
      locale: 'fr-FR',
      fiscalYearStartMonth: 4,
    });
    // A locale is kept as it is canonically written.
    expect(await t.client.call('settings.update', { locale: 'DE-de' })).toMatchObject({ locale: 'de-DE' });
  });

  it('rejects an unknown currency and an impossible month', async () => {
    await expect(t.client.call('settings.update', { currency: 'XYZW' })).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(t.client.call('settings.update', { fiscalYearStartMonth: 13 })).rejects.toMatchObject({
      issues: [{ field: 'fiscalYearStartMonth', message: 'expected a month 1–12' }],
    });
  });

  it('fills an empty workspace with the demo business once', async () => {
    const status = await t.client.call('workspace.setup', { mode: 'demo' });
    expect(status.initialized).toBe(true);
    expect(status.counts.contacts).toBeGreaterThan(50);
    expect(status.counts.leads).toBeGreaterThan(30);
    expect(status.counts.orders).toBeGreaterThan(100);
    await expect(t.client.call('workspace.setup', { mode: 'demo' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('puts demo leads in every stage and follow-ups overdue, today and ahead', async () => {
    await t.client.call('workspace.setup', { mode: 'demo' });
    const { sqlite } = t.core.connection;
    const perStage = sqlite
      .prepare(
        'SELECT s.name, count(l.id) n FROM pipeline_stages s LEFT JOIN leads l ON l.stage_id = s.id GROUP BY s.id',
      )
      .all() as { n: number }[];
    expect(perStage.every((s) => s.n > 0)).toBe(true);
    const due = sqlite
      .prepare(
        `SELECT sum(due_at < '2026-10-15') overdue, sum(substr(due_at,1,10) = '2026-10-15') today, sum(due_at >= '2026-10-16') later FROM activities WHERE done_at IS NULL`,
      )
      .get() as Record<string, number>;
    expect(due.overdue).toBeGreaterThan(0);
    expect(due.today).toBeGreaterThan(0);
    expect(due.later).toBeGreaterThan(0);
    const months = sqlite
      .prepare(`SELECT count(DISTINCT substr(date,1,7)) n FROM metric_observations WHERE metric = 'visits'`)
      .get() as { n: number };
    expect(months.n).toBeGreaterThanOrEqual(9);
  });

  it('first start stores the settings asked for with an empty workspace', async () => {
    await t.client.call('workspace.setup', {
      mode: 'empty',
      settings: {
        businessName: 'Kaffeerösterei Blau',
        currency: 'eur',
        locale: 'de-DE',
        weekStart: 1,
        fiscalYearStartMonth: 4,
      },
    });
    expect(await t.client.call('settings.get', {})).toEqual({
      businessName: 'Kaffeerösterei Blau',
      currency: 'EUR',
      previousCurrency: null,
      locale: 'de-DE',
      weekStart: 1,
      fiscalYearStartMonth: 4,
      initialized: true,
    });
  });

  it('the demo keeps its own name and currency but takes the locale, week and fiscal year', async () => {
    await t.client.call('workspace.setup', {
      mode: 'demo',
      settings: {
        businessName: 'Mine',
        currency: 'EUR',
        locale: 'de-DE',
        weekStart: 0,
        fiscalYearStartMonth: 7,
      },
    });
    expect(await t.client.call('settings.get', {})).toMatchObject({
      businessName: 'Harbor & Pine Coffee Roasters',
      currency: 'USD',
      locale: 'de-DE',
      weekStart: 0,
      fiscalYearStartMonth: 7,
    });
  });

  it('refuses first-start settings it cannot use, and sets nothing up', async () => {
    await expect(
      t.client.call('workspace.setup', {
        mode: 'empty',
        // A week starting on Wednesday, as a hand-written call might send.
        settings: { businessName: ' ', weekStart: 3 as 0 },
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      issues: expect.arrayContaining([
        expect.objectContaining({ field: 'settings.businessName' }),
        expect.objectContaining({ field: 'settings.weekStart' }),
      ]),
    });
    expect((await t.client.call('settings.get', {})).initialized).toBe(false);
  });

  it('keeps an empty workspace empty', async () => {
    const status = await t.client.call('workspace.setup', { mode: 'empty' });
    expect(status.initialized).toBe(true);
    expect(Object.values(status.counts).every((n) => n === 0)).toBe(true);
  });
});
