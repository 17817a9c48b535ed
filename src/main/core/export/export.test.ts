import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '@shared/contract/result';
import { grantFile } from '../files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { downloadsFolder } from './service';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-03-15T12:00:00Z') });
});
afterEach(() => t.dispose());

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '');

async function seed() {
  const acme = await t.client.call('companies.create', { name: 'Acme Roasting' });
  const ada = await t.client.call('contacts.create', {
    firstName: 'Ada',
    lastName: 'Baker',
    email: 'ada@acme.example',
    companyName: acme.name,
    lifecycle: 'customer',
  });
  await t.client.call('contacts.create', { firstName: 'Bob', lastName: 'Baker', email: 'bob@x.example' });
  await t.client.call('contacts.create', { firstName: 'Cy', lastName: 'Young', email: 'cy@x.example' });
  const campaign = await t.client.call('campaigns.create', {
    name: 'Spring beans',
    channel: 'email',
    objective: 'leads',
    startDate: '2026-03-01',
    endDate: '2026-03-31',
    budgetMinor: 100000,
  });
  await t.client.call('spend.create', { campaignId: campaign.id, date: '2026-03-02', amountMinor: 12345 });
  await t.client.call('spend.create', { campaignId: campaign.id, date: '2026-02-02', amountMinor: 500 });
  await t.client.call('content.create', { title: '=cmd|calc', campaignId: campaign.id });
  await t.client.call('activities.log', { contactId: ada.id, type: 'call', subject: 'Intro call' });
  return { campaign, ada };
}

describe('exports.csv', () => {
  it('exports exactly the rows of the list screen’s filter, in its order', async () => {
    await seed();
    const path = join(t.dir, 'bakers.csv');
    const result = await t.client.call('exports.csv', {
      selection: { kind: 'contacts', filter: { search: 'baker', sort: 'name', direction: 'desc' } },
      destination: { to: 'file', path },
    });
    expect(result).toMatchObject({ kind: 'contacts', rows: 2, replaced: 0 });
    const [header, ...body] = lines(path);
    expect(header?.split(',').slice(0, 4)).toEqual(['Tandem contact ID', 'First name', 'Last name', 'Email']);
    expect(body.map((l) => l.split(',')[1])).toEqual(['Bob', 'Ada']);
    const customers = await t.client.call('exports.csv', {
      selection: { kind: 'contacts', filter: { lifecycle: 'customer' } },
      destination: { to: 'file', path },
    });
    expect(customers.rows).toBe(1);
    expect(lines(path)[1]).toContain('Acme Roasting');
  });

  it('writes companies, activities, campaigns, spend and content with plain machine values', async () => {
    await seed();
    const expectations = { companies: 1, activities: 1, campaigns: 1, spend: 2, content: 1 } as const;
    for (const [kind, count] of Object.entries(expectations)) {
      const path = join(t.dir, `${kind}.csv`);
      const result = await t.client.call('exports.csv', {
        selection: { kind } as never,
        destination: { to: 'file', path },
      });
      expect(result.rows, kind).toBe(count);
      expect(lines(path)).toHaveLength(count + 1);
    }
    const spend = lines(join(t.dir, 'spend.csv'));
    expect(spend[0]).toBe(
      'Tandem spend ID,Date,Campaign,Campaign code,Channel,Amount,Currency,Note,Imported,Counted',
    );
    // Money as decimal major units the currency beside it.
    expect(spend[1]).toMatch(/,2026-03-02,Spring beans,spring-beans,email,123\.45,USD,,no,yes$/);
    expect(spend[2]).toMatch(/,2026-02-02,Spring beans,spring-beans,email,5\.00,USD,,no,yes$/);
    expect(lines(join(t.dir, 'content.csv'))[1]).toContain(",'=cmd|calc,");
    expect(lines(join(t.dir, 'campaigns.csv'))[1]).toContain(',2026-03-01,2026-03-31,1000.00,128.45,USD,');
  });

  it('narrows to a period on each kind’s own date', async () => {
    await seed();
    const path = join(t.dir, 'spend.csv');
    const march = await t.client.call('exports.csv', {
      selection: { kind: 'spend' },
      period: { from: '2026-03-01', to: '2026-03-31' },
      destination: { to: 'file', path },
    });
    expect(march.rows).toBe(1);
    expect(march.fileName).toBe('spend 2026-03-01 to 2026-03-31.csv');
    const none = await t.client.call('exports.csv', {
      selection: { kind: 'contacts' },
      period: { from: '2025-01-01', to: '2025-01-31' },
      destination: { to: 'file', path },
    });
    expect(none.rows).toBe(0);
    expect(lines(path)).toHaveLength(1);
  });

  it('honours delimiter and encoding options', async () => {
    await seed();
    const path = join(t.dir, 'c.txt');
    await t.client.call('exports.csv', {
      selection: { kind: 'spend' },
      options: { delimiter: '\t', encoding: 'utf-16le' },
      destination: { to: 'file', path },
    });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le').split('\r\n')[0]).toBe(
      'Tandem spend ID\tDate\tCampaign\tCampaign code\tChannel\tAmount\tCurrency\tNote\tImported\tCounted',
    );
  });

  it('refuses windows-1252 for a name it cannot hold, keeping the old file; replaces when asked', async () => {
    await t.client.call('contacts.create', { firstName: 'Łucja', email: 'l@x.example' });
    const path = join(t.dir, 'c.csv');
    writeFileSync(path, 'before');
    const refused = t.client.call('exports.csv', {
      selection: { kind: 'contacts' },
      options: { encoding: 'windows-1252' },
      destination: { to: 'file', path },
    });
    await expect(refused).rejects.toThrow(/row 1 holds "Ł" \(U\+0141\), which windows-1252 cannot store/);
    expect(readFileSync(path, 'utf8')).toBe('before');
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const replaced = await t.client.call('exports.csv', {
      selection: { kind: 'contacts' },
      options: { encoding: 'windows-1252', unencodable: 'replace' },
      destination: { to: 'file', path },
    });
    expect(replaced.replaced).toBe(1);
    expect(readFileSync(path, 'latin1')).toContain(',?ucja,');
  });

  it('writes a download into Tandem’s own exports folder', async () => {
    await seed();
    const result = await t.client.call('exports.csv', {
      selection: { kind: 'contacts' },
      destination: { to: 'download' },
    });
    expect(result.path.startsWith(downloadsFolder(t.core.ctx))).toBe(true);
    expect(result.fileName).toBe('contacts 2026-03-15.csv');
    expect(lines(result.path)).toHaveLength(4);
  });
});

describe('exports.csv in the desktop app and browser host', () => {
  it('writes only where the user chose in a save dialog', async () => {
    const g = await createTestCore({ fileAccess: 'granted' });
    try {
      const path = join(g.dir, 'elsewhere', '..', 'chosen.csv');
      const refused = g.client.call('exports.csv', {
        selection: { kind: 'contacts' },
        destination: { to: 'file', path },
      });
      await expect(refused).rejects.toBeInstanceOf(ApiError);
      await expect(refused).rejects.toThrow(/saves only where you chose/);
      expect(existsSync(join(g.dir, 'chosen.csv'))).toBe(false);
      grantFile(g.core.ctx, join(g.dir, 'chosen.csv'), 'write');
      const saved = await g.client.call('exports.csv', {
        selection: { kind: 'contacts' },
        destination: { to: 'file', path: join(g.dir, 'chosen.csv') },
      });
      expect(saved.rows).toBe(0);
      expect(lines(join(g.dir, 'chosen.csv'))).toHaveLength(1);
      // The browser host has no dialog: the core says so and the page downloads instead.
      expect(await g.client.call('exports.chooseFile', { defaultName: 'contacts.csv' })).toEqual({
        supported: false,
        path: null,
      });
    } finally {
      g.dispose();
    }
  });
});
